import { TZDate } from '@date-fns/tz';
import { parseNaturalDate } from '#shared/dates/natural';
import type { LocalDate } from '#shared/domain/schemas';
import type { DueDate, DueDateOptions } from '#shared/import/due-date';

interface Context {
  year: number;
  month: number;
  /** The phrase in the English the natural-date reader takes, read from the meeting day. */
  natural: (phrase: string) => LocalDate | undefined;
}

type Resolve = (m: RegExpExecArray, ctx: Context) => LocalDate | undefined;

const monthEnd = (year: number, month: number): LocalDate => {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
};
/** A bare month falls in this year, or the next when it is already over at the meeting. */
const monthAhead = (ctx: Context, month: number): LocalDate => monthEnd(month < ctx.month ? ctx.year + 1 : ctx.year, month);
const yearOf = (word: string, ctx: Context): number => (/来|내년|明年|다음/.test(word) ? ctx.year + 1 : ctx.year);
/** Northern seasons as their last month. */
const SEASON_END: Record<string, number> = { 春: 5, 夏: 8, 秋: 11, 봄: 5, 여름: 8, 가을: 11 };

/** The last day of a season of `year`: spring 31 May, summer 31 August, autumn 30 November, winter the end of February after it. */
const seasonEnd = (year: number, season: string): LocalDate => (/冬|겨울/.test(season) ? monthEnd(year + 1, 2) : monthEnd(year, SEASON_END[season]!));

/** Japanese and Korean deadline phrases, each resolved to the last day it allows. The earliest in the text wins. */
const PATTERNS: { re: RegExp; resolve: Resolve }[] = [
  // 2026年3月31日, 2026년 3월 31일
  {
    re: /(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]/g,
    resolve: (m, ctx) => ctx.natural(`${m[1]}年${m[2]}月${m[3]}日`),
  },
  // 3月31日, 3월 31일: the next such day
  {
    re: /(?<![\d年년]\s?)(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]/g,
    resolve: (m, ctx) => ctx.natural(`${m[2]} ${monthName(Number(m[1]))}`),
  },
  // 2026年3月(末), 2026년 3월(말)
  { re: /(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월](?!\s?\d)/g, resolve: (m) => monthEnd(Number(m[1]), Number(m[2])) },
  // 来年3月, 내년 3월
  { re: /(来年|今年|本年|내년|올해|금년)\s?の?\s?(\d{1,2})\s?[月월](?!\s?\d)/g, resolve: (m, ctx) => monthEnd(yearOf(m[1]!, ctx), Number(m[2])) },
  // 3月末, 3月中, 3월 말, 3월까지
  {
    re: /(?<![\d年년]\s?)(\d{1,2})\s?[月월]\s?(?:末|中|中旬|まで|말|중|까지)/g,
    resolve: (m, ctx) => monthAhead(ctx, Number(m[1])),
  },
  // 来る5月, 오는 5월: the next such month
  { re: /(?:来る|오는)\s?(\d{1,2})\s?[月월](?!\s?\d)/g, resolve: (m, ctx) => monthAhead(ctx, Number(m[1])) },
  // 来年前半, 来年上半期, 내년 상반기; 下半期 → 31 Dec
  {
    re: /(来年|今年|本年|내년|올해|금년)\s?の?\s?(前半|上半期|上期|後半|下半期|下期|상반기|하반기)/g,
    resolve: (m, ctx) => monthEnd(yearOf(m[1]!, ctx), /前半|上|상/.test(m[2]!) ? 6 : 12),
  },
  { re: /(\d{4})\s?[年년]\s?の?\s?(前半|上半期|上期|後半|下半期|下期|상반기|하반기)/g, resolve: (m) => monthEnd(Number(m[1]), /前半|上|상/.test(m[2]!) ? 6 : 12) },
  // 来年春, 내년 봄
  { re: /(来年|今年|本年|내년|올해|금년)\s?の?\s?(春|夏|秋|봄|여름|가을)/g, resolve: (m, ctx) => monthEnd(yearOf(m[1]!, ctx), SEASON_END[m[2]!]!) },
  // 来春, 今秋, 올가을, 올봄: a season of next year or of this one (winter runs to the end of February after it)
  {
    re: /(来|今|本|올)\s?(春|夏|秋|冬|봄|여름|가을|겨울)/g,
    resolve: (m, ctx) => seasonEnd(m[1] === '来' ? ctx.year + 1 : ctx.year, m[2]!),
  },
  // 2027年春, 2027년 봄
  { re: /(\d{4})\s?[年년]\s?の?\s?(春|夏|秋|冬|봄|여름|가을|겨울)/g, resolve: (m) => seasonEnd(Number(m[1]), m[2]!) },
  // 年度内, 今年度中 → 31 March (the Japanese fiscal year starts in April); 来年度 → a year later
  { re: /(?:今年度|本年度|年度内|年度中|年度末)/g, resolve: (_m, ctx) => ctx.natural('this fiscal year') },
  { re: /来年度/g, resolve: (_m, ctx) => ctx.natural(`fy ${ctx.month >= 4 ? ctx.year + 1 : ctx.year}`) },
  { re: /(\d{4})\s?年度/g, resolve: (m, ctx) => ctx.natural(`fy ${m[1]}`) },
  // 年内, 今年中, 연내, 올해 안
  { re: /年内|今年中|本年中|今年末|年末まで|연내|올해\s?안|올해\s?말|올해\s?중|금년\s?내|연말까지/g, resolve: (_m, ctx) => monthEnd(ctx.year, 12) },
  // 今後3か月以内, 3개월 이내: counted from the meeting
  {
    re: /(?:今後|向こう|앞으로|향후)?\s?(?<!\d)(\d{1,3})\s?(?:か|ヶ|カ|ケ|箇|个)?\s?(月|週間|年|日|개월|주|년|일)\s?(?:以内|内|の間に|이내|안에|내)/g,
    resolve: (m, ctx) => ctx.natural(`in ${m[1]} ${UNITS[m[2]!]!}s`),
  },
  // 半年以内, 반년 이내: six months from the meeting
  { re: /(?:今後|向こう|앞으로|향후)?\s?(?:半年|반년)\s?(?:以内|内|の間に|이내|안에|내)/g, resolve: (_m, ctx) => ctx.natural('in 6 months') },
  // 2027年まで, 2027年末, 2027년까지
  { re: /(\d{4})\s?[年년]\s?(?:末|中|内|まで|までに|말|까지|중|내)/g, resolve: (m) => monthEnd(Number(m[1]), 12) },
  // 来月, 다음 달
  { re: /来月|다음\s?달/g, resolve: (_m, ctx) => ctx.natural('end of next month') },
  { re: /今月中|今月末|이달\s?(?:말|중|안)|이번\s?달/g, resolve: (_m, ctx) => ctx.natural('end of this month') },
  // 来年, 내년 (after the longer phrases above, which start at the same place and win on length)
  { re: /来年|翌年|내년|명년/g, resolve: (_m, ctx) => monthEnd(ctx.year + 1, 12) },
];

const UNITS: Record<string, string> = { 月: 'month', 週間: 'week', 年: 'year', 日: 'day', 개월: 'month', 주: 'week', 년: 'year', 일: 'day' };
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthName = (month: number): string => MONTH_NAMES[month - 1] ?? '';

/** After a date, words that make it a date in the past ("2025年に署名された", "2024년부터"). */
const PAST_AFTER = /^\s?(?:に|에)?\s?(?:以来|から|より|부터|이후|以降|署名された|開催された|発足した|行われた|서명된|개최된|출범한)/;
/** Before it: "去る", "지난". */
const PAST_BEFORE = /(?:去る|昨年|지난|작년)\s?$/;

/**
 * The deadline a Japanese or Korean sentence states, read relative to the meeting: the earliest
 * phrase that resolves to a day after the meeting and is not a date in the past.
 */
export function findCjkDueDate(sentence: string, opts: DueDateOptions): DueDate | undefined {
  const text = toAsciiDigits(sentence);
  const [y, m, d] = opts.meetingDate.split('-').map(Number) as [number, number, number];
  // Midday, so the meeting's date is the same in its zone whatever the offset.
  const now = new TZDate(y, m - 1, d, 12, 0, 0, opts.timeZone);
  const ctx: Context = {
    year: y,
    month: m,
    natural: (phrase) => parseNaturalDate(phrase, { now, timeZone: opts.timeZone, fiscalYearStart: 4 }),
  };
  const found: { index: number; phrase: string; due: LocalDate }[] = [];
  for (const { re, resolve } of PATTERNS) {
    for (const match of text.matchAll(re)) {
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 12);
      if (PAST_AFTER.test(after) || PAST_BEFORE.test(text.slice(Math.max(0, match.index - 4), match.index))) continue;
      const due = resolve(match, ctx);
      // The phrase as the sentence spells it (digits may be full-width there).
      const phrase = sentence.slice(match.index, match.index + match[0].length);
      if (due && due > opts.meetingDate) found.push({ index: match.index, phrase, due });
    }
  }
  found.sort((a, b) => a.index - b.index || b.phrase.length - a.phrase.length);
  const first = found[0];
  return first ? { due: first.due, phrase: first.phrase } : undefined;
}

/** Full-width digits as ASCII, one character for one, so indexes stay those of the sentence. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
