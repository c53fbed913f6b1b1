import { describe, expect, it } from 'vitest';
import { CommitmentSchema, type Commitment } from '#shared/domain/schemas';
import type { CheckInEntry } from '#shared/domain/check-in-message';
import { CHECK_IN_MAX_ITEMS, askReasonText, renderCheckIn } from '#shared/slack/render/check-in';
import { SLACK_LIMITS } from '#shared/slack/render/format';

function item(seq: number, title = `Item ${seq}`, note?: string): Commitment {
  return CommitmentSchema.parse({
    teamId: 'T0R',
    track: 'japan-korea',
    id: `JK-${seq}`,
    seq,
    title,
    parties: ['JP'],
    owners: [{ label: 'MOFA', slackUserId: 'U0OWNER' }],
    source: { meeting: 'Busan summit', date: '2025-09-30', place: 'Busan' },
    kind: { type: 'one-off', due: '2026-03-17' },
    status: 'in-progress',
    notes: note ? [{ at: '2026-03-01T00:00:00.000Z', by: 'U0A', text: note }] : [],
    version: 3,
    createdAt: '2026-03-01T00:00:00.000Z',
    createdBy: 'U0A',
    updatedAt: '2026-03-01T00:00:00.000Z',
    updatedBy: 'U0A',
  });
}

const entry = (i: Commitment, over: Partial<CheckInEntry> = {}): CheckInEntry => ({ item: i, trackTitle: 'Japan–Korea', reason: 'before-due', dueOn: '2026-03-17', days: 7, ...over });

describe('check-in message', () => {
  it('says why each item is asked', () => {
    expect(askReasonText({ reason: 'before-due', days: 7 })).toBe('due in 7 days');
    expect(askReasonText({ reason: 'before-due', days: 1 })).toBe('due tomorrow');
    expect(askReasonText({ reason: 'before-due', days: 0 })).toBe('due today');
    expect(askReasonText({ reason: 'overdue', days: 3 })).toBe('overdue 3 days');
    expect(askReasonText({ reason: 'quiet', days: 31 })).toBe('no update for 31 days');
    // Someone else made them an owner: told so first, and with no due date and no silence yet, only that.
    expect(askReasonText({ reason: 'before-due', days: 90, newOwner: true })).toBe('new to you, due in 90 days');
    expect(askReasonText({ reason: 'quiet', days: 12, newOwner: true })).toBe('new to you, no update for 12 days');
    expect(askReasonText({ reason: 'quiet', days: 0, newOwner: true })).toBe('new to you');
  });

  it('lists each item with its section and its answers, keeping the block ids an answer redraws', () => {
    const message = renderCheckIn({ entries: [entry(item(4, 'Convene the committee', 'date set')), entry(item(2), { reason: 'overdue', days: 3, dueOn: '2026-03-07' })], more: 0 });
    expect(message.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(['checkin-item:JK-4', 'checkin:JK-4', 'checkin-item:JK-2', 'checkin:JK-2']);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('*JK-4* Convene the committee');
    expect(text).toContain('_Japan–Korea_ · due 17 Mar · *due in 7 days*');
    expect(text).toContain('Last note: “date set”');
    expect(text).toContain('Busan');
    expect(text).toContain('overdue 3 days');
    expect(text).toContain('`/commitments me`');
    expect(message.text).toContain('JK-4 Convene the committee (due in 7 days)');
  });

  it('points someone from another organisation, whom `me` refuses, to Snooze, Not mine and the track’s owners instead', () => {
    // UX audit: a stranger was told to pause check-ins with `/commitments me`, which then refused them.
    const footer = JSON.stringify(renderCheckIn({ entries: [entry(item(4))], more: 0, outsider: true }).blocks.at(-1));
    expect(footer).not.toContain('/commitments me');
    expect(footer).toContain('snooze an item from its menu; if it is not yours, press *Not mine*. For anything else about these messages, ask the track’s owners.');
  });

  it('escapes what people wrote, in the blocks and the fallback text', () => {
    const message = renderCheckIn({ entries: [entry(item(1, 'Ping <!channel> and <@U0BOSS>', '<https://evil.example|click>'))], more: 0 });
    const text = JSON.stringify(message.blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil');
    expect(message.text).not.toMatch(/<[!@]/);
  });

  it('stays within Slack’s limits with many items, saying how many more wait', () => {
    const entries = Array.from({ length: 40 }, (_, i) => entry(item(i + 1, 'x'.repeat(200), 'n'.repeat(1000))));
    const message = renderCheckIn({ entries, more: 2 });
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(message.blocks.filter((b) => b.block_id?.startsWith('checkin-item:'))).toHaveLength(CHECK_IN_MAX_ITEMS);
    expect(JSON.stringify(message.blocks)).toContain(`…and ${40 - CHECK_IN_MAX_ITEMS + 2} more`);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    for (const block of message.blocks) if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  });
});
