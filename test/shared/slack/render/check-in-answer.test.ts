import { describe, expect, it } from 'vitest';
import { CommitmentSchema } from '#shared/domain/schemas';
import { renderAnswered, renderChangedSince, replaceItemBlocks } from '#shared/slack/render/check-in-answer';

const item = CommitmentSchema.parse({
  teamId: 'T0TEST',
  track: 'japan-korea',
  id: 'JK-4',
  seq: 4,
  title: 'Convene the committee',
  parties: ['JP'],
  owners: [{ label: '<@U0MARIA>', slackUserId: 'U0MARIA' }],
  source: { meeting: 'Busan', date: '2025-09-30' },
  kind: { type: 'one-off', due: '2026-12-31' },
  status: 'in-progress',
  version: 7,
  createdAt: '2026-03-01T00:00:00.000Z',
  createdBy: 'U0ALICE',
  updatedAt: '2026-11-20T00:00:00.000Z',
  updatedBy: 'U0ALICE',
});
const NOW = new Date('2026-11-26T01:00:00Z');
const TOKYO = { timeZone: 'Asia/Tokyo' };

describe('check-in answers in place', () => {
  const blocks = [
    { type: 'section', block_id: 'checkin-header' },
    { type: 'section', block_id: 'checkin-item:JK-4' },
    { type: 'actions', block_id: 'checkin:JK-4' },
    { type: 'section', block_id: 'checkin-item:JK-40' },
    { type: 'actions', block_id: 'checkin:JK-40' },
  ];

  it('replaces only the item’s summary and buttons, where they were', () => {
    const line = { type: 'section', block_id: 'checkin-answered:JK-4' };
    expect(replaceItemBlocks(blocks, 'JK-4', [line])).toEqual([blocks[0], line, blocks[3], blocks[4]]);
  });

  it('leaves a message that does not show the item alone', () => {
    expect(replaceItemBlocks(blocks, 'JK-5', [{ type: 'section', block_id: 'checkin-answered:JK-5' }])).toBeUndefined();
  });

  it('says the answer in one line dated in the track’s zone, with no buttons', () => {
    const [line, ...rest] = renderAnswered({ type: 'done' }, { ...item, status: 'done' }, TOKYO, NOW);
    expect(JSON.stringify(line)).toContain('Done — you marked it done on 26 Nov');
    expect(rest).toEqual([]);
    expect(JSON.stringify(renderAnswered({ type: 'snooze', days: 7 }, { ...item, snoozedUntil: '2026-12-03' }, TOKYO, NOW))).toContain('Snoozed until 3 Dec');
    expect(JSON.stringify(renderAnswered({ type: 'not-mine', to: 'U0PEDRO' }, item, TOKYO, NOW))).toContain('Handed to <@U0PEDRO>');
  });

  it('shows a changed item as it stands, with buttons for the version it has now', () => {
    const [summary, actions] = renderChangedSince(item, TOKYO, NOW);
    expect(summary).toMatchObject({ block_id: 'checkin-item:JK-4' });
    expect(JSON.stringify(summary)).toContain('Changed since this message: now In progress · due 31 Dec');
    expect(JSON.stringify(actions)).toContain('"JK-4@7"');
    expect(renderChangedSince({ ...item, status: 'done' }, TOKYO, NOW)).toHaveLength(1);
  });
});
