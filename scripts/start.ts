import { parseArgs } from 'node:util';
import { loadConfig } from '#shared/config';
import { createLogger } from '#shared/observe/log';
import { LOCAL } from './local/env.ts';
import { startHints } from './local/banner.ts';
import { startLocalStack } from './local/local-stack.ts';
import { watchParents } from './local/parent-watch.ts';
import { outboxDir } from './local/slack-outbox.ts';
import { claimLocalRun } from './local/single-run.ts';

/**
 * `npm start`: the whole bot on this machine. DynamoDB Local keeps its data under .local/,
 * the Busan data set is loaded, and the very Lambda handler is served on localhost. Without a
 * bot token, Slack's Web API is a local stand-in that prints what the bot sends here.
 */
// Refused before anything starts: a second run would find the port taken and the data in use.
const refusal = await claimLocalRun(LOCAL.port, LOCAL.dataDir);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
const multiWorkspace = parseArgs({ options: { 'multi-workspace': { type: 'boolean', default: false } } }).values['multi-workspace'];
const realSlack = Boolean(process.env['SLACK_BOT_TOKEN']) && !multiWorkspace;
const stack = await startLocalStack({
  port: LOCAL.port,
  localDir: LOCAL.dir,
  dataDir: LOCAL.dataDir,
  tableName: LOCAL.tableName,
  multiWorkspace,
  realSlack,
  print: (text) => console.log(text),
});
const { publicUrl, endpoints, fakeSlack, seeded } = stack;

console.log(stack.busan, '\n');
console.log(`DynamoDB Local: ${endpoints.dynamodbEndpoint} (data in ${LOCAL.dataDir}/)`);
console.log(`Busan data for team ${LOCAL.teamId}: ${seeded.created.length > 0 ? `added ${seeded.created.join(', ')}` : 'already loaded'}`);
console.log(`Slack endpoint: ${endpoints.slackEndpoint}${realSlack ? ' (point your Slack app here through a tunnel)' : ''}`);
console.log(`Slack Web API: ${fakeSlack ? `local stand-in at ${fakeSlack.apiUrl}` : 'slack.com (SLACK_BOT_TOKEN is set)'}`);
if (fakeSlack) console.log(`What the bot sends (digests, direct messages, forms, Home tabs) prints below; its files land in ${outboxDir(LOCAL.dir)}/.`);
console.log(`Endpoints for npm run slack, seed and sweep: ${LOCAL.dir}/endpoints.json`);
if (multiWorkspace) {
  console.log(`Install page: ${publicUrl}/slack/install (Add to Slack goes to the stand-in's consent page, which installs ${LOCAL.teamId} at once)`);
}
console.log(`Demo track for the local people: ${stack.demo.created.length > 0 ? `added ${stack.demo.created.join(', ')}` : 'already loaded'} (/commitments demo)`);
console.log(`\n${startHints(LOCAL.dir)}`);

// With an app token, the same listeners also serve a real workspace over Socket Mode.
const socketApp = process.env['SLACK_APP_TOKEN'] ? await startSocketMode(process.env['SLACK_APP_TOKEN']) : undefined;

// Any of these signals, npm (or whatever started this) gone, or DynamoDB Local ended: everything stops.
let stopping = false;
async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  // A part that will not stop still lets this process end (its exit handler ends the emulator).
  setTimeout(() => process.exit(1), 15_000).unref();
  await socketApp?.stop();
  await stack.stop();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
watchParents(() => void stop());
void stack.dynamoExited?.then(({ code, signal }) => {
  if (stopping) return;
  console.error(`DynamoDB Local stopped (${signal ?? `exit code ${code}`}), so npm start stops too.`);
  void stop(1);
});

async function startSocketMode(appToken: string) {
  const { App, LogLevel } = await import('@slack/bolt');
  const { registerListeners } = await import('../functions/slack/listeners.ts');
  const { createListenerDeps } = await import('../functions/slack/deps.ts');
  const config = loadConfig();
  const secret = await config.slackSecret();
  if (secret.mode !== 'single') throw new Error('Socket Mode serves one workspace: set SLACK_BOT_TOKEN.');
  const app = new App({ token: secret.botToken, appToken, socketMode: true, extendedErrorHandler: true, logLevel: LogLevel.WARN, clientOptions: { slackApiUrl: config.slackApiUrl } });
  registerListeners(app, createListenerDeps(config, createLogger('commitments-socket', config.logLevel)));
  await app.start();
  console.log('Socket Mode: connected; /commitments in your workspace reaches this process.');
  return app;
}
