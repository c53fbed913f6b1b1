import { createDynamoClient } from '#shared/store/client';
import { createStore } from '#shared/store/store';
import { seedBusan } from '#shared/use-cases/seed';
import { FakeSlack } from '../test/support/fake-slack.ts';
import { ensureTable, startDynamoDbLocal } from './local/dynamodb-local.ts';
import { serveLambda } from './local/http-adapter.ts';
import { LOCAL } from './local/env.ts';

/**
 * `npm start`: the whole bot on this machine. DynamoDB Local keeps its data under .local/,
 * the Busan data set is loaded, and the very Lambda handler is served on localhost. Without a
 * bot token, Slack's Web API is a local stand-in that prints what the bot would send.
 */
const dynamo = await startDynamoDbLocal({ dataDir: LOCAL.dataDir });
const client = createDynamoClient(dynamo.endpoint);
await ensureTable(client, LOCAL.tableName);
const seeded = await seedBusan(createStore({ client, tableName: LOCAL.tableName }), LOCAL.teamId, new Date());
client.destroy();

const realSlack = Boolean(process.env['SLACK_BOT_TOKEN']);
const fakeSlack = realSlack ? undefined : await new FakeSlack().start();
Object.assign(process.env, {
  TABLE_NAME: LOCAL.tableName,
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  SLACK_SIGNING_SECRET: LOCAL.signingSecret,
  ...(fakeSlack ? { SLACK_BOT_TOKEN: 'xoxb-local', SLACK_API_URL: fakeSlack.apiUrl } : {}),
});
const { handler } = await import('../functions/slack/handler.ts');
const { url, server } = await serveLambda(handler as never, LOCAL.port);

console.log(`DynamoDB Local: ${dynamo.endpoint} (data in ${LOCAL.dataDir}/)`);
console.log(`Busan data for team ${LOCAL.teamId}: ${seeded.created.length > 0 ? `added ${seeded.created.join(', ')}` : 'already loaded'}`);
console.log(`Slack endpoint: ${url}/slack/events${realSlack ? ' (point your Slack app here through a tunnel)' : ''}`);
console.log(`Slack Web API: ${fakeSlack ? `local stand-in at ${fakeSlack.apiUrl}` : 'slack.com (SLACK_BOT_TOKEN is set)'}`);
console.log('\nIn another terminal:\n  npm run slack -- "/commitments japan-korea"\n  npm run slack -- "/commitments help"\n\nCtrl-C stops everything.');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.close();
  await fakeSlack?.stop();
  await dynamo.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
