import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { GROUP_ORDER, byAttention } from '#shared/domain/attention';
import { complianceByParty, complianceTrend, type CompliancePoint } from '#shared/domain/compliance';
import { deriveFlags, localDate, nextDue, type Flags } from '#shared/dates/flags';
import type { Report } from '#shared/domain/report';
import { isSourceLink, STATUSES, type Cadence, type Commitment, type ComplianceScore, type HistoryEntry, type Kind, type LocalDate, type Occurrence, type Owner, type Track } from '#shared/domain/schemas';
import { averageText, flagPhrases, formatDayOf, meanText, meetingText, selectKey, sourceLabel, statusCountText, statusLabel } from '#shared/format/text';
import { EN, type Translator } from '#shared/i18n/translator';

/** Notes shown per item in the Markdown briefing. */
export const BRIEFING_NOTES = 3;


/** One item with what a briefing derives from it at `now`. */
export interface BriefingRow {
  item: Commitment;
  flags: Flags;
  track: Track;
  /** People's names by Slack user id, for the owners' cells. */
  names?: ReadonlyMap<string, string> | undefined;
  /** The language of whoever asked for the file. */
  t: Translator;
}

export interface BriefingOptions {
  now: Date;
  /** Adds each party's compliance average and each item's assessments. */
  compliance?: boolean;
  /** The track's assessment history: with `compliance`, adds each party's score per assessment day. */
  history?: readonly HistoryEntry[];
  /** People's names by Slack user id (see `withNames`), for who added an item. */
  names?: ReadonlyMap<string, string>;
  /** The language of whoever asked for it: its headings, labels, statuses and dates; English by default. */
  t?: Translator;
}

/** A Slack mention of a person: `<@U123>`, or with a label, `<@U123|maria>`. */
const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>/g;

/** The people a report's items mention (owners, notes, details) or were added by: whose names a file shows. */
export function mentionedPeople(report: Report): string[] {
  const ids = new Set<string>();
  for (const item of report.commitments) {
    const texts = [...item.owners.map((o) => o.label), ...item.notes.map((n) => n.text), item.detail ?? ''];
    for (const text of texts) for (const [, id] of text.matchAll(MENTION)) ids.add(id!);
    for (const owner of item.owners) if (owner.slackUserId) ids.add(owner.slackUserId);
    if (item.source.addedBy) ids.add(item.source.addedBy);
  }
  return [...ids];
}

/** A mention of `id` labelled with their name when known; a name cannot close or split the mention. */
function mention(id: string, names: ReadonlyMap<string, string> | undefined): string {
  const name = names?.get(id)?.replace(/[<>|]/g, '').trim();
  return name ? `<@${id}|${name}>` : `<@${id}>`;
}

/** An owner as a file shows them: `@` and the name their person record gives, as Slack shows a mention, else as typed (`@U…` for a bare mention). */
function ownerName(owner: Owner, names: ReadonlyMap<string, string> | undefined): string {
  const id = owner.slackUserId ?? /^<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>$/.exec(owner.label.trim())?.[1];
  const name = id ? names?.get(id)?.trim() : undefined;
  return name ? `@${name}` : plainFromSlack(owner.label);
}

/**
 * The meetings a track's items come from, oldest first: the track's own and those imported
 * items name, each once.
 */
function sourceMeetings(report: Report): { name: string; place?: string | undefined; date: LocalDate }[] {
  const fromItems = report.commitments
    .filter((item) => !item.archived && !item.source.addedBy)
    .map((item) => ({ name: item.source.meeting, place: item.source.place, date: item.source.date }));
  const seen = new Set<string>();
  return [...report.track.meetings, ...fromItems]
    .filter((m) => {
      const key = `${m.name.trim().toLowerCase()}|${m.date}`;
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The report with each mention of a person whose name is known labelled with it
 * (`<@U123>` → `<@U123|Maria Kim>`), so a file read outside Slack shows names, not ids.
 */
export function withNames(report: Report, names: ReadonlyMap<string, string>): Report {
  if (names.size === 0) return report;
  const label = (text: string) => text.replace(MENTION, (whole, id: string) => (names.has(id) ? mention(id, names) : whole));
  return {
    ...report,
    commitments: report.commitments.map((item) => ({
      ...item,
      owners: item.owners.map((o) => ({ ...o, label: label(o.label) })),
      notes: item.notes.map((n) => ({ ...n, text: label(n.text) })),
      ...(item.detail !== undefined ? { detail: label(item.detail) } : {}),
    })),
  };
}

/** The name of an export file: `japan-korea-briefing-2026-03-25.md`, dated in the track's zone. */
export function briefingFilename(track: Pick<Track, 'slug' | 'timeZone'>, now: Date, extension: 'md' | 'csv'): string {
  return `${track.slug}-briefing-${localDate(now, track.timeZone)}.${extension}`;
}

/**
 * A track as a Markdown briefing, in steps:
 * 1. title, then the track, its parties, source meetings and the as-of time in its zone;
 * 2. a summary: counts by status and by flag (and, if asked, each party's compliance average);
 * 3. every item, grouped by status as in the report (stalled first, overdue first within a
 *    group): status, flags, kind, owners, source, detail and its latest notes.
 * User text is escaped so that it reads as typed, and Slack's `<…>` syntax becomes plain text.
 */
export function renderBriefingMarkdown(report: Report, options: BriefingOptions): string {
  const { track } = report;
  const t = options.t ?? EN;
  const rows = briefingRows(report, options.now, options.names, t).sort(byAttention);
  const out: string[] = [`# ${heading(track.title)}`, ''];

  out.push(
    `- ${t.t('briefing.track', { track: inline(track.slug) })}`,
    `- ${t.t('briefing.parties', { parties: t.list(track.parties.map((p) => t.t('briefing.party', { name: inline(p.name), code: p.code }))) })}`,
  );
  const meetings = sourceMeetings(report);
  if (meetings.length > 0) out.push(`- ${t.t('briefing.sourceMeetings', { meetings: semicolons(meetings.map((m) => meetingText(m, inline, t)), t) })}`);
  out.push(`- ${t.t('briefing.asOf', { instant: instantText(options.now, track.timeZone, t) })}`, '');

  out.push(`## ${t.t('briefing.summary')}`, '');
  const counts = STATUSES.map((s) => [s, rows.filter((r) => r.item.status === s).length] as const).filter(([, n]) => n > 0);
  const statuses = counts.length > 0 ? t.list(counts.map(([s, n]) => statusCountText(s, n, t))) : 'none';
  out.push(
    `- ${t.t('briefing.total', { count: rows.length, statuses })}`,
    `- ${t.t('briefing.flags', { overdue: rows.filter((r) => r.flags.overdue).length, dueSoon: rows.filter((r) => r.flags.dueSoon).length, quiet: rows.filter((r) => r.flags.quiet).length })}`,
  );
  if (options.compliance) {
    for (const c of complianceByParty(rows.map((r) => r.item), track.parties)) {
      out.push(`- ${t.t('briefing.compliance', { party: inline(c.party.name), average: averageText(c, t) })}`);
    }
  }
  out.push('');
  if (options.compliance && options.history) out.push(...trendMarkdown(rows.map((r) => r.item), track, options.history, t));

  if (rows.length === 0) out.push(t.t('report.noCommitments'), '');
  for (const status of GROUP_ORDER) {
    const group = rows.filter((r) => r.item.status === status);
    if (group.length === 0) continue;
    out.push(`## ${t.t('briefing.group', { status: selectKey(status), count: group.length })}`, '');
    for (const row of group) out.push(...itemMarkdown(row, options), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Parts that may hold commas themselves, joined by the catalog's semicolon (`a; b`, `a、b`): Intl lists have none. */
function semicolons(items: readonly string[], t: Translator): string {
  return items.reduce((rest, next, i) => (i === 0 ? next : t.t('briefing.listSemicolon', { rest, next })), '');
}

/** "Mon 2 Mar 2026, 09:00 (Asia/Tokyo)": an instant in a zone, in the reader's language. */
export function instantText(instant: Date, timeZone: string, t: Translator): string {
  return t.t('briefing.instant', { date: formatDayOf(instant, timeZone, t), time: format(instant, 'HH:mm', { in: tz(timeZone) }), timeZone });
}

/**
 * Each party's score on every day one was assessed, oldest first, as interim and final
 * compliance reports give it; a party not assessed that day shows where it stood.
 */
function trendMarkdown(items: readonly Commitment[], track: Track, history: readonly HistoryEntry[], t: Translator): string[] {
  const trend = complianceTrend(items, track.parties, history);
  const days = [...new Set(trend.flatMap((p) => p.points.map((point) => point.date)))].sort();
  if (days.length === 0) return [];
  const cell = (points: readonly CompliancePoint[], day: LocalDate): string => {
    const standing = points.findLast((p) => p.date <= day);
    return standing ? t.t('report.averageUndated', { mean: meanText(standing.mean), assessed: standing.assessed, total: standing.total }) : t.t('show.notAssessed');
  };
  return [
    `## ${t.t('briefing.trend')}`,
    '',
    `| ${t.t('briefing.trendAsOf')} | ${trend.map((p) => inline(p.party.name)).join(' | ')} |`,
    `|---|${trend.map(() => '---|').join('')}`,
    ...days.map((day) => `| ${t.date(day)} | ${trend.map((p) => cell(p.points, day)).join(' | ')} |`),
    '',
  ];
}

/** A score as researchers write it, with its meaning: "−1 not complying", "0 partial", "+1 full". */
function scoreText(score: ComplianceScore, t: Translator): string {
  return t.t('briefing.score', { score: score < 0 ? 'against' : score > 0 ? 'full' : 'partial' });
}

function itemMarkdown({ item, flags, track }: BriefingRow, options: BriefingOptions): string[] {
  const t = options.t ?? EN;
  const flagText = flagPhrases(flags, t).map((p) => p.text);
  const parties = item.parties.map((code) => inline(partyName(track, code)));
  const lines = [
    `### ${item.id}: ${heading(item.title)}`,
    '',
    `- ${t.t('briefing.status', { status: statusLabel(item.status, t), flags: flagText.length > 0 ? semicolons(flagText, t) : 'none' })}`,
    `- ${t.t('briefing.kind', { kind: kindMarkdown(item, track.timeZone, localDate(options.now, track.timeZone), t) })}`,
    `- ${parties.length > 0 ? t.t('briefing.parties', { parties: t.list(parties) }) : t.t('briefing.partiesNone')}`,
  ];
  if (item.moved) lines.push(`- ${t.t('briefing.moved', { times: item.moved.times, date: t.date(item.moved.from) })}`);
  if (item.owners.length > 0) lines.push(`- ${t.t('briefing.owners', { owners: t.list(item.owners.map((o) => inline(ownerName(o, options.names)))) })}`);
  lines.push(`- ${t.t('briefing.source', { source: sourceMarkdown(item, options.names, t) })}`);
  if (options.compliance) {
    const assessments = item.parties.map((code) => {
      const a = item.compliance[code];
      const party = inline(partyName(track, code));
      if (!a) return t.t('briefing.notAssessed', { party });
      const values = { party, score: scoreText(a.score, t), date: t.date(a.date) };
      return a.note ? t.t('briefing.assessedWithNote', { ...values, note: inline(a.note) }) : t.t('briefing.assessed', values);
    });
    lines.push(`- ${assessments.length > 0 ? t.t('briefing.itemCompliance', { assessments: semicolons(assessments, t) }) : t.t('briefing.itemComplianceNone')}`);
  }
  lines.push(`- ${t.t('briefing.updated', { date: formatDayOf(item.updatedAt, track.timeZone, t) })}`);
  if (item.detail?.trim()) lines.push('', block(item.detail));
  const notes = item.notes.slice(-BRIEFING_NOTES).reverse();
  if (notes.length > 0) {
    lines.push('', t.t('briefing.notes', { more: item.notes.length > notes.length ? 'yes' : 'no', shown: notes.length, total: item.notes.length }), '');
    for (const note of notes) lines.push(`- ${t.t('briefing.note', { date: formatDayOf(note.at, track.timeZone, t), text: inline(note.text) })}`);
  }
  return lines;
}

function kindMarkdown(item: Commitment, timeZone: string, today: LocalDate, t: Translator): string {
  const { kind } = item;
  switch (kind.type) {
    case 'one-off':
      return t.t('briefing.oneOff', { due: kind.due ? t.date(kind.due) : 'none' });
    case 'recurring': {
      const last = latestOccurrence(kind.occurrences);
      const next = nextDue(item, timeZone);
      const parts = [
        t.t('briefing.recurring', { cadence: cadencePhrase(kind.every, t) }),
        last ? t.t('briefing.lastOccurrence', { date: t.date(last.date), hasPlace: last.place ? 'yes' : 'no', place: last.place ? inline(last.place) : '' }) : t.t('briefing.noOccurrence'),
        // A date already behind is overdue, not "next".
        next ? (next < today ? t.t('briefing.wasExpected', { date: t.date(next) }) : t.t('item.nextExpected', { date: t.date(next) })) : undefined,
      ];
      return semicolons(parts.filter((p): p is string => Boolean(p)), t);
    }
    case 'ongoing':
      return t.t('show.ongoing', { days: kind.updateEveryDays });
  }
}

/** "every 2 weeks", "every day", or "no fixed interval". */
export function cadencePhrase(every: Cadence | undefined, t: Translator = EN): string {
  return every ? t.t('briefing.every', { unit: every.unit, count: every.count }) : t.t('briefing.noInterval');
}

function sourceMarkdown(item: Commitment, names: ReadonlyMap<string, string> | undefined, t: Translator): string {
  const { link, point } = item.source;
  const where = sourceLabel(item.source, inline, (actor) => inline(mention(actor, names)), t);
  const named = link && isSourceLink(link) ? `[${where}](${linkDestination(link)})` : where;
  return point ? `${named} — ${inline(point)}` : named;
}

// ——— CSV ———

export type CsvValue = string | number | undefined;

/** One column per party: its latest compliance score (−1, 0, +1), empty when not assessed. */
export function complianceColumns(parties: readonly { code: string }[], t: Translator = EN): CsvColumn[] {
  return parties.map(({ code }) => ({ header: t.t('csv.compliance', { party: code }), value: (row) => row.item.compliance[code]?.score }));
}

/** One CSV column: its header (English; the file's own language's word from the catalog) and how a row fills it. Extra columns are appended after the standard ones. */
export interface CsvColumn {
  header: string;
  value: (row: BriefingRow) => CsvValue;
}

export interface BriefingCsvOptions {
  now: Date;
  /** Appended after the standard columns, in order (e.g. per-party compliance). */
  extraColumns?: readonly CsvColumn[];
  /** Starts the file with a UTF-8 byte order mark, so that Excel reads non-ASCII text (en dashes, Hangul) correctly. */
  bom?: boolean;
  /** People's names by Slack user id (see `withNames`), for the owners column. */
  names?: ReadonlyMap<string, string>;
  /** The language of whoever asked for it: its headers and cadences; English by default. */
  t?: Translator;
}

/** The standard columns, in order. Dates are ISO (`yyyy-mm-dd`, in the track's zone); lists are joined with `; `. */
export const BRIEFING_CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'id', value: (r) => r.item.id },
  { header: 'title', value: (r) => r.item.title },
  { header: 'status', value: (r) => r.item.status },
  { header: 'overdue_days', value: (r) => r.flags.overdue?.days },
  { header: 'due_soon_days', value: (r) => r.flags.dueSoon?.days },
  { header: 'quiet_days', value: (r) => r.flags.quiet?.days },
  { header: 'kind', value: (r) => r.item.kind.type },
  // A recurring item's next expected occurrence, so the column sorts with one-off due dates.
  { header: 'due', value: (r) => nextDue(r.item, r.track.timeZone) },
  { header: 'cadence', value: (r) => cadenceCell(r.item.kind, r.t) },
  { header: 'last_occurrence', value: (r) => (r.item.kind.type === 'recurring' ? latestOccurrence(r.item.kind.occurrences)?.date : undefined) },
  { header: 'owners', value: (r) => r.item.owners.map((o) => ownerName(o, r.names)).join('; ') },
  { header: 'parties', value: (r) => r.item.parties.join('; ') },
  { header: 'source_meeting', value: (r) => r.item.source.meeting },
  { header: 'source_date', value: (r) => r.item.source.date },
  { header: 'source_place', value: (r) => r.item.source.place },
  { header: 'source_link', value: (r) => r.item.source.link },
  { header: 'source_point', value: (r) => r.item.source.point },
  { header: 'latest_note', value: (r) => (r.item.notes.at(-1) ? plainFromSlack(r.item.notes.at(-1)!.text) : undefined) },
  { header: 'latest_note_date', value: (r) => (r.item.notes.at(-1) ? localDate(new Date(r.item.notes.at(-1)!.at), r.track.timeZone) : undefined) },
  { header: 'updated_at', value: (r) => r.item.updatedAt },
  // How often the due date moved, and the first it had: after the others, so existing sheets keep their columns.
  { header: 'moved_times', value: (r) => r.item.moved?.times },
  { header: 'first_due', value: (r) => r.item.moved?.from },
];

/**
 * A track as RFC 4180 CSV, one row per item in id order: a header row, CRLF line ends,
 * fields quoted when they hold a comma, semicolon, quote or line break. Text cells that a
 * spreadsheet could run as a formula (see `csvCell`) are prefixed with `'`.
 */
export function renderBriefingCsv(report: Report, options: BriefingCsvOptions): string {
  const columns = [...BRIEFING_CSV_COLUMNS, ...(options.extraColumns ?? [])];
  const t = options.t ?? EN;
  const rows = briefingRows(report, options.now, options.names, t).sort((a, b) => a.item.seq - b.item.seq);
  const lines = [columns.map((c) => csvCell(t.t('csv.header', { column: c.header }))), ...rows.map((row) => columns.map((c) => csvCell(c.value(row))))];
  return `${options.bom ? '\uFEFF' : ''}${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

/**
 * What a spreadsheet could run as a formula, as OWASP lists it: `=`, `+`, `-`, `@`, tab or CR at
 * the start of a cell, or after a `,` or `;` that a reader set to the other separator would split on.
 */
const FORMULA = /(?:^|[,;]\s*)[=+\-@\t\r]/;

/**
 * One CSV field. Numbers are written as they are: a score of −1 the bot writes is read as the
 * number −1, no formula. Text is guarded with a leading `'`, then quoted if it holds a comma,
 * semicolon, quote or line break (so a reader splitting on `;` keeps it one cell too).
 */
export function csvCell(value: CsvValue): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// ——— shared ———

function briefingRows(report: Report, now: Date, names: ReadonlyMap<string, string> | undefined, t: Translator): BriefingRow[] {
  return report.commitments.filter((item) => !item.archived).map((item) => ({ item, flags: deriveFlags(item, report.track.timeZone, now), track: report.track, names, t }));
}

function cadenceCell(kind: Kind, t: Translator): string | undefined {
  if (kind.type === 'recurring') return kind.every ? cadencePhrase(kind.every, t) : undefined;
  if (kind.type === 'ongoing') return t.t('csv.updateEvery', { days: kind.updateEveryDays });
  return undefined;
}

function latestOccurrence(occurrences: readonly Occurrence[]): Occurrence | undefined {
  return occurrences.reduce<Occurrence | undefined>((latest, o) => (!latest || o.date >= latest.date ? o : latest), undefined);
}

function partyName(track: Track, code: string): string {
  return track.parties.find((p) => p.code === code)?.name ?? code;
}

/** Slack's `<…>` syntax as plain text: `<@U1|maria>` → `@maria`, `<https://x|label>` → `label (https://x)`, `<#C1|general>` → `#general`. */
export function plainFromSlack(text: string): string {
  return text.replace(/<([^<>\s|]+)(?:\|([^<>]*))?>/g, (whole, target: string, label: string | undefined) => {
    if (/^[@#][UWC]/.test(target)) return `${target[0]}${label?.trim() || target.slice(1)}`;
    if (target.startsWith('!')) return `@${label?.trim().replace(/^@/, '') || target.slice(1).split('^')[0]}`;
    if (/^(https?|mailto):/.test(target)) return label?.trim() ? `${label.trim()} (${target})` : target;
    return whole;
  });
}

/**
 * URLs in user text stay as they are (escaping them would break them); the rest is escaped. A
 * URL ends before a square bracket, so a `[label](…)` written against one is escaped too.
 */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>[\]]*[^\s<>[\].,;:!?'")]/g;

/** User text on one line, escaped for Markdown. */
function inline(text: string): string {
  return escapeInline(plainFromSlack(text).replace(/\s+/g, ' ').trim());
}

/** Inline text in a heading, where trailing `#`s would be read as the heading's closing marks. */
function heading(text: string): string {
  return inline(text).replace(/(^|\s)(#+)$/, '$1\\$2');
}

/**
 * User text as Markdown paragraphs: lines kept, leading spaces dropped (they would make
 * code blocks), and anything that would start a heading, list, quote or rule escaped.
 */
function block(text: string): string {
  return plainFromSlack(text)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .split('\n')
    .map((line) => escapeLineStart(escapeInline(line)))
    .join('\n');
}

/** Backslash-escapes the characters that make inline Markdown (emphasis, code, links, HTML, tables), leaving URLs whole. */
export function escapeInline(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapePlain(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last));
}

/** Markdown's inline markers, with an image's `!` and the `(` that would open a link's destination. */
function escapePlain(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]|!(?=\[)|(?<=\])\(/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Escapes what would start a block at the beginning of a line: `#`, `>`, `-`, `+`, `1.`, `===`. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^#/, '\\#')
    .replace(/^([+-])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([=-])(?=[=-]*$)/, '\\$1');
}

/** A link destination Markdown cannot misread: spaces, angle brackets and parentheses percent-encoded. */
function linkDestination(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
