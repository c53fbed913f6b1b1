import type { AttributeValue, BatchGetItemCommandInput, DeleteItemCommandInput, GetItemCommandInput, PutItemCommandInput, QueryCommandInput, TransactWriteItemsCommandInput, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { STATUSES, type Commitment, type CommitmentId, type HistoryEntry, type Status, type TeamId, type Track, type TrackAccess, type TrackHistoryEntry, type TrackSlug } from '#shared/domain/schemas';
import type { ImportDraft } from '#shared/domain/import-draft';

/**
 * The keys of tracks, commitments, their history, seen requests, form tokens and import drafts, and pure
 * builders of every DynamoDB request the store sends for them: tested without a client, sent
 * by `store.ts` unchanged. The layout is drawn in `table.ts`.
 */

export const keys = {
  team: (teamId: TeamId) => teamId,
  trackPartition: (teamId: TeamId, slug: TrackSlug) => `${teamId}#TRACK#${slug}`,
  trackSummary: (slug: TrackSlug) => `TRACK#${slug}`,
  prefixClaim: (prefix: string) => `PREFIX#${prefix}`,
  track: '#TRACK',
  commitment: (seq: number) => `C#${pad(seq)}`,
  historyOf: (seq: number) => `H#${pad(seq)}#`,
  history: (seq: number, version: number) => `H#${pad(seq)}#${pad(version)}`,
  /** After `C#~`, so a report's range never reads it. */
  trackHistory: (version: number) => `TH#${pad(version)}`,
  seenRequests: (teamId: TeamId) => `${teamId}#SEEN`,
  importDrafts: (teamId: TeamId) => `${teamId}#IMPORT`,
  formTokens: (teamId: TeamId) => `${teamId}#ONCE`,
} as const;

/** The report's range: the track item (`#TRACK`) and every commitment (`C#…`), no history. */
export const REPORT_RANGE = { from: '#', to: 'C#~' } as const;
/** The report's range without the track item: every commitment and its asks (`C#…`). */
export const REPORT_ITEMS_RANGE = { from: 'C#', to: REPORT_RANGE.to } as const;

export function parseCommitmentId(id: CommitmentId): { prefix: string; seq: number } {
  const [prefix = '', seq = ''] = id.split('-');
  return { prefix, seq: Number(seq) };
}

export function formatCommitmentId(prefix: string, seq: number): CommitmentId {
  return `${prefix}-${seq}`;
}

function pad(n: number): string {
  return String(n).padStart(6, '0');
}

const toItem = (value: object) => marshall(value, { removeUndefinedValues: true });
const notExists = 'attribute_not_exists(pk)';

/** A form's client token, claimed by the transaction that creates what the form asked for. */
export interface FormToken {
  token: string;
  /** Who submitted the form: only they are answered with what it created. */
  by: string;
  expiresAt: Date;
}

/**
 * Claims a form's client token once, beside the create it guards: a second submission of the
 * same form fails this condition, so the whole transaction writes nothing. `ref` names what
 * the first one created, for answering the second alike.
 */
export function claimFormTokenItem(tableName: string, teamId: TeamId, once: FormToken, ref: string): TransactWriteItem {
  return {
    Put: {
      TableName: tableName,
      Item: toItem({ pk: keys.formTokens(teamId), sk: once.token, type: 'form-token', ref, by: once.by, expiresAt: Math.ceil(once.expiresAt.getTime() / 1000) }),
      ConditionExpression: notExists,
    },
  };
}

export function getFormTokenParams(tableName: string, teamId: TeamId, token: string): GetItemCommandInput {
  return { TableName: tableName, Key: toItem({ pk: keys.formTokens(teamId), sk: token }), ConsistentRead: true };
}

/** Appends the token's claim, when there is one, as the transaction's last item. */
function withFormToken(input: TransactWriteItemsCommandInput, tableName: string, teamId: TeamId, once: FormToken | undefined, ref: string): TransactWriteItemsCommandInput {
  return once ? { TransactItems: [...(input.TransactItems ?? []), claimFormTokenItem(tableName, teamId, once, ref)] } : input;
}

export function createTrackParams(tableName: string, track: Track, once?: FormToken): TransactWriteItemsCommandInput {
  const zero = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  return withFormToken({
    TransactItems: [
      {
        Put: {
          TableName: tableName,
          Item: toItem({ pk: keys.trackPartition(track.teamId, track.slug), sk: keys.track, type: 'track', ...track }),
          ConditionExpression: notExists,
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: toItem({
            pk: keys.team(track.teamId),
            sk: keys.trackSummary(track.slug),
            type: 'track-summary',
            teamId: track.teamId,
            slug: track.slug,
            title: track.title,
            idPrefix: track.idPrefix,
            counts: zero,
            lastSeq: 0,
            ...accessOf(track),
          }),
          ConditionExpression: notExists,
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: toItem({ pk: keys.team(track.teamId), sk: keys.prefixClaim(track.idPrefix), type: 'prefix', slug: track.slug }),
          ConditionExpression: notExists,
        },
      },
    ],
  }, tableName, track.teamId, once, track.slug);
}

/** The fields a track and its summary share about who may see and change it. */
export function accessOf(track: TrackAccess): TrackAccess {
  return { members: track.members, visibility: track.visibility, channels: track.channels };
}

/**
 * Changing a track's access or settings: one transaction of
 *   1. the track, guarded by the version it was read at (a track stored before versions has none: read as 1),
 *   2. the summary's copy of its access and title, so lists agree with it,
 *   3. the history entry.
 */
export function saveTrackAccessParams(tableName: string, before: Pick<Track, 'version'>, after: Track, entry: TrackHistoryEntry): TransactWriteItemsCommandInput {
  const guard = before.version === 1 ? '(attribute_not_exists(version) OR version = :expected)' : 'version = :expected';
  const access = accessOf(after);
  return {
    TransactItems: [
      {
        Put: {
          TableName: tableName,
          Item: toItem({ pk: keys.trackPartition(after.teamId, after.slug), sk: keys.track, type: 'track', ...after }),
          ConditionExpression: `attribute_exists(pk) AND ${guard}`,
          ExpressionAttributeValues: toItem({ ':expected': before.version }),
        },
      },
      {
        Update: {
          TableName: tableName,
          Key: toItem({ pk: keys.team(after.teamId), sk: keys.trackSummary(after.slug) }),
          UpdateExpression: 'SET members = :members, visibility = :visibility, channels = :channels, title = :title',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: toItem({ ':members': access.members, ':visibility': access.visibility, ':channels': access.channels, ':title': after.title }),
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: toItem({ pk: keys.trackPartition(entry.teamId, entry.track), sk: keys.trackHistory(entry.version), type: 'track-history', ...entry }),
          ConditionExpression: notExists,
        },
      },
    ],
  };
}

export function trackHistoryParams(tableName: string, teamId: TeamId, slug: TrackSlug): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: toItem({ ':pk': keys.trackPartition(teamId, slug), ':sk': 'TH#' }),
    ConsistentRead: true,
  };
}

export function listTracksParams(tableName: string, teamId: TeamId): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: toItem({ ':pk': keys.team(teamId), ':sk': keys.trackSummary('') }),
  };
}

export function trackSummaryParams(tableName: string, teamId: TeamId, slug: TrackSlug): GetItemCommandInput {
  return {
    TableName: tableName,
    Key: toItem({ pk: keys.team(teamId), sk: keys.trackSummary(slug) }),
    ConsistentRead: true,
  };
}

/** The key of the item that holds an id prefix for its track (`type: 'prefix'`, `slug`). */
export function prefixClaimKey(teamId: TeamId, prefix: string) {
  return toItem({ pk: keys.team(teamId), sk: keys.prefixClaim(prefix) });
}

export function prefixClaimParams(tableName: string, teamId: TeamId, prefix: string): GetItemCommandInput {
  return { TableName: tableName, Key: prefixClaimKey(teamId, prefix) };
}

export function getTrackParams(tableName: string, teamId: TeamId, slug: TrackSlug): GetItemCommandInput {
  return { TableName: tableName, Key: trackKey(teamId, slug), ConsistentRead: true };
}

/** A track's settings and, in the same request, the keys in `also` (the caller's records). */
export function trackWithParams(tableName: string, teamId: TeamId, slug: TrackSlug, also: Record<string, AttributeValue>[]): BatchGetItemCommandInput {
  return { RequestItems: { [tableName]: { Keys: [trackKey(teamId, slug), ...also], ConsistentRead: true } } };
}

function trackKey(teamId: TeamId, slug: TrackSlug): Record<string, AttributeValue> {
  return toItem({ pk: keys.trackPartition(teamId, slug), sk: keys.track });
}

/** The track and all its commitments, history left out by the key range. */
export function reportParams(tableName: string, teamId: TeamId, slug: TrackSlug): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: toItem({
      ':pk': keys.trackPartition(teamId, slug),
      ':from': REPORT_RANGE.from,
      ':to': REPORT_RANGE.to,
    }),
    ConsistentRead: true,
  };
}

/** A track's commitments and their asks, the track item left out (it was read, and checked, first). */
export function reportItemsParams(tableName: string, teamId: TeamId, slug: TrackSlug): QueryCommandInput {
  return { ...reportParams(tableName, teamId, slug), ExpressionAttributeValues: toItem({ ':pk': keys.trackPartition(teamId, slug), ':from': REPORT_ITEMS_RANGE.from, ':to': REPORT_ITEMS_RANGE.to }) };
}

/** The claims of `prefixes`, those that exist, in one request (at most 100 keys). */
export function prefixClaimsParams(tableName: string, teamId: TeamId, prefixes: readonly string[]): BatchGetItemCommandInput {
  return { RequestItems: { [tableName]: { Keys: prefixes.map((prefix) => prefixClaimKey(teamId, prefix)), ConsistentRead: true } } };
}

export function getCommitmentParams(tableName: string, teamId: TeamId, slug: TrackSlug, id: string): GetItemCommandInput {
  return {
    TableName: tableName,
    Key: toItem({ pk: keys.trackPartition(teamId, slug), sk: keys.commitment(parseCommitmentId(id).seq) }),
    ConsistentRead: true,
  };
}

/** `also`: keys read in the same request (the caller's person record), so a command reads once. */
export function commitmentWithTrackParams(tableName: string, teamId: TeamId, slug: TrackSlug, id: string, also: Record<string, AttributeValue>[] = []): BatchGetItemCommandInput {
  const pk = keys.trackPartition(teamId, slug);
  return {
    RequestItems: {
      [tableName]: {
        Keys: [toItem({ pk, sk: keys.commitment(parseCommitmentId(id).seq) }), trackKey(teamId, slug), ...also],
        ConsistentRead: true,
      },
    },
  };
}

export function historyParams(tableName: string, teamId: TeamId, slug: TrackSlug, id: string): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: toItem({
      ':pk': keys.trackPartition(teamId, slug),
      ':sk': keys.historyOf(parseCommitmentId(id).seq),
    }),
    ConsistentRead: true,
  };
}

/** Every compliance assessment of a track's items, oldest item first: its items' history, filtered on the change type. */
export function assessmentHistoryParams(tableName: string, teamId: TeamId, slug: TrackSlug): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    FilterExpression: '#change.#type = :assessment',
    ExpressionAttributeNames: { '#change': 'change', '#type': 'type' },
    ExpressionAttributeValues: toItem({ ':pk': keys.trackPartition(teamId, slug), ':sk': 'H#', ':assessment': 'assessment' }),
    ConsistentRead: true,
  };
}

/** The most items DynamoDB takes in one transaction. */
export const TRANSACTION_ITEMS = 100;

/** A commitment to create, its first history entry and the items that follow it (its owners' ask records). */
export interface NewCommitment {
  item: Commitment;
  entry: HistoryEntry;
  alongside: TransactWriteItem[];
}

/** How many items creating `created` takes in its transaction, beside the counter and a form token. */
export function createItemCount(created: NewCommitment): number {
  return 2 + created.alongside.length;
}

/**
 * Creating commitments numbered one after another (`seq`, `seq`+1, …): one transaction that
 *   1. moves the track's counter from the first's seq-1 to the last's seq (so two creators never
 *      take one number), counting each under its status,
 *   2. for each, puts the commitment only if that key is free (a create never overwrites), its
 *      first history entry, and the items that follow it (its owners' ask records),
 *   3. with a form's client token, claims it last (a re-submitted form creates nothing).
 */
export function createCommitmentsParams(tableName: string, created: readonly NewCommitment[], once?: FormToken): TransactWriteItemsCommandInput {
  const [first, last] = [created[0]!.item, created.at(-1)!.item];
  const statuses = [...new Set(created.map(({ item }) => item.status))];
  const counted = statuses.map((status, i) => `counts.#s${i} = counts.#s${i} + :n${i}`);
  return withFormToken({
    TransactItems: [
      {
        Update: {
          TableName: tableName,
          Key: toItem({ pk: keys.team(first.teamId), sk: keys.trackSummary(first.track) }),
          UpdateExpression: `SET lastSeq = :seq, ${counted.join(', ')}`,
          ConditionExpression: 'lastSeq = :previous',
          ExpressionAttributeNames: Object.fromEntries(statuses.map((status, i) => [`#s${i}`, status])),
          ExpressionAttributeValues: toItem({
            ':seq': last.seq,
            ':previous': first.seq - 1,
            ...Object.fromEntries(statuses.map((status, i) => [`:n${i}`, created.filter(({ item }) => item.status === status).length])),
          }),
        },
      },
      ...created.flatMap(({ item, entry, alongside }) => [putCommitment(tableName, item, notExists), putHistory(tableName, entry), ...alongside]),
    ],
  }, tableName, first.teamId, once, first.id);
}

/** The one of `created` whose put a refused `createCommitmentsParams` transaction names (its number was taken). */
export function refusedCreate(created: readonly NewCommitment[], reasons: readonly (string | undefined)[]): NewCommitment | undefined {
  let at = 1;
  return created.find((one) => {
    const refused = reasons[at] === 'ConditionalCheckFailed';
    at += createItemCount(one);
    return refused;
  });
}

/**
 * Saving a change: one transaction of the new item, guarded by the version it was read at
 * (no lost update), its history entry, the track's counts when the status moved, and the
 * items that follow it (its owners' ask records).
 */
export function saveChangeParams(
  tableName: string,
  before: Pick<Commitment, 'version' | 'status' | 'archived'>,
  after: Commitment,
  entries: readonly HistoryEntry[],
  alongside: TransactWriteItem[] = [],
): TransactWriteItemsCommandInput {
  const items: TransactWriteItem[] = [
    {
      Put: {
        ...putCommitment(tableName, after, 'version = :expected').Put!,
        ExpressionAttributeValues: toItem({ ':expected': before.version }),
      },
    },
    ...entries.map((entry) => putHistory(tableName, entry)),
  ];
  const [from, to] = [countedAs(before), countedAs(after)];
  if (from !== to) items.push(moveCount(tableName, after, from, to));
  return { TransactItems: [...items, ...alongside] };
}

/** The status an item counts under on its track; an archived item counts under none. */
function countedAs(item: Pick<Commitment, 'status' | 'archived'>): Status | undefined {
  return item.archived ? undefined : item.status;
}

function moveCount(tableName: string, item: Commitment, from: Status | undefined, to: Status | undefined): TransactWriteItem {
  const moves = [from && 'counts.#from = counts.#from - :one', to && 'counts.#to = counts.#to + :one'].filter(Boolean);
  return {
    Update: {
      TableName: tableName,
      Key: toItem({ pk: keys.team(item.teamId), sk: keys.trackSummary(item.track) }),
      UpdateExpression: `SET ${moves.join(', ')}`,
      ExpressionAttributeNames: { ...(from ? { '#from': from } : {}), ...(to ? { '#to': to } : {}) },
      ExpressionAttributeValues: toItem({ ':one': 1 }),
    },
  };
}

function putCommitment(tableName: string, item: Commitment, condition: string): TransactWriteItem {
  return {
    Put: {
      TableName: tableName,
      Item: toItem({ pk: keys.trackPartition(item.teamId, item.track), sk: keys.commitment(item.seq), type: 'commitment', ...item }),
      ConditionExpression: condition,
    },
  };
}

function putHistory(tableName: string, entry: HistoryEntry): TransactWriteItem {
  const { seq } = parseCommitmentId(entry.commitmentId);
  return {
    Put: {
      TableName: tableName,
      Item: toItem({ pk: keys.trackPartition(entry.teamId, entry.track), sk: keys.history(seq, entry.version), type: 'history', ...entry }),
      ConditionExpression: notExists,
    },
  };
}

/** Remembers a signed request for as long as its signature could be replayed, once only. */
export function claimRequestParams(tableName: string, teamId: TeamId, signature: string, expiresAt: number): PutItemCommandInput {
  return {
    TableName: tableName,
    Item: toItem({ pk: keys.seenRequests(teamId), sk: signature, type: 'seen', expiresAt }),
    ConditionExpression: notExists,
  };
}

export function putDraftParams(tableName: string, draft: ImportDraft, expiresAt: number): PutItemCommandInput {
  return {
    TableName: tableName,
    Item: toItem({ pk: keys.importDrafts(draft.teamId), sk: draft.id, type: 'import-draft', ...draft, expiresAt }),
    ConditionExpression: notExists,
  };
}

export function getDraftParams(tableName: string, teamId: TeamId, id: string): GetItemCommandInput {
  return { TableName: tableName, Key: toItem({ pk: keys.importDrafts(teamId), sk: id }), ConsistentRead: true };
}

/** Deletes the draft and returns it, only if it is still there and has not expired (TTL deletes later): the first submission takes it. */
export function takeDraftParams(tableName: string, teamId: TeamId, id: string, now: Date): DeleteItemCommandInput {
  return {
    TableName: tableName,
    Key: toItem({ pk: keys.importDrafts(teamId), sk: id }),
    ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
    ExpressionAttributeValues: toItem({ ':now': Math.floor(now.getTime() / 1000) }),
    ReturnValues: 'ALL_OLD',
  };
}
