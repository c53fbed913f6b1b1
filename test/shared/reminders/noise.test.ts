import { PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_EVENT_TYPE } from '#shared/reminders/deliver';
import { subscribe as subscribeUseCase, unsubscribe, listSubscriptions } from '#shared/use-cases/subscriptions';
import { renderSubscriptions, renderSubscribed } from '#shared/slack/render/subscriptions';
import { askKey } from '#shared/store/check-in-params';
import { subscriptionItem } from '#local/bulk-subscriptions';
import { FakeSlack } from '#local/fake-slack';
import { useTestTable } from '../../support/dynamodb.ts';
import { draft, harness, track } from './harness.ts';

// Issue 14: digest noise control per subscription, and the "No answer" escalation in digests.

const table = useTestTable();
let slack: FakeSlack;
const h = harness(table, () => slack);

beforeAll(async () => {
  slack = await new FakeSlack().start();
});
afterAll(() => slack.stop());

const created: Parameters<typeof unsubscribe>[1][] = [];
const subscribe: typeof subscribeUseCase = async (deps, input) => {
  created.push({ teamId: input.teamId, channelId: input.channelId, track: input.track });
  return subscribeUseCase(deps, input);
};
afterEach(async () => {
  for (const key of created.splice(0)) await unsubscribe(h.subs, key).catch(() => undefined);
});

const digestsIn = (channel: string) => slack.messagesWithMetadata(DIGEST_EVENT_TYPE).filter((m) => m.channel === channel);
const at = (iso: string) => new Date(iso);
const START = at('2026-04-01T00:00:00Z');

/** Marks the owner's check-in about item `seq` as sent at `askedAt`, as the check-in sweep would. */
async function askedAt(teamId: string, slug: string, seq: number, userId: string, when: Date): Promise<void> {
  await table.client.send(
    new UpdateItemCommand({
      TableName: table.tableName,
      Key: askKey(teamId, slug, seq, userId),
      UpdateExpression: 'SET askedAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: marshall({ ':at': when.toISOString() }),
    }),
  );
}

describe('digest noise control', () => {
  it('records an empty slot as skipped without posting and moves the subscription on, by default', async () => {
    await h.store.createTrack(track('T0EMPTY', 'calm', 'CA', 'UTC', START));
    await subscribe(h.subs, { teamId: 'T0EMPTY', channelId: 'C0EMPTY', track: 'calm', scheduleText: 'daily 09:00', by: 'U0A', now: START });
    const summary = await h.sweep(at('2026-04-01T09:01:00Z'));
    expect(summary).toMatchObject({ due: 1, posted: 0, skippedEmpty: 1 });
    expect(digestsIn('C0EMPTY')).toEqual([]);
    const delivery = await h.subscriptions.getDelivery({ teamId: 'T0EMPTY', channelId: 'C0EMPTY', track: 'calm' }, '2026-04-01T09:00:00.000Z');
    expect(delivery).toMatchObject({ state: 'skipped', skippedAt: expect.any(String) });
    const [sub] = await listSubscriptions(h.subs, { teamId: 'T0EMPTY', channelId: 'C0EMPTY' });
    expect(sub).toMatchObject({ nextRunAt: '2026-04-02T09:00:00.000Z' });
    // "Changed since the last digest" still counts from before the skipped slot.
    expect(sub?.lastDigestAt).toBeUndefined();
    expect(await h.sweep(at('2026-04-01T09:06:00Z'))).toMatchObject({ due: 0, posted: 0, skippedEmpty: 0 });
  });

  it('lets two sweeps of the same empty slot agree: one records the skip, neither posts', async () => {
    await h.store.createTrack(track('T0TWICE', 'calm', 'CA', 'UTC', START));
    await subscribe(h.subs, { teamId: 'T0TWICE', channelId: 'C0TWICE', track: 'calm', scheduleText: 'daily 09:00', by: 'U0A', now: START });
    const [a, b] = await Promise.all([h.sweep(at('2026-04-01T09:01:00Z')), h.sweep(at('2026-04-01T09:01:00Z'))]);
    expect(a.skippedEmpty + b.skippedEmpty).toBe(1);
    expect(a.posted + b.posted).toBe(0);
    expect(digestsIn('C0TWICE')).toEqual([]);
  });

  it('posts "all on track" when the channel subscribed with always, and says so in the subscription', async () => {
    await h.store.createTrack(track('T0ALWAYS', 'calm', 'CA', 'UTC', START));
    await h.store.createCommitment('T0ALWAYS', 'calm', draft('Far away', '2026-12-31'), 'U0A', START);
    const result = await subscribe(h.subs, { teamId: 'T0ALWAYS', channelId: 'C0ALWAYS', track: 'calm', scheduleText: 'daily 09:00', skipWhenEmpty: false, by: 'U0A', now: START });
    expect(renderSubscribed(result).text).toContain('digest every day at 09:00 (UTC), posted even when there is nothing to report. First one');
    expect(await h.sweep(at('2026-04-01T09:01:00Z'))).toMatchObject({ posted: 1, skippedEmpty: 0 });
    expect(digestsIn('C0ALWAYS')[0]?.text).toBe('Reminder: Track calm: all on track.');
  });

  it('shows only the sections the channel chose, and skips a slot with nothing in them', async () => {
    await h.store.createTrack(track('T0ONLY', 'busy', 'BU', 'UTC', START));
    await h.store.createCommitment('T0ONLY', 'busy', draft('Due soon', '2026-04-03'), 'U0A', START);
    await h.store.createCommitment('T0ONLY', 'busy', draft('Overdue later', '2026-04-05'), 'U0A', START);
    const { subscription } = await subscribe(h.subs, { teamId: 'T0ONLY', channelId: 'C0ONLY', track: 'busy', scheduleText: 'daily 09:00', sections: ['overdue', 'no-answer'], by: 'U0A', now: START });
    expect(renderSubscriptions({ channelId: 'C0ONLY', subscriptions: [subscription] }).text).toContain('· only overdue, no-answer');
    // Both items are due soon on 1 April, none overdue: nothing to report in these sections.
    expect(await h.sweep(at('2026-04-01T09:01:00Z'))).toMatchObject({ posted: 0, skippedEmpty: 1 });
    // On 4 April BU-1 is overdue and BU-2 due soon: only the overdue one shows.
    expect(await h.sweep(at('2026-04-04T09:01:00Z'))).toMatchObject({ posted: 1 });
    const [digest] = digestsIn('C0ONLY');
    expect(digest?.text).toContain('1 overdue');
    expect(digest?.text).toContain('BU-1 Due soon');
    expect(digest?.text).not.toContain('BU-2');
    expect(JSON.stringify(digest?.blocks)).not.toContain('Due within 7 days');
  });

  it('reads a subscription stored before sections as all sections, skipping empty digests', async () => {
    await h.store.createTrack(track('T0OLD', 'calm', 'CA', 'UTC', START));
    const item = subscriptionItem('T0OLD', 'C0OLD', 'daily 09:00', START, START);
    created.push({ teamId: 'T0OLD', channelId: 'C0OLD', track: 'calm' });
    await table.client.send(new PutItemCommand({ TableName: table.tableName, Item: marshall({ ...item, track: 'calm', sk: 'SUB#C0OLD#calm' }) }));
    const [sub] = await listSubscriptions(h.subs, { teamId: 'T0OLD', channelId: 'C0OLD' });
    expect(sub).toMatchObject({ sections: ['overdue', 'due-soon', 'quiet', 'changed', 'no-answer'], skipWhenEmpty: true });
  });
});

describe('no-answer escalation in digests', () => {
  async function escalationTrack(teamId: string, escalateAfterDays: number | null): Promise<void> {
    await h.store.createTrack({ ...track(teamId, 'asks', 'AS', 'UTC', START), checkIns: { beforeDueDays: [7, 1], escalateAfterDays } });
    await h.store.createCommitment(teamId, 'asks', draft('Convene the committee', '2026-06-30'), 'U0A', START);
    await askedAt(teamId, 'asks', 1, 'U0OWNER', at('2026-04-02T09:00:00Z'));
    await subscribe(h.subs, { teamId, channelId: `C${teamId}`, track: 'asks', scheduleText: 'daily 10:00', by: 'U0A', now: at('2026-04-05T00:00:00Z') });
  }

  it('lists an item whose owner has not answered for the track’s days in a No answer section', async () => {
    await escalationTrack('T0ESC', 3);
    expect(await h.sweep(at('2026-04-06T10:01:00Z'))).toMatchObject({ posted: 1 });
    const [digest] = digestsIn('CT0ESC');
    expect(digest?.text).toContain('AS-1 Convene the committee — no answer from <@U0OWNER> — asked 4 days ago');
    expect(JSON.stringify(digest?.blocks)).toContain(':rotating_light: *No answer* (1)');
  });

  it('leaves the section out before the limit, and skips that slot when nothing else is to report', async () => {
    await escalationTrack('T0WAIT', 5);
    expect(await h.sweep(at('2026-04-06T10:01:00Z'))).toMatchObject({ posted: 0, skippedEmpty: 1 });
    expect(await h.sweep(at('2026-04-07T10:01:00Z'))).toMatchObject({ posted: 1 });
    expect(digestsIn('CT0WAIT')[0]?.text).toContain('no answer from <@U0OWNER> — asked 5 days ago');
  });

  it('never flags an item when the track turned escalation off', async () => {
    await escalationTrack('T0OFF', null);
    expect(await h.sweep(at('2026-04-20T10:01:00Z'))).toMatchObject({ posted: 0, skippedEmpty: 1 });
    expect(digestsIn('CT0OFF')).toEqual([]);
  });

  it('stops flagging once the owner answers (the item changes after the check-in)', async () => {
    await escalationTrack('T0ANS', 3);
    const item = await h.store.getCommitment('T0ANS', 'AS-1');
    await h.store.saveChange(item, { type: 'note', text: 'on track' }, 'U0OWNER', at('2026-04-05T08:00:00Z'));
    expect(await h.sweep(at('2026-04-06T10:01:00Z'))).toMatchObject({ posted: 1 });
    const [digest] = digestsIn('CT0ANS');
    expect(digest?.text).not.toContain('no answer');
    expect(digest?.text).toContain('1 changed');
  });
});
