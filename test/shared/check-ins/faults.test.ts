import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInSweepSummary, OwnerDay } from '#shared/check-ins/sweep';
import { useTestTable } from '../../support/dynamodb.ts';
import { countedFaults, FakeSlack } from '#local/fake-slack';
import { seededRandom } from '#local/seeded-random';
import { crashOnce, track } from '../reminders/harness.ts';
import { checkInHarness, checkInsTo, owned, seedPerson } from './harness.ts';

const table = useTestTable();
let slack: FakeSlack;
const h = checkInHarness(table, () => slack);

/** One Slack call in five goes wrong: 429, a 5xx that did nothing, or a lost answer to work that was done. */
const slackFaults = countedFaults(seededRandom(20260310), 0.2);

/** Each owner's day dies once, at the step their number picks (one in five never does). */
const crashes = () => crashOnce<OwnerDay>((owner) => Number(owner.userId.slice(-3)), (owner) => `${owner.userId}/${owner.date}`);

beforeAll(async () => {
  slack = await new FakeSlack({ fault: slackFaults.fault }).start();
});
afterAll(() => slack.stop());

describe('check-in sweep under faults', () => {
  it('sends each of 200 owners exactly one check-in through 429s, 5xx, lost answers and crashes at every step', async () => {
    const created = new Date('2026-03-01T00:00:00Z');
    const teamId = 'T0CIFAULTS';
    const owners = Array.from({ length: 200 }, (_, i) => `U0F${String(i).padStart(3, '0')}`);
    await Promise.all(
      (
        [
          ['track-a', 'TA'],
          ['track-b', 'TB'],
        ] as const
      ).map(async ([slug, prefix], half) => {
        await h.store.createTrack(track(teamId, slug, prefix, 'Asia/Tokyo', created));
        for (const userId of owners.filter((_, i) => i % 2 === half)) {
          await h.store.createCommitment(teamId, slug, owned(`Item of ${userId}`, userId, '2026-03-17'), 'U0A', created);
        }
      }),
    );

    // Owners are in UTC (the fake gives no zone): Tuesday 10 March, 09:00.
    const faults = crashes();
    const totals: CheckInSweepSummary[] = [];
    // Sweeps five minutes apart (leases here last 65 s past a sweep), two overlapping invocations each time.
    for (let round = 0; round < 12; round++) {
      const now = new Date(Date.parse('2026-03-10T09:00:00Z') + round * 300_000 + 1_000);
      const pair = await Promise.all([h.sweep(now, { faults }), h.sweep(now, { faults })]);
      totals.push(...pair);
      if (pair.every((s) => s.dueAsks === 0)) break;
    }

    const perSlot = new Map<string, number>();
    for (const m of checkInsTo(slack)) perSlot.set(String(m.metadata.event_payload['slot_id']), (perSlot.get(String(m.metadata.event_payload['slot_id'])) ?? 0) + 1);
    expect([...perSlot.keys()].sort()).toEqual(owners.map((u) => `${teamId}/${u}/2026-03-10`));
    expect([...perSlot.values()].filter((n) => n !== 1)).toEqual([]);

    // The faults really happened, at every step and of every kind.
    expect([...faults.seen.keys()].sort()).toEqual(['after-claim', 'after-post', 'after-record', 'before-claim']);
    expect(Math.min(...['rate-limited', 'server-error', 'lost-response'].map((k) => slackFaults.answered.get(k) ?? 0))).toBeGreaterThan(10);
    const sum = (key: keyof CheckInSweepSummary) => totals.reduce((n, s) => n + s[key], 0);
    expect(sum('sent')).toBeLessThanOrEqual(200);
    expect(sum('skippedAlreadySent')).toBeGreaterThan(0);
    expect(sum('stopped')).toBe(0);

    // Every ask carries its check-in, with the message it went out in, and moved on to its next day.
    const asks = [...((await h.store.getReport(teamId, 'track-a')).asks ?? []), ...((await h.store.getReport(teamId, 'track-b')).asks ?? [])];
    expect(asks).toHaveLength(200);
    const dmOf = new Map(checkInsTo(slack).map((m) => [String(m.metadata.event_payload['slot_id']).split('/')[1], { channel: m.channel, ts: m.ts }]));
    for (const ask of asks) {
      expect(ask).toMatchObject({ askedOn: '2026-03-10', reason: 'before-due', askOn: '2026-03-16', dm: dmOf.get(ask.userId) });
    }
  }, 180_000);

  it('sends each of 100 owners whose kept DM channel Slack no longer knows exactly one check-in, in the channel opened again, through faults and crashes', async () => {
    const created = new Date('2026-03-01T00:00:00Z');
    const teamId = 'T0CIMOVED';
    const owners = Array.from({ length: 100 }, (_, i) => `U0M${String(i).padStart(3, '0')}`);
    await h.store.createTrack(track(teamId, 'track-m', 'TM', 'Asia/Tokyo', created));
    for (const userId of owners) {
      await h.store.createCommitment(teamId, 'track-m', owned(`Item of ${userId}`, userId, '2026-03-17'), 'U0A', created);
      await seedPerson(h.people, { teamId, userId, dm: `D0GONE${userId.slice(-3)}`, asOf: new Date('2026-03-10T08:00:00Z') });
    }
    slack.options.channelErrors = Object.fromEntries(owners.map((userId) => [`D0GONE${userId.slice(-3)}`, 'channel_not_found']));

    const faults = crashes();
    try {
      for (let round = 0; round < 12; round++) {
        const now = new Date(Date.parse('2026-03-10T09:00:00Z') + round * 300_000 + 1_000);
        const pair = await Promise.all([h.sweep(now, { faults }), h.sweep(now, { faults })]);
        if (pair.every((s) => s.dueAsks === 0)) break;
      }
    } finally {
      delete slack.options.channelErrors;
    }

    const sent = checkInsTo(slack).filter((m) => String(m.metadata.event_payload['slot_id']).startsWith(`${teamId}/`));
    expect(sent.map((m) => String(m.metadata.event_payload['slot_id'])).sort()).toEqual(owners.map((u) => `${teamId}/${u}/2026-03-10`));
    expect(sent.every((m) => m.channel === `D${String(m.metadata.event_payload['slot_id']).split('/')[1]!.slice(1)}`)).toBe(true);
    expect([...faults.seen.keys()].sort()).toEqual(['after-claim', 'after-post', 'after-record', 'before-claim']);
    const kept = await h.people.getMany(teamId, owners);
    expect(owners.filter((u) => kept.get(u)?.dmChannelId !== `D${u.slice(1)}`)).toEqual([]);
  }, 180_000);
});
