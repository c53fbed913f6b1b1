import { AlreadyExistsError, ConflictError } from '#shared/errors';
import type { Commitment, CommitmentId, TeamId, Track } from '#shared/domain/schemas';
import type { Store } from '#shared/store/store';
import { BUSAN_COMMITMENTS, BUSAN_FOLLOW_UPS, BUSAN_RECORDED_AT, BUSAN_TRACK, type FollowUpEvent } from '#shared/data/busan-summit-2025';

export interface SeedResult {
  trackCreated: boolean;
  created: string[];
  existing: string[];
  /** How many reported follow-up events were written to history in this run. */
  followUps: number;
}

/**
 * Loads the Busan track and its five commitments for one team, as written down on the evening
 * of the summit, then each publicly reported follow-up event since, at its own date.
 * 1. Create the track and each item at its fixed number, stamped 30 Sep 2025; an existing one is kept.
 * 2. Per item, apply the events it has not had yet (its version counts them), those up to `now` only.
 * Every write is conditional, so a second run (or a run after a crash) adds only what is
 * missing. An item a person has changed, or one seeded before the events existed, is left as it is.
 */
export async function seedBusan(store: Store, teamId: TeamId, now: Date): Promise<SeedResult> {
  const result: SeedResult = { trackCreated: false, created: [], existing: [], followUps: 0 };
  const recordedAt = new Date(BUSAN_RECORDED_AT);
  try {
    await store.createTrack({ ...BUSAN_TRACK, teamId, createdAt: BUSAN_RECORDED_AT, createdBy: 'seed' });
    result.trackCreated = true;
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
  }
  const track = await store.getTrack(teamId, BUSAN_TRACK.slug);
  for (const [index, draft] of BUSAN_COMMITMENTS.entries()) {
    const seq = index + 1;
    const id: CommitmentId = `${BUSAN_TRACK.idPrefix}-${seq}`;
    let item: Commitment;
    try {
      item = await store.createCommitment(teamId, BUSAN_TRACK.slug, draft, 'seed', recordedAt, { seq, track });
      result.created.push(item.id);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      result.existing.push(id);
      item = await store.getCommitment(teamId, id);
    }
    result.followUps += await applyFollowUps(store, item, track, now);
  }
  return result;
}

/** Writes the item's events it has not had yet, oldest first; another seed writing the same one first is no error. */
async function applyFollowUps(store: Store, first: Commitment, track: Track, now: Date): Promise<number> {
  const events = BUSAN_FOLLOW_UPS.filter((event) => event.seq === first.seq);
  let item = first;
  let written = 0;
  for (let next = nextFollowUp(item, events, now); next; next = nextFollowUp(item, events, now)) {
    try {
      item = (await store.saveChange(item, next.change, 'seed', new Date(next.at), undefined, track)).after;
      written++;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      item = await store.getCommitment(item.teamId, item.id);
    }
  }
  return written;
}

/**
 * The event the item is owed next: version n means n − 1 of its events were written. Only an
 * item this data set created and only the seed has changed takes one, so no person's change is ever written over.
 */
function nextFollowUp(item: Commitment, events: readonly FollowUpEvent[], now: Date): FollowUpEvent | undefined {
  if (item.createdAt !== BUSAN_RECORDED_AT || item.updatedBy !== 'seed' || item.archived) return undefined;
  const next = events[item.version - 1];
  return next && new Date(next.at) <= now ? next : undefined;
}
