import { describe, expect, it } from 'vitest';
import { BUSAN_COMMITMENTS, BUSAN_TRACK } from '#shared/data/busan-summit-2025';
import { CommitmentSchema, TrackSchema, type Commitment } from '#shared/domain/schemas';
import { commitmentSummary, renderCommitment } from '#shared/slack/render/commitment';

const TRACK = TrackSchema.parse({ ...BUSAN_TRACK, teamId: 'T0TEST', createdAt: '2025-10-02T00:00:00.000Z', createdBy: 'seed' });

/** JK-1 last touched at 23:00 on 20 Jan 2026 in Tokyo. */
const ITEM: Commitment = CommitmentSchema.parse({
  ...BUSAN_COMMITMENTS[0],
  teamId: TRACK.teamId,
  track: TRACK.slug,
  id: 'JK-1',
  seq: 1,
  version: 3,
  createdAt: '2025-10-02T00:00:00.000Z',
  createdBy: 'seed',
  updatedAt: '2026-01-20T14:00:00.000Z',
  updatedBy: 'seed',
});

// 01:00 on 7 Dec 2026 in Tokyo: 321 calendar days on, though only 320 whole days of 24 hours.
const NOW = new Date('2026-12-06T16:00:00.000Z');

describe('an item’s day counts (issue 25)', () => {
  it('says it is quiet for as many days as it was last updated ago', () => {
    const summary = commitmentSummary(ITEM, TRACK.timeZone, NOW);
    expect(summary).toContain('quiet for 321 days');
    expect(summary).toContain('updated 321 days ago');
  });

  it('dates the last update in `show` by the same count', () => {
    const message = JSON.stringify(renderCommitment(ITEM, TRACK, NOW).blocks);
    expect(message).toContain('updated 321 days ago');
    expect(message).not.toContain('320 days');
  });

  it('still counts hours within the first day', () => {
    const summary = commitmentSummary({ ...ITEM, updatedAt: '2026-12-06T11:00:00.000Z' }, TRACK.timeZone, NOW);
    expect(summary).toContain('updated 5 hours ago');
  });
});
