import type { Config } from '#shared/config';
import type { Logger } from '#shared/log';
import { createDynamoClient } from '#shared/store/client';
import { createStore, type Store } from '#shared/store/store';
import { createSubscriptionStore, type SubscriptionStore } from '#shared/store/subscriptions';
import { createInstallationStore, type InstallationStore } from '#shared/store/installations';
import { refreshToken } from '#shared/slack/oauth-access';
import { createTokenSource, type TokenSource } from '#shared/use-cases/tokens';

/** What every listener is given: built once per container by the handler. */
export interface ListenerDeps {
  store: Store;
  subscriptions: SubscriptionStore;
  log: Logger;
  clock: () => Date;
  /** Slack Web API base URL, for calls made without Bolt's client (file uploads). */
  slackApiUrl: string;
  /** Installs, used install states and seen events (multi-workspace mode). */
  installations: InstallationStore;
  /** Each request's bot token from its workspace's install, cached briefly. */
  tokens: TokenSource;
}

export function createListenerDeps(config: Config, log: Logger): ListenerDeps {
  const dynamo = createDynamoClient(config.dynamodbEndpoint);
  const installations = createInstallationStore({ client: dynamo, tableName: config.tableName });
  const clock = () => new Date();
  const refresh = async (token: string) => {
    const secret = await config.slackSecret();
    if (secret.mode !== 'multi') throw new Error('Token rotation needs the app\'s OAuth credentials.');
    return refreshToken({ apiUrl: config.slackApiUrl, oauth: secret.oauth, refreshToken: token, now: clock() });
  };
  return {
    store: createStore({ client: dynamo, tableName: config.tableName }),
    subscriptions: createSubscriptionStore({ client: dynamo, tableName: config.tableName }),
    log,
    clock: () => new Date(),
    slackApiUrl: config.slackApiUrl,
    installations,
    tokens: createTokenSource({ installations, refresh, clock }),
  };
}
