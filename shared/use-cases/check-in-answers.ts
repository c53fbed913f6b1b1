import { addLocalDays, localDate } from '#shared/dates/flags';
import { ON_TRACK_NOTE, type CheckInAnswer } from '#shared/domain/check-in-answer';
import { refuseIfArchived } from '#shared/domain/changes';
import type { Change, Commitment, Track } from '#shared/domain/schemas';
import { ConflictError } from '#shared/errors';
import { changeItem, getItem, Prefetched, type Caller, type Deps, type ItemAction } from '#shared/use-cases/commitments';

/** The item and version a check-in's button or form names (`JK-4@7`). */
export interface CheckInRef {
  id: string;
  version: number;
}

/** How a check-in answer ended: saved as one change, or refused because the item changed since the message showed it. */
export type CheckInOutcome =
  | { kind: 'answered'; answer: CheckInAnswer; before: Commitment; after: Commitment; track: Track; change: Change }
  | { kind: 'stale'; item: Commitment; track: Track };

/**
 * The item a check-in button opens a form on, if the caller may answer for it (an owner of the
 * item, or an editor of its track); `stale` when it changed since the button was drawn.
 */
export async function openCheckIn(deps: Deps, caller: Caller, ref: CheckInRef): Promise<{ item: Commitment; track: Track; stale: boolean }> {
  const found = await getItem(deps, caller, ref.id, 'answer');
  refuseIfArchived(found.item, 'answer');
  return { ...found, stale: found.item.version !== ref.version };
}

/**
 * Saves an answer to a check-in.
 * 1. Read the item if the caller may answer for it; refuse an archived one. 2. If it changed since
 * the message showed it, change nothing and return it as it stands. 3. Turn the answer into an
 * item action. 4. Save it as one change guarded by the shown version, by the caller (a new owner
 * is checked as `add` and `edit` check one); a write that loses a race is stale too.
 */
export async function answerCheckIn(deps: Deps, caller: Caller, ref: CheckInRef, answer: CheckInAnswer): Promise<CheckInOutcome> {
  const { item, track, stale } = await openCheckIn(deps, caller, ref);
  if (stale) return { kind: 'stale', item, track };
  const action = toItemAction(caller, track, answer);
  const prefetched = new Prefetched();
  prefetched.put(`item:${item.id}`, { item, track });
  try {
    const saved = await changeItem(deps, { ...caller, prefetched }, item.id, action, ref.version, 'answer');
    return { kind: 'answered', answer, ...saved };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const fresh = await getItem(deps, caller, item.id, 'answer');
    return { kind: 'stale', ...fresh };
  }
}

function toItemAction(caller: Caller, track: Track, answer: CheckInAnswer): ItemAction {
  switch (answer.type) {
    case 'on-track':
      return { type: 'status', status: 'in-progress', note: ON_TRACK_NOTE };
    case 'at-risk':
      return { type: 'status', status: 'stalled', note: answer.reason };
    case 'done':
      return { type: 'status', status: 'done', ...(answer.note ? { note: answer.note } : {}) };
    case 'note':
      return { type: 'note', text: answer.text };
    case 'snooze':
      return { type: 'snooze', until: addLocalDays(localDate(caller.now, track.timeZone), answer.days) };
    case 'snooze-until':
      return { type: 'snooze', until: answer.until };
    case 'not-mine':
      // Whether the new owner can hold it (an active account who may read the track) is checked with the change.
      return { type: 'reassign', from: caller.userId, to: answer.to, ...(answer.note ? { note: answer.note } : {}) };
  }
}

