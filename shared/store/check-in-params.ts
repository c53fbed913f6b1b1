import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { askOnAfterChange, earliestStartOf } from '#shared/dates/check-ins';
import { localDate } from '#shared/dates/flags';
import type { Commitment, TeamId, Track } from '#shared/domain/schemas';
import { keys } from '#shared/store/params';
import { fnv1a } from '#shared/store/subscription-params';

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
 * same transaction: each owner's next ask day (or none, out of the index), and removal of the
 * asks of owners it no longer has. Only `askOn` and the index keys are set: what the sweep
 * wrote (when it last asked, the message) stays.
 */
export function askWriteItems(
  tableName: string,
  before: Pick<Commitment, 'owners'> | undefined,
  after: Commitment,
  context: AskContext,
  now: Date,
): TransactWriteItem[] {
  const owners = askedOwners(after);
  const gone = before ? askedOwners(before).filter((id) => !owners.includes(id)) : [];
  const askOn = owners.length > 0 ? askOnAfterChange(after, context.checkIns, context.timeZone, localDate(now, context.timeZone)) : undefined;
  const writes: TransactWriteItem[] = owners.map((userId) => {
    const identity = { type: 'ask', teamId: after.teamId, track: after.track, commitmentId: after.id, userId };
    const index = askOn ? { askOn, ...askIndexKeys({ ...identity, seq: after.seq }, earliestStartOf(askOn)) } : undefined;
    const set = { ...identity, ...index };
    const names = Object.keys(set);
    return {
      Update: {
        TableName: tableName,
        Key: askKey(after.teamId, after.track, after.seq, userId),
        UpdateExpression: `SET ${names.map((n, i) => `#n${i} = :v${i}`).join(', ')}${index ? '' : ' REMOVE askOn, gsi1pk, gsi1sk'}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#n${i}`, n])),
        ExpressionAttributeValues: toItem(Object.fromEntries(names.map((n, i) => [`:v${i}`, set[n as keyof typeof set]]))),
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
