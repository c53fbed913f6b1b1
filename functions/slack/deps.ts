import type { Config } from '#shared/config';
import type { Logger } from '#shared/log';
import { createDynamoClient } from '#shared/store/client';
import { createStore, type Store } from '#shared/store/store';
import { createSubscriptionStore, type SubscriptionStore } from '#shared/store/subscriptions';
import type { InstallationStore } from '#shared/store/installations';
import { createTokenSourceFor, type TokenSource } from '#shared/use-cases/tokens';

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
  const { installations, tokens } = createTokenSourceFor(config, dynamo);
  return {
    store: createStore({ client: dynamo, tableName: config.tableName }),
    subscriptions: createSubscriptionStore({ client: dynamo, tableName: config.tableName }),
    log,
    clock: () => new Date(),
    slackApiUrl: config.slackApiUrl,
    installations,
    tokens,
  };
}
