import type {
  AttributeValue,
  DeleteItemCommandInput,
  GetItemCommandInput,
  PutItemCommandInput,
  QueryCommandInput,
  TransactWriteItemsCommandInput,
  UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { TeamId, TrackSlug } from '#shared/domain/schemas';
import type { SubscriptionKey } from '#shared/domain/subscription';
import { TABLE } from '#shared/store/table';

/**
 * Pure builders of the requests behind subscriptions and their deliveries (layout in `table.ts`).
 *
 * Subscription: `pk=<team>`, `sk=SUB#<channel>#<slug>`. While active it carries the due index
 * keys `gsi1pk=DUE#<shard>`, `gsi1sk=<nextRunAt>#<team>#<channel>#<slug>`; pausing removes
 * them, so the index only ever holds subscriptions that will run (sparse).
 *
 * Delivery: `pk=<team>#DELIVERY`, `sk=<channel>#<slug>#<slot>`, one per scheduled slot, the
 * lock and the record that the slot's digest went out.
 */

/**
 * Shards of the due index, so that no single index partition takes every team's schedule.
 * Raising it is safe at any time: an item keeps the shard it was written with until its next
 * write, and every old shard number is still below the new count, so the sweep still reads it.
 * Lowering it would strand items in the dropped shards: keep reading max(old, new) shards until
 * every subscription has been re-written (each advance and each subscribe re-writes it).
 */
export const DUE_SHARDS = 8;

/** How long a delivery record is kept after its slot: long enough that no sweep meets the slot again. */
export const DELIVERY_TTL_DAYS = 30;

const toItem = (value: object) => marshall(value, { removeUndefinedValues: true });

export const subscriptionSk = (channelId: string, track: TrackSlug) => `SUB#${channelId}#${track}`;
/** The sort-key prefix of a channel's subscriptions, or with no channel of every subscription in the team. */
export const subscriptionsOf = (channelId?: string) => (channelId ? `SUB#${channelId}#` : 'SUB#');
export const duePk = (shard: number) => `DUE#${shard}`;
export const deliveryPk = (teamId: TeamId) => `${teamId}#DELIVERY`;
export const deliverySk = (channelId: string, track: TrackSlug, slot: string) => `${channelId}#${track}#${slot}`;

/** FNV-1a of `team#channel#slug`, mod {@link DUE_SHARDS}: stable across processes and releases. */
export function dueShard(key: SubscriptionKey, shards = DUE_SHARDS): number {
  return fnv1a(`${key.teamId}#${key.channelId}#${key.track}`) % shards;
}

/** FNV-1a, 32 bits: a hash that is the same in every process and release, for spreading keys over shards. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function dueKeys(key: SubscriptionKey, nextRunAt: string): { gsi1pk: string; gsi1sk: string } {
  return { gsi1pk: duePk(dueShard(key)), gsi1sk: `${nextRunAt}#${key.teamId}#${key.channelId}#${key.track}` };
}

function subscriptionKey(key: SubscriptionKey) {
  return toItem({ pk: key.teamId, sk: subscriptionSk(key.channelId, key.track) });
}

export function deliveryKey(key: SubscriptionKey, slot: string) {
  return toItem({ pk: deliveryPk(key.teamId), sk: deliverySk(key.channelId, key.track, slot) });
}

/**
 * Writes a whole subscription: new (`expectedVersion` undefined, the key must be free) or a
 * replacement of the one read at `expectedVersion`. A paused one is written without index keys.
 */
export function putSubscriptionParams(
  tableName: string,
  sub: SubscriptionKey & { nextRunAt: string; paused?: unknown; version: number },
  expectedVersion?: number,
): PutItemCommandInput {
  const index = sub.paused ? {} : dueKeys(sub, sub.nextRunAt);
  return {
    TableName: tableName,
    Item: toItem({ pk: sub.teamId, sk: subscriptionSk(sub.channelId, sub.track), type: 'subscription', ...sub, ...index }),
    ...(expectedVersion === undefined
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: toItem({ ':expected': expectedVersion }) }),
  };
}

export function getSubscriptionParams(tableName: string, key: SubscriptionKey): GetItemCommandInput {
  return { TableName: tableName, Key: subscriptionKey(key), ConsistentRead: true };
}

export function deleteSubscriptionParams(tableName: string, key: SubscriptionKey): DeleteItemCommandInput {
  return {
    TableName: tableName,
    Key: subscriptionKey(key),
    ConditionExpression: 'attribute_exists(pk)',
    ReturnValues: 'ALL_OLD',
  };
}

/** A channel's subscriptions, or with no channel every subscription of the team. */
export function channelSubscriptionsParams(tableName: string, teamId: TeamId, channelId?: string): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: toItem({ ':pk': teamId, ':sk': subscriptionsOf(channelId) }),
    ConsistentRead: true,
  };
}

/**
 * One page of one shard's due subscriptions: index keys sort by next run, so `<= now` reads
 * exactly the due ones and nothing else. `~` sorts after every character of ids and slugs,
 * so a subscription due at this very millisecond is included.
 */
export function dueQueryParams(
  tableName: string,
  shard: number,
  now: Date,
  limit: number,
  startKey?: QueryCommandInput['ExclusiveStartKey'],
): QueryCommandInput {
  return dueIndexQueryParams(tableName, duePk(shard), now, limit, startKey);
}

/** One page of one partition of the due index (`DUE#<shard>`, `ASK#<shard>`) up to `now`. */
export function dueIndexQueryParams(
  tableName: string,
  partition: string,
  now: Date,
  limit: number,
  startKey?: QueryCommandInput['ExclusiveStartKey'],
): QueryCommandInput {
  const { name, partitionKey, sortKey } = TABLE.dueIndex;
  return {
    TableName: tableName,
    IndexName: name,
    KeyConditionExpression: '#pk = :pk AND #sk <= :upTo',
    ExpressionAttributeNames: { '#pk': partitionKey, '#sk': sortKey },
    ExpressionAttributeValues: toItem({ ':pk': partition, ':upTo': `${now.toISOString()}#~` }),
    Limit: limit,
    ...(startKey ? { ExclusiveStartKey: startKey } : {}),
  };
}

export interface ClaimInput {
  key: SubscriptionKey;
  slot: string;
  token: string;
  now: Date;
  leaseUntil: Date;
}

/** The record a first claim writes. */
export function newDelivery(input: ClaimInput) {
  const { key, slot } = input;
  return { ...key, slot, ...newLease(input, Math.floor(new Date(slot).getTime() / 1000) + DELIVERY_TTL_DAYS * 86_400) };
}

/**
 * The first claim of a slot, one transaction:
 *   1. the subscription is still active and due at this very slot (the index may lag),
 *   2. no delivery record exists for the slot yet.
 */
export function claimParams(tableName: string, input: ClaimInput): TransactWriteItemsCommandInput {
  const { key, slot } = input;
  return {
    TransactItems: [
      {
        ConditionCheck: {
          TableName: tableName,
          Key: subscriptionKey(key),
          ConditionExpression: 'nextRunAt = :slot AND attribute_not_exists(paused)',
          ExpressionAttributeValues: toItem({ ':slot': slot }),
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: toItem({ pk: deliveryPk(key.teamId), sk: deliverySk(key.channelId, key.track, slot), type: 'delivery', ...newDelivery(input) }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
  };
}

/** The lease fields of a first claim, shared by digest and check-in deliveries. */
export function newLease(input: { token: string; now: Date; leaseUntil: Date }, expiresAt: number) {
  return {
    state: 'claimed' as const,
    token: input.token,
    attempts: 1,
    claimedAt: input.now.toISOString(),
    leaseUntil: input.leaseUntil.toISOString(),
    expiresAt,
  };
}

/**
 * Taking over a claim whose holder is gone:
 *   holder unchanged (token) AND its lease has run out AND the slot is not known to be done (posted, or skipped as empty).
 */
export function reclaimDeliveryParams(
  tableName: string,
  key: Record<string, AttributeValue>,
  input: { token: string; previousToken: string; now: Date; leaseUntil: Date },
): UpdateItemCommandInput {
  return {
    TableName: tableName,
    Key: key,
    UpdateExpression: 'SET #state = :claimed, #token = :token, leaseUntil = :lease, claimedAt = :now, attempts = attempts + :one',
    ConditionExpression: '#token = :previous AND leaseUntil < :now AND #state <> :posted AND #state <> :skipped',
    ExpressionAttributeNames: { '#state': 'state', '#token': 'token' },
    ExpressionAttributeValues: toItem({
      ':claimed': 'claimed',
      ':posted': 'posted',
      ':skipped': 'skipped',
      ':token': input.token,
      ':previous': input.previousToken,
      ':lease': input.leaseUntil.toISOString(),
      ':now': input.now.toISOString(),
      ':one': 1,
    }),
    ReturnValues: 'ALL_NEW',
  };
}

/** Records the post, only while the claim is still ours; `also` adds fields of the record's own kind. */
export function markDeliveryPostedParams(
  tableName: string,
  key: Record<string, AttributeValue>,
  input: { token: string; now: Date; messageTs?: string; foundInChannel: boolean; also?: Record<string, unknown> },
): UpdateItemCommandInput {
  const also = Object.entries(input.also ?? {}).filter(([, value]) => value !== undefined);
  return {
    TableName: tableName,
    Key: key,
    UpdateExpression:
      'SET #state = :posted, postedAt = :now, foundInChannel = :found' +
      (input.messageTs ? ', messageTs = :ts' : '') +
      also.map((_, i) => `, #a${i} = :a${i}`).join(''),
    ConditionExpression: '#token = :token',
    ExpressionAttributeNames: { '#state': 'state', '#token': 'token', ...Object.fromEntries(also.map(([name], i) => [`#a${i}`, name])) },
    ExpressionAttributeValues: toItem({
      ':posted': 'posted',
      ':now': input.now.toISOString(),
      ':found': input.foundInChannel,
      ':token': input.token,
      ...(input.messageTs ? { ':ts': input.messageTs } : {}),
      ...Object.fromEntries(also.map(([, value], i) => [`:a${i}`, value])),
    }),
  };
}

/** Records that the slot had nothing to report and posted nothing, only while the claim is still ours. */
export function markSkippedParams(tableName: string, input: { key: SubscriptionKey; slot: string; token: string; now: Date }): UpdateItemCommandInput {
  return {
    TableName: tableName,
    Key: deliveryKey(input.key, input.slot),
    UpdateExpression: 'SET #state = :skipped, skippedAt = :now',
    ConditionExpression: '#token = :token AND #state = :claimed',
    ExpressionAttributeNames: { '#state': 'state', '#token': 'token' },
    ExpressionAttributeValues: toItem({ ':skipped': 'skipped', ':now': input.now.toISOString(), ':token': input.token, ':claimed': 'claimed' }),
  };
}

/**
 * Lets go of a claim at once (lease ends now) so the next sweep may take it; `abandoned`
 * records that it was given up for good, with why.
 */
export function releaseDeliveryParams(
  tableName: string,
  key: Record<string, AttributeValue>,
  input: { token: string; now: Date; state: 'released' | 'abandoned'; reason?: string },
): UpdateItemCommandInput {
  return {
    TableName: tableName,
    Key: key,
    UpdateExpression: 'SET #state = :state, leaseUntil = :now' + (input.reason ? ', reason = :reason' : ''),
    ConditionExpression: '#token = :token AND #state = :claimed',
    ExpressionAttributeNames: { '#state': 'state', '#token': 'token' },
    ExpressionAttributeValues: toItem({
      ':state': input.state,
      ':now': input.now.toISOString(),
      ':token': input.token,
      ':claimed': 'claimed',
      ...(input.reason ? { ':reason': input.reason } : {}),
    }),
  };
}

/** Taking over a digest's claim whose holder is gone (see {@link reclaimDeliveryParams}). */
export function reclaimParams(tableName: string, input: ClaimInput & { previousToken: string }): UpdateItemCommandInput {
  return reclaimDeliveryParams(tableName, deliveryKey(input.key, input.slot), input);
}

export function getDeliveryParams(tableName: string, key: SubscriptionKey, slot: string): GetItemCommandInput {
  return { TableName: tableName, Key: deliveryKey(key, slot), ConsistentRead: true };
}

/** Records the digest's post, only while the claim is still ours. */
export function markPostedParams(
  tableName: string,
  input: { key: SubscriptionKey; slot: string; token: string; now: Date; messageTs?: string; foundInChannel: boolean },
): UpdateItemCommandInput {
  return markDeliveryPostedParams(tableName, deliveryKey(input.key, input.slot), input);
}

/** Lets go of a digest's claim (see {@link releaseDeliveryParams}). */
export function releaseParams(
  tableName: string,
  input: { key: SubscriptionKey; slot: string; token: string; now: Date; state: 'released' | 'abandoned'; reason?: string },
): UpdateItemCommandInput {
  return releaseDeliveryParams(tableName, deliveryKey(input.key, input.slot), input);
}

/**
 * Moves a subscription on from the slot just handled: only if it is still at that slot and
 * not paused (another sweep, a re-subscribe or a pause may have moved it meanwhile).
 */
export function advanceParams(
  tableName: string,
  input: { key: SubscriptionKey; slot: string; nextRunAt: string; lastDigestAt?: string },
): UpdateItemCommandInput {
  const index = dueKeys(input.key, input.nextRunAt);
  return {
    TableName: tableName,
    Key: subscriptionKey(input.key),
    UpdateExpression:
      'SET nextRunAt = :next, gsi1pk = :gpk, gsi1sk = :gsk, version = version + :one' + (input.lastDigestAt ? ', lastDigestAt = :last' : ''),
    ConditionExpression: 'nextRunAt = :slot AND attribute_not_exists(paused)',
    ExpressionAttributeValues: toItem({
      ':next': input.nextRunAt,
      ':gpk': index.gsi1pk,
      ':gsk': index.gsi1sk,
      ':one': 1,
      ':slot': input.slot,
      ...(input.lastDigestAt ? { ':last': input.lastDigestAt } : {}),
    }),
  };
}

/** Pauses a subscription and takes it out of the due index (REMOVE of its index keys). */
export function pauseParams(
  tableName: string,
  input: { key: SubscriptionKey; slot: string; reason: string; at: Date },
): UpdateItemCommandInput {
  return {
    TableName: tableName,
    Key: subscriptionKey(input.key),
    UpdateExpression: 'SET paused = :paused, version = version + :one REMOVE gsi1pk, gsi1sk',
    ConditionExpression: 'nextRunAt = :slot AND attribute_not_exists(paused)',
    ExpressionAttributeValues: toItem({ ':paused': { reason: input.reason, at: input.at.toISOString() }, ':one': 1, ':slot': input.slot }),
  };
}
