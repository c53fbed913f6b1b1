import { TZDate } from '@date-fns/tz';
import { addLocalDays } from '#shared/dates/flags';
import { parseNaturalDate } from '#shared/dates/natural';
import type { LocalDate } from '#shared/domain/schemas';

export interface DueDate {
  due: LocalDate;
  /** The words of the sentence the date was read from, for trimming them out of a title. */
  phrase: string;
}

export interface DueDateOptions {
  meetingDate: LocalDate;
  timeZone: string;
}

type Resolve = (m: RegExpExecArray, ctx: Context) => LocalDate | undefined;
interface Context {
  meetingDate: LocalDate;
  year: number;
  natural: (phrase: string) => LocalDate | undefined;
}

// Capitalised, so "may" the verb and "march" the noun are not months.
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const NUMBER = String.raw`(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|thirty|sixty|ninety|a\s+hundred)`;
const NUMBER_WORDS: Record<string, number> = { eleven: 11, eighteen: 18, 'twenty-four': 24, thirty: 30, sixty: 60, ninety: 90, 'a hundred': 100 };
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
/** Last month of each season (northern hemisphere), and its first. */
const SEASONS: Record<string, { first: number; last: number }> = {
  spring: { first: 3, last: 5 },
  summer: { first: 6, last: 8 },
  autumn: { first: 9, last: 11 },
  fall: { first: 9, last: 11 },
  winter: { first: 12, last: 14 },
};
/**
 * The last month a period allows, as the labelled sets read them: "early 2027" and "early next year"
 * → 30 April, "mid-2027" → 31 August ("late", "end of" → 31 December, "first half" → 30 June).
 */
const EARLY_MONTH = 4;
const MID_MONTH = 8;
/** Words before a date that make it a date in the past, not a deadline. */
const PAST_LEAD = /\b(?:since|began|begun|started|last|ago|reached|held|took place|signed)\s+(?:in\s+|on\s+)?(?:the\s+)?$/i;
/** "from late 2027" dates an act that starts then; "from 1 March to 30 June" is a range, due at its end. */
const FROM_LEAD = /\bfrom\s+(?:in\s+|on\s+)?(?:the\s+)?$/i;
const RANGE_END = /^\s*(?:to|until|till|through|[-–—])\s*\S/i;

const monthEnd = (year: number, month: number): LocalDate => {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
};
const monthNumber = (name: string): number =>
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3).toLowerCase()) + 1;
/** The year a bare month or season falls in: this one, or the next when it is already over. */
const yearAhead = (ctx: Context, month: number): number => (monthEnd(ctx.year, month) > ctx.meetingDate ? ctx.year : ctx.year + 1);
const relativeYear = (which: string | undefined, ctx: Context): number => (which && /next|coming/i.test(which) ? ctx.year + 1 : ctx.year);

/**
 * Date phrases a readout uses for deadlines, each resolved to the last day it allows, relative to
 * the meeting. Order does not matter: the earliest phrase in the sentence wins.
 */
const PATTERNS: { re: RegExp; resolve: Resolve }[] = [
  // "by the end of the year", "end of next month", "the end of this quarter"
  {
    re: /\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(next)\s+)?(year|month|quarter)\b/gi,
    resolve: (m, ctx) => ctx.natural(`end of ${m[1] ? 'next' : 'this'} ${m[2]!.toLowerCase()}`),
  },
  // "year-end", "by year end"
  { re: /\byear[- ]end\b/gi, resolve: (_m, ctx) => `${ctx.year}-12-31` },
  // "the end of 2026", "end-2026"
  { re: /\bend(?:\s+of|-)\s*(\d{4})\b/gi, resolve: (m) => `${m[1]}-12-31` },
  // "the end of March (2026)"
  {
    re: new RegExp(String.raw`\bend\s+of\s+${MONTH}(?:\s+(\d{4}))?`, 'g'),
    resolve: (m, ctx) => ctx.natural(`end of ${m[1]} ${m[2] ?? ''}`),
  },
  // "30 November (2025)", "Sept. 30(, 2025)"
  {
    re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}(?:,?\s+(\d{4}))?`, 'g'),
    resolve: (m, ctx) => ctx.natural(`${m[1]} ${m[2]} ${m[3] ?? ''}`),
  },
  {
    re: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`, 'g'),
    resolve: (m, ctx) => ctx.natural(`${m[2]} ${m[1]} ${m[3] ?? ''}`),
  },
  // "(early|mid-|late) March 2026": the whole month unless a part of it is named.
  {
    re: new RegExp(String.raw`\b(?:(early|mid|late)[- ]|(?:the\s+)?middle\s+of\s+)?${MONTH}\s+(\d{4})\b`, 'gi'),
    resolve: (m) => partOfMonth(Number(m[3]), monthNumber(m[2]!), m[1]),
  },
  // "in March", "by early April": the next such month after the meeting.
  {
    re: new RegExp(String.raw`\b(?:in|by|before|until|during|around)\s+(?:(early|mid|late)[- ]?\s*)?${MONTH}\b(?!\s*\d)`, 'g'),
    resolve: (m, ctx) => {
      const month = monthNumber(m[2]!);
      return partOfMonth(yearAhead(ctx, month), month, m[1]);
    },
  },
  // "Q3 2027", "by Q1 2028": a plan's quarters
  { re: /\bQ([1-4])\s*(\d{4})\b/g, resolve: (m) => monthEnd(Number(m[2]), 3 * Number(m[1])) },
  // "early 2026", "mid-2026", "the first half of 2026", "the second quarter of next year"
  {
    re: /\b(early|mid|late|the\s+(first|second)\s+half\s+of|the\s+(first|second|third|fourth)\s+quarter\s+of)[- ]?\s*(?:(\d{4})|(this|next|the\s+coming)\s+year)\b/gi,
    resolve: (m, ctx) => {
      const year = m[4] ? Number(m[4]) : relativeYear(m[5], ctx);
      if (m[2]) return monthEnd(year, m[2].toLowerCase() === 'first' ? 6 : 12);
      if (m[3]) return monthEnd(year, 3 * (ORDINALS[m[3].toLowerCase()] ?? 4));
      const part = m[1]!.toLowerCase();
      return monthEnd(year, part === 'early' ? EARLY_MONTH : part === 'mid' ? MID_MONTH : 12);
    },
  },
  // "in 2027", "by 2030", "before 2027", "over the course of 2026"
  { re: /\b(?:in|by|before|during|within|over\s+the\s+course\s+of|throughout)\s+(\d{4})\b/gi, resolve: (m) => `${m[1]}-12-31` },
  // "within six months", "in the next three weeks"; not "over four years", which is a duration.
  {
    // Not "within four weeks of receipt", "within 60 days after entry into force": tied to an undated event
    // ("of the adoption of this plan" is the meeting's own day).
    re: new RegExp(String.raw`\b(?:within|in)\s+(?:the\s+(?:next|coming)\s+)?${NUMBER}\s+(day|week|month|year)s?\b(?!\s+(?:of|after|from|following)\s+(?:(?:its|the|their)\s+)?(?:receipt|entry\s+into\s+force|ratification|request))`, 'gi'),
    resolve: (m, ctx) => {
      const word = m[1]!.toLowerCase();
      const count = NUMBER_WORDS[word] ?? word;
      return ctx.natural(`in ${count} ${m[2]!.toLowerCase()}s`);
    },
  },
  {
    re: /\bwithin\s+(?:the|a)\s+(year|month)\b|\b(?:later|within|by the end of)\s+this\s+(year|month)\b/gi,
    resolve: (m, ctx) => ctx.natural(`end of this ${(m[1] ?? m[2])!.toLowerCase()}`),
  },
  // "this year", "next month", "(early) next year"
  {
    re: /\b(early\s+|later\s+)?(this|next|the\s+coming)\s+(year|month)\b/gi,
    resolve: (m, ctx) => {
      const next = !/this/i.test(m[2]!);
      if (m[3]!.toLowerCase() === 'month') return ctx.natural(`end of ${next ? 'next' : 'this'} month`);
      const year = next ? ctx.year + 1 : ctx.year;
      return monthEnd(year, m[1] && /early/i.test(m[1]) ? EARLY_MONTH : 12);
    },
  },
  // "spring 2027", "Autumn of 2027" on their own (a deadline field, "…, spring 2027"): the season of that year.
  {
    re: /\b(?<!(?:this|next|coming|early|late|in|by|during|before|the)\s+)(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b/gi,
    resolve: (m, ctx) => seasonEnd(m[1]!.toLowerCase(), undefined, m[2], ctx),
  },
  // "next spring", "this autumn", "in the summer of 2026"; "fall" only with a determiner, as it is also a verb.
  {
    re: /\b(?:(this|next|the\s+coming|early|late)\s+|(?:in|by|during|before)\s+(?:the\s+)?)(spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(\d{4}))?/gi,
    resolve: (m, ctx) => seasonEnd(m[2]!.toLowerCase(), m[1]?.toLowerCase(), m[3], ctx),
  },
];

/**
 * The deadline a sentence states, read relative to the meeting: the first date phrase that
 * resolves to a day after the meeting and does not sit after "since", "began" and the like.
 */
export function findDueDate(sentence: string, opts: DueDateOptions): DueDate | undefined {
  const [y, m, d] = opts.meetingDate.split('-').map(Number) as [number, number, number];
  // Midday, so the meeting's date is the same in its zone whatever the offset.
  const now = new TZDate(y, m - 1, d, 12, 0, 0, opts.timeZone);
  const ctx: Context = {
    meetingDate: opts.meetingDate,
    year: y,
    natural: (phrase) => parseNaturalDate(phrase.replace(/\./g, '').replace(/\s+/g, ' ').trim(), { now, timeZone: opts.timeZone }),
  };
  const found: { index: number; phrase: string; due: LocalDate }[] = [];
  // A range's start, and any shorter date read inside it ("March 2027" in "1 March 2027").
  const starts: { from: number; to: number }[] = [];
  for (const { re, resolve } of PATTERNS) {
    for (const match of sentence.matchAll(re)) {
      const before = sentence.slice(0, match.index);
      if (PAST_LEAD.test(before)) continue;
      if (FROM_LEAD.test(before) && RANGE_END.test(sentence.slice(match.index + match[0].length))) {
        starts.push({ from: match.index, to: match.index + match[0].length });
        continue;
      }
      const due = resolve(match, ctx);
      if (due && due > opts.meetingDate) found.push({ index: match.index, phrase: match[0].trim(), due });
    }
  }
  found.sort((a, b) => a.index - b.index || b.phrase.length - a.phrase.length);
  const first = found.find((f) => !starts.some((s) => f.index >= s.from && f.index < s.to));
  return first ? { due: first.due, phrase: first.phrase } : undefined;
}

/** Early is the 10th, mid the 15th, late or none the month's last day. */
function partOfMonth(year: number, month: number, part: string | undefined): LocalDate {
  const p = part?.toLowerCase();
  if (p === 'early') return `${year}-${String(month).padStart(2, '0')}-10`;
  if (p === 'mid' || p?.startsWith('the middle')) return `${year}-${String(month).padStart(2, '0')}-15`;
  return monthEnd(year, month);
}

function seasonEnd(season: string, which: string | undefined, stated: string | undefined, ctx: Context): LocalDate | undefined {
  const { first, last } = SEASONS[season]!;
  // Winter runs into the next year: its last month is February of the year after it starts.
  const end = (year: number) => (last > 12 ? monthEnd(year + 1, last - 12) : monthEnd(year, last));
  if (stated) return end(Number(stated));
  let year = ctx.year;
  // The season under way at the meeting is "this" one; "next" is the one after it.
  const startOfSeason = `${year}-${String(first).padStart(2, '0')}-01`;
  if (which && /next|coming/.test(which) && ctx.meetingDate >= startOfSeason) year += 1;
  if (end(year) <= ctx.meetingDate) year += 1;
  return which === 'early' ? addLocalDays(end(year), -60) : end(year);
}
