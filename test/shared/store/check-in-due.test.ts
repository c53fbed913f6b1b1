import { describe, expect, it } from 'vitest';
import { useTestTable } from '../../support/dynamodb.ts';
import { createCheckInStore } from '#shared/store/check-ins';
import { ASK_SHARDS } from '#shared/store/check-in-params';
import { load } from '#local/bulk-subscriptions';
import { commitmentWithAsks, ownedItem } from '#local/bulk-items';
import { BUSAN_TRACK } from '#shared/data/busan-summit-2025';
import { createStore } from '#shared/store/store';

const table = useTestTable();
const created = new Date('2026-03-01T00:00:00Z');

describe('due check-in asks', () => {
  it('reads the shards of the due index side by side, so the first check-in does not wait for them one after another', async () => {
    const track = await createStore(table).createTrack({ ...BUSAN_TRACK, teamId: 'T0DUE', createdAt: created.toISOString(), createdBy: 'U0ADMIN' });
    await load(table.client, table.tableName, Array.from({ length: 40 }, (_, i) => commitmentWithAsks(track, i + 1, ownedItem(`Due soon ${i}`, `U0DUE${i}`, '2026-03-17'), created)).flat());
    let inFlight = 0;
    let most = 0;
    table.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'QueryCommand') return next(args);
        most = Math.max(most, ++inFlight);
        try {
          return await next(args);
        } finally {
          inFlight--;
        }
      },
      { step: 'initialize', name: 'queriesInFlight' },
    );
    const asks = await createCheckInStore(table).due(new Date('2026-03-10T09:00:30Z'));
    table.client.middlewareStack.remove('queriesInFlight');
    expect(asks.map((a) => a.userId).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `U0DUE${i}`).sort());
    expect(most).toBe(ASK_SHARDS);
  });
});
