import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError, NotFoundError } from '#shared/errors';
import { listSubscriptions, subscribe, unsubscribe } from '#shared/use-cases/subscriptions';
import { renderSubscribed, renderSubscriptions } from '#shared/slack/render/subscriptions';
import { useTestTable } from '../../support/dynamodb.ts';
import { FakeSlack } from '#local/fake-slack';
import { expectWithinSlackLimits } from '../../support/slack-limits.ts';
import { harness, track } from './harness.ts';

const table = useTestTable();
let slack: FakeSlack;
const h = harness(table, () => slack);
const now = new Date('2026-03-04T20:00:00Z'); // Wednesday
const teamId = 'T0SUBS';

beforeAll(async () => {
  slack = await new FakeSlack({ channelErrors: { C0ARCHIVED: 'is_archived' } }).start();
  await h.store.createTrack(track(teamId, 'japan-korea', 'JK', 'Asia/Tokyo', now));
});
afterAll(() => slack.stop());

const rawItem = async (channelId: string) => {
  const { Item } = await table.client.send(new GetItemCommand({ TableName: table.tableName, Key: { pk: { S: teamId }, sk: { S: `SUB#${channelId}#japan-korea` } } }));
  return Item ? unmarshall(Item) : undefined;
};

describe('subscriptions', () => {
  it('subscribes with the track zone and the default Monday 09:00, and shows the next run in that zone', async () => {
    const { subscription, replaced } = await subscribe(h.subs, { teamId, channelId: 'C0SUBS', track: 'japan-korea', by: 'U0A', now });
    expect(replaced).toBeUndefined();
    expect(subscription).toMatchObject({ timeZone: 'Asia/Tokyo', schedule: { type: 'weekly', days: [1], at: '09:00' }, nextRunAt: '2026-03-09T00:00:00.000Z', version: 1 });
    expect(renderSubscribed({ subscription, replaced }).text).toBe(
      'Subscribed: <#C0SUBS> gets the japan-korea digest every Monday at 09:00 (Asia/Tokyo). First one: Mon 9 Mar 2026, 09:00 GMT+9.',
    );
    const listed = await listSubscriptions(h.subs, { teamId, channelId: 'C0SUBS' });
    expect(listed).toEqual([subscription]);
    const message = renderSubscriptions({ channelId: 'C0SUBS', subscriptions: listed });
    expectWithinSlackLimits(message);
    expect(message.text).toContain('japan-korea · every Monday at 09:00 (Asia/Tokyo) · next Mon 9 Mar 2026, 09:00 GMT+9');
  });

  it('replaces the schedule on a second subscribe, and refuses a write based on a stale version', async () => {
    await subscribe(h.subs, { teamId, channelId: 'C0AGAIN', track: 'japan-korea', by: 'U0A', now });
    const { subscription, replaced } = await subscribe(h.subs, {
      teamId,
      channelId: 'C0AGAIN',
      track: 'japan-korea',
      scheduleText: 'weekdays 08:00 tz America/New_York',
      by: 'U0B',
      now,
    });
    expect(replaced?.version).toBe(1);
    expect(subscription).toMatchObject({ timeZone: 'America/New_York', nextRunAt: '2026-03-05T13:00:00.000Z', version: 2, createdBy: 'U0B' });
    expect(await listSubscriptions(h.subs, { teamId, channelId: 'C0AGAIN' })).toHaveLength(1);
    await expect(h.subscriptions.put({ ...subscription, version: 2 }, 1)).rejects.toThrow(ConflictError);
  });

  it('refuses an unknown track, a bad channel id and an unreadable schedule, writing nothing', async () => {
    await expect(subscribe(h.subs, { teamId, channelId: 'C0BAD', track: 'no-such-track', by: 'U0A', now })).rejects.toThrow(NotFoundError);
    await expect(subscribe(h.subs, { teamId, channelId: 'not-a-channel', track: 'japan-korea', by: 'U0A', now })).rejects.toThrow(InvalidInputError);
    await expect(subscribe(h.subs, { teamId, channelId: 'C0BAD', track: 'japan-korea', scheduleText: 'fortnightly', by: 'U0A', now })).rejects.toThrow(InvalidInputError);
    expect(await listSubscriptions(h.subs, { teamId, channelId: 'C0BAD' })).toEqual([]);
  });

  it('unsubscribes, and says so when there is nothing to remove', async () => {
    await subscribe(h.subs, { teamId, channelId: 'C0GOING', track: 'japan-korea', by: 'U0A', now });
    expect((await unsubscribe(h.subs, { teamId, channelId: 'C0GOING', track: 'japan-korea' })).channelId).toBe('C0GOING');
    await expect(unsubscribe(h.subs, { teamId, channelId: 'C0GOING', track: 'japan-korea' })).rejects.toThrow(NotFoundError);
    expect(renderSubscriptions({ channelId: 'C0GOING', subscriptions: [] }).text).toContain('has no digests');
  });

  it('takes a paused subscription out of the due index, shows why, and resumes it on subscribe', async () => {
    await subscribe(h.subs, { teamId, channelId: 'C0ARCHIVED', track: 'japan-korea', skipWhenEmpty: false, by: 'U0A', now });
    expect(await rawItem('C0ARCHIVED')).toMatchObject({ gsi1pk: expect.stringMatching(/^DUE#[0-7]$/), gsi1sk: expect.stringMatching(/^2026-03-09T00:00:00.000Z#T0SUBS#C0ARCHIVED#japan-korea$/) });
    const summary = await h.sweep(new Date('2026-03-09T00:01:00Z'));
    expect(summary).toMatchObject({ paused: 1 });

    const paused = await rawItem('C0ARCHIVED');
    expect(paused?.['gsi1pk']).toBeUndefined();
    expect(paused?.['gsi1sk']).toBeUndefined();
    const [sub] = await listSubscriptions(h.subs, { teamId, channelId: 'C0ARCHIVED' });
    expect(renderSubscriptions({ channelId: 'C0ARCHIVED', subscriptions: [sub!] }).text).toContain('paused since Mon 9 Mar 2026, 09:01 GMT+9: the channel is archived — subscribe again to resume');

    const resumed = await subscribe(h.subs, { teamId, channelId: 'C0ARCHIVED', track: 'japan-korea', by: 'U0A', now: new Date('2026-03-10T00:00:00Z') });
    expect(resumed.subscription.paused).toBeUndefined();
    expect(renderSubscribed(resumed).text).toMatch(/^Resumed/);
    expect(await rawItem('C0ARCHIVED')).toMatchObject({ gsi1sk: expect.stringMatching(/^2026-03-16T00:00:00.000Z#/) });
  });
});

describe('digests of a private track', () => {
  it('go to its linked channels only: a subscription elsewhere pauses as if the track were gone', async () => {
    const created = await h.store.createTrack({ ...track(teamId, 'quiet-talks', 'QT', 'UTC', now), members: { U0OWNER: 'owner' } });
    await subscribe(h.subs, { teamId, channelId: 'C0PUBLIC', track: 'quiet-talks', scheduleText: 'daily 09:00', skipWhenEmpty: false, by: 'U0OWNER', now });
    await h.store.saveTrackAccess(created, { ...created, visibility: 'private', channels: ['C0LINKED'] }, [{ type: 'visibility', from: 'workspace', to: 'private' }, { type: 'link', channelId: 'C0LINKED' }], 'U0OWNER', now);
    await expect(subscribe(h.subs, { teamId, channelId: 'C0ELSE', track: 'quiet-talks', by: 'U0OWNER', now })).rejects.toThrow(/quiet-talks is private: link this channel first/);
    await subscribe(h.subs, { teamId, channelId: 'C0LINKED', track: 'quiet-talks', scheduleText: 'daily 09:00', skipWhenEmpty: false, by: 'U0OWNER', now });

    await h.sweep(new Date('2026-03-05T09:01:00Z'));
    expect(slack.messages.filter((m) => m.channel === 'C0PUBLIC')).toEqual([]);
    expect(slack.messages.filter((m) => m.channel === 'C0LINKED')).toHaveLength(1);
    const [paused] = await listSubscriptions(h.subs, { teamId, channelId: 'C0PUBLIC' });
    expect(paused?.paused).toMatchObject({ reason: 'track_not_found' });
  });
});
