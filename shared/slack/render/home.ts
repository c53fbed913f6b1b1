import type { types } from '@slack/bolt';
import { deriveFlags, type Flags } from '#shared/dates/flags';
import { byAttention } from '#shared/domain/attention';
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
  /** Tracks with open items whose items were not read (past the reader's cap): Overdue and Yours say so, never "Nothing …". */
  unread?: number;
}

/** Items listed per section before the rest is summarised: keeps the tab inside 100 blocks. */
const ITEMS_PER_SECTION = 8;
/** Tracks the tab lists, each with its compliance line (so its items are read). */
export const TRACKS_LISTED = 10;

/**
 * The two item sections, each its heading's key, what it says when empty and where to look in a
 * track it did not read; the number keeps their buttons' block ids apart (the English heading's
 * length, as it always was).
 */
const ITEM_SECTIONS = {
  overdue: { heading: 'home.overdue', empty: 'home.nothingOverdue', command: '`/commitments <track> overdue`', id: 22 },
  mine: { heading: 'home.yours', empty: 'home.nothingYours', command: '`/commitments <track>`', id: 28 },
} as const satisfies Record<string, ItemSection>;

interface ItemSection {
  heading: MessageKey;
  empty: MessageKey;
  command: string;
  id: number;
}

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
  for (const { summary, report } of tracks.slice(0, TRACKS_LISTED)) {
    const counts = STATUSES.filter((s) => summary.counts[s] > 0).map((s) => `${STATUS_EMOJI[s]} ${statusCountText(s, summary.counts[s], t)}`);
    const compliance = report ? complianceByParty(report.commitments.filter((c) => !c.archived), report.track.parties).filter((c) => c.assessed > 0) : [];
    const lines = [
      `*${summary.slug}* — ${escape(summary.title)}`,
      counts.join('   ') || `_${t.t('trackList.noItems')}_`,
      compliance.length > 0 ? t.t('report.compliance', { parties: compliance.map((c) => `${escape(c.party.name)} ${averageText(c, t)}`).join(' · ') }) : undefined,
    ];
    blocks.push(section(lines.filter(Boolean).join('\n')));
  }
  if (tracks.length > TRACKS_LISTED) blocks.push(context(t.t('home.moreTracks', { count: tracks.length - TRACKS_LISTED, command: '`/commitments`' })));

  const open: HomeRow[] = tracks.flatMap(({ report }) =>
    report
      ? report.commitments
          .filter((c) => !CLOSED_STATUSES.has(c.status) && !c.archived)
          .map((item) => ({ item, timeZone: report.track.timeZone, readOnly: report.readOnly ?? false, flags: deriveFlags(item, report.track.timeZone, now) }))
      : [],
  );
  // Across tracks, as the digest orders one track's: the longest overdue first; yours by what needs you most.
  const daysLate = (row: HomeRow) => row.flags.overdue?.days ?? 0;
  const overdue = open.filter((row) => row.flags.overdue).sort((a, b) => daysLate(b) - daysLate(a));
  const mine = open.filter(({ item }) => item.owners.some((o) => o.slackUserId === userId)).sort(byAttention);
  const unread = model.unread ?? 0;
  // Items of a track the viewer may not change are listed without the buttons that would only refuse them.
  const reportActions = (row: HomeRow, t: Translator) => (row.readOnly ? undefined : commitmentActions(row.item, t));
  blocks.push({ type: 'divider' }, ...itemSection(ITEM_SECTIONS.overdue, overdue, unread, now, reportActions, t));
  // Your own items carry a check-in's answers, as in the direct message that asks about them.
  blocks.push({ type: 'divider' }, ...itemSection(ITEM_SECTIONS.mine, mine, unread, now, (row, t) => checkInActions(row.item, t), t));

  blocks.push({ type: 'divider' }, section(`*${t.t('home.digests')}*`));
  if (model.subscriptions.length === 0) blocks.push(context(t.t('home.noDigests', { command: '`/commitments subscribe <track> every monday 09:00`' })));
  for (const sub of model.subscriptions.slice(0, 10)) blocks.push(section(`<#${sub.channelId}> ${subscriptionLine(sub, true, t)}`));
  if (model.subscriptions.length > 10) blocks.push(context(t.t('home.more', { count: model.subscriptions.length - 10 })));
  return { type: 'home', blocks: blocks.slice(0, SLACK_LIMITS.blocksPerView) };
}

/** An open item on the tab, with its track's zone, whether the viewer may change it, and its date flags. */
interface HomeRow {
  item: Commitment;
  timeZone: string;
  readOnly: boolean;
  flags: Flags;
}

/** One item section: its heading and first rows; with `unread` tracks, says so where it would have said it has nothing. */
function itemSection(
  kind: ItemSection,
  rows: HomeRow[],
  unread: number,
  now: Date,
  actionsOf: (row: HomeRow, t: Translator) => types.ActionsBlock | undefined,
  t: Translator,
): Block[] {
  const blocks: Block[] = [section(t.t(kind.heading, { count: rows.length }))];
  for (const row of rows.slice(0, ITEMS_PER_SECTION)) {
    blocks.push(section(commitmentSummary(row.item, row.timeZone, now, t)));
    const actions = actionsOf(row, t);
    if (actions) blocks.push({ ...actions, block_id: `${kind.id}:${actions.block_id}` });
  }
  if (rows.length > ITEMS_PER_SECTION) blocks.push(context(t.t('home.more', { count: rows.length - ITEMS_PER_SECTION })));
  if (unread > 0) blocks.push(context(t.t('home.unread', { count: unread, command: kind.command })));
  else if (rows.length === 0) blocks.push(context(t.t(kind.empty)));
  return blocks;
}
