import { parseArgs } from 'node:util';
import { createDynamoClient } from '#shared/store/client';
import { createStore } from '#shared/store/store';
import { seedBusan } from '#shared/use-cases/seed';
import { loadConfig } from '#shared/config';
import { createLogger } from '#shared/observe/log';
import { createSweepDeps } from '#shared/reminders/deps';
import { runSweep } from '#shared/reminders/sweep';
import { createCheckInDeps } from '#shared/check-ins/deps';
import { runCheckInSweep } from '#shared/check-ins/sweep';
import { renderReport } from '#shared/slack/render/report';
import { blocksToText } from './local/blocks-to-text.ts';
import { FakeSlack } from '#local/fake-slack';
import { ensureTable, startDynamoDbLocal } from './local/dynamodb-local.ts';
import { serveLambda } from './local/http-adapter.ts';
import { LOCAL } from './local/env.ts';
import { claimLocalRun } from './local/single-run.ts';

/**
 * `npm start`: the whole bot on this machine. DynamoDB Local keeps its data under .local/,
 * the Busan data set is loaded, and the very Lambda handler is served on localhost. Without a
 * bot token, Slack's Web API is a local stand-in that prints what the bot would send.
 */
// Refused before anything starts: a second run would find the port taken and the data in use.
const refusal = await claimLocalRun(LOCAL.port, LOCAL.dataDir);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
const dynamo = await startDynamoDbLocal({ dataDir: LOCAL.dataDir });
const client = createDynamoClient(dynamo.endpoint);
await ensureTable(client, LOCAL.tableName);
const store = createStore({ client, tableName: LOCAL.tableName });
const seeded = await seedBusan(store, LOCAL.teamId, new Date());
const busan = renderReport(await store.getReport(LOCAL.teamId, 'japan-korea'), { filter: 'all', page: 0, now: new Date(), shared: true });

// `--multi-workspace`: no bot token; workspaces install through the install page, and the fake Slack's consent page installs this one.
const multiWorkspace = parseArgs({ options: { 'multi-workspace': { type: 'boolean', default: false } } }).values['multi-workspace'];
const realSlack = Boolean(process.env['SLACK_BOT_TOKEN']) && !multiWorkspace;
const fakeSlack = realSlack
  ? undefined
  : await new FakeSlack({
      // The local user is the workspace's admin, so the Busan track can be claimed (`roles`) locally.
      users: { [LOCAL.userId]: { is_admin: true } },
      ...(multiWorkspace ? { oauthClient: LOCAL.oauth, consent: { teamId: LOCAL.teamId, teamName: 'Local workspace', botToken: 'xoxb-local', installerUserId: LOCAL.userId } } : {}),
    }).start();
if (multiWorkspace) delete process.env['SLACK_BOT_TOKEN'];
Object.assign(process.env, {
  // Metrics are EMF lines for CloudWatch; in a terminal they would only crowd out the log.
  POWERTOOLS_METRICS_DISABLED: process.env['POWERTOOLS_METRICS_DISABLED'] ?? 'true',
  TABLE_NAME: LOCAL.tableName,
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  SLACK_SIGNING_SECRET: LOCAL.signingSecret,
  ...(fakeSlack && !multiWorkspace ? { SLACK_BOT_TOKEN: 'xoxb-local', SLACK_API_URL: fakeSlack.apiUrl } : {}),
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
const { handler } = await import('../functions/slack/handler.ts');
const { url, server } = await serveLambda(handler, LOCAL.port);

console.log(blocksToText(busan), '\n');
console.log(`DynamoDB Local: ${dynamo.endpoint} (data in ${LOCAL.dataDir}/)`);
console.log(`Busan data for team ${LOCAL.teamId}: ${seeded.created.length > 0 ? `added ${seeded.created.join(', ')}` : 'already loaded'}`);
console.log(`Slack endpoint: ${url}/slack/events${realSlack ? ' (point your Slack app here through a tunnel)' : ''}`);
console.log(`Slack Web API: ${fakeSlack ? `local stand-in at ${fakeSlack.apiUrl}` : 'slack.com (SLACK_BOT_TOKEN is set)'}`);
if (multiWorkspace) {
  console.log(`Install page: ${url.replace('127.0.0.1', 'localhost')}/slack/install (Add to Slack goes to the stand-in's consent page, which installs ${LOCAL.teamId} at once)`);
}
console.log('\nIn another terminal:\n  npm run slack -- "/commitments japan-korea"\n  npm run slack -- "/commitments help"\n\nCtrl-C stops everything.');

// The reminder schedule, in process: one sweep a minute, as EventBridge runs it when deployed.
const sweepLog = createLogger('sweep', 'INFO');
const sweepDeps = await createSweepDeps(loadConfig(), client, sweepLog);
const checkInDeps = createCheckInDeps(loadConfig(), client, sweepLog);
const sweep = setInterval(() => {
  const deadline = Date.now() + 50_000;
  const remainingMs = () => deadline - Date.now();
  runSweep(sweepDeps, { now: new Date(), remainingMs })
    .then((summary) => summary.due > 0 && sweepLog.info('sweep', { ...summary }))
    .then(() => runCheckInSweep(checkInDeps, { now: new Date(), remainingMs }))
    .then((summary) => summary.dueAsks > 0 && sweepLog.info('check-in sweep', { ...summary }))
    .catch((error: unknown) => sweepLog.error('sweep failed', { error }));
}, 60_000);

// With an app token, the same listeners also serve a real workspace over Socket Mode.
const socketApp = process.env['SLACK_APP_TOKEN'] ? await startSocketMode(process.env['SLACK_APP_TOKEN']) : undefined;

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  clearInterval(sweep);
  await socketApp?.stop();
  server.close();
  client.destroy();
  await fakeSlack?.stop();
  await dynamo.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

async function startSocketMode(appToken: string) {
  const { App, LogLevel } = await import('@slack/bolt');
  const { registerListeners } = await import('../functions/slack/listeners.ts');
  const { createListenerDeps } = await import('../functions/slack/deps.ts');
  const config = loadConfig();
  const secret = await config.slackSecret();
  if (secret.mode !== 'single') throw new Error('Socket Mode serves one workspace: set SLACK_BOT_TOKEN.');
  const app = new App({ token: secret.botToken, appToken, socketMode: true, logLevel: LogLevel.WARN, clientOptions: { slackApiUrl: config.slackApiUrl } });
  registerListeners(app, createListenerDeps(config, createLogger('commitments-socket', config.logLevel)));
  await app.start();
  console.log('Socket Mode: connected; /commitments in your workspace reaches this process.');
  return app;
}
