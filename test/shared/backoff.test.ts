import { describe, expect, it } from 'vitest';
import { backoffMs } from '#shared/backoff';

const policy = { baseMs: 100, capMs: 1_000 };

describe('backoffMs', () => {
  it('doubles the longest wait with each attempt, starting at the base', () => {
    const longest = (attempt: number) => backoffMs(attempt, policy, () => 1);
    expect([1, 2, 3, 4].map(longest)).toEqual([100, 200, 400, 800]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffMs(5, policy, () => 1)).toBe(1_000);
    expect(backoffMs(40, policy, () => 1)).toBe(1_000);
  });

  it('waits a random share of the longest wait (full jitter), in whole milliseconds', () => {
    expect(backoffMs(3, policy, () => 0)).toBe(0);
    expect(backoffMs(3, policy, () => 0.25)).toBe(100);
    expect(backoffMs(1, policy, () => 0.333)).toBe(33);
  });

  it('draws from Math.random when given no source', () => {
    for (let attempt = 1; attempt <= 6; attempt++) {
      const wait = backoffMs(attempt, policy);
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThanOrEqual(Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1)));
    }
  });
});
