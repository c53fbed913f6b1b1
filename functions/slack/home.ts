import type { webApi } from '@slack/bolt';
import { buildHome } from '#shared/use-cases/home';
import { loadCaller } from '#shared/use-cases/commitments';
import type { ListenerDeps } from './deps.ts';

/**
 * Draws (again) one user's Home tab. A failure is logged, not raised: the change that
 * prompted it is already saved, and the tab is drawn afresh when the user next opens it.
 */
export async function publishHome(deps: ListenerDeps, client: webApi.WebClient, teamId: string, userId: string): Promise<void> {
  try {
    const view = await buildHome(deps, await loadCaller(deps, { teamId, userId, now: deps.clock() }));
    await client.views.publish({ user_id: userId, view });
  } catch (error) {
    deps.log.warn('could not draw the Home tab', { error, userId });
  }
}
