import type { Config } from '#shared/config';
import type { Logger } from '#shared/log';
import { createDynamoClient } from '#shared/store/client';
import { createStore, type Store } from '#shared/store/store';
import { createSubscriptionStore, type SubscriptionStore } from '#shared/store/subscriptions';
import { createSlackDirectory, type Directory } from '#shared/use-cases/access';

/** What every listener is given: built once per container by the handler. */
export interface ListenerDeps {
  store: Store;
  subscriptions: SubscriptionStore;
  /** Who callers are in Slack, cached per container. */
  directory: Directory;
  log: Logger;
  clock: () => Date;
  /** Slack Web API base URL, for calls made without Bolt's client (file uploads). */
  slackApiUrl: string;
}

export function createListenerDeps(config: Config, log: Logger): ListenerDeps {
  const dynamo = createDynamoClient(config.dynamodbEndpoint);
  const clock = () => new Date();
  return {
    directory: createSlackDirectory({ apiUrl: config.slackApiUrl, token: async () => (await config.slackSecret()).botToken, clock }),
    store: createStore({ client: dynamo, tableName: config.tableName }),
    subscriptions: createSubscriptionStore({ client: dynamo, tableName: config.tableName }),
    log,
    clock,
    slackApiUrl: config.slackApiUrl,
  };
}
