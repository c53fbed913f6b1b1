import { daysSince, localDate, nextDue, type Flags } from '#shared/dates/flags';
import { EN, type Translator } from '#shared/i18n/translator';
import { type Commitment, type ComplianceScore, type LocalDate, type Source, type Status } from '#shared/domain/schemas';

/**
 * The words every surface shares: Slack messages, the Markdown briefing and the CSV export.
 * Each surface escapes user text its own way, so functions that embed user text take that
 * escape as an argument.
 */

/** Escapes user text for the surface it lands on (mrkdwn, Markdown, or nothing). */
export type Escape = (text: string) => string;

/** "3 in progress": a count of items in one status. */
export function statusCountText(status: Status, count: number, t: Translator = EN): string {
  return t.t('report.statusCount', { count, status: selectKey(status) });
}

/** A status (or kind) as an ICU select key: ICU keys take no hyphen (`not-started` → `not_started`). */
export function selectKey(value: string): string {
  return value.replace(/-/g, '_');
}

/** A status's word in the person's language: "In progress", "進行中", "진행 중". */
export function statusLabel(status: Status | 'archived', t: Translator = EN): string {
  return t.t('status.label', { status: selectKey(status) });
}

/** A score as the catalogs select it: ICU keys are words, not numbers. */
const SCORE_KEY: Record<ComplianceScore, string> = { [-1]: 'minus', 0: 'zero', 1: 'plus' };

/** A compliance score as researchers write it, with its meaning: "+1 full", "+1 完全履行". */
export function scoreText(score: ComplianceScore, t: Translator = EN): string {
  return t.t('show.score', { score: SCORE_KEY[score] });
}

/** A mean score as researchers write it, signed: "+0.50", "−1.00", "0.00". */
export function meanText(mean: number): string {
  const sign = mean > 0 ? '+' : mean < 0 ? '−' : '';
  return `${sign}${Math.abs(mean).toFixed(2)}`;
}

/**
 * A party's average over the items assessed for it, with the day of the latest score and the
 * coverage: "+0.50 as of Tue 3 Mar 2026 (4 of 5 items assessed)", or "not yet assessed (0 of 5 items)".
 */
export function averageText(average: { mean: number; assessed: number; total: number; date?: LocalDate | undefined }, t: Translator = EN): string {
  const { assessed, total } = average;
  if (assessed === 0) return t.t('report.notAssessed', { total });
  const mean = meanText(average.mean);
  return average.date ? t.t('report.average', { mean, date: t.date(average.date), assessed, total }) : t.t('report.averageUndated', { mean, assessed, total });
}

/** "Mon 2 Mar 2026": the day an instant falls on in the given zone. */
export function formatDayOf(instant: Date | string, timeZone: string, t: Translator = EN): string {
  return t.date(localDate(new Date(instant), timeZone));
}

/**
 * "just now", "3 hours ago", "12 days ago". Past a day it counts calendar days in the track's
 * zone, as the quiet flag does, so "quiet for 321 days" and "updated 321 days ago" agree.
 */
export function age(since: string, now: Date, timeZone: string, t: Translator = EN): string {
  const ms = now.getTime() - Date.parse(since);
  if (ms < 60_000) return t.t('time.justNow');
  // Rounded as date-fns' formatDistanceStrict rounds; Japanese and Korean as Intl.RelativeTimeFormat writes them.
  const [count, unit] = ms < 3_600_000 ? [Math.round(ms / 60_000), 'minute' as const] : ms < 86_400_000 ? [Math.round(ms / 3_600_000), 'hour' as const] : [daysSince(since, timeZone, now), 'day' as const];
  if (t.locale !== 'en') return t.relative(-count, unit);
  return t.t(unit === 'minute' ? 'time.minutesAgo' : unit === 'hour' ? 'time.hoursAgo' : 'time.daysAgo', { count });
}

export type FlagName = 'overdue' | 'dueSoon' | 'quiet';

/** Each raised flag in words: "overdue 3 days (due Tue 3 Mar 2026)", "due today (…)", "quiet for 40 days". */
export function flagPhrases(flags: Flags, t: Translator = EN): { flag: FlagName; text: string }[] {
  const phrases: { flag: FlagName; text: string }[] = [];
  if (flags.overdue) phrases.push({ flag: 'overdue', text: t.t('flag.overdue', { days: flags.overdue.days, date: t.date(flags.overdue.due) }) });
  if (flags.dueSoon) {
    const { days, due } = flags.dueSoon;
    phrases.push({ flag: 'dueSoon', text: days === 0 ? t.t('flag.dueToday', { date: t.date(due) }) : t.t('flag.dueIn', { days, date: t.date(due) }) });
  }
  if (flags.quiet) phrases.push({ flag: 'quiet', text: t.t('flag.quiet', { days: flags.quiet.days }) });
  return phrases;
}

/** "Busan summit, Busan, Tue 3 Mar 2026": a meeting, where it was (if known) and when. */
export function meetingText(meeting: { name: string; place?: string | undefined; date: LocalDate }, escape: Escape, t: Translator = EN): string {
  return [escape(meeting.name), meeting.place ? escape(meeting.place) : undefined, t.date(meeting.date)].filter(Boolean).join(', ');
}

/** Where an item came from: its meeting ("Busan summit, Busan, Tue 30 Sep 2025"), or "Added in Slack by @x on Tue 3 Mar 2026". */
export function sourceLabel(source: Source, escape: Escape, mention: (actor: string) => string, t: Translator = EN): string {
  if (source.addedBy) return t.t('item.addedInSlack', { who: mention(source.addedBy), date: t.date(source.date) });
  return meetingText({ name: source.meeting, place: source.place, date: source.date }, escape, t);
}

/** "due Tue 31 Mar 2026" or "next expected Thu 10 Dec 2026": the item's next date, whether or not it is flagged. */
export function nextDateText(item: Pick<Commitment, 'kind' | 'source' | 'createdAt'>, timeZone: string, t: Translator = EN): string | undefined {
  const next = nextDue(item, timeZone);
  if (!next) return undefined;
  return t.t(item.kind.type === 'recurring' ? 'item.nextExpected' : 'item.due', { date: t.date(next) });
}

/** "Done Tue 3 Mar 2026 by @maria: committee met": when, by whom and how an item was closed. */
export function closedText(
  item: Pick<Commitment, 'status' | 'closed'>,
  timeZone: string,
  escape: Escape,
  mention: (actor: string) => string,
  t: Translator = EN,
): string | undefined {
  const { closed } = item;
  if (!closed || (item.status !== 'done' && item.status !== 'dropped')) return undefined;
  const values = { status: item.status, date: formatDayOf(closed.at, timeZone, t), who: mention(closed.by) };
  return closed.note ? t.t('item.closedWithNote', { ...values, note: escape(closed.note) }) : t.t('item.closed', values);
}
