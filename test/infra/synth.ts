import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import { addCommitmentsStacks } from '../../infra/commitments.ts';
import { addPolicyChecks } from '../../infra/policy-checks.ts';

// The CLI adds cdk.json's context (feature flags included); a bare `new App()` would not.
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

// Every App writes a cloud assembly (a temp folder by default); these go under one folder per test file, removed after it.
const outRoot = mkdtempSync(join(tmpdir(), 'commitments-cdk-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

/** A CDK app whose cloud assembly is written under this test file's temp folder. */
export function createApp(context: Record<string, unknown> = {}): App {
  return new App({ context, outdir: mkdtempSync(join(outRoot, 'cdk.out-')) });
}

/** Builds the app as `cdk synth` does, with extra context on top of cdk.json's. */
export function synthCommitments(context: Record<string, unknown> = {}) {
  const app = createApp({ ...cdkJson.context, ...context });
  const { stateful, stateless } = addCommitmentsStacks(app);
  return {
    app,
    stateful,
    stateless,
    statefulTemplate: Template.fromStack(stateful),
    statelessTemplate: Template.fromStack(stateless),
  };
}

/** The app as `cdk synth` builds it, with cdk-nag and the Control Tower controls; `extend` adds resources first. */
export function createCheckedApp(
  context: Record<string, unknown> = {},
  extend: (stacks: ReturnType<typeof addCommitmentsStacks>) => void = () => {},
): App {
  const app = createApp({ ...cdkJson.context, ...context });
  extend(addCommitmentsStacks(app));
  addPolicyChecks(app);
  return app;
}
