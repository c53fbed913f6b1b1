import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '#shared/use-cases/subscriptions';
import { DIGEST_EVENT_TYPE } from '#shared/reminders/deliver';
import type { SweepSummary } from '#shared/reminders/sweep';
import type { Subscription } from '#shared/domain/subscription';
import { useTestTable } from '../../support/dynamodb.ts';
import { countedFaults, FakeSlack } from '#local/fake-slack';
import { crashOnce, draft, harness, track } from './harness.ts';
import { seededRandom } from '#local/seeded-random';

const table = useTestTable();
let slack: FakeSlack;
const h = harness(table, () => slack);

/** One Slack call in five goes wrong: 429, a 5xx that did nothing, or a lost answer to work that was done. */
const slackFaults = countedFaults(seededRandom(20260301), 0.2);

/** Each subscription dies once per slot, at the step its number picks (one in five never does). */
const crashes = () =>
  crashOnce<Subscription>(
    (sub) => Number(sub.channelId.slice(-3)) + (sub.track === 'track-b' ? 1 : 0),
    (sub) => `${sub.channelId}/${sub.track}/${sub.nextRunAt}`,
  );

beforeAll(async () => {
  slack = await new FakeSlack({ fault: slackFaults.fault }).start();
});
afterAll(() => slack.stop());

describe('reminder sweep under faults', () => {
  it('delivers every digest of 200 subscriptions exactly once through 429s, 5xx, lost answers and crashes at every step', async () => {
    const created = new Date('2026-04-01T00:00:00Z');
    const teamId = 'T0FAULTS';
    for (const [slug, prefix] of [['track-a', 'TA'], ['track-b', 'TB']] as const) {
      await h.store.createTrack(track(teamId, slug, prefix, 'Asia/Tokyo', created));
      await h.store.createCommitment(teamId, slug, draft('Overdue item', '2026-03-01'), 'U0A', created);
      await h.store.createCommitment(teamId, slug, draft('Due soon', '2026-04-05'), 'U0A', created);
    }
    const channels = Array.from({ length: 100 }, (_, i) => `C0F${String(i).padStart(3, '0')}`);
    await Promise.all(
      channels.flatMap((channelId) =>
        ['track-a', 'track-b'].map((slug) => subscribe(h.subs, { teamId, channelId, track: slug, scheduleText: 'daily 09:00', by: 'U0A', now: created })),
      ),
    );

    const faults = crashes();
    const slots = ['2026-04-02T00:00:00.000Z'];
    const totals: SweepSummary[] = [];
    for (const slot of slots) {
      // Sweeps five minutes apart (leases here last 65 s past a sweep), two overlapping invocations each time.
      for (let round = 0; round < 12; round++) {
        const now = new Date(Date.parse(slot) + round * 300_000 + 1_000);
        const pair = await Promise.all([h.sweep(now, { faults }), h.sweep(now, { faults })]);
        totals.push(...pair);
        if (pair.every((s) => s.due === 0)) break;
      }
    }

    const digests = slack.messagesWithMetadata(DIGEST_EVENT_TYPE);
    const perSlot = new Map<string, number>();
    for (const m of digests) perSlot.set(String(m.metadata.event_payload['slot_id']), (perSlot.get(String(m.metadata.event_payload['slot_id'])) ?? 0) + 1);
    const expected = slots.flatMap((slot) => channels.flatMap((c) => ['track-a', 'track-b'].map((t) => `${teamId}/${c}/${t}/${slot}`)));
    expect([...perSlot.keys()].sort()).toEqual(expected.sort());
    expect([...perSlot.values()].filter((n) => n !== 1)).toEqual([]);
    expect(digests).toHaveLength(200);

    // The faults really happened, at every step and of every kind.
    expect([...faults.seen.keys()].sort()).toEqual(['after-claim', 'after-post', 'after-record', 'before-claim']);
    expect(Math.min(...['rate-limited', 'server-error', 'lost-response'].map((k) => slackFaults.answered.get(k) ?? 0))).toBeGreaterThan(10);
    const sum = (key: keyof SweepSummary) => totals.reduce((n, s) => n + s[key], 0);
    expect(sum('posted')).toBeLessThanOrEqual(200);
    expect(sum('skippedAlreadyPosted')).toBeGreaterThan(0);
    expect(sum('paused')).toBe(0);

    // Every subscription moved on to its next slot, including those that died before moving.
    const next = await Promise.all(channels.map((c) => h.subscriptions.listForChannel(teamId, c)));
    expect(new Set(next.flat().map((s) => s.nextRunAt))).toEqual(new Set(['2026-04-03T00:00:00.000Z']));
  }, 120_000);
});
