import { askOnAfterChange, earliestStartOf } from '#shared/dates/check-ins';
import { localDate } from '#shared/dates/flags';
import { CommitmentSchema, type CommitmentDraft, type Track } from '#shared/domain/schemas';
import { askIndexKeys, askKey, askedOwners } from '#shared/store/check-in-params';
import { keys } from '#shared/store/params';
import { unmarshall } from '@aws-sdk/util-dynamodb';

// Thousands of commitments with their owners' ask records, written straight to the table (with
// `load` from bulk-subscriptions), for the check-in sweep-cost test and the bench.

/**
 * A commitment as the store writes it on create, number `seq` of `track`, and the ask record of
 * each Slack owner with its next ask day in the due index, as the create's transaction writes them.
 */
export function commitmentWithAsks(track: Pick<Track, 'teamId' | 'slug' | 'idPrefix' | 'timeZone' | 'checkIns'>, seq: number, draft: CommitmentDraft, created: Date): Record<string, unknown>[] {
  const at = created.toISOString();
  const item = CommitmentSchema.parse({
    ...draft,
    teamId: track.teamId,
    track: track.slug,
    id: `${track.idPrefix}-${seq}`,
    seq,
    notes: [],
    version: 1,
    createdAt: at,
    createdBy: 'U0BULK',
    updatedAt: at,
    updatedBy: 'U0BULK',
  });
  const askOn = askOnAfterChange(item, track.checkIns, track.timeZone, localDate(created, track.timeZone));
  const asks = askedOwners(item).map((userId) => ({
    ...unmarshall(askKey(item.teamId, item.track, seq, userId)),
    type: 'ask',
    teamId: item.teamId,
    track: item.track,
    commitmentId: item.id,
    userId,
    ...(askOn ? { askOn, ...askIndexKeys({ teamId: item.teamId, track: item.track, seq, userId }, earliestStartOf(askOn)) } : {}),
  }));
  return [{ pk: keys.trackPartition(item.teamId, item.track), sk: keys.commitment(seq), type: 'commitment', ...item }, ...asks];
}

/** A one-off item owned by one Slack user, due on `due`. */
export function ownedItem(title: string, userId: string, due: string): CommitmentDraft {
  return {
    title,
    parties: ['JP', 'KR'],
    owners: [{ label: 'MOFA', slackUserId: userId }],
    source: { meeting: 'Busan summit', date: '2025-09-30', place: 'Busan' },
    kind: { type: 'one-off', due },
    status: 'in-progress',
  };
}
