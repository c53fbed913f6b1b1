import { describe, expect, it } from 'vitest';
import { CommitmentSchema, TrackSchema, TrackSummarySchema, type Commitment, type LocalDate } from '#shared/domain/schemas';
import type { Report } from '#shared/domain/report';
import { renderHome, type HomeModel } from '#shared/slack/render/home';

const NOW = new Date('2026-03-25T01:00:00Z');
const ME = 'U0OWNER';

function item(track: string, seq: number, title: string, over: { due?: LocalDate; updatedAt?: string } = {}): Commitment {
  const updatedAt = over.updatedAt ?? '2026-03-20T00:00:00.000Z';
  return CommitmentSchema.parse({
    teamId: 'T0R',
    track,
    id: `${track.toUpperCase()}-${seq}`,
    seq,
    title,
    parties: ['JP'],
    owners: [{ label: 'MOFA', slackUserId: ME }],
    source: { meeting: 'Busan summit', date: '2025-09-30' },
    kind: { type: 'one-off', ...(over.due ? { due: over.due } : {}) },
    status: 'in-progress',
    notes: [],
    version: 1,
    createdAt: '2025-05-01T00:00:00.000Z',
    createdBy: 'U0A',
    updatedAt,
    updatedBy: 'U0A',
  });
}

function track(slug: string, commitments: Commitment[]): { summary: HomeModel['tracks'][number]['summary']; report: Report } {
  const parties = [{ code: 'JP', name: 'Japan' }];
  return {
    summary: TrackSummarySchema.parse({ teamId: 'T0R', slug, title: `Track ${slug}`, idPrefix: slug.toUpperCase(), counts: { 'not-started': 0, 'in-progress': commitments.length, done: 0, stalled: 0, dropped: 0 }, lastSeq: commitments.length }),
    report: { track: TrackSchema.parse({ teamId: 'T0R', slug, title: `Track ${slug}`, parties, timeZone: 'Asia/Tokyo', idPrefix: slug.toUpperCase(), createdAt: '2025-05-01T00:00:00.000Z', createdBy: 'U0A' }), commitments },
  };
}

/** The texts of a section's blocks, from its heading to the next divider. */
function sectionOf(view: ReturnType<typeof renderHome>, heading: string): string[] {
  const texts = view.blocks.map((b) => (b.type === 'divider' ? '---' : JSON.stringify(b)));
  const start = texts.findIndex((text) => text.includes(heading));
  const end = texts.indexOf('---', start);
  return texts.slice(start, end === -1 ? undefined : end);
}

describe('renderHome: Overdue and Yours across tracks', () => {
  it('lists Overdue longest-overdue first, as the digest does, whichever track sorts first', () => {
    const slightly = Array.from({ length: 10 }, (_, i) => item('aa', i + 1, `Slightly late ${i + 1}`, { due: '2026-03-20' }));
    const view = renderHome({ userId: ME, now: NOW, subscriptions: [], tracks: [track('aa', slightly), track('zz', [item('zz', 1, 'Nine months late', { due: '2025-06-30' })])] });
    const overdue = sectionOf(view, 'Overdue* (11)');
    expect(overdue[1]).toContain('Nine months late');
    expect(overdue.join('\n')).toContain('…and 3 more.');
  });

  it('lists Yours by attention across tracks: overdue, then due soon, then quiet', () => {
    const quiet = item('aa', 1, 'Quiet one', { updatedAt: '2025-12-01T00:00:00.000Z' });
    const dueSoon = item('bb', 1, 'Due soon one', { due: '2026-03-27' });
    const late = item('cc', 1, 'Late one', { due: '2026-03-01' });
    const view = renderHome({ userId: ME, now: NOW, subscriptions: [], tracks: [track('aa', [quiet]), track('bb', [dueSoon]), track('cc', [late])] });
    const titles = sectionOf(view, 'Yours* (3)').flatMap((text) => text.match(/Late one|Due soon one|Quiet one/g) ?? []);
    expect(titles).toEqual(['Late one', 'Due soon one', 'Quiet one']);
  });

  it('says how many tracks with open items were not read, never that nothing is overdue or assigned to you', () => {
    const view = renderHome({ userId: ME, now: NOW, subscriptions: [], tracks: [track('aa', [])], unread: 2 });
    const shown = JSON.stringify(view.blocks);
    expect(shown).not.toContain('Nothing is');
    expect(sectionOf(view, 'Overdue* (0)').join('\n')).toContain('2 tracks with open items were not read here: see `/commitments <track> overdue`.');
    expect(sectionOf(view, 'Yours* (0)').join('\n')).toContain('2 tracks with open items were not read here: see `/commitments <track>`.');
  });

  it('says nothing is overdue or assigned to you once every track with open items was read', () => {
    const shown = JSON.stringify(renderHome({ userId: ME, now: NOW, subscriptions: [], tracks: [track('aa', [])] }).blocks);
    expect(shown).toContain('Nothing is overdue.');
    expect(shown).toContain('Nothing is assigned to you.');
    expect(shown).not.toContain('not read here');
  });
});
