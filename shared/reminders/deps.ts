import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '#shared/config';
import type { Logger } from '#shared/observe/log';
import { createStore } from '#shared/store/store';
import { createSubscriptionStore } from '#shared/store/subscriptions';
import { createSlackWeb, type SlackWeb } from '#shared/slack/web-api';
import { configuredTokenSuccessor, createStaleTokenHttp } from '#shared/slack/stale-token';
import type { SweepDeps } from '#shared/reminders/sweep';
import { createTokenSourceFor, type TokenSource } from '#shared/use-cases/tokens';

/** What a sweep needs, from the config: the table, and the Web API with the bot token (or each team's). */
export async function createSweepDeps(config: Config, client: DynamoDBClient, log: Logger): Promise<SweepDeps> {
  // Read now so a missing or malformed secret fails the sweep before it claims anything.
  await config.sending();
  return {
    subscriptions: createSubscriptionStore({ client, tableName: config.tableName }),
    store: createStore({ client, tableName: config.tableName }),
    log,
    slack: createTeamSlack(config, client),
  };
}

/**
 * The Web API for a team: the bot token, or the token the team's install stored. The secret is
 * asked per call of this (cached for its max age), so a rotated token is taken without a new container.
 */
export function createTeamSlack(config: Config, client: DynamoDBClient): (teamId: string) => Promise<SlackWeb | undefined> {
  // A bot token that Slack refuses is read again from its secret once, and the call repeated, before anything pauses.
  const http = createStaleTokenHttp({ successor: configuredTokenSuccessor(config) });
  let tokens: TokenSource | undefined;
  return async (teamId) => {
    const sending = await config.sending();
    if (sending.mode === 'single') return createSlackWeb({ apiUrl: config.slackApiUrl, token: sending.botToken, http });
    // Each team's messages go out with the token its install stored.
    tokens ??= createTokenSourceFor(config, client).tokens;
    const bot = await tokens.find({ teamId });
    return bot && createSlackWeb({ apiUrl: config.slackApiUrl, token: await bot.botToken() });
  };
}
