import { describe, expect, it } from 'vitest';
import type { CheckInSweepSummary } from '#shared/check-ins/sweep';
import type { SweepSummary } from '#shared/reminders/sweep';
import { checkInSweepLine, digestSweepLine } from '../../scripts/local/sweep-summary.ts';

const checkIns: CheckInSweepSummary = {
  dueAsks: 1, owners: 1, sent: 1, skippedAlreadySent: 0, deferred: 0, notDue: 0, stopped: 0, failed: 0, leftForNextSweep: 0, lookedUp: 1, refreshed: 0, reopened: 1, paused: 0,
};
const digests: SweepSummary = { due: 1, posted: 1, skippedAlreadyPosted: 0, skippedEmpty: 0, paused: 0, failed: 0, leftForNextSweep: 0, stale: 0 };

describe('npm run sweep lines (issue 25)', () => {
  it('counts one ask for one owner in the singular', () => {
    const line = checkInSweepLine(checkIns);
    expect(line).toMatch(/^Check-ins: 1 ask due for 1 owner, 1 message sent, /);
    expect(line).toContain('1 owner looked up in Slack, 0 records refreshed after the posts, 1 DM opened again.');
  });

  it('groups the digits of large counts', () => {
    expect(checkInSweepLine({ ...checkIns, dueAsks: 12_500, owners: 3_900 })).toMatch(/^Check-ins: 12,500 asks due for 3,900 owners, /);
  });

  it('names what the digest counts are of', () => {
    expect(digestSweepLine(digests, new Date('2026-12-07T00:00:00Z'))).toBe(
      'Sweep at 2026-12-07T00:00:00.000Z: 1 digest due, 1 posted, 0 already posted, 0 paused, 0 failed, 0 left for the next sweep, 0 stale.',
    );
    expect(digestSweepLine({ ...digests, due: 1_200, posted: 1_200 }, new Date('2026-12-07T00:00:00Z'))).toContain(': 1,200 digests due, 1,200 posted,');
  });
});
