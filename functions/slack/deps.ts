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

/** The signed request's signature, put into Bolt's context by the receiver (the replay guard's key). */
export function signatureOf(context: Record<string, unknown>): string | undefined {
  return typeof context['requestSignature'] === 'string' ? context['requestSignature'] : undefined;
}
