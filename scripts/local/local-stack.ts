import type { Server } from 'node:http';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadConfig } from '#shared/config';
import { createLogger } from '#shared/observe/log';
import { createSweepDeps } from '#shared/reminders/deps';
import { runSweep } from '#shared/reminders/sweep';
import { createCheckInDeps } from '#shared/check-ins/deps';
import { runCheckInSweep } from '#shared/check-ins/sweep';
import { renderReport } from '#shared/slack/render/report';
import { createDynamoClient } from '#shared/store/client';
import { createStore } from '#shared/store/store';
import { createPreferencesStore } from '#shared/store/preferences';
import { seedBusan, type SeedResult } from '#shared/use-cases/seed';
import { blocksToText } from './blocks-to-text.ts';
import { seedDemo, type DemoSeedResult } from './demo-track.ts';
import { ensureTable, startDynamoDbLocal, type LocalDynamo } from './dynamodb-local.ts';
import { writeEndpoints, removeEndpoints, type LocalEndpoints } from './endpoints.ts';
import { LOCAL } from './env.ts';
import { FakeSlack } from './fake-slack.ts';
import { FakeKms } from './fake-kms.ts';
import { serveLambda } from './http-adapter.ts';
import { personaUsers, USER_GROUPS } from './personas.ts';
import { watchOutbox } from './slack-outbox.ts';

export interface LocalStackOptions {
  /** 0 for any free port. */
  port: number;
  /** Where the endpoints file, the outbox and the terminal client's state go. */
  localDir: string;
  tableName: string;
  /** DynamoDB Local keeping its data here, started with the stack; or `dynamodbEndpoint`, one already running. */
  dataDir?: string;
  dynamodbEndpoint?: string;
  /** Without a bot token; workspaces install through the install page, and the stand-in's consent page installs this one. */
  multiWorkspace?: boolean;
  /** Real Slack: `SLACK_BOT_TOKEN` is set, so no stand-in. */
  realSlack?: boolean;
  /** Where the stand-in's output goes: the `npm start` terminal. */
  print: (text: string) => void;
}

export interface LocalStack {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Where browsers reach it (`PUBLIC_URL`, else `http://localhost:<port>`): the install page and its redirect URI use it. */
  publicUrl: string;
  endpoints: LocalEndpoints;
  fakeSlack: FakeSlack | undefined;
  seeded: SeedResult;
  /** The demo track's items added by this start (none when they were there already). */
  demo: DemoSeedResult;
  /** The Busan track's report as text, for the start banner. */
  busan: string;
  /** Settles when the DynamoDB Local started with the stack ends; undefined for one given by `dynamodbEndpoint`. */
  dynamoExited: LocalDynamo['exited'] | undefined;
  /** Runs one reminder sweep now, as the minute's schedule does. */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole bot on this machine: DynamoDB Local (or the one given), the Busan data set, the very
 * Lambda handler on loopback, the reminder sweep once a minute, and, without a bot token, a local
 * Slack stand-in whose output is printed and whose uploads land in the outbox. Its endpoints are
 * written under `localDir` for `npm run slack`, `seed` and `sweep` to find.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dynamo = options.dynamodbEndpoint ? undefined : await startDynamoDbLocal(options.dataDir ? { dataDir: options.dataDir } : {});
  const dynamodbEndpoint = options.dynamodbEndpoint ?? dynamo!.endpoint;
  const client: DynamoDBClient = createDynamoClient(dynamodbEndpoint);
  await ensureTable(client, options.tableName);
  const store = createStore({ client, tableName: options.tableName });
  const seeded = await seedBusan(store, LOCAL.teamId, new Date());
  const demo = await seedDemo(store, createPreferencesStore({ client, tableName: options.tableName }), LOCAL.teamId, new Date());
  const busan = blocksToText(renderReport(await store.getReport(LOCAL.teamId, 'japan-korea'), { filter: 'all', page: 0, now: new Date(), shared: true }));

  const multiWorkspace = options.multiWorkspace ?? false;
  const fakeSlack = options.realSlack
    ? undefined
    : await new FakeSlack({
        // The local people (the admin you are by default among them); anyone else is a plain member of this workspace.
        users: personaUsers(),
        teamId: LOCAL.teamId,
        userGroups: { ...USER_GROUPS },
        ...(multiWorkspace ? { oauthClient: LOCAL.oauth, consent: { teamId: LOCAL.teamId, teamName: 'Local workspace', botToken: LOCAL.botToken, installerUserId: LOCAL.userId } } : {}),
      }).start();
  if (fakeSlack) watchOutbox(fakeSlack, { localDir: options.localDir, print: options.print });
  // Installs' tokens are sealed under a local KMS stand-in's key, as under the deployed KMS key.
  const kms = multiWorkspace ? await new FakeKms(LOCAL.tokenKey).start() : undefined;
  if (multiWorkspace) delete process.env['SLACK_BOT_TOKEN'];
  Object.assign(process.env, {
    // Metrics are EMF lines for CloudWatch; in a terminal they would only crowd out the log.
    POWERTOOLS_METRICS_DISABLED: process.env['POWERTOOLS_METRICS_DISABLED'] ?? 'true',
    TABLE_NAME: options.tableName,
    DYNAMODB_ENDPOINT: dynamodbEndpoint,
    SLACK_SIGNING_SECRET: LOCAL.signingSecret,
    ...(kms ? { TOKEN_KEY_ARN: kms.key.arn, KMS_ENDPOINT: kms.url } : {}),
    ...(fakeSlack && !multiWorkspace ? { SLACK_BOT_TOKEN: LOCAL.botToken, SLACK_API_URL: fakeSlack.apiUrl } : {}),
    ...(fakeSlack && multiWorkspace
      ? {
          SLACK_API_URL: fakeSlack.apiUrl,
          SLACK_AUTHORIZE_URL: fakeSlack.authorizeUrl,
          SLACK_CLIENT_ID: LOCAL.oauth.clientId,
          SLACK_CLIENT_SECRET: LOCAL.oauth.clientSecret,
          SLACK_STATE_SECRET: LOCAL.oauth.stateSecret,
        }
      : {}),
  });
  // Listening first, so the handler's PUBLIC_URL (where the install sends browsers back) can name the port.
  let handler: typeof import('../../functions/slack/handler.ts').handler | undefined;
  let afterAnswerSettled: (() => Promise<void>) | undefined;
  // Locally the work after an answer runs in this process; the answer waits for it, so the terminal client sees what it did.
  const { url, server } = await serveLambda((event, context) => handler!(event, context), options.port, { settled: () => afterAnswerSettled!() });
  const publicUrl = process.env['PUBLIC_URL'] ?? url.replace('127.0.0.1', 'localhost');
  process.env['PUBLIC_URL'] = publicUrl;
  ({ handler } = await import('../../functions/slack/handler.ts'));
  ({ afterAnswerSettled } = await import('../../functions/slack/after-answer.ts'));

  const endpoints: LocalEndpoints = {
    pid: process.pid,
    slackEndpoint: `${url}/slack/events`,
    dynamodbEndpoint,
    tableName: options.tableName,
    ...(fakeSlack ? { slackApiUrl: fakeSlack.apiUrl, fakeSlackUrl: fakeSlack.url } : {}),
    ...(fakeSlack && !multiWorkspace ? { botToken: LOCAL.botToken } : {}),
    ...(fakeSlack && multiWorkspace ? { multiWorkspace: true } : {}),
    ...(kms ? { kmsEndpoint: kms.url, tokenKeyArn: kms.key.arn } : {}),
  };
  writeEndpoints(options.localDir, endpoints);

  // The reminder schedule, in process: one sweep a minute, as EventBridge runs it when deployed.
  const sweepLog = createLogger('sweep', 'INFO');
  const sweepDeps = await createSweepDeps(loadConfig(), client, sweepLog);
  const checkInDeps = createCheckInDeps(loadConfig(), client, sweepLog);
  const sweep = async (): Promise<void> => {
    const deadline = Date.now() + 50_000;
    const remainingMs = () => deadline - Date.now();
    const summary = await runSweep(sweepDeps, { now: new Date(), remainingMs });
    if (summary.due > 0) sweepLog.info('sweep', { ...summary });
    const checkIns = await runCheckInSweep(checkInDeps, { now: new Date(), remainingMs });
    if (checkIns.dueAsks > 0) sweepLog.info('check-in sweep', { ...checkIns });
  };
  const timer = setInterval(() => void sweep().catch((error: unknown) => sweepLog.error('sweep failed', { error })), 60_000);

  return {
    url,
    publicUrl,
    endpoints,
    fakeSlack,
    seeded,
    demo,
    busan,
    dynamoExited: dynamo?.exited,
    sweep,
    async stop() {
      clearInterval(timer);
      removeEndpoints(options.localDir, process.pid);
      await closeServer(server);
      client.destroy();
      await fakeSlack?.stop();
      await kms?.stop();
      await dynamo?.stop();
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}
