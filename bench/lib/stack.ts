import { setTimeout as delay } from 'node:timers/promises';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '#shared/store/client';
import { createStore } from '#shared/store/store';
import { createPeopleStore } from '#shared/store/people';
import { seedBusan } from '#shared/use-cases/seed';
import { ensureTable, startDynamoDbLocal } from '#local/dynamodb-local';
import { FakeSlack } from '#local/fake-slack';
import { TEST_SIGNING_SECRET } from '#local/slack-request';

/** The team id `commandEvent` signs requests for. */
export const BENCH_TEAM = 'T0TEST';

export interface Stack {
  endpoint: string;
  client: DynamoDBClient;
  slack: FakeSlack;
  /** A fresh table, created from the one table definition. */
  table(name: string): Promise<string>;
  /** The environment a Slack handler (ours or the baseline) is started with. */
  env(tableName: string, endpoint?: string): NodeJS.ProcessEnv;
  /** Makes the stand-in Slack answer every call (Web API and response_url) `ms` late, as Slack over the internet does; 0 answers at once. */
  setSlackLatency(ms: number): void;
  stop(): Promise<void>;
}

/** DynamoDB Local in memory and a FakeSlack on loopback, as the tests use them. */
export async function startStack(): Promise<Stack> {
  const dynamo = await startDynamoDbLocal({ timeoutMs: 60_000 });
  const client = createDynamoClient(dynamo.endpoint);
  const slack = await new FakeSlack().start();
  return {
    endpoint: dynamo.endpoint,
    client,
    slack,
    async table(name) {
      await ensureTable(client, name);
      return name;
    },
    env: (tableName, endpoint = dynamo.endpoint) => ({
      ...process.env,
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: endpoint,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'ERROR',
      // The SDK's warning about Node 20 would be timed as part of the cold start.
      NODE_NO_WARNINGS: '1',
    }),
    setSlackLatency(ms) {
      slack.options.hold = ms > 0 ? () => delay(ms) : undefined;
    },
    async stop() {
      client.destroy();
      await slack.stop();
      await dynamo.stop();
    },
  };
}

/** A table holding the Busan data set for the bench team. */
export async function seededTable(stack: Stack, name: string): Promise<string> {
  await stack.table(name);
  await seedBusan(createStore({ client: stack.client, tableName: name }), BENCH_TEAM, new Date());
  return name;
}

/** Saves a person record for `userId` in the bench team, as a `users.info` lookup would have: their commands then ask Slack nothing. `locale` is their Slack's language. */
export async function seedPerson(stack: Stack, tableName: string, userId: string, locale = 'en-US'): Promise<void> {
  const now = new Date();
  await createPeopleStore({ client: stack.client, tableName }).save({
    teamId: BENCH_TEAM,
    userId,
    user: { id: userId, team_id: BENCH_TEAM, name: userId.toLowerCase(), tz: 'Asia/Tokyo', deleted: false, is_bot: false, is_app_user: false, is_admin: false, is_owner: false, is_primary_owner: false, is_restricted: false, is_ultra_restricted: false, is_stranger: false },
    locale,
    fetchedAt: now.toISOString(),
    asOf: now.getTime(),
  });
}
