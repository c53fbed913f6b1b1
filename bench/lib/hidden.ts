import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { commitmentWithAsks, ownedItem } from '#local/bulk-items';
import { load } from '#local/bulk-subscriptions';
import { createStore } from '#shared/store/store';
import { BENCH_TEAM } from './stack.ts';

/** The private track whose report an outsider asks for, its size, and who may and may not see it. */
export const HIDDEN = { slug: 'big-secret', missing: 'no-such-track', items: 2_000, owner: 'U0SECRET', outsider: 'U0ALICE' } as const;

/**
 * A private track of `HIDDEN.items` items in the bench team, owned by `HIDDEN.owner` alone:
 * the track through the store, its items written straight to the table.
 */
export async function hiddenTrack(client: DynamoDBClient, tableName: string): Promise<void> {
  const created = new Date('2026-03-01T00:00:00Z');
  const track = await createStore({ client, tableName }).createTrack({
    teamId: BENCH_TEAM,
    slug: HIDDEN.slug,
    title: 'Big secret',
    parties: [{ code: 'JP', name: 'Japan' }, { code: 'KR', name: 'Korea' }],
    timeZone: 'UTC',
    idPrefix: 'BIG',
    members: { [HIDDEN.owner]: 'owner' },
    visibility: 'private',
    channels: [],
    meetings: [],
    createdAt: created.toISOString(),
    createdBy: HIDDEN.owner,
  });
  const items = Array.from({ length: HIDDEN.items }, (_, i) => commitmentWithAsks(track, i + 1, ownedItem(`Item ${i + 1}`, HIDDEN.owner, '2026-06-30'), created));
  await load(client, tableName, items.flat());
}
