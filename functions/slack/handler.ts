import { App, AwsLambdaReceiver, LogLevel } from '@slack/bolt';
import { loadConfig } from '#shared/config';
import { createLogger } from '#shared/log';
import { createDynamoClient } from '#shared/store/client';
import { createStore } from '#shared/store/store';
import { createSubscriptionStore } from '#shared/store/subscriptions';
import { SLACK_APP } from '#shared/slack/definitions';
import { verifySlackSignature } from '#shared/slack/verify';
import { commitmentsCommand } from './commands/commitments.ts';
import { registerActions } from './actions/index.ts';
import { registerViews } from './views/index.ts';
import type { ListenerDeps } from './deps.ts';

/** The API Gateway HTTP API (payload 2.0) and Function URL event fields this handler reads. */
export interface HttpEvent {
  headers?: Record<string, string | undefined>;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface HttpResult {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
}

type ReceiverHandler = ReturnType<AwsLambdaReceiver['toHandler']>;

const config = loadConfig();
const log = createLogger('commitments-slack', config.logLevel);
const dynamo = createDynamoClient(config.dynamodbEndpoint);
const deps: ListenerDeps = {
  store: createStore({ client: dynamo, tableName: config.tableName }),
  subscriptions: createSubscriptionStore({ client: dynamo, tableName: config.tableName }),
  log,
  clock: () => new Date(),
};

/** Built on the first request, once the signing secret is known; no network call at cold start. */
let ready: Promise<{ signingSecret: string; serve: ReceiverHandler }> | undefined;

async function build(): Promise<{ signingSecret: string; serve: ReceiverHandler }> {
  const { signingSecret, botToken } = await config.slackSecret();
  const receiver = new AwsLambdaReceiver({
    signingSecret,
    // Checked below, both ways in time, before Bolt sees the request.
    signatureVerification: false,
    customPropertiesExtractor: (event) => ({ requestSignature: headerOf(event as HttpEvent, 'x-slack-signature') }),
    logLevel: LogLevel.WARN,
  });
  const app = new App({
    receiver,
    // A token from config means no auth.test round trip inside Slack's 3 seconds.
    authorize: async () => ({ botToken }),
    processBeforeResponse: true,
    ignoreSelf: false,
    clientOptions: { slackApiUrl: config.slackApiUrl },
    logLevel: LogLevel.WARN,
  });
  app.command(SLACK_APP.command.name, commitmentsCommand(deps));
  registerActions(app, deps);
  registerViews(app, deps);
  app.error(async (error) => log.error('unhandled listener error', { error }));
  return { signingSecret, serve: receiver.toHandler() };
}

export async function handler(event: HttpEvent, context: unknown): Promise<HttpResult> {
  ready ??= build().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  const { signingSecret, serve } = await ready;
  const rawBody = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  const refused = verifySlackSignature(
    { signature: headerOf(event, 'x-slack-signature'), timestamp: headerOf(event, 'x-slack-request-timestamp'), rawBody },
    signingSecret,
    new Date(),
  );
  if (refused) {
    log.warn('refused request', { reason: refused });
    return { statusCode: 401, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: refused }) };
  }
  return (await serve(event as never, context)) as HttpResult;
}

function headerOf(event: HttpEvent, name: string): string | undefined {
  const headers = event.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? headers[key] : undefined;
}
