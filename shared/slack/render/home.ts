import type { types } from '@slack/bolt';
import { deriveFlags } from '#shared/dates/flags';
import { complianceByParty } from '#shared/domain/compliance';
import { CLOSED_STATUSES, STATUSES, type Commitment, type TrackSummary } from '#shared/domain/schemas';
import type { Report } from '#shared/domain/report';
import type { Subscription } from '#shared/domain/subscription';
import { checkInActions } from '#shared/slack/render/check-in';
import { commitmentActions, commitmentSummary } from '#shared/slack/render/commitment';
import { subscriptionLine } from '#shared/slack/render/subscriptions';
import { averageText, statusCountText } from '#shared/format/text';
import { countOf } from '#shared/render/count';
import { STATUS_EMOJI, SLACK_LIMITS, context, escape, header, section, type Block } from '#shared/slack/render/format';

export interface HomeModel {
  userId: string;
  tracks: { summary: TrackSummary; report: Report | undefined }[];
  subscriptions: Subscription[];
  now: Date;
}

/** Items listed per section before the rest is summarised: keeps the tab inside 100 blocks. */
const ITEMS_PER_SECTION = 8;
const MAX_TRACKS = 10;

/**
 * The App Home tab: the workspace's tracks with counts and compliance, what is overdue, what
 * the viewing user owns, and the subscriptions, each item with the report's buttons.
 */
export function renderHome(model: HomeModel): types.HomeView {
  const { tracks, now, userId } = model;
  const blocks: Block[] = [header('Commitments'), context(`What was agreed, and whether it is done. Type \`/commitments help\` for every command.`)];

  blocks.push(section('*Tracks*'));
  if (tracks.length === 0) blocks.push(section('No tracks yet: `/commitments track add <slug> "Title" parties JP,KR tz Asia/Tokyo`'));
  for (const { summary, report } of tracks.slice(0, MAX_TRACKS)) {
    const counts = STATUSES.filter((s) => summary.counts[s] > 0).map((s) => `${STATUS_EMOJI[s]} ${statusCountText(s, summary.counts[s])}`);
    const compliance = report ? complianceByParty(report.commitments.filter((c) => !c.archived), report.track.parties).filter((c) => c.assessed > 0) : [];
    const lines = [
      `*${summary.slug}* — ${escape(summary.title)}`,
      counts.join('   ') || '_no commitments yet_',
      compliance.length > 0 ? `Compliance: ${compliance.map((c) => `${escape(c.party.name)} ${averageText(c)}`).join(' · ')}` : undefined,
    ];
    blocks.push(section(lines.filter(Boolean).join('\n')));
  }
  if (tracks.length > MAX_TRACKS) blocks.push(context(`…and ${countOf(tracks.length - MAX_TRACKS, 'more track')}; \`/commitments\` lists them all.`));

  const open = tracks.flatMap(({ report }) =>
    report ? report.commitments.filter((c) => !CLOSED_STATUSES.has(c.status) && !c.archived).map((item) => ({ item, timeZone: report.track.timeZone })) : [],
  );
  const overdue = open.filter(({ item, timeZone }) => deriveFlags(item, timeZone, now).overdue);
  const mine = open.filter(({ item }) => item.owners.some((o) => o.slackUserId === userId));
  blocks.push({ type: 'divider' }, ...itemSection(':red_circle: *Overdue*', overdue, now, 'Nothing is overdue.', commitmentActions));
  // Your own items carry a check-in's answers, as in the direct message that asks about them.
  blocks.push({ type: 'divider' }, ...itemSection(':bust_in_silhouette: *Yours*', mine, now, 'Nothing is assigned to you.', checkInActions));

  blocks.push({ type: 'divider' }, section('*Digests*'));
  if (model.subscriptions.length === 0) blocks.push(context('No channel gets digests yet: `/commitments subscribe <track> every monday 09:00` in a channel.'));
  for (const sub of model.subscriptions.slice(0, 10)) blocks.push(section(`<#${sub.channelId}> ${subscriptionLine(sub)}`));
  if (model.subscriptions.length > 10) blocks.push(context(`…and ${model.subscriptions.length - 10} more.`));
  return { type: 'home', blocks: blocks.slice(0, SLACK_LIMITS.blocksPerView) };
}

function itemSection(
  title: string,
  rows: { item: Commitment; timeZone: string }[],
  now: Date,
  empty: string,
  actionsOf: (item: Commitment) => types.ActionsBlock | undefined,
): Block[] {
  const blocks: Block[] = [section(`${title} (${rows.length})`)];
  if (rows.length === 0) return [...blocks, context(empty)];
  for (const { item, timeZone } of rows.slice(0, ITEMS_PER_SECTION)) {
    blocks.push(section(commitmentSummary(item, timeZone, now)));
    const actions = actionsOf(item);
    if (actions) blocks.push({ ...actions, block_id: `${title.length}:${actions.block_id}` });
  }
  if (rows.length > ITEMS_PER_SECTION) blocks.push(context(`…and ${rows.length - ITEMS_PER_SECTION} more.`));
  return blocks;
}
