import { translatorOf } from '#shared/i18n/translator';
import { renderHome } from '#shared/slack/render/home';
import { listTracks, type Caller, type Deps } from '#shared/use-cases/commitments';
import { mayWriteAnywhere } from '#shared/domain/access';

/** Tracks whose reports the Home tab reads; the rest are only listed. */
const TRACKS_READ = 10;

/**
 * The App Home view for one user: 1. list the tracks they may see (one Query), 2. read the
 * first ten reports and the team's subscriptions in parallel, keeping digests of those tracks
 * only (and the viewer's language, its catalog loaded once per container), 3. render within
 * Slack's 100 blocks, in the viewer's language.
 */
export async function buildHome(deps: Deps, caller: Caller) {
  const { teamId, userId, now } = caller;
  const summaries = await listTracks(deps, caller);
  const [reports, subscriptions, t] = await Promise.all([
    Promise.all(summaries.slice(0, TRACKS_READ).map((s) => deps.store.getReport(teamId, s.slug))),
    deps.subscriptions.listForChannel(teamId),
    translatorOf(caller),
  ]);
  const seen = new Set(summaries.map((s) => s.slug));
  return renderHome({
    userId,
    now,
    subscriptions: subscriptions.filter((s) => seen.has(s.track)),
    tracks: summaries.map((summary, i) => {
      const report = reports[i];
      return { summary, report: report && { ...report, readOnly: summary.readOnly } };
    }),
    readOnly: !mayWriteAnywhere(caller.access).allowed,
  }, t);
}
