import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ImportDraftSchema } from '#shared/domain/import-draft';
import { CommitmentSchema, HistoryEntrySchema, TrackSchema, type Commitment } from '#shared/domain/schemas';
import {
  REPORT_ITEMS_RANGE,
  REPORT_RANGE,
  claimFormTokenItem,
  claimRequestParams,
  commitmentWithTrackParams,
  createCommitmentsParams,
  createTrackParams,
  formatCommitmentId,
  getCommitmentParams,
  getFormTokenParams,
  historyParams,
  assessmentHistoryParams,
  keys,
  parseCommitmentId,
  prefixClaimsParams,
  putDraftParams,
  reportItemsParams,
  reportParams,
  saveChangeParams,
  saveTrackAccessParams,
  refusedCreate,
  takeDraftParams,
  type NewCommitment,
} from '#shared/store/params';

const TABLE = 'commitments-test';
const at = '2026-03-02T00:00:00.000Z';
const plain = (item: Record<string, AttributeValue> | undefined) => unmarshall(item ?? {});

const track = TrackSchema.parse({
  teamId: 'T0PARAMS',
  slug: 'japan-korea',
  title: 'Japan–South Korea',
  parties: [
    { code: 'JP', name: 'Japan' },
    { code: 'KR', name: 'South Korea' },
  ],
  timeZone: 'Asia/Tokyo',
  idPrefix: 'JK',
  createdAt: at,
  createdBy: 'U0ADMIN',
});

const item: Commitment = CommitmentSchema.parse({
  teamId: 'T0PARAMS',
  track: 'japan-korea',
  id: 'JK-12',
  seq: 12,
  title: 'Resume the finance dialogue',
  parties: ['JP', 'KR'],
  source: { meeting: 'Busan summit', date: '2025-09-30' },
  kind: { type: 'one-off', due: '2026-06-30' },
  status: 'not-started',
  version: 1,
  createdAt: at,
  createdBy: 'U0ADMIN',
  updatedAt: at,
  updatedBy: 'U0ADMIN',
});

const entry = (version: number, status = item.status) =>
  HistoryEntrySchema.parse({ teamId: item.teamId, track: item.track, commitmentId: item.id, version, at, by: 'U0ADMIN', change: { type: 'created', status } });

/** Commitment number `seq` as one create writes it, with `asks` items after it. */
function toCreate(seq: number, status: Commitment['status'] = 'not-started', asks = 0): NewCommitment {
  const one = { ...item, id: `JK-${seq}`, seq, status };
  const alongside = Array.from({ length: asks }, (_, i) => ({ Delete: { TableName: TABLE, Key: { pk: { S: `ask ${seq} ${i}` } } } }));
  return { item: one, entry: { ...entry(1, status), commitmentId: one.id }, alongside };
}

describe('commitment keys', () => {
  it('pads sequence numbers and versions to six digits so that sort keys sort by number', () => {
    expect(keys.commitment(12)).toBe('C#000012');
    expect(keys.history(12, 3)).toBe('H#000012#000003');
    expect(keys.historyOf(12)).toBe('H#000012#');
    expect([keys.commitment(9), keys.commitment(10)].sort()).toEqual(['C#000009', 'C#000010']);
  });

  it('starts every partition key with the team id', () => {
    expect(keys.team('T0PARAMS')).toBe('T0PARAMS');
    expect(keys.trackPartition('T0PARAMS', 'japan-korea')).toBe('T0PARAMS#TRACK#japan-korea');
    expect(keys.seenRequests('T0PARAMS')).toBe('T0PARAMS#SEEN');
    expect(keys.importDrafts('T0PARAMS')).toBe('T0PARAMS#IMPORT');
  });

  it('reads and writes commitment ids as prefix and number', () => {
    expect(parseCommitmentId('JK-12')).toEqual({ prefix: 'JK', seq: 12 });
    expect(formatCommitmentId('JK', 12)).toBe('JK-12');
  });

  it('ranges a report over the track item and every commitment, never the history', () => {
    const within = (sk: string) => sk >= REPORT_RANGE.from && sk <= REPORT_RANGE.to;
    expect(within(keys.track)).toBe(true);
    expect(within(keys.commitment(1))).toBe(true);
    expect(within(keys.commitment(999_999))).toBe(true);
    expect(within(keys.history(1, 1))).toBe(false);
  });
});

describe('form token requests (issue 13)', () => {
  const once = { token: '3f1c2b9e-8d4a-4c1e-9b7a-2e5d6f708192', by: 'U0ADMIN', expiresAt: new Date('2026-03-03T00:00:00.500Z') };

  it('claims a form’s token once in the team’s ONCE partition, naming what it created, until its TTL', () => {
    const put = claimFormTokenItem(TABLE, 'T0PARAMS', once, 'JK-12').Put!;
    expect(put).toMatchObject({ TableName: TABLE, ConditionExpression: 'attribute_not_exists(pk)' });
    expect(plain(put.Item)).toEqual({ pk: 'T0PARAMS#ONCE', sk: once.token, type: 'form-token', ref: 'JK-12', by: 'U0ADMIN', expiresAt: 1_772_496_001 });
    expect(getFormTokenParams(TABLE, 'T0PARAMS', once.token)).toMatchObject({ Key: { pk: { S: 'T0PARAMS#ONCE' }, sk: { S: once.token } }, ConsistentRead: true });
  });

  it('adds the claim as the last item of a create’s transaction, and nothing without a token', () => {
    const commitment = createCommitmentsParams(TABLE, [toCreate(12)], once).TransactItems!;
    expect(commitment).toHaveLength(4);
    expect(commitment.at(-1)).toEqual(claimFormTokenItem(TABLE, 'T0PARAMS', once, 'JK-12'));
    expect(createCommitmentsParams(TABLE, [toCreate(12)]).TransactItems).toEqual(commitment.slice(0, 3));
    const created = createTrackParams(TABLE, track, once).TransactItems!;
    expect(created.at(-1)).toEqual(claimFormTokenItem(TABLE, 'T0PARAMS', once, 'japan-korea'));
    expect(createTrackParams(TABLE, track).TransactItems).toEqual(created.slice(0, 3));
  });
});

describe('track requests', () => {
  it('creates a track, its zeroed summary and its prefix claim together, each only if its key is free', () => {
    const puts = createTrackParams(TABLE, track).TransactItems!.map((t) => t.Put!);
    for (const put of puts) expect(put).toMatchObject({ TableName: TABLE, ConditionExpression: 'attribute_not_exists(pk)' });
    const [trackPut, summaryPut, prefixPut] = puts;
    expect(plain(trackPut!.Item)).toMatchObject({ pk: 'T0PARAMS#TRACK#japan-korea', sk: '#TRACK', type: 'track', slug: 'japan-korea' });
    expect(plain(summaryPut!.Item)).toEqual({
      pk: 'T0PARAMS',
      sk: 'TRACK#japan-korea',
      type: 'track-summary',
      teamId: 'T0PARAMS',
      slug: 'japan-korea',
      title: 'Japan–South Korea',
      idPrefix: 'JK',
      counts: { 'not-started': 0, 'in-progress': 0, done: 0, stalled: 0, dropped: 0 },
      lastSeq: 0,
      members: {},
      visibility: 'workspace',
      channels: [],
    });
    expect(plain(prefixPut!.Item)).toEqual({ pk: 'T0PARAMS', sk: 'PREFIX#JK', type: 'prefix', slug: 'japan-korea' });
  });

  it('saves a track’s access or settings guarded by its version, with the summary’s copy of access and title and a history entry after the report’s range', () => {
    const after = { ...track, members: { U0MARIA: 'owner' as const }, title: 'Japan–Korea summit follow-ups', version: 2 };
    const entry = { teamId: 'T0PARAMS', track: 'japan-korea', version: 2, at, by: 'U0ADMIN', changes: [{ type: 'role' as const, userId: 'U0MARIA', to: 'owner' as const }] };
    const [put, update, history] = saveTrackAccessParams(TABLE, track, after, entry).TransactItems!;
    // A track stored before versions has no attribute: version 1 also matches its absence.
    expect(put!.Put!.ConditionExpression).toBe('attribute_exists(pk) AND (attribute_not_exists(version) OR version = :expected)');
    expect(saveTrackAccessParams(TABLE, { version: 2 }, { ...after, version: 3 }, { ...entry, version: 3 }).TransactItems![0]!.Put!.ConditionExpression).toBe('attribute_exists(pk) AND version = :expected');
    expect(plain(update!.Update!.ExpressionAttributeValues)).toEqual({ ':members': { U0MARIA: 'owner' }, ':visibility': 'workspace', ':channels': [], ':title': 'Japan–Korea summit follow-ups' });
    expect(plain(history!.Put!.Item)).toMatchObject({ pk: 'T0PARAMS#TRACK#japan-korea', sk: 'TH#000002', type: 'track-history' });
    expect('TH#000002' > REPORT_RANGE.to).toBe(true);
  });

  it('reads a report in one consistent query between the track item and the last commitment', () => {
    const query = reportParams(TABLE, 'T0PARAMS', 'japan-korea');
    expect(query.KeyConditionExpression).toBe('pk = :pk AND sk BETWEEN :from AND :to');
    expect(plain(query.ExpressionAttributeValues)).toEqual({ ':pk': 'T0PARAMS#TRACK#japan-korea', ':from': '#', ':to': 'C#~' });
    expect(query.ConsistentRead).toBe(true);
  });

  it('reads a report’s items without its track item, which was read and checked first (issue 23)', () => {
    const query = reportItemsParams(TABLE, 'T0PARAMS', 'japan-korea');
    expect(plain(query.ExpressionAttributeValues)).toEqual({ ':pk': 'T0PARAMS#TRACK#japan-korea', ':from': 'C#', ':to': 'C#~' });
    const within = (sk: string) => sk >= REPORT_ITEMS_RANGE.from && sk <= REPORT_ITEMS_RANGE.to;
    expect([keys.track, keys.commitment(1), `${keys.commitment(1)}#ASK#U0A`, keys.history(1, 1), keys.trackHistory(1)].map(within)).toEqual([false, true, true, false, false]);
    expect(query.ConsistentRead).toBe(true);
  });

  it('reads the claims of several id prefixes in one consistent batch', () => {
    const batch = prefixClaimsParams(TABLE, 'T0PARAMS', ['JKA', 'JKB']).RequestItems![TABLE]!;
    expect(batch.Keys!.map(plain)).toEqual([
      { pk: 'T0PARAMS', sk: 'PREFIX#JKA' },
      { pk: 'T0PARAMS', sk: 'PREFIX#JKB' },
    ]);
    expect(batch.ConsistentRead).toBe(true);
  });
});

describe('commitment requests', () => {
  it('finds a commitment by the number in its id', () => {
    expect(plain(getCommitmentParams(TABLE, 'T0PARAMS', 'japan-korea', 'JK-12').Key)).toEqual({ pk: 'T0PARAMS#TRACK#japan-korea', sk: 'C#000012' });
    const batch = commitmentWithTrackParams(TABLE, 'T0PARAMS', 'japan-korea', 'JK-12').RequestItems![TABLE]!;
    expect(batch.Keys!.map(plain)).toEqual([
      { pk: 'T0PARAMS#TRACK#japan-korea', sk: 'C#000012' },
      { pk: 'T0PARAMS#TRACK#japan-korea', sk: '#TRACK' },
    ]);
    expect(plain(historyParams(TABLE, 'T0PARAMS', 'japan-korea', 'JK-12').ExpressionAttributeValues)).toEqual({
      ':pk': 'T0PARAMS#TRACK#japan-korea',
      ':sk': 'H#000012#',
    });
  });

  it('reads a track’s assessments from its items’ history alone, never its items or its access history (issue 15)', () => {
    const request = assessmentHistoryParams(TABLE, 'T0PARAMS', 'japan-korea');
    expect(request.KeyConditionExpression).toBe('pk = :pk AND begins_with(sk, :sk)');
    expect(plain(request.ExpressionAttributeValues)).toEqual({ ':pk': 'T0PARAMS#TRACK#japan-korea', ':sk': 'H#', ':assessment': 'assessment' });
    expect(request.FilterExpression).toBe('#change.#type = :assessment');
    expect(request.ExpressionAttributeNames).toEqual({ '#change': 'change', '#type': 'type' });
  });

  it('takes the next number only if the counter still stands one below it, and never overwrites an item', () => {
    const [counter, put, history] = createCommitmentsParams(TABLE, [toCreate(12)]).TransactItems!;
    expect(counter!.Update).toMatchObject({
      UpdateExpression: 'SET lastSeq = :seq, counts.#s0 = counts.#s0 + :n0',
      ConditionExpression: 'lastSeq = :previous',
      ExpressionAttributeNames: { '#s0': 'not-started' },
    });
    expect(plain(counter!.Update!.Key)).toEqual({ pk: 'T0PARAMS', sk: 'TRACK#japan-korea' });
    expect(plain(counter!.Update!.ExpressionAttributeValues)).toEqual({ ':seq': 12, ':previous': 11, ':n0': 1 });
    expect(put!.Put!.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(plain(put!.Put!.Item)).toMatchObject({ pk: 'T0PARAMS#TRACK#japan-korea', sk: 'C#000012', type: 'commitment', id: 'JK-12' });
    expect(history!.Put!.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(plain(history!.Put!.Item)).toMatchObject({ pk: 'T0PARAMS#TRACK#japan-korea', sk: 'H#000012#000001', type: 'history' });
  });

  it('creates numbers one after another in one transaction: the counter moved past them all, each counted under its status and put as one create is', () => {
    const three = [toCreate(12), toCreate(13, 'in-progress', 2), toCreate(14)];
    const [counter, ...rest] = createCommitmentsParams(TABLE, three).TransactItems!;
    expect(counter!.Update).toMatchObject({
      UpdateExpression: 'SET lastSeq = :seq, counts.#s0 = counts.#s0 + :n0, counts.#s1 = counts.#s1 + :n1',
      ConditionExpression: 'lastSeq = :previous',
      ExpressionAttributeNames: { '#s0': 'not-started', '#s1': 'in-progress' },
    });
    expect(plain(counter!.Update!.ExpressionAttributeValues)).toEqual({ ':seq': 14, ':previous': 11, ':n0': 2, ':n1': 1 });
    const alone = three.flatMap((one) => createCommitmentsParams(TABLE, [one]).TransactItems!.slice(1));
    expect(rest).toEqual(alone);
    // Which create a refused transaction names: the one whose put failed, past the others' asks.
    const reasons = ['None', 'None', 'None', 'None', 'None', 'None', 'None', 'ConditionalCheckFailed', 'None'];
    expect(refusedCreate(three, reasons)?.item.id).toBe('JK-14');
    expect(refusedCreate(three, ['ConditionalCheckFailed', ...reasons.slice(1, 7)])).toBeUndefined();
  });

  it('guards a saved change with the version it was read at, and leaves the counts alone when the status stays', () => {
    const after = { ...item, title: 'Resume the finance dialogue this year', version: 2 };
    const [put, history, ...rest] = saveChangeParams(TABLE, item, after, [entry(2)]).TransactItems!;
    expect(put!.Put!.ConditionExpression).toBe('version = :expected');
    expect(plain(put!.Put!.ExpressionAttributeValues)).toEqual({ ':expected': 1 });
    expect(plain(put!.Put!.Item)).toMatchObject({ sk: 'C#000012', version: 2, title: 'Resume the finance dialogue this year' });
    expect(plain(history!.Put!.Item)).toMatchObject({ sk: 'H#000012#000002' });
    expect(rest).toEqual([]);
  });

  it('writes changes made at once (an Edit form) in one transaction: the item once, under the version read, and a history entry each', () => {
    const after = { ...item, title: 'Resume the finance dialogue this year', version: 3 };
    const [put, ...history] = saveChangeParams(TABLE, item, after, [entry(2), entry(3)]).TransactItems!;
    expect(plain(put!.Put!.ExpressionAttributeValues)).toEqual({ ':expected': 1 });
    expect(history.map((h) => plain(h.Put!.Item)['sk'])).toEqual(['H#000012#000002', 'H#000012#000003']);
  });

  it('moves one count from the old status to the new one when the status changes', () => {
    const after = { ...item, status: 'done' as const, version: 2 };
    const moves = saveChangeParams(TABLE, item, after, [entry(2, 'done')]).TransactItems![2]!.Update!;
    expect(moves.UpdateExpression).toBe('SET counts.#from = counts.#from - :one, counts.#to = counts.#to + :one');
    expect(moves.ExpressionAttributeNames).toEqual({ '#from': 'not-started', '#to': 'done' });
    expect(plain(moves.Key)).toEqual({ pk: 'T0PARAMS', sk: 'TRACK#japan-korea' });
  });

  it('takes an archived item out of its status count, and puts it back when unarchived', () => {
    const archived = { ...item, archived: { at, by: 'U0ADMIN' }, version: 2 };
    const out = saveChangeParams(TABLE, item, archived, [entry(2)]).TransactItems![2]!.Update!;
    expect(out.UpdateExpression).toBe('SET counts.#from = counts.#from - :one');
    expect(out.ExpressionAttributeNames).toEqual({ '#from': 'not-started' });
    const back = saveChangeParams(TABLE, archived, { ...item, version: 3 }, [entry(3)]).TransactItems![2]!.Update!;
    expect(back.UpdateExpression).toBe('SET counts.#to = counts.#to + :one');
    expect(back.ExpressionAttributeNames).toEqual({ '#to': 'not-started' });
  });
});

describe('requests that expire', () => {
  it('claims a request signature once, kept until its TTL', () => {
    const put = claimRequestParams(TABLE, 'T0PARAMS', 'v0=abc', 1_772_409_900);
    expect(put.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(plain(put.Item)).toEqual({ pk: 'T0PARAMS#SEEN', sk: 'v0=abc', type: 'seen', expiresAt: 1_772_409_900 });
  });

  it('keeps an import draft until its TTL and hands it out once', () => {
    const draft = ImportDraftSchema.parse({
      teamId: 'T0PARAMS',
      id: 'draft-0001',
      userId: 'U0ADMIN',
      track: 'japan-korea',
      source: { meeting: 'Busan summit', date: '2025-09-30' },
      proposals: [{ title: 'Resume the finance dialogue', kind: { type: 'one-off' }, parties: ['JP'], sentence: 'They agreed.', paragraph: 1 }],
    });
    const put = putDraftParams(TABLE, draft, 1_772_409_900);
    expect(put.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(plain(put.Item)).toMatchObject({ pk: 'T0PARAMS#IMPORT', sk: 'draft-0001', type: 'import-draft', expiresAt: 1_772_409_900 });
    // Taken only before it expires: TTL deletes it some time after.
    const take = takeDraftParams(TABLE, 'T0PARAMS', 'draft-0001', new Date(1_772_409_000_000));
    expect(take).toMatchObject({ ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now', ReturnValues: 'ALL_OLD' });
    expect(plain(take.ExpressionAttributeValues)).toEqual({ ':now': 1_772_409_000 });
    expect(plain(take.Key)).toEqual({ pk: 'T0PARAMS#IMPORT', sk: 'draft-0001' });
  });
});
