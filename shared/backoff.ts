/** How long to wait before retry number `attempt`: up to `baseMs`, doubling each time, never above `capMs`. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/**
 * Capped exponential backoff with full jitter: attempt 1 waits up to base, then 2×, 4×… up to
 * cap; a random share of that spreads retriers apart so they stop colliding.
 */
export function backoffMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1)));
}
