import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CommitmentDraft } from '#shared/domain/schemas';
import { BUSAN_TRACK } from '#shared/data/busan-summit-2025';
import { createStore } from '#shared/store/store';

/** The track the subscriptions follow, with one open item (nothing flagged: the fan-out subscribes with `always`). */
export async function trackWithOneItem(client: DynamoDBClient, tableName: string, teamId: string, created: Date): Promise<void> {
  const store = createStore({ client, tableName });
  await store.createTrack({ ...BUSAN_TRACK, teamId, createdAt: created.toISOString(), createdBy: 'U0ADMIN' });
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
