import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { LOCAL } from '#local/env';
import { startLocalStack, type LocalStack } from '#local/local-stack';
import { runClient } from '#local/terminal-client';
import { runScript } from './run-script.ts';

/** The settings a script would otherwise take from the test's environment instead of from `LOCAL_DIR`. */
const TABLE_AND_SLACK_SETTINGS = [
  'DYNAMODB_ENDPOINT',
  'TABLE_NAME',
  'SLACK_BOT_TOKEN',
  'SLACK_API_URL',
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'SLACK_BOT_TOKEN_SECRET_ARN',
];

/**
 * A terminal beside a running `npm start` whose files are in `localDir`: `slack` is
 * `npm run slack -- …` through the client's own code, `script` is `npm run <script> -- …` as a
 * process of its own with no table or Slack setting in its environment. Each gives what it printed
 * and its exit code.
 */
export function localSession(localDir: string, env: NodeJS.ProcessEnv = process.env) {
  const savedEnv = { ...env };
  return {
    async slack(...argv: string[]): Promise<{ code: number; out: string }> {
      const printed: string[] = [];
      const code = await runClient(argv, {
        localDir,
        signingSecret: LOCAL.signingSecret,
        defaults: { teamId: LOCAL.teamId, userId: LOCAL.userId, channelId: LOCAL.channelId },
        print: (text) => printed.push(text),
      });
      return { code, out: printed.join('\n') };
    },
    async script(name: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
      const scriptEnv: NodeJS.ProcessEnv = { ...savedEnv, LOCAL_DIR: localDir };
      for (const key of TABLE_AND_SLACK_SETTINGS) delete scriptEnv[key];
      return runScript(name, args, scriptEnv);
    },
  };
}

/**
 * A file's own `npm start`: the local stack started before its tests in a temp `LOCAL_DIR` (named
 * after `prefix`) on the suite's DynamoDB Local, with a terminal beside it (`localSession`);
 * `terminal` holds what the stack printed. Afterwards the stack stops, the environment is put
 * back and the folder removed.
 */
export function useLocalStack(prefix: string) {
  const localDir = mkdtempSync(path.join(tmpdir(), prefix));
  const savedEnv = { ...process.env };
  const terminal: string[] = [];
  let started: LocalStack | undefined;
  beforeAll(async () => {
    started = await startLocalStack({ port: 0, localDir, dynamodbEndpoint: inject('dynamodbEndpoint'), tableName: `test-${randomUUID()}`, print: (text) => terminal.push(text) });
  });
  afterAll(async () => {
    await started?.stop();
    process.env = savedEnv;
    rmSync(localDir, { recursive: true, force: true });
  });
  return {
    localDir,
    terminal,
    /** The running stack (from the file's first test on). */
    get stack(): LocalStack {
      if (!started) throw new Error('the local stack starts before the first test');
      return started;
    },
    ...localSession(localDir, savedEnv),
  };
}
