import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestTable } from '../../support/dynamodb.ts';
import { load } from '#local/bulk-subscriptions';
import { commitmentWithAsks } from '#local/bulk-items';
import { countRequests } from '#local/request-counter';
import { FakeSlack } from '#local/fake-slack';
import { track } from '../reminders/harness.ts';
import { checkInHarness, owned } from './harness.ts';

// Two tables: one with just the 10 items due a check-in, one with the same 10 among 10,000.
const small = useTestTable();
const large = useTestTable();
let slack: FakeSlack;
const hSmall = checkInHarness(small, () => slack);
const hLarge = checkInHarness(large, () => slack);

const created = new Date('2026-03-01T00:00:00Z');
const now = new Date('2026-03-10T09:00:30Z'); // Tuesday 09:00 for owners in UTC
const teamId = 'T0CICOST';

beforeAll(async () => {
  slack = await new FakeSlack().start();
  for (const h of [hSmall, hLarge]) {
    await h.store.createTrack(track(teamId, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    // Due in 7 days on the 17th: each of 10 owners is asked today.
    for (let i = 0; i < 10; i++) await h.store.createCommitment(teamId, 'japan-korea', owned(`Due soon ${i}`, `U0DUE${i}`, '2026-03-17'), 'U0A', created);
  }
  // Not due: the others' owners are asked from December on.
  const jk = await hLarge.store.getTrack(teamId, 'japan-korea');
  const later = Array.from({ length: 9_990 }, (_, i) => commitmentWithAsks(jk, 11 + i, owned(`Later ${i}`, `U0LATER${i % 1000}`, '2026-12-31'), created)).flat();
  await load(large.client, large.tableName, later);
}, 180_000);
afterAll(() => slack.stop());

describe('check-in sweep cost', () => {
  it('reads as much for 10 items due among 10,000 as for 10 among 10', async () => {
    const reads = async (h: typeof hSmall, client: DynamoDBClient) => {
      const counter = countRequests(client);
      const summary = await h.sweep(now);
      return { summary, total: counter.reads(), counts: Object.fromEntries(counter.counts) };
    };
    const a = await reads(hSmall, small.client);
    const b = await reads(hLarge, large.client);
    expect(a.summary).toMatchObject({ dueAsks: 10, owners: 10, sent: 10 });
    expect(b.summary).toMatchObject({ dueAsks: 10, owners: 10, sent: 10 });
    expect(b.total).toBe(a.total);
    expect(b.counts).toEqual(a.counts);
    // One Query per shard of the due index, one BatchGetItem each of the owners' preferences and
    // person records and one GetItem of the app manager record (read side by side), one
    // BatchGetItem of the items and their track.
    expect(a.total).toBe(8 + 1 + 1 + 1 + 1);
    console.info(JSON.stringify({ readsAmong10: a.total, readsAmong10000: b.total, counts: b.counts }));
  });

  it('reads a later check-in day’s asks twice: at the start of the owner’s day, moved to their time, then asked', async () => {
    // After the first test: each of the 10 was asked on 10 March and is next asked on 16 March.
    const cost = async (at: string) => {
      const counter = countRequests(small.client);
      const summary = await hSmall.sweep(new Date(at));
      return { summary, reads: counter.reads(), counts: Object.fromEntries(counter.counts) };
    };
    const start = await cost('2026-03-16T00:00:30Z');
    const morning = await cost('2026-03-16T09:00:30Z');
    expect(start).toMatchObject({ summary: { dueAsks: 10, deferred: 10, sent: 0 }, reads: 8 + 1 + 1 + 1 });
    expect(morning).toMatchObject({ summary: { dueAsks: 10, sent: 10 }, reads: 8 + 1 + 1 + 1 + 1 });
    console.info(JSON.stringify({ dayStart: start, checkInTime: morning }));
  });
});
