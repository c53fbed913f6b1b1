import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestTable } from '../../support/dynamodb.ts';
import { load, subscriptionItem } from '#local/bulk-subscriptions';
import { countRequests } from '#local/request-counter';
import { FakeSlack } from '#local/fake-slack';
import { draft, harness, track } from './harness.ts';

// Two tables: one with just the 10 due subscriptions, one with the same 10 among 10,000.
const small = useTestTable();
const large = useTestTable();
let slack: FakeSlack;
const hSmall = harness(small, () => slack);
const hLarge = harness(large, () => slack);

const created = new Date('2026-05-01T00:00:00Z');
const now = new Date('2026-05-04T00:00:30Z'); // just after Monday 09:00 in Tokyo
const teamId = 'T0COST';

beforeAll(async () => {
  slack = await new FakeSlack().start();
  for (const h of [hSmall, hLarge]) {
    await h.store.createTrack(track(teamId, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    await h.store.createCommitment(teamId, 'japan-korea', draft('Resume shuttle diplomacy', '2026-05-10'), 'U0A', created);
  }
  const due = Array.from({ length: 10 }, (_, i) => subscriptionItem(teamId, `C0DUE${i}`, 'every monday 09:00', created, created));
  // Not due: the others next run on some day of the coming week.
  const later = Array.from({ length: 9_990 }, (_, i) => subscriptionItem(teamId, `C0LATER${i}`, `${['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][i % 7]} 09:00`, created, now));
  await load(small.client, small.tableName, due);
  await load(large.client, large.tableName, [...due, ...later]);
}, 120_000);
afterAll(() => slack.stop());

describe('reminder sweep cost', () => {
  it('reads as much for 10 due among 10,000 subscriptions as for 10 among 10', async () => {
    const reads = async (h: typeof hSmall, client: DynamoDBClient) => {
      const counter = countRequests(client);
      const summary = await h.sweep(now);
      return { summary, total: counter.reads(), counts: Object.fromEntries(counter.counts) };
    };
    const a = await reads(hSmall, small.client);
    const b = await reads(hLarge, large.client);
    expect(a.summary).toMatchObject({ due: 10, posted: 10 });
    expect(b.summary).toMatchObject({ due: 10, posted: 10 });
    expect(b.total).toBe(a.total);
    expect(b.counts).toEqual(a.counts);
    // One Query per shard of the due index and one report Query for the track they share.
    expect(a.total).toBe(8 + 1);
    console.info(JSON.stringify({ readsAmong10: a.total, readsAmong10000: b.total, counts: b.counts }));
  });
});
