import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventCallback } from '#local/slack-request';
import type { CommitmentDraft } from '#shared/domain/schemas';
import { TRACKS_READ } from '#shared/use-cases/home';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { expectWithinSlackLimits } from '../../support/slack-limits.ts';

/** What App Home reads of a person's tracks, and what it says of the tracks it does not read. */
const NOW = new Date('2026-03-25T01:00:00Z');
const ME = 'U0HOMEME';
const TEAMS = { eleven: 'T0HOMEELEVEN', few: 'T0HOMEFEW', many: 'T0HOMEMANY', sparse: 'T0HOMESPARSE' } as const;
const harness = useSlackHandler({ countRequests: true });

const slug = (i: number) => `t${String(i).padStart(2, '0')}`;
/** Distinct id prefixes: TAA, TAB, … */
const prefix = (i: number) => `T${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;

const overdueDraft = (title: string): CommitmentDraft => ({
  title,
  parties: ['JP'],
  owners: [{ label: 'me', slackUserId: ME }],
  source: { meeting: 'Busan summit', date: '2025-09-30' },
  kind: { type: 'one-off', due: '2026-03-01' },
  status: 'in-progress',
});

/** `count` tracks t01, t02, … in `team`; `withItem(i)`: whether track i gets one overdue item of mine. */
async function tracks(team: string, count: number, withItem: (i: number) => boolean): Promise<void> {
  const store = harness.store();
  for (let i = 1; i <= count; i++) {
    await store.createTrack({ teamId: team, slug: slug(i), title: `Track ${i}`, parties: [{ code: 'JP', name: 'Japan' }], timeZone: 'Asia/Tokyo', idPrefix: prefix(i), createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'U0ADMIN' });
    if (withItem(i)) await store.createCommitment(team, slug(i), overdueDraft(`Memo of track ${i}`), 'U0ADMIN', new Date('2026-02-01T00:00:00Z'));
  }
}

let opened = 0;
/** Opens my Home tab in `team`: its text and the DynamoDB Queries it cost, counted at the wire. */
async function home(team: string): Promise<{ text: string; queries: number }> {
  opened += 1;
  const before = harness.slack.calls.length;
  harness.requests().reset();
  await harness.send(eventCallback(team, { type: 'app_home_opened', user: ME, channel: 'D0HOME', tab: 'home', event_ts: `${opened}.1` }, { eventId: `Ev0HOMEREAD${opened}` }));
  const queries = harness.requests().snapshot()['Query'] ?? 0;
  const view = (harness.slack.calls.slice(before).filter((c) => c.method === 'views.publish').at(-1)!.args as { view: { blocks: Record<string, unknown>[] } }).view;
  expectWithinSlackLimits({ text: 'home', blocks: view.blocks }, 100);
  return { text: JSON.stringify(view.blocks), queries };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await tracks(TEAMS.eleven, 11, (i) => i === 11);
  await tracks(TEAMS.few, 3, () => true);
  await tracks(TEAMS.many, 30, () => true);
  await tracks(TEAMS.sparse, 30, (i) => i === 30);
});
afterAll(() => vi.useRealTimers());

describe('App Home past its first tracks', () => {
  it('shows my overdue item in the eleventh track, under Overdue and Yours (audit: Home read ten tracks and said “Nothing”)', async () => {
    const { text } = await home(TEAMS.eleven);
    expect(text).toMatch(/Overdue\* \(1\)/);
    expect(text).toMatch(/Yours\* \(1\)/);
    expect(text).toContain('Memo of track 11');
    expect(text).not.toContain('Nothing is');
  });

  it('reads the list of tracks, each track’s items and the subscriptions: one Query each', async () => {
    await home(TEAMS.few);
    expect((await home(TEAMS.few)).queries).toBe(1 + 3 + 1);
  });

  it('reads the items of at most TRACKS_READ tracks, and says how many with open items it left unread rather than “Nothing”', async () => {
    const { text, queries } = await home(TEAMS.many);
    expect(queries).toBe(1 + TRACKS_READ + 1);
    expect(text).toContain(`Overdue* (${TRACKS_READ})`);
    expect(text).toContain(`${30 - TRACKS_READ} tracks with open items were not read here: see \`/commitments <track> overdue\``);
    expect(text).toContain(`${30 - TRACKS_READ} tracks with open items were not read here: see \`/commitments <track>\``);
    expect(text).not.toContain('Nothing is');
  });

  it('skips tracks with nothing open beyond those it lists, so an item in the thirtieth track is read and shown', async () => {
    const { text, queries } = await home(TEAMS.sparse);
    // The list of tracks, the one track with items, the subscriptions.
    expect(queries).toBe(3);
    expect(text).toContain('Memo of track 30');
    expect(text).toMatch(/Yours\* \(1\)/);
    expect(text).not.toContain('not read here');
  });
});
