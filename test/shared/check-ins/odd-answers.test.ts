import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestTable } from '../../support/dynamodb.ts';
import { FakeSlack } from '#local/fake-slack';
import { track } from '../reminders/harness.ts';
import { checkInHarness, checkInsTo, owned, seedPerson } from './harness.ts';

// What Slack or a record may say that a sweep must get through: one message a day, each owner
// asked, nobody stopped for the install's fault, and no owner looked up again every sweep.
const table = useTestTable();
let slack: FakeSlack;
const h = checkInHarness(table, () => slack);
const created = new Date('2026-03-01T00:00:00Z');
const tokyoMorning = new Date('2026-03-10T00:00:30Z');

const tracked = new Set<string>();

async function ownerOf(team: string, userId: string, person?: { tz?: string; asOf: Date }): Promise<void> {
  if (!tracked.has(team)) await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
  tracked.add(team);
  await h.store.createCommitment(team, 'japan-korea', owned(`Item of ${userId}`, userId, '2026-03-17'), userId, created);
  if (person) await seedPerson(h.people, { teamId: team, userId, dm: `D${userId.slice(1)}`, ...person });
}

const slotsOf = (userId: string) => checkInsTo(slack, userId).map((m) => m.metadata.event_payload['slot_id']);

describe('with the stand-in Slack as it is', () => {
  beforeAll(async () => {
    slack = await new FakeSlack().start();
  });
  afterAll(() => slack.stop());

  it('asks an owner whose record has a zone the runtime does not know on UTC time, as one with no zone, and fails no sweep', async () => {
    const team = 'T0BADTZ';
    const asOf = new Date(tokyoMorning.getTime() - 3_600_000);
    await ownerOf(team, 'U0BADTZ', { tz: 'Mars/Olympus', asOf });
    await ownerOf(team, 'U0NOTZ', { asOf });
    const failed: number[] = [];
    for (const at of ['2026-03-10T00:00:30Z', '2026-03-10T09:00:30Z', '2026-03-10T09:05:30Z']) failed.push((await h.sweep(new Date(at))).failed);
    expect({ failed, unknown: slotsOf('U0BADTZ'), none: slotsOf('U0NOTZ') }).toEqual({ failed: [0, 0, 0], unknown: [`${team}/U0BADTZ/2026-03-10`], none: [`${team}/U0NOTZ/2026-03-10`] });
  });

  it('puts off to tomorrow an owner Slack refuses to describe (missing_scope), rather than asking Slack again every sweep', async () => {
    const team = 'T0NOSCOPE';
    // No record, and one past a week: both are looked up before their check-in.
    await ownerOf(team, 'U0NEWX');
    await ownerOf(team, 'U0OLDX', { asOf: new Date('2026-03-01T00:00:00Z') });
    slack.options.fault = (call) => (call.method === 'users.info' ? { kind: 'slack-error', error: 'missing_scope' } : undefined);
    const lookups = (userId: string) => slack.callsTo('users.info').filter((call) => call.args['user'] === userId).length;
    try {
      for (const at of ['2026-03-10T09:00:30Z', '2026-03-10T09:05:30Z', '2026-03-10T09:10:30Z']) await h.sweep(new Date(at));
    } finally {
      delete slack.options.fault;
    }
    expect({ posts: checkInsTo(slack).filter((m) => String(m.metadata.event_payload['slot_id']).startsWith(team)).length, new: lookups('U0NEWX'), old: lookups('U0OLDX') }).toEqual({ posts: 0, new: 1, old: 1 });
    // Slack answers again the next day: both are asked.
    await h.sweep(new Date('2026-03-11T09:10:30Z'));
    expect([slotsOf('U0NEWX'), slotsOf('U0OLDX')]).toEqual([[`${team}/U0NEWX/2026-03-11`], [`${team}/U0OLDX/2026-03-11`]]);
  });

  it('stops nobody when Slack calls the bot’s token inactive (account_inactive): once it works again, the check-ins go on', async () => {
    const team = 'T0DEADTOKEN';
    const owners = ['U0TOKA', 'U0TOKB'];
    for (const userId of owners) await ownerOf(team, userId, { tz: 'Asia/Tokyo', asOf: new Date(tokyoMorning.getTime() - 3_600_000) });
    slack.options.fault = (call) => (call.method === 'chat.postMessage' ? { kind: 'slack-error', error: 'account_inactive' } : undefined);
    try {
      await h.sweep(tokyoMorning);
    } finally {
      delete slack.options.fault;
    }
    await h.sweep(new Date('2026-03-11T00:00:30Z'));
    const stopped = await Promise.all(owners.map(async (userId) => (await h.preferences.get(team, userId)).stopped?.reason ?? null));
    expect({ stopped, slots: owners.map(slotsOf) }).toEqual({ stopped: [null, null], slots: [[`${team}/U0TOKA/2026-03-11`], [`${team}/U0TOKB/2026-03-11`]] });
  });
});

describe('an owner who moved west, with the first post of the day unconfirmed', () => {
  // The stand-in ignores `oldest` on conversations.history; Slack returns only messages after it.
  // `observe` applies it, timing each message by the sweep's clock.
  let sweepNow = tokyoMorning;
  const postedAt = new Map<string, number>();
  beforeAll(async () => {
    slack = await new FakeSlack({
      users: { U0MOVER: { tz: 'America/Los_Angeles' } },
      observe: (call, result) => {
        if (call.method === 'chat.postMessage' && typeof result['ts'] === 'string') postedAt.set(result['ts'], sweepNow.getTime() / 1000);
        if (call.method === 'conversations.history' && Array.isArray(result['messages'])) {
          const oldest = Number(call.args['oldest'] ?? 0);
          result['messages'] = (result['messages'] as { ts: string }[]).filter((m) => (postedAt.get(m.ts) ?? 0) > oldest);
        }
      },
    }).start();
  });
  afterAll(() => slack.stop());

  it('gets one message for the day: the next holder of the claim looks from the day’s first instant anywhere, not from midnight in the new zone', async () => {
    const team = 'T0MOVER';
    // Three days old, Tokyo; Slack now says Los Angeles, and the refresh after the posts keeps that.
    await ownerOf(team, 'U0MOVER', { tz: 'Asia/Tokyo', asOf: new Date(tokyoMorning.getTime() - 3 * 86_400_000) });
    let posts = 0;
    // 09:00 in Tokyo: the post lands but its answer is lost, and the history cannot be read: its fate is unknown.
    slack.options.fault = (call) => {
      if (call.method === 'chat.postMessage' && ++posts === 1) return { kind: 'lost-response', status: 502 };
      if (call.method === 'conversations.history') return { kind: 'server-error', status: 503 };
      return undefined;
    };
    try {
      expect((await h.sweep(tokyoMorning)).leftForNextSweep).toBe(1);
    } finally {
      delete slack.options.fault;
    }
    expect((await h.people.get(team, 'U0MOVER'))?.user.tz).toBe('America/Los_Angeles');
    for (const at of ['2026-03-10T00:05:30Z', '2026-03-10T16:00:30Z', '2026-03-10T16:05:30Z']) {
      sweepNow = new Date(at);
      await h.sweep(sweepNow);
    }
    expect(slotsOf('U0MOVER')).toEqual([`${team}/U0MOVER/2026-03-10`]);
  });
});
