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
import { EN, type Translator } from '#shared/i18n/translator';
import type { MessageKey } from '#shared/i18n/en';
import { STATUS_EMOJI, SLACK_LIMITS, context, escape, header, section, type Block } from '#shared/slack/render/format';

export interface HomeModel {
  userId: string;
  tracks: { summary: TrackSummary; report: Report | undefined }[];
  subscriptions: Subscription[];
  now: Date;
  /** A guest or someone from another organisation: may not create tracks, so is not told to. */
  readOnly?: boolean;
}

/** Items listed per section before the rest is summarised: keeps the tab inside 100 blocks. */
const ITEMS_PER_SECTION = 8;
const MAX_TRACKS = 10;

/** The two item sections, each its heading's key; the number keeps their buttons' block ids apart (the English heading's length, as it always was). */
const ITEM_SECTIONS = { overdue: { heading: 'home.overdue', id: 22 }, mine: { heading: 'home.yours', id: 28 } } as const satisfies Record<string, { heading: MessageKey; id: number }>;

/**
 * The App Home tab: the workspace's tracks with counts and compliance, what is overdue, what
 * the viewing user owns, and the subscriptions, each item with the report's buttons; in the
 * viewer's language (`t`), people's text as written.
 */
export function renderHome(model: HomeModel, t: Translator = EN): types.HomeView {
  const { tracks, now, userId } = model;
  const blocks: Block[] = [header(t.t('home.title')), context(t.t('home.intro'))];

  blocks.push(section(`*${t.t('home.tracks')}*`));
  if (tracks.length === 0) {
    blocks.push(section(model.readOnly ? t.t('trackList.noneShared') : t.t('home.noTracks', { command: '`/commitments track add <slug> "Title" parties JP,KR tz Asia/Tokyo`' })));
  }
  for (const { summary, report } of tracks.slice(0, MAX_TRACKS)) {
    const counts = STATUSES.filter((s) => summary.counts[s] > 0).map((s) => `${STATUS_EMOJI[s]} ${statusCountText(s, summary.counts[s], t)}`);
    const compliance = report ? complianceByParty(report.commitments.filter((c) => !c.archived), report.track.parties).filter((c) => c.assessed > 0) : [];
    const lines = [
      `*${summary.slug}* — ${escape(summary.title)}`,
      counts.join('   ') || `_${t.t('trackList.noItems')}_`,
      compliance.length > 0 ? t.t('report.compliance', { parties: compliance.map((c) => `${escape(c.party.name)} ${averageText(c, t)}`).join(' · ') }) : undefined,
    ];
    blocks.push(section(lines.filter(Boolean).join('\n')));
  }
  if (tracks.length > MAX_TRACKS) blocks.push(context(t.t('home.moreTracks', { count: tracks.length - MAX_TRACKS, command: '`/commitments`' })));

  const open = tracks.flatMap(({ report }) =>
    report
      ? report.commitments.filter((c) => !CLOSED_STATUSES.has(c.status) && !c.archived).map((item) => ({ item, timeZone: report.track.timeZone, readOnly: report.readOnly ?? false }))
      : [],
  );
  const overdue = open.filter(({ item, timeZone }) => deriveFlags(item, timeZone, now).overdue);
  const mine = open.filter(({ item }) => item.owners.some((o) => o.slackUserId === userId));
  // Items of a track the viewer may not change are listed without the buttons that would only refuse them.
  const reportActions = (row: HomeRow, t: Translator) => (row.readOnly ? undefined : commitmentActions(row.item, t));
  blocks.push({ type: 'divider' }, ...itemSection(ITEM_SECTIONS.overdue, overdue, now, t.t('home.nothingOverdue'), reportActions, t));
  // Your own items carry a check-in's answers, as in the direct message that asks about them.
  blocks.push({ type: 'divider' }, ...itemSection(ITEM_SECTIONS.mine, mine, now, t.t('home.nothingYours'), (row, t) => checkInActions(row.item, t), t));

  blocks.push({ type: 'divider' }, section(`*${t.t('home.digests')}*`));
  if (model.subscriptions.length === 0) blocks.push(context(t.t('home.noDigests', { command: '`/commitments subscribe <track> every monday 09:00`' })));
  for (const sub of model.subscriptions.slice(0, 10)) blocks.push(section(`<#${sub.channelId}> ${subscriptionLine(sub, true, t)}`));
  if (model.subscriptions.length > 10) blocks.push(context(t.t('home.more', { count: model.subscriptions.length - 10 })));
  return { type: 'home', blocks: blocks.slice(0, SLACK_LIMITS.blocksPerView) };
}

/** An open item on the tab, with its track's zone and whether the viewer may change it. */
interface HomeRow {
  item: Commitment;
  timeZone: string;
  readOnly: boolean;
}

function itemSection(
  kind: { heading: MessageKey; id: number },
  rows: HomeRow[],
  now: Date,
  empty: string,
  actionsOf: (row: HomeRow, t: Translator) => types.ActionsBlock | undefined,
  t: Translator,
): Block[] {
  const blocks: Block[] = [section(t.t(kind.heading, { count: rows.length }))];
  if (rows.length === 0) return [...blocks, context(empty)];
  for (const row of rows.slice(0, ITEMS_PER_SECTION)) {
    blocks.push(section(commitmentSummary(row.item, row.timeZone, now, t)));
    const actions = actionsOf(row, t);
    if (actions) blocks.push({ ...actions, block_id: `${kind.id}:${actions.block_id}` });
  }
  if (rows.length > ITEMS_PER_SECTION) blocks.push(context(t.t('home.more', { count: rows.length - ITEMS_PER_SECTION })));
  return blocks;
}
