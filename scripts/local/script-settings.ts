import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { addHours } from 'date-fns';
import { ConfigError } from '#shared/errors';
import { createDynamoClient } from '#shared/store/client';
import { readEndpoints } from './endpoints.ts';
import { LOCAL } from './env.ts';

/** A refusal a script prints as its one line. */
export class ScriptSettingError extends Error {}

/** `--help`: the script prints its usage and does nothing else. */
class HelpAsked extends Error {}

/**
 * A script's options from its command line: `--help` prints `usage` and ends the script; an
 * option it does not take, or one missing its value, is refused in one line with `usage`.
 */
export function scriptArgs<const T extends ParseArgsOptionsConfig>(options: T, usage: string): ReturnType<typeof parseArgs<{ options: T; strict: true }>>['values'] {
  try {
    const { values } = parseArgs({ options: { ...options, help: { type: 'boolean' } }, strict: true, allowPositionals: false });
    const { help, ...given } = values as Record<string, unknown>;
    if (help === true) throw new HelpAsked(`Usage: ${usage}`);
    return given as ReturnType<typeof parseArgs<{ options: T; strict: true }>>['values'];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) throw new ScriptSettingError(`${(error as Error).message.split('.')[0]}. Usage: ${usage}`);
    throw error;
  }
}

const START_HINT = 'start `npm start` in another terminal (this script finds it)';

/**
 * The environment a script runs with: as given when it names a DynamoDB endpoint, else the running
 * `npm start`'s endpoints (its table and, with `slack`, its Slack stand-in and bot token) filled in
 * where the environment says nothing, else as given (the AWS account of the current credentials).
 */
export function scriptEnv(env: NodeJS.ProcessEnv, localDir: string, needs: { slack: boolean }): NodeJS.ProcessEnv {
  if (env['DYNAMODB_ENDPOINT']) return env;
  const running = readEndpoints(localDir);
  if (!running) return env;
  const slackSet = Boolean(env['SLACK_BOT_TOKEN'] || env['SLACK_BOT_TOKEN_SECRET_ARN'] || env['SLACK_CLIENT_ID']);
  const slack: NodeJS.ProcessEnv =
    !needs.slack || slackSet || !running.slackApiUrl
      ? {}
      : running.botToken
        ? { SLACK_API_URL: running.slackApiUrl, SLACK_BOT_TOKEN: running.botToken }
        : {
            SLACK_API_URL: running.slackApiUrl,
            SLACK_CLIENT_ID: LOCAL.oauth.clientId,
            SLACK_CLIENT_SECRET: LOCAL.oauth.clientSecret,
            SLACK_STATE_SECRET: LOCAL.oauth.stateSecret,
            // Installs' tokens open through the running stand-in's KMS.
            ...(running.kmsEndpoint && running.tokenKeyArn ? { KMS_ENDPOINT: running.kmsEndpoint, TOKEN_KEY_ARN: running.tokenKeyArn } : {}),
          };
  return { ...env, DYNAMODB_ENDPOINT: running.dynamodbEndpoint, TABLE_NAME: env['TABLE_NAME'] ?? running.tableName, ...slack };
}

/** Refuses, in one line, a script bound for AWS with no region to find its table in. */
export async function checkRegion(endpoint: string | undefined): Promise<void> {
  if (endpoint) return;
  const client = createDynamoClient();
  try {
    await client.config.region();
  } catch {
    throw new ScriptSettingError(`No DynamoDB to use: ${START_HINT}, or set DYNAMODB_ENDPOINT (DynamoDB Local) or AWS_REGION (a table in your AWS account).`);
  } finally {
    client.destroy();
  }
}

/**
 * Runs a script's body and turns what stops it into one line on stderr (no stack trace): a
 * missing setting, a refusal, AWS credentials or a table not found, an endpoint not answering.
 */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof HelpAsked) return console.log(error.message);
    console.error(describeFailure(error));
    process.exitCode = error instanceof ScriptSettingError || error instanceof ConfigError ? 2 : 1;
  }
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // With DYNAMODB_ENDPOINT set the script does not look for npm start, so only without it does that help.
  if (error instanceof ConfigError) return process.env['DYNAMODB_ENDPOINT'] ? error.message : `${error.message} Or start \`npm start\` in another terminal: this script finds it.`;
  if (error instanceof ScriptSettingError) return error.message;
  const code = (error as NodeJS.ErrnoException).code ?? (error.cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ECONNREFUSED') return `Nothing answers at the endpoint (${error.message}): is \`npm start\` still running?`;
  if (error.name === 'CredentialsProviderError') return `No AWS credentials: ${error.message.split('\n')[0]}`;
  if (error.name === 'ResourceNotFoundException') return `The table was not found: ${error.message.split('\n')[0]} (TABLE_NAME names it).`;
  return `${error.name}: ${error.message.split('\n')[0]}`;
}

/**
 * `npm run sweep`'s `--at`: a date and time (`2026-12-09T10:00+09:00`), or `+2d` / `+36h` from
 * `now`, so an example in the docs sweeps "two days on" whatever day it is tried.
 */
export function sweepClock(at: string | undefined, now: Date): Date {
  if (at === undefined) return now;
  const ahead = /^\+(\d{1,4})([dh])$/.exec(at);
  // A date first: the engine's own parser would also take `12` or `+2` as a day in 2001.
  const clock = ahead ? addHours(now, Number(ahead[1]) * (ahead[2] === 'd' ? 24 : 1)) : new Date(/^\d{4}-\d{2}-\d{2}/.test(at) ? at : Number.NaN);
  if (Number.isNaN(clock.getTime())) throw new ScriptSettingError(`--at ${at}: give a date and time such as 2026-12-07T09:00+09:00, or +2d or +36h from now.`);
  return clock;
}
