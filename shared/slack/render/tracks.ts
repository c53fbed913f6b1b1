import { STATUSES, type TrackSummary } from '#shared/domain/schemas';
import { statusCountText } from '#shared/format/text';
import { STATUS_EMOJI, context, escape, header, section, type Block, type SlackMessage } from '#shared/slack/render/format';

/** The workspace's tracks with counts per status: what an empty `/commitments` shows. */
export function renderTrackList(tracks: TrackSummary[]): SlackMessage {
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
