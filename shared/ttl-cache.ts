/**
 * A small per-container map whose entries expire after `ttlMs` by the given clock. Hand-written:
 * the cache libraries' clocks cannot be frozen in tests without faking timers.
 */
export interface TtlCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

/** Caps entries too, dropping the oldest, so a busy container's memory stays bounded. */
export function createTtlCache<V>(options: { ttlMs: number; clock: () => Date; maxEntries?: number }): TtlCache<V> {
  const { ttlMs, clock, maxEntries = 5000 } = options;
  const entries = new Map<string, { value: V; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= clock().getTime()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, { value, expiresAt: clock().getTime() + ttlMs });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}
