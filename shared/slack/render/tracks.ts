import { STATUSES, type TrackSummary } from '#shared/domain/schemas';
import { statusCountText } from '#shared/format/text';
import { STATUS_EMOJI, context, escape, header, section, type Block, type SlackMessage } from '#shared/slack/render/format';

/** Who manages the app, as admins see it under the track list. */
export interface AppManagerLine {
  userId: string | undefined;
}

/**
 * The workspace's tracks with counts per status: what an empty `/commitments` shows; to admins
 * (`manager` given), also who the app manager is.
 */
export function renderTrackList(tracks: TrackSummary[], options: { manager?: AppManagerLine } = {}): SlackMessage {
  const message = trackList(tracks);
  if (!options.manager) return message;
  const line = appManagerText(options.manager.userId);
  return { text: `${message.text}\n${line}`.slice(0, 3900), blocks: [...(message.blocks ?? []), context(line)] };
}

/** One line on the app manager, for admins. */
export function appManagerText(userId: string | undefined): string {
  return userId
    ? `App manager: <@${userId}>, who manages every track as Slack's admins and owners do. Slack admins change it with \`/commitments manager @someone\` or \`manager none\`.`
    : "App manager: nobody; Slack's admins and owners manage every track. Slack admins name one with `/commitments manager @someone`.";
}

function trackList(tracks: TrackSummary[]): SlackMessage {
  if (tracks.length === 0) {
    return {
      text: 'No tracks yet. Create one with /commitments track add &lt;slug&gt; "Title" parties JP,KR tz Asia/Tokyo',
      blocks: [
        section('*No tracks yet.*\nCreate one: `/commitments track add japan-korea "Japan–South Korea" parties JP,KR tz Asia/Tokyo`'),
      ],
    };
  }
  const lines = tracks.map((t) => {
    const counts = STATUSES.filter((s) => t.counts[s] > 0).map((s) => `${STATUS_EMOJI[s]} ${statusCountText(s, t.counts[s])}`);
    return `*${t.slug}* — ${escape(t.title)} (${t.idPrefix})\n${counts.join('   ') || '_no commitments yet_'}`;
  });
  const blocks: Block[] = [header('Tracks in this workspace')];
  // 45 sections at most, then a count: Slack allows 50 blocks.
  for (const line of lines.slice(0, 45)) blocks.push(section(line));
  if (lines.length > 45) blocks.push(context(`…and ${lines.length - 45} more.`));
  blocks.push(context('Type `/commitments <track>` for a report, `/commitments help` for everything else.'));
  const text = ['Tracks in this workspace:', ...tracks.map((t) => `${t.slug} — ${escape(t.title)}: ${STATUSES.filter((s) => t.counts[s] > 0).map((s) => statusCountText(s, t.counts[s])).join(', ') || 'no commitments yet'}`)].join('\n');
  return { text: text.slice(0, 3900), blocks };
}
