import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestTable } from '../../support/dynamodb.ts';
import { FakeSlack } from '#local/fake-slack';
import { track } from '../reminders/harness.ts';
import { checkInHarness, checkInsTo, owned, seedPerson } from './harness.ts';
import { lookupAsOf } from '#shared/domain/person';

// The sweep takes who an owner is (zone, deactivated) and their DM channel from their person
// record: Slack is asked only for someone with no record, one past a week, or after the posts.
const table = useTestTable();
let slack: FakeSlack;
const h = checkInHarness(table, () => slack);
const created = new Date('2026-03-01T00:00:00Z');
/** Tuesday 10 March, 09:00 in Tokyo: items due on the 17th are asked. */
const tokyoMorning = new Date('2026-03-10T00:00:30Z');

beforeAll(async () => {
  slack = await new FakeSlack({
    users: {
      // Slack's word differs from the records below: what the sweep did shows which one it used.
      U0STALE: { tz: 'America/New_York' },
      U0NEWBIE: { tz: 'Europe/Paris', locale: 'fr-FR' },
      // Slack cannot say who they are: a refresh fails.
      U0STALEX: null,
    },
  }).start();
});
afterAll(() => slack.stop());

/** The Slack calls of one method about one person. */
function callsAbout(method: 'users.info' | 'conversations.open', userId: string) {
  return slack.callsTo(method).filter((call) => call.args[method === 'users.info' ? 'user' : 'users'] === userId);
}

describe('check-in sweep with person records', () => {
  it('asks owners it has records of with no users.info, and from their second check-in with no conversations.open either', async () => {
    const team = 'T0KNOWN';
    const owners = ['U0KNOWNA', 'U0KNOWNB'];
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    for (const userId of owners) {
      // Asked on the 10th (due the 17th) and on the 11th (due the 18th).
      await h.store.createCommitment(team, 'japan-korea', owned(`First of ${userId}`, userId, '2026-03-17'), 'U0A', created);
      await h.store.createCommitment(team, 'japan-korea', owned(`Second of ${userId}`, userId, '2026-03-18'), 'U0A', created);
      // The fake would say UTC: 09:00 in Tokyo is the record's zone at work.
      await seedPerson(h.people, { teamId: team, userId, tz: 'Asia/Tokyo', asOf: new Date(tokyoMorning.getTime() - 3_600_000) });
    }

    await h.sweep(tokyoMorning);
    for (const userId of owners) {
      expect(callsAbout('users.info', userId)).toHaveLength(0);
      expect(callsAbout('conversations.open', userId)).toHaveLength(1);
      expect(checkInsTo(slack, userId).map((m) => m.channel)).toEqual([`D${userId.slice(1)}`]);
      expect((await h.people.get(team, userId))?.dmChannelId).toBe(`D${userId.slice(1)}`);
      // A profile change overnight: the event keeps the record fresh for the next morning.
      await seedPerson(h.people, { teamId: team, userId, tz: 'Asia/Tokyo', asOf: new Date(tokyoMorning.getTime() + 20 * 3_600_000) });
    }

    const nextDay = await h.sweep(new Date('2026-03-11T00:00:30Z'));
    expect(nextDay).toMatchObject({ lookedUp: 0, refreshed: 0 });
    for (const userId of owners) {
      expect(callsAbout('users.info', userId)).toHaveLength(0);
      expect(callsAbout('conversations.open', userId)).toHaveLength(1);
      expect(checkInsTo(slack, userId).map((m) => m.metadata.event_payload['slot_id'])).toEqual([`${team}/${userId}/2026-03-10`, `${team}/${userId}/2026-03-11`]);
    }
  });

  it('looks up an owner it has no record of once, with their locale, and keeps it with their DM channel', async () => {
    const team = 'T0NEWBIE';
    await h.store.createTrack(track(team, 'eu-japan', 'EJ', 'Europe/Paris', created));
    await h.store.createCommitment(team, 'eu-japan', owned('Sign the data accord', 'U0NEWBIE', '2026-03-17'), 'U0A', created);

    const sweptAt = new Date('2026-03-10T08:00:30Z'); // 09:00 in Paris
    const summary = await h.sweep(sweptAt);
    expect(summary.lookedUp).toBeGreaterThanOrEqual(1);
    const lookups = callsAbout('users.info', 'U0NEWBIE');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]!.args['include_locale']).toBe('true');
    expect(checkInsTo(slack, 'U0NEWBIE')).toHaveLength(1);
    const record = await h.people.get(team, 'U0NEWBIE');
    expect(record).toMatchObject({ user: { id: 'U0NEWBIE', tz: 'Europe/Paris', deleted: false }, locale: 'fr-FR', dmChannelId: 'D0NEWBIE' });
    // As of when Slack was asked: the sweep's clock, moved on by the time it took.
    expect(record!.asOf).toBeGreaterThanOrEqual(lookupAsOf(sweptAt));
    expect(record!.asOf - sweptAt.getTime()).toBeLessThan(30_000);
  });

  it('posts to an owner by a record past a day, then refreshes the record from Slack after the post; a refresh Slack refuses changes nothing', async () => {
    const team = 'T0STALE';
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    await h.store.createCommitment(team, 'japan-korea', owned('Owner with an old record', 'U0STALE', '2026-03-17'), 'U0A', created);
    await h.store.createCommitment(team, 'japan-korea', owned('Owner Slack cannot look up', 'U0STALEX', '2026-03-17'), 'U0A', created);
    // Three days old: Tokyo then, New York now (which Slack would say).
    const threeDaysAgo = new Date(tokyoMorning.getTime() - 3 * 86_400_000);
    await seedPerson(h.people, { teamId: team, userId: 'U0STALE', tz: 'Asia/Tokyo', dm: 'D0STALE', asOf: threeDaysAgo });
    await seedPerson(h.people, { teamId: team, userId: 'U0STALEX', tz: 'Asia/Tokyo', dm: 'D0STALEX', asOf: threeDaysAgo });

    const summary = await h.sweep(tokyoMorning);
    expect(summary.refreshed).toBeGreaterThanOrEqual(1);
    // Sent at 09:00 in Tokyo (not yet morning in New York), in the kept channel.
    expect(checkInsTo(slack, 'U0STALE').map((m) => m.channel)).toEqual(['D0STALE']);
    expect(callsAbout('conversations.open', 'U0STALE')).toHaveLength(0);
    const [lookup, ...more] = callsAbout('users.info', 'U0STALE');
    expect(more).toHaveLength(0);
    const post = slack.callsTo('chat.postMessage').find((call) => call.args['channel'] === 'D0STALE')!;
    expect(slack.calls.indexOf(lookup!)).toBeGreaterThan(slack.calls.indexOf(post));
    const record = await h.people.get(team, 'U0STALE');
    expect(record).toMatchObject({ user: { tz: 'America/New_York' }, dmChannelId: 'D0STALE' });
    expect(record!.asOf).toBeGreaterThanOrEqual(lookupAsOf(tokyoMorning));

    // A refresh Slack refuses breaks nothing: the check-in went out, the record serves on as it was.
    expect(checkInsTo(slack, 'U0STALEX').map((m) => m.channel)).toEqual(['D0STALEX']);
    expect(callsAbout('users.info', 'U0STALEX')).toHaveLength(1);
    expect(await h.people.get(team, 'U0STALEX')).toMatchObject({ user: { tz: 'Asia/Tokyo' }, asOf: threeDaysAgo.getTime() });
  });

  it('stops the check-ins of an owner whose record says deactivated, without a Slack call', async () => {
    const team = 'T0LEFT';
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    await h.store.createCommitment(team, 'japan-korea', owned('Owner who left', 'U0LEFT', '2026-03-17'), 'U0A', created);
    // Slack would call them a plain member: only the record knows they left.
    await seedPerson(h.people, { teamId: team, userId: 'U0LEFT', tz: 'Asia/Tokyo', deleted: true, dm: 'D0LEFT', asOf: new Date(tokyoMorning.getTime() - 3_600_000) });
    const callsBefore = slack.calls.length;

    const summary = await h.sweep(tokyoMorning);
    expect(summary.stopped).toBeGreaterThanOrEqual(1);
    expect(slack.calls.slice(callsBefore).filter((call) => JSON.stringify(call.args).includes('0LEFT'))).toEqual([]);
    expect((await h.preferences.get(team, 'U0LEFT')).stopped?.reason).toBe('deactivated');
  });

  it('posts to the first batch of owners while a later batch is still being looked up', async () => {
    const team = 'T0PIPE';
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    // 110 owners new to the bot, in UTC: two batches (99 asks and a track make one BatchGetItem).
    const owners = Array.from({ length: 110 }, (_, i) => `U0PIPE${String(i).padStart(3, '0')}`);
    for (const userId of owners) await h.store.createCommitment(team, 'japan-korea', owned(`Item of ${userId}`, userId, '2026-03-17'), 'U0A', created);
    // Lookups past the first batch's 99 are answered only once a check-in is out (or after 6 s, within the client's 10 s timeout, which fails the test).
    let postSeen!: () => void;
    const posted = new Promise<void>((resolve) => (postSeen = resolve));
    let lookups = 0;
    const answered: string[] = [];
    const timers: NodeJS.Timeout[] = [];
    const orLater = () => new Promise<void>((r) => timers.push(setTimeout(r, 6_000)));
    slack.options.hold = (call) => (call.method === 'users.info' && ++lookups > 99 ? Promise.race([posted, orLater()]) : undefined);
    slack.options.observe = (call) => {
      answered.push(call.method);
      if (call.method === 'chat.postMessage') postSeen();
    };

    try {
      const summary = await h.sweep(new Date('2026-03-10T09:00:30Z'));
      expect(summary).toMatchObject({ lookedUp: 110 });
    } finally {
      delete slack.options.hold;
      delete slack.options.observe;
      timers.forEach(clearTimeout);
    }
    expect(answered.indexOf('chat.postMessage')).toBeLessThan(answered.lastIndexOf('users.info'));
    expect(owners.filter((u) => checkInsTo(slack, u).length !== 1)).toEqual([]);
  });

  it('opens a kept DM channel Slack no longer knows again, once, posts there and keeps the new one', async () => {
    const team = 'T0MOVED';
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    await h.store.createCommitment(team, 'japan-korea', owned('Owner whose DM moved', 'U0MOVED', '2026-03-17'), 'U0A', created);
    await h.store.createCommitment(team, 'japan-korea', owned('Owner whose DM is gone for good', 'U0NODM', '2026-03-17'), 'U0A', created);
    const asOf = new Date(tokyoMorning.getTime() - 3_600_000);
    await seedPerson(h.people, { teamId: team, userId: 'U0MOVED', tz: 'Asia/Tokyo', dm: 'D0OLDDM', asOf });
    await seedPerson(h.people, { teamId: team, userId: 'U0NODM', tz: 'Asia/Tokyo', dm: 'D0ARCHIVED', asOf });
    // U0NODM's channel as opened again is refused too: it is not opened a third time.
    slack.options.channelErrors = { D0OLDDM: 'channel_not_found', D0ARCHIVED: 'is_archived', D0NODM: 'is_archived' };

    try {
      const summary = await h.sweep(tokyoMorning);
      expect(summary.reopened).toBeGreaterThanOrEqual(2);
    } finally {
      delete slack.options.channelErrors;
    }
    const postsTo = (channel: string) => slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === channel);
    expect(postsTo('D0OLDDM')).toHaveLength(1);
    expect(callsAbout('conversations.open', 'U0MOVED')).toHaveLength(1);
    expect(checkInsTo(slack, 'U0MOVED').map((m) => [m.channel, m.metadata.event_payload['slot_id']])).toEqual([['D0MOVED', `${team}/U0MOVED/2026-03-10`]]);
    expect((await h.people.get(team, 'U0MOVED'))?.dmChannelId).toBe('D0MOVED');
    // The ask records the message where it went.
    const asks = (await h.store.getReport(team, 'japan-korea')).asks ?? [];
    expect(asks.filter((a) => a.userId === 'U0MOVED').map((a) => [a.askedOn, a.dm?.channel])).toEqual([['2026-03-10', 'D0MOVED']]);

    expect(postsTo('D0ARCHIVED')).toHaveLength(1);
    expect(callsAbout('conversations.open', 'U0NODM')).toHaveLength(1);
    expect(postsTo('D0NODM')).toHaveLength(1);
    expect(checkInsTo(slack, 'U0NODM')).toEqual([]);
  });
});
