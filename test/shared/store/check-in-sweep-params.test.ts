import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  askIndexKeys,
  askShard,
  claimCheckInParams,
  dueAsksQueryParams,
  itemsAndTracksParams,
  moveAskParams,
  newCheckInDelivery,
  pauseAskParams,
  recordAskParams,
  recordAskedParams,
  stopAskParams,
  unindexAskParams,
  type IndexedAsk,
} from '#shared/store/check-in-params';
import { DELIVERY_TTL_DAYS } from '#shared/store/subscription-params';

const TABLE = 'commitments-test';
const plain = (item: Record<string, AttributeValue> | undefined) => unmarshall(item ?? {});
const ask: IndexedAsk = { teamId: 'T0CIP', track: 'japan-korea', seq: 4, userId: 'U0MARIA', readSk: '2026-03-09T10:00:00.000Z#T0CIP#U0MARIA#japan-korea#C#000004' };
const at = new Date('2026-03-10T13:00:00Z');
const asked = { askedOn: '2026-03-10', askedAt: at, askedFor: '2026-03-10', reason: 'before-due' as const, dm: { channel: 'D0MARIA', ts: '1773147600.000100' } };

describe('check-in sweep requests', () => {
  it('reads one shard of due asks up to now', () => {
    const query = dueAsksQueryParams(TABLE, 3, at, 100);
    expect(query).toMatchObject({ IndexName: 'due', KeyConditionExpression: '#pk = :pk AND #sk <= :upTo', Limit: 100 });
    expect(plain(query.ExpressionAttributeValues)).toEqual({ ':pk': 'ASK#3', ':upTo': '2026-03-10T13:00:00.000Z#~' });
  });

  it('moves an ask only while its index key is the one read', () => {
    const move = moveAskParams(TABLE, ask, at, '2026-03-16');
    expect(plain(move.Key)).toEqual({ pk: 'T0CIP#TRACK#japan-korea', sk: 'C#000004#ASK#U0MARIA' });
    expect(move.ConditionExpression).toBe('gsi1sk = :read');
    expect(plain(move.ExpressionAttributeValues)).toEqual({ ':gpk': `ASK#${askShard('T0CIP', 'U0MARIA')}`, ':gsk': askIndexKeys(ask, at).gsi1sk, ':read': ask.readSk, ':on': '2026-03-16' });
    expect(unindexAskParams(TABLE, ask)).toMatchObject({ UpdateExpression: 'REMOVE askOn, gsi1pk, gsi1sk', ConditionExpression: 'gsi1sk = :read' });
    expect(moveAskParams(TABLE, ask, at, '2026-03-16', ['paused']).UpdateExpression).toBe('SET gsi1pk = :gpk, gsi1sk = :gsk, askOn = :on REMOVE paused');
    expect(moveAskParams(TABLE, ask, at, undefined, ['paused', 'stopped']).UpdateExpression).toBe('SET gsi1pk = :gpk, gsi1sk = :gsk REMOVE paused, stopped');
  });

  it('pauses an ask, with the reason, to be looked at again at an instant, only while its index key is the one read', () => {
    const pause = pauseAskParams(TABLE, ask, { reason: 'private-track', on: '2026-03-10' }, at);
    // Read as reachable: a stop is over.
    expect(pause).toMatchObject({ UpdateExpression: 'SET paused = :paused, gsi1pk = :gpk, gsi1sk = :gsk REMOVE stopped', ConditionExpression: 'gsi1sk = :read' });
    expect(plain(pause.ExpressionAttributeValues)).toEqual({ ':paused': { reason: 'private-track', on: '2026-03-10' }, ':gpk': `ASK#${askShard('T0CIP', 'U0MARIA')}`, ':gsk': askIndexKeys(ask, at).gsi1sk, ':read': ask.readSk });
  });

  it('marks an ask whose owner’s check-ins are stopped, with the reason, to be looked at again at an instant, only while its index key is the one read', () => {
    const stopped = { reason: 'deactivated', at: at.toISOString() };
    const stop = stopAskParams(TABLE, ask, stopped, at);
    expect(stop).toMatchObject({ UpdateExpression: 'SET stopped = :stopped, gsi1pk = :gpk, gsi1sk = :gsk', ConditionExpression: 'gsi1sk = :read' });
    expect(plain(stop.ExpressionAttributeValues)).toEqual({ ':stopped': stopped, ':gpk': `ASK#${askShard('T0CIP', 'U0MARIA')}`, ':gsk': askIndexKeys(ask, at).gsi1sk, ':read': ask.readSk });
  });

  it('records a check-in with the next ask day under the same guard, or alone on an ask that still exists', () => {
    const next = recordAskParams(TABLE, ask, asked, { askOn: '2026-03-16', at: new Date('2026-03-16T13:00:00Z') });
    // Asked: a pause (the owner could not read the track) or a stop (they could not be messaged) is over.
    expect(next.UpdateExpression).toBe('SET askedOn = :askedOn, askedAt = :askedAt, askedFor = :askedFor, reason = :reason, dm = :dm, askOn = :on, gsi1pk = :gpk, gsi1sk = :gsk REMOVE paused, stopped, introOn, introSk');
    expect(next.ConditionExpression).toBe('gsi1sk = :read');
    expect(recordAskParams(TABLE, ask, asked, undefined).UpdateExpression).toContain('REMOVE askOn, gsi1pk, gsi1sk, paused, stopped');
    const alone = recordAskedParams(TABLE, ask, asked);
    expect(alone).toMatchObject({ UpdateExpression: 'SET askedOn = :askedOn, askedAt = :askedAt, askedFor = :askedFor, reason = :reason, dm = :dm REMOVE paused, stopped, introOn, introSk', ConditionExpression: 'attribute_exists(pk)' });
    expect(plain(alone.ExpressionAttributeValues)).toEqual({ ':askedOn': '2026-03-10', ':askedAt': at.toISOString(), ':askedFor': '2026-03-10', ':reason': 'before-due', ':dm': asked.dm });
  });

  it('reads items and their tracks by key', () => {
    const request = itemsAndTracksParams(TABLE, [{ teamId: 'T0CIP', track: 'japan-korea', seq: 4 }, { teamId: 'T0CIP', track: 'japan-korea' }]);
    expect(request.RequestItems![TABLE]!.Keys!.map(plain)).toEqual([
      { pk: 'T0CIP#TRACK#japan-korea', sk: 'C#000004' },
      { pk: 'T0CIP#TRACK#japan-korea', sk: '#TRACK' },
    ]);
  });

  it('claims one check-in per person and local date, kept 30 days', () => {
    const input = { teamId: 'T0CIP', userId: 'U0MARIA', date: '2026-03-10', token: 't1', now: at, leaseUntil: new Date('2026-03-10T13:01:05Z') };
    const put = claimCheckInParams(TABLE, input);
    expect(put.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(plain(put.Item)).toEqual({ pk: 'T0CIP#DELIVERY', sk: 'DM#U0MARIA#2026-03-10', type: 'check-in-delivery', ...newCheckInDelivery(input) });
    expect(newCheckInDelivery(input)).toMatchObject({ state: 'claimed', token: 't1', attempts: 1, expiresAt: Date.parse('2026-03-10T00:00:00Z') / 1000 + DELIVERY_TTL_DAYS * 86_400 });
  });
});
