import type { TeamId, Track, TrackSlug } from '#shared/domain/schemas';
import { briefingFilename, complianceColumns, mentionedPeople, renderBriefingCsv, renderBriefingMarkdown, withNames } from '#shared/export/briefing';
import type { Directory } from '#shared/use-cases/access';
import { formatDayOf } from '#shared/format/text';
import { EN, type Translator } from '#shared/i18n/translator';
import { uploadFiles, type SlackApi } from '#shared/slack/upload';
import type { Store } from '#shared/store/store';

export interface ExportDeps {
  store: Pick<Store, 'getReport' | 'getAssessments'>;
  /** People's names from their records, so the files name people rather than ids. */
  directory: Pick<Directory, 'names'>;
  /** The Web API with the bot token (scopes `files:write`, `im:write`). */
  slack: SlackApi;
}

export interface ExportInput {
  teamId: TeamId;
  userId: string;
  /** Where the command was typed; the files go there only with `share`. */
  channelId: string;
  track: TrackSlug;
  /** Shares the files in `channelId` instead of a direct message. */
  share?: boolean;
  now: Date;
  /** The language of the person who asked: the files' headings, labels and headers and the message with them. */
  t?: Translator;
}

export interface ExportResult {
  filenames: { markdown: string; csv: string };
  /** Where the files were shared. */
  channelId: string;
  fileIds: string[];
  /** The line for the ephemeral reply. */
  summary: string;
}

/** The names of a track's briefing files made at `now`, dated in the track's zone. */
export function briefingFilenames(track: Track, now: Date): { markdown: string; csv: string } {
  return { markdown: briefingFilename(track, now, 'md'), csv: briefingFilename(track, now, 'csv') };
}

/**
 * `/commitments <track> export`, in steps:
 * 1. read the track's report and its assessments (an unknown track is a NotFoundError, nothing sent),
 *    then the names of the people its items mention, from their records;
 * 2. render the Markdown briefing (with each party's score per assessment day) and the CSV, named `<slug>-briefing-<date>` in the track's zone;
 * 3. open a direct message with the user (or use the channel, when shared);
 * 4. upload both files and share them there in one message;
 * 5. answer with a line saying where they went.
 * Everything the files and the message say is in the language of the person who asked (`t`).
 */
export async function exportBriefing(deps: ExportDeps, input: ExportInput): Promise<ExportResult> {
  const [read, history] = await Promise.all([deps.store.getReport(input.teamId, input.track), deps.store.getAssessments(input.teamId, input.track)]);
  const names = await deps.directory.names(input.teamId, mentionedPeople(read));
  const report = withNames(read, names);
  const { track } = report;
  const t = input.t ?? EN;
  const filenames = briefingFilenames(track, input.now);
  const markdown = renderBriefingMarkdown(report, { now: input.now, compliance: true, history, names, t });
  // With a byte order mark, because the people who open it are most likely to use Excel.
  const csv = renderBriefingCsv(report, { now: input.now, bom: true, names, t, extraColumns: complianceColumns(track.parties, t) });

  const result = await uploadFiles(deps.slack, {
    ...(input.share ? { channelId: input.channelId } : { userId: input.userId }),
    files: [
      { filename: filenames.markdown, title: t.t('export.markdownTitle', { title: track.title }), content: markdown },
      { filename: filenames.csv, title: t.t('export.csvTitle', { title: track.title }), content: csv },
    ],
    initialComment: t.t('export.comment', { slug: track.slug, date: formatDayOf(input.now, track.timeZone, t), timeZone: track.timeZone }),
  });

  return {
    filenames,
    channelId: result.channelId!,
    fileIds: result.files.map((f) => f.id),
    summary: t.t('export.sent', { shared: input.share ? 'yes' : 'no', markdown: filenames.markdown }),
  };
}
