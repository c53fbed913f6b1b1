import { tzOffset } from '@date-fns/tz';
import { getISODay, parseISO } from 'date-fns';
import { InvalidInputError } from '#shared/errors';
import { spoken, type MessageValues } from '#shared/i18n/translator';
import type { MessageKey } from '#shared/i18n/en';
import type { LocalDate } from '#shared/domain/schemas';
import { ScheduleSchema, type Schedule } from '#shared/domain/schedule';
import { addLocalDays, daysBetween, localDate } from '#shared/dates/flags';
import { readZoneName } from '#shared/dates/zone-names';

/** Reading, describing and stepping schedules; the model itself is `domain/schedule.ts`. */

const DEFAULT_DAYS = [1];
export const DEFAULT_SCHEDULE: Schedule = { type: 'weekly', days: DEFAULT_DAYS, at: '09:00' };

export const SCHEDULE_HINT =
  '/commitments subscribe <track> daily 08:30 | every day at 9 | every monday 09:00 | mondays and thursdays 9:00 | weekdays 08:00 | every 3 days 10:00 [tz Asia/Tokyo]';

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const DAY_ALIASES: Record<string, number> = { tues: 2, wednes: 3, thur: 4, thurs: 4 };
const FILLER = new Set(['every', 'each', 'on', 'and', '&', ',', 'at', 'the', 'a', 'day', 'days']);

export interface ParsedSchedule {
  schedule: Schedule;
  /** The zone named with `tz <Zone>`, else the fallback given. */
  timeZone: string;
}

/**
 * Reads what people type after `subscribe <track>`: days, a time, and an optional `tz <Zone>`.
 * Nothing given means {@link DEFAULT_SCHEDULE}; days without a time mean 09:00; a time without
 * days means Mondays. `every N days` counts from today in the schedule's zone.
 */
export function parseSchedule(text: string | undefined, options: { timeZone: string; now: Date }): ParsedSchedule {
  const tokens = (text ?? '')
    .replace(/,/g, ' , ')
    .split(/\s+/)
    .filter(Boolean);
  let timeZone = options.timeZone;
  const days = new Set<number>();
  let everyDays: number | undefined;
  let at: string | undefined;
  let named = false;

  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i]!;
    const word = raw.toLowerCase();
    const next = tokens[i + 1]?.toLowerCase();
    if (word === 'tz' || word === 'in') {
      const zone = tokens[++i];
      timeZone = zone ? canonicalZone(zone) : invalid('schedule.zoneNeeded');
    } else if (raw.includes('/') || word === 'utc') {
      timeZone = canonicalZone(raw);
    } else if (word === 'daily' || (word === 'day' && ['every', 'each'].includes(tokens[i - 1]?.toLowerCase() ?? ''))) {
      [1, 2, 3, 4, 5, 6, 7].forEach((d) => days.add(d));
      named = true;
    } else if (word === 'weekdays' || word === 'weekday') {
      [1, 2, 3, 4, 5].forEach((d) => days.add(d));
      named = true;
    } else if (word === 'weekends' || word === 'weekend') {
      [6, 7].forEach((d) => days.add(d));
      named = true;
    } else if (word === 'weekly') {
      named = true;
    } else if (word === 'other' && (next === 'day' || next === 'days')) {
      everyDays = 2;
      i++;
    } else if (/^\d+$/.test(word) && (next === 'days' || next === 'day')) {
      everyDays = Number(word);
      if (everyDays < 1 || everyDays > 365) invalid('schedule.daysRange', { word });
      i++;
    } else if (dayNumber(word)) {
      days.add(dayNumber(word)!);
      named = true;
    } else if (word === 'noon') {
      at = '12:00';
    } else if (word === 'midnight') {
      at = '00:00';
    } else if (/^\d{1,2}(:\d{2})?(am|pm)?$/.test(word)) {
      const meridiem = next === 'am' || next === 'pm' ? (i++, next) : undefined;
      at = parseTime(word + (meridiem ?? ''));
    } else if (!FILLER.has(word)) {
      invalid('schedule.unreadable', { word: raw });
    }
  }

  if (everyDays !== undefined && named) invalid('schedule.daysOrInterval');
  const time = at ?? DEFAULT_SCHEDULE.at;
  let schedule: Schedule;
  if (everyDays === 1) schedule = { type: 'weekly', days: [1, 2, 3, 4, 5, 6, 7], at: time };
  else if (everyDays !== undefined) schedule = { type: 'interval', everyDays, from: localDate(options.now, timeZone), at: time };
  else schedule = { type: 'weekly', days: days.size ? [...days].sort((a, b) => a - b) : DEFAULT_DAYS, at: time };
  return { schedule: ScheduleSchema.parse(schedule), timeZone };
}

/**
 * The first slot strictly after `after`. Each slot is the schedule's wall-clock time on a
 * matching local date, turned into an instant with {@link zonedTime}: a time that the
 * spring-forward gap skips moves forward by the gap (02:30 → 03:30), and a time that the
 * autumn fall-back repeats is the first of the two.
 */
export function nextRun(schedule: Schedule, timeZone: string, after: Date): Date {
  const start = localDate(after, timeZone);
  // Weekly slots repeat within 8 local days, interval ones within everyDays + 1.
  const span = schedule.type === 'weekly' ? 8 : schedule.everyDays + 1;
  for (let offset = 0; offset <= span; offset++) {
    const date = addLocalDays(start, offset);
    if (!matches(schedule, date)) continue;
    const slot = zonedTime(date, schedule.at, timeZone);
    if (slot.getTime() > after.getTime()) return slot;
  }
  throw new Error(`No slot found after ${after.toISOString()} for ${JSON.stringify(schedule)}`);
}

/**
 * The instant a wall-clock `time` on `date` happens in `timeZone`.
 *
 *   offset before (12 h earlier) ─┐      ┌─ offset after (12 h later)
 *   both candidates valid, differ → ambiguous (fall back): the earlier one
 *   exactly one valid             → the usual case
 *   neither valid                 → in the gap (spring forward): the wall time read with the
 *                                   offset before the gap, i.e. moved forward by the gap
 */
export function zonedTime(date: LocalDate, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  const hour = 3_600_000;
  const offsets = [tzOffset(timeZone, new Date(wall - 12 * hour)), tzOffset(timeZone, new Date(wall + 12 * hour))];
  const valid = offsets
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => wall - tzOffset(timeZone, new Date(instant)) * 60_000 === instant);
  if (valid.length) return new Date(Math.min(...valid));
  return new Date(wall - offsets[0]! * 60_000);
}

function matches(schedule: Schedule, date: LocalDate): boolean {
  if (schedule.type === 'weekly') return schedule.days.includes(getISODay(parseISO(date)));
  const n = schedule.everyDays;
  return (((daysBetween(schedule.from, date) % n) + n) % n) === 0;
}

function dayNumber(word: string): number | undefined {
  const stem = word.replace(/s$/, '');
  if (DAY_ALIASES[stem]) return DAY_ALIASES[stem];
  const index = DAY_NAMES.findIndex((name) => name === stem || (stem.length >= 3 && name.startsWith(stem) && stem.length <= 3));
  return index >= 0 ? index + 1 : undefined;
}

function parseTime(word: string): string {
  const match = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(word)!;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  const meridiem = match[3];
  if (meridiem) {
    if (hours < 1 || hours > 12) invalid('schedule.notTime', { word });
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) invalid('schedule.notTime', { word });
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** IANA names are case-sensitive; people are not. */
function canonicalZone(text: string): string {
  return readZoneName(text) ?? invalid('schedule.notZone', { word: text });
}

function invalid(key: MessageKey, values?: MessageValues): never {
  const { text, say } = spoken(key, values);
  throw new InvalidInputError(text, SCHEDULE_HINT, { say });
}
