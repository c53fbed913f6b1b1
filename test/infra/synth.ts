import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addCommitmentsStacks } from '../../infra/commitments.ts';

// The CLI adds cdk.json's context (feature flags included); a bare `new App()` would not.
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

/** Builds the app as `cdk synth` does, with extra context on top of cdk.json's. */
export function synthCommitments(context: Record<string, unknown> = {}) {
  const app = new App({ context: { ...cdkJson.context, ...context } });
  const { stateful, stateless } = addCommitmentsStacks(app);
  return {
    app,
    stateful,
    stateless,
    statefulTemplate: Template.fromStack(stateful),
    statelessTemplate: Template.fromStack(stateless),
  };
}
