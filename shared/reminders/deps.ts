import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '#shared/config';
import type { Logger } from '#shared/observe/log';
import { createStore } from '#shared/store/store';
import { createSubscriptionStore } from '#shared/store/subscriptions';
import { createSlackWeb } from '#shared/slack/web-api';
import type { SweepDeps } from '#shared/reminders/sweep';
import { createTokenSourceFor } from '#shared/use-cases/tokens';

/** What a sweep needs, from the config: the table, and the Web API with the bot token (or each team's). */
export async function createSweepDeps(config: Config, client: DynamoDBClient, log: Logger): Promise<SweepDeps> {
  const sending = await config.sending();
  const common = {
    subscriptions: createSubscriptionStore({ client, tableName: config.tableName }),
    store: createStore({ client, tableName: config.tableName }),
    log,
  };
  if (sending.mode === 'single') return { ...common, slack: createSlackWeb({ apiUrl: config.slackApiUrl, token: sending.botToken }) };
  // Each team's digest goes out with the token its install stored.
  const { tokens } = createTokenSourceFor(config, client);
  return {
    ...common,
    slack: async (teamId) => {
      const bot = await tokens.find({ teamId });
      return bot && createSlackWeb({ apiUrl: config.slackApiUrl, token: bot.botToken });
    },
  };
}
