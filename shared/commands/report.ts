import { defineCommand, Handoff, handOff, SLASH, type ReadContext } from '#shared/commands/definition';
import { checkInsCommand, readCheckInsAfterTrack } from '#shared/commands/check-ins';
import { exportCommand, exportNotShared } from '#shared/commands/export';
import { preview, readTrack, type Cursor } from '#shared/commands/grammar';
import { linkCommand, readLinkAfterTrack } from '#shared/commands/link';
import { listTracksCommand } from '#shared/commands/list-tracks';
import { readRolesAfterTrack, rolesCommand } from '#shared/commands/roles';
import { readSettingsAfterTrack, settingsCommand } from '#shared/commands/settings';
import { readVisibilityAfterTrack, visibilityCommand } from '#shared/commands/visibility';
import type { TrackSlug } from '#shared/domain/schemas';
import { readReportFilter, REPORT_FILTERS, type ReportFilter } from '#shared/domain/report-filter';
import { renderReport } from '#shared/slack/render/report';
import { getReport, getSharedReport } from '#shared/use-cases/commitments';
import { spoken } from '#shared/i18n/translator';

interface ReportArgs {
  track: TrackSlug;
  filter: ReportFilter;
  share: boolean;
}

/** `<track> [filter] [share]`: a track's items, to the person or to the channel. */
export const reportCommand = defineCommand({
  name: 'report',
  words: ['report', 'list', 'share'],
  usage: `${SLASH} <track> [open|overdue|due|quiet|done|all] [share]  (open, the default, leaves out done and dropped items)`,
  examples: [`${SLASH} japan-korea`, `${SLASH} japan-korea overdue share`],
  writes: false,
  need: 'read',
  read: readReport,
  target: ({ track }) => ({ report: track }),
  run: ({ track, share }, { deps, caller, where }) => (share ? getSharedReport(deps, caller, track, where.channelId) : getReport(deps, caller, track)),
  render: (report, { filter, share }, { caller, t }) => ({
    message: renderReport(report, { filter, page: 0, now: caller.now, shared: share, t }),
    share,
  }),
});

/** `<track> roles|visibility|link|unlink|check-ins|settings …`: the track's settings, read by their own commands. */
function readTrackSetting(c: Cursor, track: TrackSlug): Handoff | undefined {
  const next = c.peek();
  const setting = next && !next.quoted ? next.text.toLowerCase() : undefined;
  if (setting === 'check-ins' || setting === 'checkins') {
    c.next();
    const read = readCheckInsAfterTrack(c.handOver(checkInsCommand.usage), track);
    return read instanceof Handoff ? read : handOff(checkInsCommand, read);
  }
  if (setting === 'settings') {
    c.next();
    const read = readSettingsAfterTrack(c.handOver(settingsCommand.usage), track);
    return read instanceof Handoff ? read : handOff(settingsCommand, read);
  }
  if (setting !== 'roles' && setting !== 'visibility' && setting !== 'link' && setting !== 'unlink') return undefined;
  c.next();
  if (setting === 'roles') return handOff(rolesCommand, readRolesAfterTrack(c.handOver(rolesCommand.usage), track));
  if (setting === 'visibility') return handOff(visibilityCommand, readVisibilityAfterTrack(c.handOver(visibilityCommand.usage), track));
  return handOff(linkCommand, readLinkAfterTrack(c.handOver(linkCommand.usage), track, setting === 'link'));
}

/** A bare first word (no `word`) may be a mistyped command, so its refusals say so. */
function readReport(c: Cursor, { word }: ReadContext): ReportArgs | Handoff {
  if (word === 'list' && c.done) return handOff(listTracksCommand, {});
  let share = word === 'share';
  const track = readTrack(c, share ? 'share' : 'report');
  const handedOff = word === undefined ? readTrackSetting(c, track) : undefined;
  if (handedOff) return handedOff;
  const filters = new Set<ReportFilter>();
  for (let token = c.next(); token; token = c.next()) {
    const typed = token.quoted ? undefined : token.text.toLowerCase();
    const after = c.peek();
    // Two words first, so "기한 초과" is one filter, not "기한" refused.
    const pair = typed !== undefined && after && !after.quoted ? readReportFilter(`${token.text} ${after.text}`) : undefined;
    if (pair) {
      c.next();
      filters.add(pair);
      continue;
    }
    const filter = typed === undefined ? undefined : readReportFilter(typed);
    if (typed === 'export' && (share || c.peekWord() === 'share')) c.refuse(exportNotShared(track));
    if (typed === 'share') share = true;
    else if (typed === 'export' && c.done && filters.size === 0 && !share) return handOff(exportCommand, { track });
    else if (filter) filters.add(filter);
    else if (word !== undefined) c.refuse(spoken('report.notFilter', { word: preview(token.text), filters: REPORT_FILTERS.join(', ') }));
    else c.refuse(spoken('report.onlyFilterAndShare', { track: preview(track) }));
  }
  if (filters.size > 1) c.refuse(spoken('report.oneFilter', { count: filters.size, ...Object.fromEntries([...filters].map((filter, i) => [`f${i + 1}`, filter])) }));
  return { track, filter: [...filters][0] ?? 'open', share };
}
