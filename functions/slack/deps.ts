import type { Logger } from '#shared/log';
import type { Store } from '#shared/store/store';
import type { SubscriptionStore } from '#shared/store/subscriptions';

/** What every listener is given: built once per container by the handler. */
export interface ListenerDeps {
  store: Store;
  subscriptions: SubscriptionStore;
  log: Logger;
  clock: () => Date;
}
