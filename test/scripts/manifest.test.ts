import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, '../../scripts/manifest.ts');
// Resolved here: the script runs in an empty temporary folder that has no node_modules.
const tsx = import.meta.resolve('tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'commitments-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const url = 'https://abc123.execute-api.eu-west-1.amazonaws.com/slack/events';

function runManifest(cwd: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--import', tsx, script, ...args], {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run manifest', () => {
  it('reads the request URL from the CDK outputs file and writes the manifest file', () => {
    const outputs = path.join(dir, 'cdk-outputs.json');
    writeFileSync(outputs, JSON.stringify({ CommitmentsStateful: { TableName: 't' }, CommitmentsStateless: { SlackRequestUrl: url } }));
    const out = path.join(dir, 'slack-manifest.json');

    expect(runManifest(dir, '--outputs-file', outputs, '--out', out).status).toBe(0);
    const manifest = JSON.parse(readFileSync(out, 'utf8'));
    expect(manifest.settings.interactivity.request_url).toBe(url);
    expect(manifest.features.slash_commands[0].url).toBe(url);
  });

  it('prints the manifest for a URL given with --url', () => {
    const { status, stdout } = runManifest(dir, '--url', url);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).settings.interactivity.request_url).toBe(url);
  });

  it.each([
    ['http://abc123.example.com/slack/events', '--url http://abc123.example.com/slack/events: Slack sends requests only to https:// addresses.'],
    ['abc123.example.com/slack/events', '--url abc123.example.com/slack/events is not a URL.'],
  ])('refuses the request URL %s in one clear sentence (issue 25)', (given, sentence) => {
    const { status, stdout, stderr } = runManifest(dir, '--url', given);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${sentence} Give the URL the deploy printed (SlackRequestUrl), such as https://<api>.execute-api.<region>.amazonaws.com/slack/events.\n`);
  });

  it('explains how to deploy or pass --url when there is no outputs file', () => {
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    const { status, stderr } = runManifest(empty);
    expect(status).toBe(1);
    expect(stderr).toContain('npx cdk deploy --all --outputs-file cdk-outputs.json');
    expect(stderr).toContain('--url');
  });
});
