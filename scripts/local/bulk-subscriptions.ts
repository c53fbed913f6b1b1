import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { nextRun, parseSchedule } from '#shared/dates/schedule';
import { dueKeys, subscriptionSk } from '#shared/store/subscription-params';
import type { SubscriptionInput } from '#shared/domain/subscription';

// Thousands of subscriptions written straight to the table, for the sweep-cost test and the bench.

/** A subscription item as the store writes it, next run = first slot of its schedule after `after`; `options` such as `skipWhenEmpty`. */
export function subscriptionItem(
  teamId: string,
  channelId: string,
  scheduleText: string,
  created: Date,
  after: Date,
  options: Pick<SubscriptionInput, 'skipWhenEmpty' | 'sections'> = {},
): Record<string, unknown> {
  const { schedule, timeZone } = parseSchedule(scheduleText, { timeZone: 'Asia/Tokyo', now: created });
  const sub: SubscriptionInput = {
    teamId,
    channelId,
    track: 'japan-korea',
    schedule,
    timeZone,
    createdBy: 'U0A',
    createdAt: created.toISOString(),
    nextRunAt: nextRun(schedule, timeZone, after).toISOString(),
    ...options,
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
