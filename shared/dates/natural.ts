import { TZDate } from '@date-fns/tz';
import * as chrono from 'chrono-node';
import { add, addDays, addYears, endOfMonth, endOfQuarter, endOfYear, format, getDay, parseISO } from 'date-fns';
import { englishOfCjkDate, JAPANESE_TEXT } from '#shared/dates/cjk-phrases';
import { COUNT_WORD_PATTERN, readCount } from '#shared/dates/count-words';
import { localDate } from '#shared/dates/flags';
import { WEEKDAYS } from '#shared/domain/check-ins';
import type { LocalDate } from '#shared/domain/schemas';

/** Which way a date without a year or week ("31 March", "friday") is read. */
export type DatePreference = 'future' | 'past';

export interface NaturalDateOptions {
  now: Date;
  /** IANA zone of the track: "today" is the calendar date there. */
  timeZone: string;
  /** `future` (default) for due dates, `past` for logging what already happened. */
  prefer?: DatePreference;
  /** The month (1–12) the track's fiscal year starts in; January (the default) makes it the calendar year. */
  fiscalYearStart?: number;
}

export type Weekday = (typeof WEEKDAYS)[number];

/**
 * What a date as typed reads as: one day; two days, when day and month could be either way
 * round ("4/5/2027"), which is never guessed; a day written with another day's weekday ("Tue 30
 * Mar 2026", a Monday), where either could be the slip; or nothing.
 */
export type DateReading =
  | { kind: 'date'; date: LocalDate }
  | { kind: 'ambiguous'; dayFirst: LocalDate; monthFirst: LocalDate }
  | { kind: 'wrongWeekday'; date: LocalDate; weekday: Weekday; stated: Weekday }
  | { kind: 'unreadable' };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const YEAR = String.raw`(?:\s+([12]\d{3}))?`;

const COUNT_FROM_TODAY = new RegExp(String.raw`^(?:in )?(\d{1,3}|${COUNT_WORD_PATTERN}) (day|week|month|year)s?(?: from (?:now|today))?$`);
// "next month" alone means its end, as "end of next month" does; "next week" is left to chrono.
const END_OF_PERIOD = /^(?:end of (?:(the|this|next) )?|(this|next) )(month|quarter|year)$/;
/** "H1 2027", "first half of 2027", "the second half": the half's last day. */
const HALF_YEAR = /^(?:h([12])|(first|second|1st|2nd) half(?: of)?)(?: ?([12]\d{3}))?$/;
/** "mid-2027", "mid 2027", "middle of 2027", "mid-year": 30 June. */
const MID_YEAR = /^(?:mid|middle of)[- ]?(?:([12]\d{3})|year)$/;
/** "FY2027", "fy 27", "fiscal year 2027", "end of FY2027", "this fiscal year". */
const FISCAL_YEAR = /^(?:end of )?(?:(?:fy|fiscal year) ?'?(\d{4}|\d{2})|(?:the |this )?(?:fy|fiscal year))$/;
/** "4/5/2027", "31.3.2027", "3-4": day and month in an order the numbers alone may not tell. */
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/;
const END_OF_QUARTER = new RegExp(String.raw`^(?:end of )?q([1-4])${YEAR}$`);
/** "end of March", "Jan 2027", "march": a deadline given as a month is its last day. */
const END_OF_MONTH_NAMED = new RegExp(String.raw`^(end of )?${MONTH}\.?,?${YEAR}$`);
const MID_MONTH = new RegExp(String.raw`^(?:mid|mid-|middle of )\s*${MONTH}${YEAR}$`);
/** A weekday before a date ("Thu Dec 31", "Mon 30 Mar 2026"), which must be the date's own. */
const WEEKDAY_NOTE = String.raw`(?:(?<weekday>mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,? )?`;
const ISO_DATE = new RegExp(String.raw`^${WEEKDAY_NOTE}(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})$`);
/** "Dec 31", "December 31, 2026", "march 30th": chrono would read a day of 10 or more as a year ("Dec 2031"). */
const MONTH_THEN_DAY = new RegExp(String.raw`^${WEEKDAY_NOTE}(?<month>${MONTH})\.? (?<day>\d{1,2})(?:st|nd|rd|th)?,?(?: (?<year>[12]\d{3}))?$`);
/** "31 Dec", "31 December 2026", "31st of March": the same day the other way round. */
const DAY_THEN_MONTH = new RegExp(String.raw`^${WEEKDAY_NOTE}(?<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?<month>${MONTH})\.?,?(?: (?<year>[12]\d{3}))?$`);
/** Words that fix the direction themselves, so the preference must not move the date. */
const PAST_WORDS = /\b(last|previous|past|ago|yesterday)\b/;
const FUTURE_WORDS = /\b(next|this|coming|in|tomorrow)\b/;

/**
 * Reads a due date people type ("next friday", "end of March", "Dec 31", "2026-03-31", "in 2
 * weeks", "Q2", "mid april", "来月末", "다음 달 말", "3日後", "2026년 3월 30일 (월)") as a calendar
 * date in `timeZone` at `now`.
 *
 * The whole text must be a date: anything left over ("whenever", "friday please") gives
 * `undefined`, as does a time with no day ("5pm"). A month with no day ("april", "Jan 2027") is
 * its last day, as "end of April" is.
 */
export function parseNaturalDate(text: string, opts: NaturalDateOptions): LocalDate | undefined {
  const reading = readNaturalDate(text, opts);
  return reading.kind === 'date' ? reading.date : undefined;
}

/** As parseNaturalDate, but says when the text could be two dates (see DateReading). */
export function readNaturalDate(text: string, opts: NaturalDateOptions): DateReading {
  // 来月末, 다음 달 말, 3日後: read as the English they mean.
  const phrase = normalise(englishOfCjkDate(text) ?? text);
  if (!phrase) return { kind: 'unreadable' };
  const prefer = opts.prefer ?? 'future';
  const today = localDate(opts.now, opts.timeZone);
  // A typo in an ISO date (or "31 Feb") must not fall through to chrono, which would read it another way.
  const iso = ISO_DATE.exec(phrase)?.groups;
  if (iso) return onWeekday(calendarDate(Number(iso.year), Number(iso.month), Number(iso.day)), iso.weekday);
  const named = (MONTH_THEN_DAY.exec(phrase) ?? DAY_THEN_MONTH.exec(phrase))?.groups;
  if (named) return onWeekday(onMonthDay(monthIndex(named.month) + 1, Number(named.day), named.year, today, prefer), named.weekday);
  // chrono reads "4/5" day first without a word; we ask instead.
  const numeric = NUMERIC_DATE.exec(phrase);
  if (numeric) return readNumericDate(numeric, today, prefer);
  return reading(
    parseCount(phrase, today) ??
      parsePeriod(phrase, today, prefer) ??
      parseFiscalYear(phrase, today, opts.fiscalYearStart ?? 1) ??
      parseWithChrono(phrase, opts.now, opts.timeZone, today, prefer),
  );
}

function reading(date: LocalDate | undefined): DateReading {
  return date ? { kind: 'date', date } : { kind: 'unreadable' };
}

/** The date, when the weekday written with it ("tue", "Tuesday") is the one it falls on. */
function onWeekday(date: LocalDate | undefined, written: string | undefined): DateReading {
  if (!date || !written) return reading(date);
  const weekday = WEEKDAYS[getDay(parseISO(date))]!;
  const stated = WEEKDAYS.find((w) => written.startsWith(w))!;
  return stated === weekday ? reading(date) : { kind: 'wrongWeekday', date, weekday, stated };
}

/**
 * Day first when the first number cannot be a month (31/3), month first when the second cannot
 * (3/31), the one date when both are the same (4/4); otherwise both, for the person to choose.
 */
function readNumericDate(match: RegExpExecArray, today: LocalDate, prefer: DatePreference): DateReading {
  const a = Number(match[1]);
  const b = Number(match[3]);
  const stated = match[4] === undefined ? undefined : String(match[4].length === 2 ? 2000 + Number(match[4]) : Number(match[4]));
  const on = (month: number, dayOfMonth: number) => onMonthDay(month, dayOfMonth, stated, today, prefer);
  const dayFirst = a > 12 || a === b ? undefined : on(b, a);
  const monthFirst = b > 12 || a === b ? undefined : on(a, b);
  if (a === b) return reading(on(a, a));
  if (dayFirst && monthFirst) return { kind: 'ambiguous', dayFirst, monthFirst };
  return reading(a > 12 ? on(b, a) : b > 12 ? on(a, b) : undefined);
}

/** A day of a month in the stated year, else the next (with `past`, the last) such day from today, today included. */
function onMonthDay(month: number, dayOfMonth: number, stated: string | undefined, today: LocalDate, prefer: DatePreference): LocalDate | undefined {
  if (!calendarDate(2000, month, dayOfMonth)) return undefined;
  const date = inYear(stated, today, prefer, (year) => calendarDate(year, month, dayOfMonth) ?? '');
  return date || undefined;
}

/**
 * FY<n> is the fiscal year that starts in year n, in the track's fiscal-year month, and ends the
 * day before that month a year later: with April (Japan), FY2027 runs 1 Apr 2027 – 31 Mar 2028.
 * With January it is the calendar year. "This fiscal year" is the one under way today.
 */
function parseFiscalYear(phrase: string, today: LocalDate, startMonth: number): LocalDate | undefined {
  const match = FISCAL_YEAR.exec(phrase);
  if (!match) return undefined;
  const end = (startYear: number) => day(endOfMonth(new Date(startYear + (startMonth === 1 ? 0 : 1), (startMonth + 10) % 12, 1)));
  if (match[1]) return end(match[1].length === 2 ? 2000 + Number(match[1]) : Number(match[1]));
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return end(month >= startMonth ? year : year - 1);
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    // The lookbehind lets a match start only where the run starts: linear on a long run.
    .replace(/(?<![.!,;])[.!,;]+$/, '')
    .replace(/^(by|on) /, '')
    .replace(/^the /, '')
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
    const next = (period[1] ?? period[2]) === 'next';
    if (period[3] === 'month') return day(endOfMonth(next ? endOfMonth(start).getTime() + 1 : start));
    if (period[3] === 'quarter') return day(endOfQuarter(next ? endOfQuarter(start).getTime() + 1 : start));
    return day(endOfYear(next ? addYears(start, 1) : start));
  }
  const half = HALF_YEAR.exec(phrase);
  if (half) {
    const month = half[1] === '1' || half[2] === 'first' || half[2] === '1st' ? 6 : 12;
    return inYear(half[3], today, prefer, (year) => day(endOfMonth(new Date(year, month - 1, 1))));
  }
  const midYear = MID_YEAR.exec(phrase);
  if (midYear) return inYear(midYear[1], today, prefer, (year) => `${year}-06-30`);
  const quarter = END_OF_QUARTER.exec(phrase);
  if (quarter) {
    const month = Number(quarter[1]) * 3;
    return inYear(quarter[2], today, prefer, (year) => day(endOfMonth(new Date(year, month - 1, 1))));
  }
  const monthEnd = END_OF_MONTH_NAMED.exec(phrase);
  // A month alone is a deadline's way of speaking; what has happened (a visit logged) names its day, or says "end of".
  if (monthEnd && (monthEnd[1] || prefer === 'future')) {
    const month = monthIndex(monthEnd[2]);
    return inYear(monthEnd[3], today, prefer, (year) => day(endOfMonth(new Date(year, month, 1))));
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
  // Japanese month-days and weekdays (12月31日, 金曜日) through chrono's Japanese parser.
  const results = (JAPANESE_TEXT.test(phrase) ? chrono.ja : chrono.en.GB).parse(phrase, { instant: now, timezone: offset });
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
