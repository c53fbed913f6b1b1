import type { types } from '@slack/bolt';
import { byAttention } from '#shared/domain/attention';
import { deriveFlags, type Flags } from '#shared/dates/flags';
import { noAnswersOf, type NoAnswer } from '#shared/dates/no-answer';
import { CLOSED_STATUSES, STATUSES, type Commitment, type Status } from '#shared/domain/schemas';
import type { Report } from '#shared/domain/report';
import { REPORT_FILTERS, type ReportFilter } from '#shared/domain/report-filter';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { commitmentSummary, commitmentActions, latestNoteText } from '#shared/slack/render/commitment';
import { complianceByParty } from '#shared/domain/compliance';
import { age, averageText, closedText, flagPhrases, formatDayOf, meetingText, nextDateText, selectKey, statusCountText, statusLabel } from '#shared/format/text';
import { EN, type Translator } from '#shared/i18n/translator';
import { actorText, button, context, escape, escapeLines, header, plainText, section, sourceText, truncate, type Block, type SlackMessage } from '#shared/slack/render/format';


/** Items per page: two blocks each keeps a page well inside Slack's 50 blocks. */
export const ITEMS_PER_PAGE = 10;


export interface ReportView {
  filter: ReportFilter;
  /** Zero-based page. */
  page: number;
  now: Date;
  /** Whether the message will be posted in the channel (no share button then). */
  shared?: boolean;
  /** The reader's language; English unless said. */
  t?: Translator;
}

interface Row {
  item: Commitment;
  flags: Flags;
}

const FILTER_TEST: Record<ReportFilter, (row: Row) => boolean> = {
  open: (r) => !CLOSED_STATUSES.has(r.item.status),
  overdue: (r) => Boolean(r.flags.overdue),
  due: (r) => Boolean(r.flags.dueSoon),
  quiet: (r) => Boolean(r.flags.quiet),
  done: (r) => r.item.status === 'done',
  all: () => true,
};

/**
 * A track's status report: a header with counts and flags, then the items that pass the
 * filter, grouped by status (stalled first), overdue first within a group, one page at a time.
 */
export function renderReport(report: Report, view: ReportView): SlackMessage {
  const { track } = report;
  const t = view.t ?? EN;
  const all = report.commitments.map((item) => ({ item, flags: deriveFlags(item, track.timeZone, view.now) }));
  // Archived items count nowhere; `all` lists them last, in a group of their own.
  const rows = all.filter((r) => !r.item.archived);
  const archived = view.filter === 'all' ? all.filter((r) => r.item.archived).sort(byAttention) : [];
  const shown = [...rows.filter(FILTER_TEST[view.filter]).sort(byAttention), ...archived];
  const pages = Math.max(1, Math.ceil(shown.length / ITEMS_PER_PAGE));
  const page = Math.min(Math.max(0, view.page), pages - 1);
  const slice = shown.slice(page * ITEMS_PER_PAGE, (page + 1) * ITEMS_PER_PAGE);

  const counts = STATUSES.map((s) => [s, rows.filter((r) => r.item.status === s).length] as const).filter(([, n]) => n > 0);
  const overdue = rows.filter((r) => r.flags.overdue).length;
  const dueSoon = rows.filter((r) => r.flags.dueSoon).length;
  const quiet = rows.filter((r) => r.flags.quiet).length;
  const summary = [
    [...counts.map(([s, n]) => statusCountText(s, n, t)), archived.length > 0 ? t.t('report.archivedCount', { count: archived.length }) : undefined].filter(Boolean).join(' · '),
    [
      overdue && t.t('report.overdueCount', { count: overdue }),
      dueSoon && t.t('report.dueSoonCount', { count: dueSoon }),
      quiet && t.t('report.quietCount', { count: quiet }),
    ]
      .filter(Boolean)
      .join(' · '),
  ].filter(Boolean);
  const compliance = complianceByParty(rows.map((r) => r.item), track.parties);
  if (compliance.some((c) => c.assessed > 0)) {
    summary.push(t.t('report.compliance', { parties: compliance.map((c) => `${escape(c.party.name)} ${averageText(c, t)}`).join(' · ') }));
  }
  const meetings = track.meetings.map((m) => meetingText(m, escape, t)).join('; ');
  const waits = noAnswersOf(report, view.now);
  const notAsked = notAskedIn(report, t);

  const blocks: Block[] = [
    { ...header(track.title), block_id: reportBlockId({ slug: track.slug, filter: view.filter, page }) },
    context(
      [
        `*${track.slug}* · ${track.parties.map((p) => escape(p.name)).join(' – ')}`,
        meetings || undefined,
        t.t('report.asOf', { date: formatDayOf(view.now, track.timeZone, t), timeZone: track.timeZone }),
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  ];
  if (summary.length > 0) blocks.push(section(summary.join('\n')));
  blocks.push({ type: 'divider' });

  // A report posted in a channel keeps its buttons and hints: whoever acts on one is checked then.
  const changes = !report.readOnly || view.shared === true;
  const nothing = report.commitments.length === 0 ? t.t('report.noCommitments') : t.t('report.noneShown', { filter: view.filter });
  if (slice.length === 0) {
    blocks.push(section(report.commitments.length === 0 && changes ? `${nothing} ${t.t('report.addOne', { command: `\`/commitments add ${track.slug} "title"\`` })}` : nothing));
  }
  const groupOf = (item: Commitment): Status | 'archived' => (item.archived ? 'archived' : item.status);
  let group: Status | 'archived' | undefined;
  for (const { item } of slice) {
    if (groupOf(item) !== group) {
      group = groupOf(item);
      const total = shown.filter((r) => groupOf(r.item) === group).length;
      blocks.push(context(`*${statusLabel(group, t)}* (${t.number(total)})`));
    }
    blocks.push(section(commitmentSummary(item, track.timeZone, view.now, t)));
    // One context line for both, so a page stays inside Slack's 50 blocks.
    const asks = [...(waits.get(item.id) ?? []).map((w) => noAnswerText(w, view.now, track.timeZone, t)), ...(notAsked.get(item.id) ?? []).map(notAskedLine)];
    if (asks.length > 0) blocks.push(context(asks.join(' · ')));
    const actions = changes ? commitmentActions(item, t) : undefined;
    if (actions) blocks.push(actions);
  }

  blocks.push(...navigation(track.slug, view, page, pages, shown.length, t));

  const heading = { title: escape(track.title), filter: view.filter };
  const text = [
    pages > 1 ? t.t('report.headingPaged', { ...heading, page: page + 1, pages }) : t.t('report.heading', heading),
    ...summary.map(plainText),
    ...(slice.length === 0 ? [nothing] : []),
    ...slice.map(({ item, flags }) => reportLineText(item, flags, track.timeZone, waits.get(item.id) ?? [], view.now, notAsked.get(item.id) ?? [], t)),
  ].join('\n');
  // Cut where no entity or link is split: a page of long items passes 3,900 characters.
  return { text: truncate(text, 3900), blocks };
}

/** "asked <@U1> 2 days ago, no answer"; once past the track's escalation days, flagged. */
function noAnswerText(wait: NoAnswer, now: Date, timeZone: string, t: Translator): string {
  const values = { who: `<@${wait.userId}>`, ago: age(wait.askedAt, now, timeZone, t) };
  return t.t(wait.escalated ? 'report.noAnswerEscalated' : 'report.noAnswer', values);
}

/**
 * Each item's asks the sweep does not make, in the reader's words: stopped (the owner cannot be
 * messaged: deactivated, a bot) or paused (they may not read the track, `domain/owner-access`);
 * items with none are left out.
 */
function notAskedIn(report: Pick<Report, 'asks'>, t: Translator): Map<string, NotAsked[]> {
  const found = new Map<string, NotAsked[]>();
  for (const ask of report.asks ?? []) {
    const who = `<@${ask.userId}>`;
    // A stop comes first: the sweep looks no further until they can be messaged.
    const line: NotAsked | undefined = ask.stopped
      ? { icon: ':no_entry:', text: t.t('report.stopped', { who, reason: selectKey(ask.stopped.reason) }) }
      : ask.paused && { icon: ':double_vertical_bar:', text: t.t(ask.paused.reason === 'private-track' ? 'report.pausedPrivate' : 'report.pausedNoRole', { who }) };
    if (line) found.set(ask.commitmentId, [...(found.get(ask.commitmentId) ?? []), line]);
  }
  return found;
}

/** An owner's check-ins about an item not made, and why. */
interface NotAsked {
  icon: string;
  text: string;
}

function notAskedLine(line: NotAsked): string {
  return `${line.icon} ${line.text}`;
}

/** An item's line in the report's fallback text: what its blocks say, on one line. */
function reportLineText(item: Commitment, flags: Flags, timeZone: string, waits: NoAnswer[], now: Date, notAsked: NotAsked[], t: Translator): string {
  const closed = closedText(item, timeZone, escapeLines, (actor) => actorText(actor, t), t);
  const next = closed || flags.overdue || flags.dueSoon ? undefined : nextDateText(item, timeZone, t);
  const note = latestNoteText(item, timeZone, t);
  return [
    `${item.id} [${t.t('report.lineStatus', { status: selectKey(item.status), archived: item.archived ? 'yes' : 'no' })}] ${escape(item.title)}`,
    ...(closed ? [plainText(closed)] : []),
    ...flagPhrases(flags, t).map((p) => p.text),
    ...waits.map((w) => plainText(noAnswerText(w, now, timeZone, t))),
    ...notAsked.map((p) => p.text),
    ...(next ? [next] : []),
    ...(note ? [plainText(note)] : []),
    t.t('item.source', { source: plainText(sourceText(item, t)) }),
  ].join(' — ');
}

/** What a report message shows, kept in its header's block id so a button can redraw it. */
export interface ReportRef {
  slug: string;
  filter: ReportFilter;
  page: number;
}

export function reportBlockId(ref: ReportRef): string {
  return `report|${ref.slug}|${ref.filter}|${ref.page}`;
}

/** Reads a `slug|filter|page` button value or a report header's block id. */
export function parseReportRef(value: string): ReportRef | undefined {
  const [slug, filter, page] = value.replace(/^report\|/, '').split('|');
  if (!slug || !REPORT_FILTERS.includes(filter as ReportFilter) || !/^\d+$/.test(page ?? '')) return undefined;
  return { slug, filter: filter as ReportFilter, page: Number(page) };
}

function navigation(slug: string, view: ReportView, page: number, pages: number, total: number, t: Translator): Block[] {
  const elements: types.Button[] = [];
  if (page > 0) elements.push(button(t.t('report.previous'), ACTION_IDS.pagePrevious, `${slug}|${view.filter}|${page - 1}`));
  if (page < pages - 1) elements.push(button(t.t('report.next'), ACTION_IDS.pageNext, `${slug}|${view.filter}|${page + 1}`));
  if (!view.shared) elements.push(button(t.t('report.share'), ACTION_IDS.share, `${slug}|${view.filter}|${page}`));
  return [
    ...(pages > 1 ? [context(t.t('report.page', { page: page + 1, pages, count: total }))] : []),
    ...(elements.length > 0 ? [{ type: 'actions' as const, block_id: 'report_nav', elements }] : []),
  ];
}
