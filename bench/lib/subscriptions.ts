import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { nextRun, parseSchedule } from '#shared/dates/schedule';
import type { CommitmentDraft } from '#shared/domain/schemas';
import { createStore } from '#shared/store/store';
import { dueKeys, subscriptionSk } from '#shared/store/subscription-params';
import type { Subscription } from '#shared/store/subscriptions';

// The same items and loading as test/shared/reminders/due-cost.test.ts.

/** A subscription item as the store writes it, next run = first slot of its schedule after `after`. */
export function subscriptionItem(teamId: string, channelId: string, scheduleText: string, created: Date, after: Date): Record<string, unknown> {
  const { schedule, timeZone } = parseSchedule(scheduleText, { timeZone: 'Asia/Tokyo', now: created });
  const sub: Subscription = {
    teamId,
    channelId,
    track: 'japan-korea',
    schedule,
    timeZone,
    createdBy: 'U0A',
    createdAt: created.toISOString(),
    nextRunAt: nextRun(schedule, timeZone, after).toISOString(),
    version: 1,
  };
  return { pk: teamId, sk: subscriptionSk(channelId, sub.track), type: 'subscription', ...sub, ...dueKeys(sub, sub.nextRunAt) };
}

/** BatchWriteItem, 25 a request, 16 requests in flight, unprocessed items sent again. */
export async function load(client: DynamoDBClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  const send = async (): Promise<void> => {
    for (let batch = batches.pop(); batch; batch = batches.pop()) {
      let requests = batch.map((item) => ({ PutRequest: { Item: marshall(item) } }));
      while (requests.length > 0) {
        const { UnprocessedItems } = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
        requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, send));
}

/** The track the subscriptions follow, with one open item, so each digest has content. */
export async function trackWithOneItem(client: DynamoDBClient, tableName: string, teamId: string, created: Date): Promise<void> {
  const store = createStore({ client, tableName });
  await store.createTrack({
    teamId,
    slug: 'japan-korea',
    title: 'Track japan-korea',
    parties: [
      { code: 'JP', name: 'Japan' },
      { code: 'KR', name: 'South Korea' },
    ],
    timeZone: 'Asia/Tokyo',
    idPrefix: 'JK',
    createdAt: created.toISOString(),
    createdBy: 'U0ADMIN',
  });
  const draft: CommitmentDraft = {
    title: 'Resume shuttle diplomacy',
    parties: ['JP', 'KR'],
    owners: [{ label: 'MOFA', slackUserId: 'U0OWNER' }],
    source: { meeting: 'Busan summit', date: '2025-09-30', place: 'Busan' },
    kind: { type: 'one-off', due: '2026-05-10' },
    status: 'in-progress',
  };
  await store.createCommitment(teamId, 'japan-korea', draft, 'U0A', created);
}
