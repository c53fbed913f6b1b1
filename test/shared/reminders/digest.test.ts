import { describe, expect, it } from 'vitest';
import type { Commitment, Track } from '#shared/domain/schemas';
import { isEmptyDigest } from '#shared/domain/digest';
import type { DigestSection } from '#shared/domain/subscription';
import { buildDigest } from '#shared/reminders/digest';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { renderDigest } from '#shared/slack/render/digest';
import { expectWithinSlackLimits } from '../../support/slack-limits.ts';

const now = new Date('2026-03-25T01:00:00Z'); // 10:00 Wednesday in Tokyo
const since = '2026-03-18T00:00:00.000Z';

const track: Track = {
  teamId: 'T0DIGEST',
  slug: 'japan-korea',
  title: 'Japan–South Korea: Busan summit follow-ups',
  parties: [
    { code: 'JP', name: 'Japan' },
    { code: 'KR', name: 'South Korea' },
  ],
  timeZone: 'Asia/Tokyo',
  idPrefix: 'JK',
  checkIns: { beforeDueDays: [7, 1], escalateAfterDays: 3 },
  members: {},
  visibility: 'workspace',
  channels: [],
  meetings: [],
  version: 1,
  createdAt: '2025-10-01T00:00:00.000Z',
  createdBy: 'seed',
};

let seq = 0;
function item(fields: Partial<Commitment> & { due?: string }): Commitment {
  const { due, ...rest } = fields;
  seq++;
  return {
    teamId: track.teamId,
    track: track.slug,
    id: `JK-${seq}`,
    seq,
    title: `Commitment ${seq}`,
    parties: ['JP', 'KR'],
    owners: [{ label: 'MOFA' }],
    compliance: {},
    source: { meeting: 'Busan summit', date: '2025-09-30' },
    kind: { type: 'one-off', ...(due ? { due } : {}) },
    status: 'in-progress',
    notes: [],
    version: 2,
    createdAt: '2026-03-01T00:00:00.000Z',
    createdBy: 'seed',
    updatedAt: '2026-03-15T00:00:00.000Z',
    updatedBy: 'U0A',
    ...rest,
  };
}

const digest = (commitments: Commitment[], since_ = since) => renderDigest(buildDigest({ track, commitments }, { now, since: since_, scheduleText: 'every Monday at 09:00 (Asia/Tokyo)' }));
const buttons = (blocks: object[]) =>
  (blocks as Record<string, unknown>[]).filter((b) => b['type'] === 'actions').flatMap((b) => b['elements'] as { action_id: string; value: string }[]);
const texts = (blocks: object[]) => JSON.stringify(blocks);

describe('renderDigest', () => {
  it('leaves out archived items, overdue or changed, and does not count them as open', () => {
    const archived = { at: '2026-03-20T00:00:00.000Z', by: 'U0A' };
    const model = buildDigest({ track, commitments: [item({ due: '2026-03-01', archived }), item({ updatedAt: '2026-03-20T00:00:00.000Z', archived }), item({ due: '2026-03-02' })] }, { now, since });
    expect(model.overdue.map((c) => c.title)).toEqual([`Commitment ${seq}`]);
    expect(model.changed).toEqual([]);
    expect(model.openCount).toBe(1);
  });

  it('keeps an all-on-track digest to a few blocks and a one-line text', () => {
    const message = digest([item({ due: '2026-06-01' }), item({ status: 'done', updatedAt: '2026-03-01T00:00:00.000Z' })]);
    expect(message.blocks.length).toBeLessThanOrEqual(4);
    expect(message.text).toBe('Reminder: Japan–South Korea: Busan summit follow-ups: all on track.');
    expect(texts(message.blocks)).toContain('All 1 open commitment on track');
    expect(buttons(message.blocks)).toEqual([]);
  });

  it('groups overdue, due within 7 days, quiet and changed items, each once, with buttons carrying the item id', () => {
    const overdueAndQuiet = item({ title: 'Overdue and quiet', due: '2026-03-01', updatedAt: '2026-01-01T00:00:00.000Z' });
    const dueSoon = item({ title: 'Due soon', due: '2026-03-30' });
    const quiet = item({ title: 'Quiet', updatedAt: '2026-01-20T00:00:00.000Z' });
    const changed = item({
      title: 'Changed',
      updatedAt: '2026-03-20T00:00:00.000Z',
      notes: [{ at: '2026-03-20T00:00:00.000Z', by: 'U0NOTE', text: 'Working group met <in Seoul>' }],
    });
    const closedLately = item({ title: 'Closed lately', status: 'done', updatedAt: '2026-03-21T00:00:00.000Z' });
    const unchanged = item({ title: 'Unchanged', due: '2026-05-01' });
    const message = digest([overdueAndQuiet, dueSoon, quiet, changed, closedLately, unchanged]);

    expectWithinSlackLimits(message);
    const all = texts(message.blocks);
    const order = ['*Overdue* (1)', 'Overdue and quiet', '*Due within 7 days* (1)', 'Due soon', '*Gone quiet* (1)', 'Quiet', '*Changed since the last digest* (2)', 'Closed lately'];
    const positions = order.map((t) => all.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(all).not.toContain('Unchanged');
    expect(all.split('Overdue and quiet').length - 1).toBe(1);
    expect(all).toContain('Working group met &lt;in Seoul&gt;');
    expect(message.text).toContain('1 overdue, 1 due within 7 days, 1 quiet, 2 changed');

    const open = [overdueAndQuiet, dueSoon, quiet, changed].map((c) => c.id).sort();
    for (const action of [ACTION_IDS.markDone, ACTION_IDS.update, ACTION_IDS.addNote]) {
      expect(buttons(message.blocks).filter((b) => b.action_id === action).map((b) => b.value).sort()).toEqual(open);
    }
  });

  it('fits a long track into 50 blocks, giving every group room and summarising the rest', () => {
    const long = 'A title that goes on '.repeat(9).slice(0, 200);
    const many = [
      ...Array.from({ length: 60 }, () => item({ title: long, detail: 'x'.repeat(2000), due: '2026-02-01' })),
      ...Array.from({ length: 30 }, () => item({ title: long, due: '2026-03-28' })),
      ...Array.from({ length: 5 }, () => item({ title: long, updatedAt: '2025-12-01T00:00:00.000Z' })),
    ];
    const message = digest(many);
    expectWithinSlackLimits(message);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const all = texts(message.blocks);
    expect(all).toMatch(/…and \d+ more — \/commitments japan-korea overdue/);
    expect(all).toMatch(/…and \d+ more — \/commitments japan-korea due/);
    expect(all).toContain('*Gone quiet* (5)');
    const shownOverdue = buttons(message.blocks).filter((b) => b.action_id === ACTION_IDS.markDone && Number(b.value.slice(3)) <= seq - 35).length;
    const hidden = Number(/…and (\d+) more — \/commitments japan-korea overdue/.exec(all)![1]);
    expect(shownOverdue + hidden).toBe(60);
  });

  it('shows no changed group on a first digest', () => {
    const message = renderDigest(buildDigest({ track, commitments: [item({ updatedAt: '2026-03-24T00:00:00.000Z' })] }, { now }));
    expect(texts(message.blocks)).not.toContain('Changed since');
  });
});

describe('sections a channel chose', () => {
  // Regression (audit dg-digest): each item was placed in its first group of all and the groups not chosen emptied after, so
  // `only changed` lost changes to overdue, due-soon and quiet items, and `only quiet` lost quiet items also due soon or overdue.
  const titles = (items: Commitment[]) => items.map((c) => c.title);
  const chosen = (sections: DigestSection[], commitments: Commitment[]) => buildDigest({ track, commitments }, { now, since, sections });

  it('lists under changed every item that changed, whatever its flags, when changed is the only section', () => {
    const model = chosen(
      ['changed'],
      [
        item({ title: 'Overdue, stalled', due: '2026-03-01', status: 'stalled', updatedAt: '2026-03-20T00:00:00.000Z' }),
        item({ title: 'Due soon, noted', due: '2026-03-28', updatedAt: '2026-03-21T00:00:00.000Z' }),
        item({ title: 'Overdue, untouched', due: '2026-03-02' }),
      ],
    );
    expect(titles(model.changed)).toEqual(['Due soon, noted', 'Overdue, stalled']);
    expect(isEmptyDigest(model)).toBe(false);
    expect(texts(renderDigest(model).blocks)).toContain('*Changed since the last digest* (2)');
  });

  it('lists under quiet the quiet items that are also due soon or overdue, longest silence first, when quiet is the only section', () => {
    const model = chosen(
      ['quiet'],
      [item({ title: 'Quiet, due soon', due: '2026-03-28', updatedAt: '2026-02-01T00:00:00.000Z' }), item({ title: 'Quiet, overdue', due: '2026-03-01', updatedAt: '2026-01-01T00:00:00.000Z' })],
    );
    expect(titles(model.quiet)).toEqual(['Quiet, overdue', 'Quiet, due soon']);
  });

  it('shows an item once, in the first chosen section it belongs to', () => {
    const overdueAndQuiet = item({ title: 'Overdue and quiet', due: '2026-03-01', updatedAt: '2026-01-01T00:00:00.000Z' });
    const dueSoonChanged = item({ title: 'Due soon, changed', due: '2026-03-28', updatedAt: '2026-03-20T00:00:00.000Z' });
    const model = chosen(['due-soon', 'quiet', 'changed'], [overdueAndQuiet, dueSoonChanged]);
    expect([model.overdue, model.dueSoon, model.quiet, model.changed].map(titles)).toEqual([[], ['Due soon, changed'], ['Overdue and quiet'], []]);
  });
});

describe('no answer in a digest', () => {
  // Regression (no-answer counted 24-hour periods): across a spring-forward weekend Friday 09:00 to Monday 09:30 is 71.5 hours, yet 3 days.
  const washington = { ...track, timeZone: 'America/New_York' };
  const flagged = (askedAt: string, at: string) => {
    const asked = item({ due: '2026-06-30', updatedAt: '2026-03-01T00:00:00.000Z' });
    const ask = { teamId: track.teamId, track: track.slug, commitmentId: asked.id, userId: 'U0OWNER', askedAt };
    return buildDigest({ track: washington, commitments: [asked], asks: [ask] }, { now: new Date(at) }).noAnswer.map((n) => n.owners.map((o) => o.userId));
  };

  it('counts calendar days in the track’s zone, so a DST change neither delays nor hastens the flag', () => {
    // Friday 6 March 09:00 EST; Monday 9 March 09:30 EDT, the clocks having sprung forward on the 8th.
    expect(flagged('2026-03-06T14:00:30.000Z', '2026-03-09T13:30:30.000Z')).toEqual([['U0OWNER']]);
    // The same times a week later, with no DST change: flagged as before.
    expect(flagged('2026-03-13T13:00:30.000Z', '2026-03-16T13:30:30.000Z')).toEqual([['U0OWNER']]);
    // Sunday evening is two days on: not yet.
    expect(flagged('2026-03-06T14:00:30.000Z', '2026-03-08T23:00:00.000Z')).toEqual([]);
  });
});
