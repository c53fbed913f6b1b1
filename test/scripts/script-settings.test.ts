import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runClient } from '#local/terminal-client';
import { ScriptSettingError, sweepClock } from '#local/script-settings';
import { runScript } from '../support/run-script.ts';

// No npm start has written here: the scripts find nothing to use.
const localDir = mkdtempSync(path.join(tmpdir(), 'commitments-nothing-'));

afterAll(() => rmSync(localDir, { recursive: true, force: true }));

/** A script with no table, Slack or AWS setting in its environment. */
async function bare(name: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], LOCAL_DIR: localDir, AWS_CONFIG_FILE: path.join(localDir, 'none'), AWS_SHARED_CREDENTIALS_FILE: path.join(localDir, 'none') };
  return runScript(name, args, env);
}

describe('scripts without npm start or settings (issue 15)', () => {
  it('seed says in one line what to set when no region or endpoint is known', async () => {
    const result = await bare('seed');
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'No DynamoDB to use: start `npm start` in another terminal (this script finds it), or set DYNAMODB_ENDPOINT (DynamoDB Local) or AWS_REGION (a table in your AWS account).',
    ]);
  });

  it('sweep says in one clear sentence which Slack setting is missing (issue 25)', async () => {
    const result = await bare('sweep');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'No Slack credentials are set: set SLACK_BOT_TOKEN (one workspace), SLACK_BOT_TOKEN_SECRET_ARN (deployed), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth install). ' +
        'Or start `npm start` in another terminal: this script finds it.\n',
    );
  });

  it('sweep names a wrong setting and what it must be, in one sentence (issue 25)', async () => {
    const result = await runScript('sweep', [], { PATH: process.env['PATH'], LOCAL_DIR: localDir, SLACK_BOT_TOKEN: 'xoxb-1', DYNAMODB_ENDPOINT: 'localhost:8000' });
    expect(result).toMatchObject({ code: 2, stderr: 'DYNAMODB_ENDPOINT must be a URL such as http://127.0.0.1:8000; it is “localhost:8000”.\n' });
  });

  it('sweep names the OAuth setting missing beside the others, in one sentence (issue 25)', async () => {
    const half = await runScript('sweep', [], { PATH: process.env['PATH'], LOCAL_DIR: localDir, SLACK_CLIENT_ID: '1.2', DYNAMODB_ENDPOINT: 'http://127.0.0.1:1' });
    // With DYNAMODB_ENDPOINT set the script does not look for npm start, so the line does not point to it.
    expect(half).toMatchObject({ code: 2, stderr: 'SLACK_CLIENT_SECRET is missing: an OAuth install needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (or set SLACK_BOT_TOKEN for one workspace).\n' });
  });

  it('a script prints its usage for --help, and refuses an option it does not take in one line with it', async () => {
    const help = await bare('sweep', '--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout.trim()).toBe('Usage: npm run sweep [-- --at <date-time> | +2d | +36h]');
    const unknown = await bare('purge', '--teams', 'T0123ABCD');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toEqual(["Unknown option '--teams'. Usage: npm run purge -- --team T0123ABCD [--yes]"]);
  });

  it('sweep refuses a moved clock it cannot read, in one line', async () => {
    const result = await bare('sweep', '--at', 'someday');
    expect(result).toMatchObject({ code: 2, stderr: '--at someday: give a date and time such as 2026-12-07T09:00+09:00, or +2d or +36h from now.\n' });
  });

  it("sweep's moved clock is a date and time, or days or hours from now", () => {
    const now = new Date('2026-12-07T05:30:00Z');
    expect(sweepClock(undefined, now)).toBe(now);
    expect(sweepClock('+2d', now).toISOString()).toBe('2026-12-09T05:30:00.000Z');
    expect(sweepClock('+36h', now).toISOString()).toBe('2026-12-08T17:30:00.000Z');
    expect(sweepClock('2026-12-09T10:00+09:00', now).toISOString()).toBe('2026-12-09T01:00:00.000Z');
    for (const unreadable of ['+2', '12', '2d', '+2w', '-2d', '+ 2d', '+99999d', '2026-13-40T10:00Z']) expect(() => sweepClock(unreadable, now), unreadable).toThrow(ScriptSettingError);
  });

  it('the terminal client says in one line that no npm start runs', async () => {
    const printed: string[] = [];
    const code = await runClient(['/commitments help'], { localDir, signingSecret: 's', defaults: { teamId: 'T0TEST', userId: 'U0TEST', channelId: 'C0TEST' }, print: (t) => printed.push(t) });
    expect(code).toBe(2);
    expect(printed).toEqual(["No npm start is running here: start it in another terminal (or set SLACK_ENDPOINT to the bot's /slack/events URL)."]);
  });
});
