import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '#shared/config';
import type { Logger } from '#shared/log';
import { createStore } from '#shared/store/store';
import { createSubscriptionStore } from '#shared/store/subscriptions';
import { createSlackWeb } from '#shared/slack/web-api';
import type { SweepDeps } from '#shared/reminders/sweep';

/** What a sweep needs, from the config: the table, and the Web API with the bot token. */
export async function createSweepDeps(config: Config, client: DynamoDBClient, log: Logger): Promise<SweepDeps> {
  const secret = await config.slackSecret();
  // Multi-workspace digests need each team's token; until the sweep looks them up, it posts with none.
  const botToken = secret.mode === 'single' ? secret.botToken : '';
  return {
    subscriptions: createSubscriptionStore({ client, tableName: config.tableName }),
    store: createStore({ client, tableName: config.tableName }),
    slack: createSlackWeb({ apiUrl: config.slackApiUrl, token: botToken }),
    log,
  };
}
