import type { TeamId } from '#shared/domain/schemas';
import { renderHome } from '#shared/slack/render/home';
import type { Deps } from '#shared/use-cases/commitments';

/** Tracks whose reports the Home tab reads; the rest are only listed. */
const TRACKS_READ = 10;

/**
 * The App Home view for one user: 1. list the team's tracks (one Query), 2. read the first
 * ten reports and the team's subscriptions in parallel, 3. render within Slack's 100 blocks.
 */
export async function buildHome(deps: Deps, teamId: TeamId, userId: string, now: Date) {
  const summaries = await deps.store.listTracks(teamId);
  const [reports, subscriptions] = await Promise.all([
    Promise.all(summaries.slice(0, TRACKS_READ).map((s) => deps.store.getReport(teamId, s.slug))),
    deps.subscriptions.listForChannel(teamId),
  ]);
  return renderHome({ userId, now, subscriptions, tracks: summaries.map((summary, i) => ({ summary, report: reports[i] })) });
}
