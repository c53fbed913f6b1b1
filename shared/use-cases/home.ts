import { translatorOf } from '#shared/i18n/translator';
import { renderHome, TRACKS_LISTED } from '#shared/slack/render/home';
import { listTracks, type Caller, type Deps } from '#shared/use-cases/commitments';
import { mayWriteAnywhere } from '#shared/domain/access';
import { CLOSED_STATUSES, STATUSES, type TrackSummary } from '#shared/domain/schemas';

/**
 * Tracks whose items one Home tab reads, side by side (one Query each). Past it, Overdue and
 * Yours say how many tracks with open items they did not read, never that there is nothing.
 */
export const TRACKS_READ = 20;

/** Whether Home needs a track's items: a listed track's for its compliance line, any track's open ones for Overdue and Yours. */
function needsItems(summary: TrackSummary, listed: boolean): boolean {
  return STATUSES.some((s) => summary.counts[s] > 0 && (listed || !CLOSED_STATUSES.has(s)));
}

/**
 * The App Home view for one user: 1. list the tracks they may see (one Query), with counts per
 * status, 2. read, in slug order and at most {@link TRACKS_READ}, the items of the tracks it lists
 * and of those with open items (tracks with none cannot add to Overdue or Yours), beside the
 * team's subscriptions, keeping digests of their tracks only (and the viewer's language, its
 * catalog loaded once per container), 3. render within Slack's 100 blocks, in the viewer's
 * language, saying how many tracks with open items were left unread.
 */
export async function buildHome(deps: Deps, caller: Caller) {
  const { teamId, userId, now } = caller;
  const summaries = await listTracks(deps, caller);
  const needed = summaries.filter((summary, i) => needsItems(summary, i < TRACKS_LISTED));
  const read = needed.slice(0, TRACKS_READ);
  const [reports, subscriptions, t] = await Promise.all([
    Promise.all(read.map((s) => deps.store.getReport(teamId, s.slug))),
    deps.subscriptions.listForChannel(teamId),
    translatorOf(caller),
  ]);
  const seen = new Set(summaries.map((s) => s.slug));
  const reportOf = new Map(reports.map((report) => [report.track.slug, report]));
  return renderHome({
    userId,
    now,
    subscriptions: subscriptions.filter((s) => seen.has(s.track)),
    tracks: summaries.map((summary) => {
      const report = reportOf.get(summary.slug);
      return { summary, report: report && { ...report, readOnly: summary.readOnly } };
    }),
    readOnly: !mayWriteAnywhere(caller.access).allowed,
    unread: needed.length - read.length,
  }, t);
}
