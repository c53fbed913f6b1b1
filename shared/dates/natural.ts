import { TZDate } from '@date-fns/tz';
import * as chrono from 'chrono-node';
import { add, addDays, addYears, endOfMonth, endOfQuarter, endOfYear, format, parseISO } from 'date-fns';
import { COUNT_WORD_PATTERN, readCount } from '#shared/dates/count-words';
import { localDate } from '#shared/dates/flags';
import type { LocalDate } from '#shared/domain/schemas';

/** Which way a date without a year or week ("31 March", "friday") is read. */
export type DatePreference = 'future' | 'past';

export interface NaturalDateOptions {
  now: Date;
  /** IANA zone of the track: "today" is the calendar date there. */
  timeZone: string;
  /** `future` (default) for due dates, `past` for logging what already happened. */
  prefer?: DatePreference;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const YEAR = String.raw`(?:\s+([12]\d{3}))?`;

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const COUNT_FROM_TODAY = new RegExp(String.raw`^(?:in )?(\d{1,3}|${COUNT_WORD_PATTERN}) (day|week|month|year)s?(?: from (?:now|today))?$`);
const END_OF_PERIOD = /^end of (?:(the|this|next) )?(month|quarter|year)$/;
const END_OF_QUARTER = new RegExp(String.raw`^(?:end of )?q([1-4])${YEAR}$`);
const END_OF_MONTH_NAMED = new RegExp(String.raw`^end of ${MONTH}${YEAR}$`);
const MID_MONTH = new RegExp(String.raw`^(?:mid|mid-|middle of )\s*${MONTH}${YEAR}$`);
/** Words that fix the direction themselves, so the preference must not move the date. */
const PAST_WORDS = /\b(last|previous|past|ago|yesterday)\b/;
const FUTURE_WORDS = /\b(next|this|coming|in|tomorrow)\b/;

/**
 * Reads a due date people type ("next friday", "end of March", "2026-03-31", "in 2 weeks",
 * "Q2", "mid april") as a calendar date in `timeZone` at `now`.
 *
 * The whole text must be a date: anything left over ("whenever", "friday please") gives
 * `undefined`, as does a month or time with no day ("april", "5pm").
 */
export function parseNaturalDate(text: string, opts: NaturalDateOptions): LocalDate | undefined {
  const phrase = normalise(text);
  if (!phrase) return undefined;
  const prefer = opts.prefer ?? 'future';
  const today = localDate(opts.now, opts.timeZone);
  // A typo in an ISO date must not fall through to chrono, which would read it another way.
  const iso = ISO_DATE.exec(phrase);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return parseCount(phrase, today) ?? parsePeriod(phrase, today, prefer) ?? parseWithChrono(phrase, opts.now, opts.timeZone, today, prefer);
}

/** "3 Apr": a date in a line that already says the year around it. */
export function formatShortDate(date: LocalDate): string {
  return format(parseISO(date), 'd MMM');
}

/** "Fri 3 Apr 2026": how a resolved date is echoed back to people. */
export function formatLocalDate(date: LocalDate): string {
  return format(parseISO(date), 'EEE d MMM yyyy');
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    // The lookbehind lets a match start only where the run starts: linear on a long run.
    .replace(/(?<![.!,;])[.!,;]+$/, '')
    .replace(/^(by|on) /, '')
    .trim();
}

/** "in 2 weeks", "3 days from now": whole calendar units from today, so DST and month lengths cannot shift it. */
function parseCount(phrase: string, today: LocalDate): LocalDate | undefined {
  const match = COUNT_FROM_TODAY.exec(phrase);
  if (!match?.[1] || !match[2]) return undefined;
  const count = readCount(match[1]);
  const unit = `${match[2]}s` as 'days' | 'weeks' | 'months' | 'years';
  return day(add(parseISO(today), { [unit]: count }));
}

/** Our own rules for ends and middles of periods, which chrono reads only in part. */
function parsePeriod(phrase: string, today: LocalDate, prefer: DatePreference): LocalDate | undefined {
  const start = parseISO(today);
  const period = END_OF_PERIOD.exec(phrase);
  if (period) {
    const next = period[1] === 'next';
    if (period[2] === 'month') return day(endOfMonth(next ? endOfMonth(start).getTime() + 1 : start));
    if (period[2] === 'quarter') return day(endOfQuarter(next ? endOfQuarter(start).getTime() + 1 : start));
    return day(endOfYear(next ? addYears(start, 1) : start));
  }
  const quarter = END_OF_QUARTER.exec(phrase);
  if (quarter) {
    const month = Number(quarter[1]) * 3;
    return inYear(quarter[2], today, prefer, (year) => day(endOfMonth(new Date(year, month - 1, 1))));
  }
  const monthEnd = END_OF_MONTH_NAMED.exec(phrase);
  if (monthEnd) {
    const month = monthIndex(monthEnd[1]);
    return inYear(monthEnd[2], today, prefer, (year) => day(endOfMonth(new Date(year, month, 1))));
  }
  const mid = MID_MONTH.exec(phrase);
  if (mid) {
    const month = monthIndex(mid[1]);
    return inYear(mid[2], today, prefer, (year) => day(new Date(year, month, 15)));
  }
  return undefined;
}

/** The date in the stated year, else in this year or the next (previous) one, whichever is ahead (behind). */
function inYear(
  stated: string | undefined,
  today: LocalDate,
  prefer: DatePreference,
  dateIn: (year: number) => LocalDate,
): LocalDate {
  if (stated) return dateIn(Number(stated));
  const year = Number(today.slice(0, 4));
  const date = dateIn(year);
  if (prefer === 'future' && date < today) return dateIn(year + 1);
  if (prefer === 'past' && date > today) return dateIn(year - 1);
  return date;
}

function parseWithChrono(
  phrase: string,
  now: Date,
  timeZone: string,
  today: LocalDate,
  prefer: DatePreference,
): LocalDate | undefined {
  // chrono reads in a fixed offset; the zone's offset at `now` gives today's wall date there.
  const offset = -new TZDate(now.getTime(), timeZone).getTimezoneOffset();
  const results = chrono.en.GB.parse(phrase, { instant: now, timezone: offset });
  const [result] = results;
  if (results.length !== 1 || !result || result.index !== 0 || result.text.length !== phrase.length || result.end) return undefined;
  const { start } = result;
  if (!start.isCertain('day') && !start.isCertain('weekday')) return undefined;
  const date = calendarDate(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
  if (!date) return undefined;
  // chrono picks the nearest "13 January" or "friday", which may lie on the wrong side of today.
  const behind = prefer === 'future' && date < today && !PAST_WORDS.test(phrase);
  const ahead = prefer === 'past' && date > today && !FUTURE_WORDS.test(phrase);
  if (!behind && !ahead) return date;
  const step = behind ? 1 : -1;
  if (start.isCertain('month') && !start.isCertain('year')) return day(addYears(parseISO(date), step));
  if (start.isCertain('weekday') && !start.isCertain('day')) return day(addDays(parseISO(date), 7 * step));
  return date;
}

function calendarDate(year: number, month: number, dayOfMonth: number): LocalDate | undefined {
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === dayOfMonth;
  return valid ? date.toISOString().slice(0, 10) : undefined;
}

function monthIndex(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').slice(0, 3) as (typeof MONTHS)[number]);
}

function day(date: Date | number): LocalDate {
  return format(date, 'yyyy-MM-dd');
}
