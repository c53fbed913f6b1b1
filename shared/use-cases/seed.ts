import { AlreadyExistsError } from '#shared/errors';
import type { TeamId } from '#shared/domain/schemas';
import type { Store } from '#shared/store/store';
import { BUSAN_COMMITMENTS, BUSAN_TRACK } from '#shared/data/busan-summit-2025';

export interface SeedResult {
  trackCreated: boolean;
  created: string[];
  existing: string[];
}

/**
 * Loads the Busan track and its five commitments for one team. Each write claims a fixed
 * key and number with a condition, so a second run (or a run after a crash) adds only what
 * is missing and changes nothing else.
 */
export async function seedBusan(store: Store, teamId: TeamId, now: Date): Promise<SeedResult> {
  const result: SeedResult = { trackCreated: false, created: [], existing: [] };
  try {
    await store.createTrack({ ...BUSAN_TRACK, teamId, createdAt: now.toISOString(), createdBy: 'seed' });
    result.trackCreated = true;
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
  }
  for (const [index, draft] of BUSAN_COMMITMENTS.entries()) {
    const seq = index + 1;
    try {
      const item = await store.createCommitment(teamId, BUSAN_TRACK.slug, draft, 'seed', now, { seq });
      result.created.push(item.id);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      result.existing.push(`${BUSAN_TRACK.idPrefix}-${seq}`);
    }
  }
  return result;
}
