import { STATUSES, type TrackSummary } from '#shared/domain/schemas';
import { statusCountText } from '#shared/format/text';
import { EN, type Translator } from '#shared/i18n/translator';
import { STATUS_EMOJI, context, escape, header, section, truncate, type Block, type SlackMessage } from '#shared/slack/render/format';

/** Who manages the app, as admins see it under the track list. */
export interface AppManagerLine {
  userId: string | undefined;
}

/**
 * The workspace's tracks with counts per status: what an empty `/commitments` shows; to admins
 * (`manager` given), also who the app manager is. With none, how to create one, or, to someone
 * who may not (`readOnly`: a guest, someone from another organisation), whom to ask for a role.
 */
export function renderTrackList(tracks: TrackSummary[], options: { manager?: AppManagerLine; readOnly?: boolean } = {}, t: Translator = EN): SlackMessage {
  const message = trackList(tracks, options.readOnly ?? false, t);
  if (!options.manager) return message;
  const line = appManagerText(options.manager.userId, t);
  return { text: truncate(`${message.text}\n${line}`, 3900), blocks: [...(message.blocks ?? []), context(line)] };
}

/** One line on the app manager, for admins: under the track list, and what `manager` alone answers. */
export function appManagerText(userId: string | undefined, t: Translator = EN): string {
  return userId ? t.t('manager.is', { who: `<@${userId}>` }) : t.t('manager.nobody');
}

function trackList(tracks: TrackSummary[], readOnly: boolean, t: Translator): SlackMessage {
  if (tracks.length === 0 && readOnly) return { text: t.t('trackList.noneShared'), blocks: [section(t.t('trackList.noneShared'))] };
  if (tracks.length === 0) return { text: t.t('trackList.emptyText'), blocks: [section(t.t('trackList.empty'))] };
  const counted = (track: TrackSummary) => STATUSES.filter((s) => track.counts[s] > 0);
  const lines = tracks.map((track) => {
    const counts = counted(track).map((s) => `${STATUS_EMOJI[s]} ${statusCountText(s, track.counts[s], t)}`);
    return `*${track.slug}* — ${escape(track.title)} (${track.idPrefix})\n${counts.join('   ') || `_${t.t('trackList.noItems')}_`}`;
  });
  const blocks: Block[] = [header(t.t('trackList.heading'))];
  // 45 sections at most, then a count: Slack allows 50 blocks.
  for (const line of lines.slice(0, 45)) blocks.push(section(line));
  if (lines.length > 45) blocks.push(context(t.t('trackList.more', { count: lines.length - 45 })));
  blocks.push(context(t.t('trackList.footer')));
  const summary = (track: TrackSummary) => t.list(counted(track).map((s) => statusCountText(s, track.counts[s], t))) || t.t('trackList.noItems');
  const text = [t.t('trackList.textHeading'), ...tracks.map((track) => `${track.slug} — ${escape(track.title)}: ${summary(track)}`)].join('\n');
  return { text: truncate(text, 3900), blocks };
}
