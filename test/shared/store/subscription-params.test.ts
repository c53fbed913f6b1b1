import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { SubscriptionKey } from '#shared/domain/subscription';
import {
  DELIVERY_TTL_DAYS,
  DUE_SHARDS,
  advanceParams,
  channelSubscriptionsParams,
  claimParams,
  deleteSubscriptionParams,
  dueKeys,
  dueQueryParams,
  dueShard,
  markPostedParams,
  markSkippedParams,
  newDelivery,
  pauseParams,
  putSubscriptionParams,
  reclaimParams,
  releaseParams,
} from '#shared/store/subscription-params';

const TABLE = 'commitments-test';
const plain = (item: Record<string, AttributeValue> | undefined) => unmarshall(item ?? {});

const key: SubscriptionKey = { teamId: 'T0SUBP', channelId: 'C0DIGEST', track: 'japan-korea' };
const slot = '2026-03-09T00:00:00.000Z';
const now = new Date('2026-03-09T00:00:05.000Z');
const leaseUntil = new Date('2026-03-09T00:02:05.000Z');
const claim = { key, slot, token: 'token-1', now, leaseUntil };
const subscription = { ...key, nextRunAt: slot, version: 3 };

describe('due index keys', () => {
  it('puts a subscription in a stable shard below DUE_SHARDS, sorted by its next run', () => {
    const shard = dueShard(key);
    expect(shard).toBe(dueShard({ ...key }));
    expect(shard).toBeGreaterThanOrEqual(0);
    expect(shard).toBeLessThan(DUE_SHARDS);
    expect(dueKeys(key, slot)).toEqual({ gsi1pk: `DUE#${shard}`, gsi1sk: `${slot}#T0SUBP#C0DIGEST#japan-korea` });
  });

  it('spreads subscriptions over every shard of the due index', () => {
    const teamId = 'T0SUBS';
    const shards = new Set(Array.from({ length: 200 }, (_, i) => dueShard({ teamId, channelId: `C0${i}`, track: 'japan-korea' })));
    expect(shards.size).toBe(DUE_SHARDS);
    expect(dueKeys({ teamId, channelId: 'C0X', track: 'japan-korea' }, '2026-03-09T00:00:00.000Z').gsi1sk).toBe('2026-03-09T00:00:00.000Z#T0SUBS#C0X#japan-korea');
    const paused = putSubscriptionParams('t', { teamId, channelId: 'C0X', track: 'japan-korea', nextRunAt: '2026-03-09T00:00:00.000Z', paused: { reason: 'is_archived' }, version: 2 }, 1);
    expect(paused.Item?.['gsi1pk']).toBeUndefined();
    expect(paused.ConditionExpression).toBe('version = :expected');
  });

  it('reads one shard up to now, including what is due at this very millisecond', () => {
    const query = dueQueryParams(TABLE, 5, now, 100);
    expect(query).toMatchObject({
      IndexName: 'due',
      KeyConditionExpression: '#pk = :pk AND #sk <= :upTo',
      ExpressionAttributeNames: { '#pk': 'gsi1pk', '#sk': 'gsi1sk' },
      Limit: 100,
    });
    expect(plain(query.ExpressionAttributeValues)).toEqual({ ':pk': 'DUE#5', ':upTo': '2026-03-09T00:00:05.000Z#~' });
    expect(query).not.toHaveProperty('ExclusiveStartKey');
    expect(dueQueryParams(TABLE, 5, now, 100, { pk: { S: 'x' } }).ExclusiveStartKey).toEqual({ pk: { S: 'x' } });
    expect(`${now.toISOString()}#T0SUBP#C0DIGEST#japan-korea` <= plain(query.ExpressionAttributeValues)[':upTo']).toBe(true);
  });
});

describe('subscription requests', () => {
  it('writes a new subscription only where none exists, with its due index keys', () => {
    const put = putSubscriptionParams(TABLE, subscription);
    expect(put.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(put).not.toHaveProperty('ExpressionAttributeValues');
    expect(plain(put.Item)).toMatchObject({ pk: 'T0SUBP', sk: 'SUB#C0DIGEST#japan-korea', type: 'subscription', ...dueKeys(key, slot) });
  });

  it('replaces a subscription only at the version it was read at', () => {
    const put = putSubscriptionParams(TABLE, subscription, 2);
    expect(put.ConditionExpression).toBe('version = :expected');
    expect(plain(put.ExpressionAttributeValues)).toEqual({ ':expected': 2 });
  });

  it('writes a paused subscription without due index keys, so the sweep never reads it', () => {
    const item = plain(putSubscriptionParams(TABLE, { ...subscription, paused: { reason: 'is_archived', at: slot } }).Item);
    expect(item).not.toHaveProperty('gsi1pk');
    expect(item).not.toHaveProperty('gsi1sk');
  });

  it('removes only a subscription that exists, returning it', () => {
    expect(deleteSubscriptionParams(TABLE, key)).toMatchObject({ ConditionExpression: 'attribute_exists(pk)', ReturnValues: 'ALL_OLD' });
  });

  it("lists one channel's subscriptions, or the whole team's", () => {
    expect(plain(channelSubscriptionsParams(TABLE, 'T0SUBP', 'C0DIGEST').ExpressionAttributeValues)).toEqual({ ':pk': 'T0SUBP', ':sk': 'SUB#C0DIGEST#' });
    expect(plain(channelSubscriptionsParams(TABLE, 'T0SUBP').ExpressionAttributeValues)).toEqual({ ':pk': 'T0SUBP', ':sk': 'SUB#' });
  });

  it('advances only from the slot just handled and while not paused, moving the due keys along', () => {
    const next = '2026-03-16T00:00:00.000Z';
    const update = advanceParams(TABLE, { key, slot, nextRunAt: next, lastDigestAt: slot });
    expect(update.ConditionExpression).toBe('nextRunAt = :slot AND attribute_not_exists(paused)');
    expect(update.UpdateExpression).toBe('SET nextRunAt = :next, gsi1pk = :gpk, gsi1sk = :gsk, version = version + :one, lastDigestAt = :last');
    expect(plain(update.ExpressionAttributeValues)).toEqual({
      ':next': next,
      ':gpk': dueKeys(key, next).gsi1pk,
      ':gsk': dueKeys(key, next).gsi1sk,
      ':one': 1,
      ':slot': slot,
      ':last': slot,
    });
    expect(advanceParams(TABLE, { key, slot, nextRunAt: next }).UpdateExpression).not.toContain('lastDigestAt');
  });

  it('pauses by taking the subscription out of the due index', () => {
    const update = pauseParams(TABLE, { key, slot, reason: 'is_archived', at: now });
    expect(update.UpdateExpression).toBe('SET paused = :paused, version = version + :one REMOVE gsi1pk, gsi1sk');
    expect(update.ConditionExpression).toBe('nextRunAt = :slot AND attribute_not_exists(paused)');
    expect(plain(update.ExpressionAttributeValues)).toEqual({ ':paused': { reason: 'is_archived', at: now.toISOString() }, ':one': 1, ':slot': slot });
  });
});

describe('delivery requests', () => {
  it('keeps a delivery record for DELIVERY_TTL_DAYS after its slot', () => {
    const delivery = newDelivery(claim);
    expect(delivery).toMatchObject({ ...key, slot, state: 'claimed', token: 'token-1', attempts: 1, claimedAt: now.toISOString(), leaseUntil: leaseUntil.toISOString() });
    expect(delivery.expiresAt).toBe(Date.parse(slot) / 1000 + DELIVERY_TTL_DAYS * 86_400);
  });

  it('claims a slot only while the subscription is due at it and no record exists yet', () => {
    const [check, put] = claimParams(TABLE, claim).TransactItems!;
    expect(check!.ConditionCheck!.ConditionExpression).toBe('nextRunAt = :slot AND attribute_not_exists(paused)');
    expect(plain(check!.ConditionCheck!.Key)).toEqual({ pk: 'T0SUBP', sk: 'SUB#C0DIGEST#japan-korea' });
    expect(plain(check!.ConditionCheck!.ExpressionAttributeValues)).toEqual({ ':slot': slot });
    expect(put!.Put!.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(plain(put!.Put!.Item)).toEqual({ pk: 'T0SUBP#DELIVERY', sk: `C0DIGEST#japan-korea#${slot}`, type: 'delivery', ...newDelivery(claim) });
  });

  it("takes over a claim only from the same dead holder, after its lease, and never once posted or skipped", () => {
    const update = reclaimParams(TABLE, { ...claim, token: 'token-2', previousToken: 'token-1' });
    // Issue 14: a slot skipped for having nothing to report is as done as a posted one.
    expect(update.ConditionExpression).toBe('#token = :previous AND leaseUntil < :now AND #state <> :posted AND #state <> :skipped');
    expect(plain(update.ExpressionAttributeValues)).toMatchObject({ ':skipped': 'skipped' });
    expect(plain(update.Key)).toEqual({ pk: 'T0SUBP#DELIVERY', sk: `C0DIGEST#japan-korea#${slot}` });
    expect(plain(update.ExpressionAttributeValues)).toMatchObject({ ':token': 'token-2', ':previous': 'token-1', ':now': now.toISOString(), ':posted': 'posted' });
    expect(update.ReturnValues).toBe('ALL_NEW');
  });

  it('records a slot skipped for having nothing to report only while the claim is still ours', () => {
    const skipped = markSkippedParams(TABLE, { key, slot, token: 'token-1', now });
    expect(skipped.ConditionExpression).toBe('#token = :token AND #state = :claimed');
    expect(skipped.UpdateExpression).toBe('SET #state = :skipped, skippedAt = :now');
    expect(plain(skipped.Key)).toEqual({ pk: 'T0SUBP#DELIVERY', sk: `C0DIGEST#japan-korea#${slot}` });
    expect(plain(skipped.ExpressionAttributeValues)).toEqual({ ':skipped': 'skipped', ':now': now.toISOString(), ':token': 'token-1', ':claimed': 'claimed' });
  });

  it('records the post and lets go of a claim only while the claim is still ours', () => {
    const posted = markPostedParams(TABLE, { key, slot, token: 'token-1', now, messageTs: '1772409600.000100', foundInChannel: false });
    expect(posted.ConditionExpression).toBe('#token = :token');
    expect(posted.UpdateExpression).toBe('SET #state = :posted, postedAt = :now, foundInChannel = :found, messageTs = :ts');
    expect(markPostedParams(TABLE, { key, slot, token: 'token-1', now, foundInChannel: true }).UpdateExpression).not.toContain('messageTs');

    const released = releaseParams(TABLE, { key, slot, token: 'token-1', now, state: 'abandoned', reason: 'channel_not_found' });
    expect(released.ConditionExpression).toBe('#token = :token AND #state = :claimed');
    expect(released.UpdateExpression).toBe('SET #state = :state, leaseUntil = :now, reason = :reason');
    expect(plain(released.ExpressionAttributeValues)).toEqual({
      ':state': 'abandoned',
      ':now': now.toISOString(),
      ':token': 'token-1',
      ':claimed': 'claimed',
      ':reason': 'channel_not_found',
    });
  });
});
