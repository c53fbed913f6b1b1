import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSlackManifest } from '#shared/slack-app/manifest';
import { synthCommitments } from './synth.ts';

// Issue 25: the operator's guides, read by someone who deploys CDK apps for a living, against what the stacks make.
const guide = readFileSync(new URL('../../docs/deploying.md', import.meta.url), 'utf8');
const operating = readFileSync(new URL('../../docs/operating.md', import.meta.url), 'utf8');
const section = (heading: string) => guide.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
const shellBlocks = (text: string) => [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);

const { statefulTemplate, statelessTemplate } = synthCommitments();
const outputs = statefulTemplate.toJSON().Outputs as Record<string, { Value: unknown }>;
/** The outputs that name a resource of `type` the stateful stack keeps after `cdk destroy`. */
const outputsNaming = (type: string) =>
  Object.entries(outputs)
    .filter(([, output]) => Object.keys(statefulTemplate.findResources(type)).some((id) => JSON.stringify(output.Value).includes(`"${id}"`)))
    .map(([key]) => key)
    .filter((key) => !key.startsWith('Exports') && !key.startsWith('PublishOutput'));

const work = mkdtempSync(join(tmpdir(), 'commitments-guide-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the operator guide', () => {
  const secretEntry = shellBlocks(section('Deploy')).find((block) => block.includes('put-secret-value')) ?? '';

  it.each(['dash', 'bash'])('puts both Slack secrets from a prompt in %s as well, since step 4 uses nothing a POSIX shell lacks', (shell) => {
    // A stand-in `aws` on PATH writes down each call and the secret string it was handed.
    const log = join(work, `${shell}-aws.log`);
    const aws = join(work, 'bin', 'aws');
    execFileSync('mkdir', ['-p', dirname(aws)]);
    writeFileSync(aws, '#!/bin/sh\nfor a in "$@"; do case "$a" in file://*) cat "${a#file://}"; printf " ";; *) printf "%s " "$a";; esac; done >> "$AWS_LOG"\necho >> "$AWS_LOG"\n');
    chmodSync(aws, 0o755);
    writeFileSync(
      join(work, 'cdk-outputs.json'),
      JSON.stringify({ CommitmentsStateful: { SlackSecretArn: 'arn:aws:secretsmanager:r:1:secret:signing', SlackBotTokenSecretArn: 'arn:aws:secretsmanager:r:1:secret:token' } }),
    );
    execFileSync(shell, ['-c', secretEntry], {
      cwd: work,
      input: 'sig-123\nxoxb-456\n',
      env: { PATH: `${dirname(aws)}:${dirname(process.execPath)}:/usr/bin:/bin`, AWS_LOG: log, HOME: work },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls).toHaveLength(2);
    const [signing, token] = calls as [string, string];
    for (const [call, arn, json] of [
      [signing, 'arn:aws:secretsmanager:r:1:secret:signing', '{"signingSecret":"sig-123"}'],
      [token, 'arn:aws:secretsmanager:r:1:secret:token', '{"botToken":"xoxb-456"}'],
    ] as const) {
      expect(call).toMatch(/^secretsmanager put-secret-value /);
      expect(call).toContain(`--secret-id ${arn}`);
      expect(call).toContain(json);
    }
  });

  it('lists every tool its commands run, and the region, among the prerequisites', () => {
    const prerequisites = /^Prerequisites:[^\n]*(\n[-*] [^\n]+)*/m.exec(section('Deploy'))?.[0] ?? '';
    const named = { aws: /AWS CLI/, node: /Node\.js 22/, npm: /Node\.js 22/, npx: /Node\.js 22/, openssl: /openssl/ } as const;
    const tools = new Set(shellBlocks(guide).flatMap((block) => [...block.matchAll(/(?:^|[|&;]|\$\()\s*(?:[A-Z_]+=\S+\s+)*(aws|npx|npm|node|openssl) /gm)].map((m) => m[1] as keyof typeof named)));
    expect(tools).toContain('aws');
    for (const tool of tools) expect(prerequisites, tool).toMatch(named[tool]);
    // The AWS CLI, the CDK CLI and the seed script each take the region from it.
    expect(prerequisites).toMatch(/AWS_REGION/);
  });

  it('removes, in clean-up, everything the stateful stack keeps: the table, both secrets and the token key, each by its output', () => {
    const cleanUp = section('Clean up');
    const kept = [...outputsNaming('AWS::SecretsManager::Secret'), ...outputsNaming('AWS::KMS::Key'), ...outputsNaming('AWS::DynamoDB::GlobalTable')];
    expect(kept.filter((key) => key.endsWith('Arn') || key === 'TableName').sort()).toEqual(['SlackBotTokenSecretArn', 'SlackSecretArn', 'TableName', 'TokenKeyArn']);
    for (const key of ['SlackSecretArn', 'SlackBotTokenSecretArn', 'TokenKeyArn', 'TableName']) expect(cleanUp).toContain(key);
  });

  it('has a runbook line for every alarm, in the table of the operating guide', () => {
    const alarms = ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm'].flatMap((type) => Object.keys(statelessTemplate.findResources(type)));
    // A logical id is the construct path run together, then a hash of it.
    const names = alarms.map((id) => id.replace(/[0-9A-F]{8}$/, ''));
    expect(names.length).toBe(alarms.length);
    const table = operating.split('\n').filter((line) => line.startsWith('| `'));
    expect(names.filter((name) => !table.some((line) => line.includes(`\`${name}\``)))).toEqual([]);
  });

  it('says org-wide installs are not offered, as the manifest asks Slack for none', () => {
    expect(buildSlackManifest('https://example.org/slack/events').settings.org_deploy_enabled).toBe(false);
    expect(guide).toContain('`org_deploy_enabled: false`');
  });
});
