import type {
  AttributeValue,
  BatchGetItemCommandInput,
  PutItemCommandInput,
  QueryCommandInput,
  TransactWriteItem,
  UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { askOnAfterChange, earliestStartOf } from '#shared/dates/check-ins';
import { localDate } from '#shared/dates/flags';
import type { Ask, AskReason, Stop } from '#shared/domain/check-ins';
import { CLOSED_STATUSES, type Commitment, type LocalDate, type TeamId, type Track } from '#shared/domain/schemas';
import { keys } from '#shared/store/params';
import { DELIVERY_TTL_DAYS, deliveryPk, dueIndexQueryParams, fnv1a, newLease } from '#shared/store/subscription-params';

/**
 * Keys and writes of check-ins (layout in `table.ts`).
 *
 * Ask record, one per (item, owner who is a Slack user): `pk=<team>#TRACK#<slug>`,
 * `sk=C#<seq>#ASK#<user>`, right after its item, so a report's one Query reads the asks with
 * the items. While the owner will need asking it carries the due index keys
 * `gsi1pk=ASK#<shard>`, `gsi1sk=<instant>#<team>#<user>#<slug>#<seq>`; the shard is the owner's
 * (FNV-1a of `<team>#<user>` mod {@link ASK_SHARDS}), so one Query of a shard holds every due
 * ask of each owner in it, and the sweep can batch them into one message.
 */

/** Shards of the due index for asks; raising it is safe at any time, as for subscriptions. */
export const ASK_SHARDS = 8;

const toItem = (value: object) => marshall(value, { removeUndefinedValues: true });

/** What a write needs of the item's track to know when its owners must next be asked. */
export type AskContext = Pick<Track, 'checkIns' | 'timeZone'>;

export const askPk = (shard: number) => `ASK#${shard}`;

export function askShard(teamId: TeamId, userId: string, shards = ASK_SHARDS): number {
  return fnv1a(`${teamId}#${userId}`) % shards;
}

export function askKey(teamId: TeamId, track: string, seq: number, userId: string) {
  return toItem({ pk: keys.trackPartition(teamId, track), sk: `${keys.commitment(seq)}#ASK#${userId}` });
}

/** Index keys of an ask that falls due from `at`: the sweep reads it once `at` has passed. */
export function askIndexKeys(ask: { teamId: TeamId; track: string; seq: number; userId: string }, at: Date): { gsi1pk: string; gsi1sk: string } {
  return {
    gsi1pk: askPk(askShard(ask.teamId, ask.userId)),
    gsi1sk: `${at.toISOString()}#${ask.teamId}#${ask.userId}#${ask.track}#${keys.commitment(ask.seq)}`,
  };
}

/** The owners of an item who can be asked: Slack users, each once. */
export function askedOwners(item: Pick<Commitment, 'owners'>): string[] {
  return [...new Set(item.owners.flatMap((o) => (o.slackUserId ? [o.slackUserId] : [])))];
}

/**
 * The ask records a write of `after` (changed from `before`, or created) brings with it, in the
 * same transaction: each owner's next ask day (or none, out of the index; see `askOnAfterChange`);
 * for an owner the write names who did not make it, today, marked `namedAt` so that their next
 * check-in tells them of the item, with that day and index key kept aside (`introOn`, `introSk`)
 * until a check-in has told them (`recordAskParams` removes them): a later change (a note an hour
 * on) puts such an ask back there, rather than at its next trigger months away, with no read; and
 * removal of the asks of owners it no longer has. Only these are set: what the sweep wrote (when
 * it last asked, the message) stays. An owner who makes the change knows of the item: their mark goes.
 */
export function askWriteItems(
  tableName: string,
  before: Pick<Commitment, 'owners'> | undefined,
  after: Commitment,
  context: AskContext,
  now: Date,
): TransactWriteItem[] {
  const owners = askedOwners(after);
  const had = before ? askedOwners(before) : [];
  const gone = had.filter((id) => !owners.includes(id));
  const today = localDate(now, context.timeZone);
  const writes: TransactWriteItem[] = owners.map((userId) => {
    const named = !had.includes(userId) && userId !== after.updatedBy;
    // Someone else's new item or handover: the owner's next check-in tells them of it.
    const askOn = named && !CLOSED_STATUSES.has(after.status) && !after.archived ? today : askOnAfterChange(after, context.checkIns, context.timeZone, today);
    const identity = { type: 'ask', teamId: after.teamId, track: after.track, commitmentId: after.id, userId };
    const index = askOn ? { askOn, ...askIndexKeys({ ...identity, seq: after.seq }, earliestStartOf(askOn)) } : undefined;
    const intro = named ? { namedAt: now.toISOString(), ...(index ? { introOn: index.askOn, introSk: index.gsi1sk } : {}) } : {};
    const set = { ...identity, ...intro, ...(index ? { gsi1pk: index.gsi1pk } : {}) };
    const names = Object.keys(set);
    // An owner not yet told of the item keeps the day and index key their introduction set; one who changed it knows of it.
    const self = userId === after.updatedBy;
    const at = named || self ? ', askOn = :askOn, gsi1sk = :gsk' : ', askOn = if_not_exists(introOn, :askOn), gsi1sk = if_not_exists(introSk, :gsk)';
    const removed = [...(index ? [] : ['askOn', 'gsi1pk', 'gsi1sk']), ...(self ? ['namedAt', 'introOn', 'introSk'] : [])];
    const due = `${index ? at : ''}${removed.length > 0 ? ` REMOVE ${removed.join(', ')}` : ''}`;
    return {
      Update: {
        TableName: tableName,
        Key: askKey(after.teamId, after.track, after.seq, userId),
        UpdateExpression: `SET ${names.map((n, i) => `#n${i} = :v${i}`).join(', ')}${due}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#n${i}`, n])),
        ExpressionAttributeValues: toItem({
          ...Object.fromEntries(names.map((n, i) => [`:v${i}`, set[n as keyof typeof set]])),
          ...(index ? { ':askOn': index.askOn, ':gsk': index.gsi1sk } : {}),
        }),
      },
    };
  });
  for (const userId of gone) writes.push({ Delete: { TableName: tableName, Key: askKey(after.teamId, after.track, after.seq, userId) } });
  return writes;
}

/** A person's check-in preferences: `pk=<team>`, `sk=ME#<user>`. */
export function preferencesKey(teamId: TeamId, userId: string) {
  return toItem({ pk: keys.team(teamId), sk: `ME#${userId}` });
}

/** An ask as the due index showed it: enough to find it again, and the index key it was read with. */
export interface IndexedAsk {
  teamId: TeamId;
  track: string;
  seq: number;
  userId: string;
  /** The `gsi1sk` it was read with: writes that move it need it unchanged (an item change wins). */
  readSk: string;
}

/** One page of one shard's due asks (`gsi1sk <= <now>#~`), as for subscriptions. */
export function dueAsksQueryParams(
  tableName: string,
  shard: number,
  now: Date,
  limit: number,
  startKey?: QueryCommandInput['ExclusiveStartKey'],
): QueryCommandInput {
  return dueIndexQueryParams(tableName, askPk(shard), now, limit, startKey);
}

function askKeyOf(ask: IndexedAsk) {
  return askKey(ask.teamId, ask.track, ask.seq, ask.userId);
}

/** What the sweep marks on an ask it does not make: paused (the owner may not read the track) or stopped (they cannot be messaged). */
export type AskMark = 'paused' | 'stopped';

/**
 * Moves an ask's index instant to `at` (the owner's real morning, or the next day they may be
 * asked); with `askOn`, its next ask day too; `clear`: the marks that no longer hold. Only while
 * its index key is still the one read.
 */
export function moveAskParams(tableName: string, ask: IndexedAsk, at: Date, askOn?: LocalDate, clear: readonly AskMark[] = []): UpdateItemCommandInput {
  const index = askIndexKeys(ask, at);
  return {
    TableName: tableName,
    Key: askKeyOf(ask),
    UpdateExpression: 'SET gsi1pk = :gpk, gsi1sk = :gsk' + (askOn ? ', askOn = :on' : '') + (clear.length > 0 ? ` REMOVE ${clear.join(', ')}` : ''),
    ConditionExpression: 'gsi1sk = :read',
    ExpressionAttributeValues: toItem({ ':gpk': index.gsi1pk, ':gsk': index.gsi1sk, ':read': ask.readSk, ...(askOn ? { ':on': askOn } : {}) }),
  };
}

/**
 * Pauses an ask whose owner may not read its track (`paused`, shown in the report) and looks at
 * it again at `at`, only while its index key is still the one read. The owner was found
 * reachable, so a stop is over.
 */
export function pauseAskParams(tableName: string, ask: IndexedAsk, paused: NonNullable<Ask['paused']>, at: Date): UpdateItemCommandInput {
  return markAskParams(tableName, ask, { paused }, at, ' REMOVE stopped');
}

/**
 * Marks an ask whose owner's check-ins are stopped (`stopped`, shown in the report) and looks at
 * it again at `at`, only while its index key is still the one read.
 */
export function stopAskParams(tableName: string, ask: IndexedAsk, stopped: Stop, at: Date): UpdateItemCommandInput {
  return markAskParams(tableName, ask, { stopped }, at);
}

/** Sets one mark on an ask (`remove`: what else its update drops) and moves its index instant to `at`, only while its index key is still the one read. */
function markAskParams(tableName: string, ask: IndexedAsk, mark: { paused: NonNullable<Ask['paused']> } | { stopped: Stop }, at: Date, remove = ''): UpdateItemCommandInput {
  const index = askIndexKeys(ask, at);
  const [name, value] = Object.entries(mark)[0]!;
  return {
    TableName: tableName,
    Key: askKeyOf(ask),
    UpdateExpression: `SET ${name} = :${name}, gsi1pk = :gpk, gsi1sk = :gsk${remove}`,
    ConditionExpression: 'gsi1sk = :read',
    ExpressionAttributeValues: toItem({ [`:${name}`]: value, ':gpk': index.gsi1pk, ':gsk': index.gsi1sk, ':read': ask.readSk }),
  };
}

/** Takes an ask out of the due index (never again, or its owner cannot be messaged), only while unchanged since read. */
export function unindexAskParams(tableName: string, ask: IndexedAsk): UpdateItemCommandInput {
  return {
    TableName: tableName,
    Key: askKeyOf(ask),
    UpdateExpression: 'REMOVE askOn, gsi1pk, gsi1sk',
    ConditionExpression: 'gsi1sk = :read',
    ExpressionAttributeValues: toItem({ ':read': ask.readSk }),
  };
}

/** What a check-in that listed an item records on its ask. */
export interface AskedInput {
  askedOn: LocalDate;
  askedAt: Date;
  askedFor: LocalDate;
  reason: AskReason;
  dm?: { channel: string; ts: string };
}

function askedValues(asked: AskedInput) {
  return {
    ':askedOn': asked.askedOn,
    ':askedAt': asked.askedAt.toISOString(),
    ':askedFor': asked.askedFor,
    ':reason': asked.reason,
    ...(asked.dm ? { ':dm': asked.dm } : {}),
  };
}

const ASKED_SET = (asked: AskedInput) => 'askedOn = :askedOn, askedAt = :askedAt, askedFor = :askedFor, reason = :reason' + (asked.dm ? ', dm = :dm' : '');
/** What a check-in that listed the item ends: a pause or a stop, and the owner's introduction to it. */
const ASKED_ENDS = 'paused, stopped, introOn, introSk';

/**
 * Records a check-in on an ask and moves it to its next ask day (`next`; none: out of the index),
 * only while its index key is still the one read. When that fails, {@link recordAskedParams}
 * records the check-in alone.
 */
export function recordAskParams(
  tableName: string,
  ask: IndexedAsk,
  asked: AskedInput,
  next: { askOn: LocalDate; at: Date } | undefined,
): UpdateItemCommandInput {
  const index = next ? askIndexKeys(ask, next.at) : undefined;
  return {
    TableName: tableName,
    Key: askKeyOf(ask),
    UpdateExpression:
      // Asked: whatever paused or stopped it is over, and the owner has been told of the item.
      `SET ${ASKED_SET(asked)}` +
      (next && index ? `, askOn = :on, gsi1pk = :gpk, gsi1sk = :gsk REMOVE ${ASKED_ENDS}` : ` REMOVE askOn, gsi1pk, gsi1sk, ${ASKED_ENDS}`),
    ConditionExpression: 'gsi1sk = :read',
    ExpressionAttributeValues: toItem({
      ...askedValues(asked),
      ':read': ask.readSk,
      ...(next && index ? { ':on': next.askOn, ':gpk': index.gsi1pk, ':gsk': index.gsi1sk } : {}),
    }),
  };
}

/** The check-in alone, on an ask a change has moved meanwhile (its own ask day stands); never recreates a removed ask. */
export function recordAskedParams(tableName: string, ask: IndexedAsk, asked: AskedInput): UpdateItemCommandInput {
  return {
    TableName: tableName,
    Key: askKeyOf(ask),
    UpdateExpression: `SET ${ASKED_SET(asked)} REMOVE ${ASKED_ENDS}`,
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: toItem(askedValues(asked)),
  };
}

/** Items and their tracks, by key: a BatchGetItem of at most 100 keys (the caller splits). */
export function itemsAndTracksParams(tableName: string, refs: readonly { teamId: TeamId; track: string; seq?: number }[]): BatchGetItemCommandInput {
  const keysOf = refs.map((ref) => toItem({ pk: keys.trackPartition(ref.teamId, ref.track), sk: ref.seq === undefined ? keys.track : keys.commitment(ref.seq) }));
  return { RequestItems: { [tableName]: { Keys: keysOf, ConsistentRead: true } } };
}

/** The check-in message of one person on one of their days: `pk=<team>#DELIVERY`, `sk=DM#<user>#<date>`. */
export function checkInDeliveryKey(teamId: TeamId, userId: string, date: LocalDate): Record<string, AttributeValue> {
  return toItem({ pk: deliveryPk(teamId), sk: `DM#${userId}#${date}` });
}

export interface CheckInClaimInput {
  teamId: TeamId;
  userId: string;
  date: LocalDate;
  token: string;
  now: Date;
  leaseUntil: Date;
}

/** The record a first claim of a person's day writes, kept 30 days past that day. */
export function newCheckInDelivery(input: CheckInClaimInput) {
  const { teamId, userId, date } = input;
  return { teamId, userId, date, ...newLease(input, Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) + DELIVERY_TTL_DAYS * 86_400) };
}

/** The first claim of a person's day: no record for it yet. */
export function claimCheckInParams(tableName: string, input: CheckInClaimInput): PutItemCommandInput {
  return {
    TableName: tableName,
    Item: { ...checkInDeliveryKey(input.teamId, input.userId, input.date), ...toItem({ type: 'check-in-delivery', ...newCheckInDelivery(input) }) },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}
