import { tz } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, addYears, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { CLOSED_STATUSES, type Cadence, type Commitment, type LocalDate } from '#shared/domain/schemas';

/** Days ahead within which a due date counts as "due soon". */
export const DUE_SOON_DAYS = 7;
/** A one-off item with no update for this long has gone quiet. */
export const ONE_OFF_QUIET_DAYS = 30;
/** A recurring item with no cadence and no occurrence for this long has gone quiet. */
export const RECURRING_QUIET_DAYS = 90;

/** Flags derived from dates at read time; never stored. Each carries its number of days. */
export interface Flags {
  overdue?: { days: number; due: LocalDate };
  dueSoon?: { days: number; due: LocalDate };
  quiet?: { days: number };
}

/** The calendar date it is at `now` in `timeZone`. */
export function localDate(now: Date, timeZone: string): LocalDate {
  return format(now, 'yyyy-MM-dd', { in: tz(timeZone) });
}

/** Whole calendar days in `timeZone` from the day of `instant` to the day of `now`: how long ago, as an item's flags and its "updated" line both count it. */
export function daysSince(instant: string, timeZone: string, now: Date): number {
  return daysBetween(localDate(new Date(instant), timeZone), localDate(now, timeZone));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); both plain dates, so no DST. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export function addCadence(date: LocalDate, every: Cadence): LocalDate {
  const start = parseISO(date);
  const add = { days: addDays, weeks: addWeeks, months: addMonths, years: addYears }[every.unit];
  return format(add(start, every.count), 'yyyy-MM-dd');
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/**
 * When the item is next due, as a date in its track's time zone: a one-off's due date, or a
 * recurring item's last occurrence plus its cadence; with none logged, the cadence counts from
 * the day it was added, which for an item taken from its meeting (seed, import) is that meeting.
 */
export function nextDue(item: Pick<Commitment, 'kind' | 'source' | 'createdAt'>, timeZone: string): LocalDate | undefined {
  const { kind } = item;
  if (kind.type === 'one-off') return kind.due;
  if (kind.type === 'recurring' && kind.every) {
    const last = kind.occurrences.map((o) => o.date).sort().at(-1) ?? addedOn(item, timeZone);
    return addCadence(last, kind.every);
  }
  return undefined;
}

/**
 * The day an item entered the register: the meeting's date for one taken from it (seed and
 * import name the point or paragraph it came from), else the day it was created.
 */
function addedOn(item: Pick<Commitment, 'source' | 'createdAt'>, timeZone: string): LocalDate {
  return item.source.point === undefined ? localDate(new Date(item.createdAt), timeZone) : item.source.date;
}

/**
 * The first day the item existed, in its track's zone: the day it was agreed (its source's date:
 * the meeting for seeded and imported items, the message for one tracked from Slack) or the day
 * it was added, whichever is earlier. No score or record can speak for a day before it.
 */
export function existedFrom(item: Pick<Commitment, 'source' | 'createdAt'>, timeZone: string): LocalDate {
  const added = localDate(new Date(item.createdAt), timeZone);
  return item.source.date < added ? item.source.date : added;
}

/** Days without news after which the item counts as quiet. */
export function quietAfterDays(item: Pick<Commitment, 'kind'>): number {
  const { kind } = item;
  if (kind.type === 'ongoing') return kind.updateEveryDays;
  if (kind.type === 'recurring') {
    return kind.every ? daysBetween('2000-01-01', addCadence('2000-01-01', kind.every)) : RECURRING_QUIET_DAYS;
  }
  return ONE_OFF_QUIET_DAYS;
}

/**
 * Derives overdue, due-soon and quiet for one item at `now`, in its track's time zone.
 *
 * A date is due at the end of that day where the track lives: an item due 2026-03-31 in
 * Asia/Tokyo is overdue from 00:00 on 1 April Tokyo time, whatever the server's zone.
 * Closed items (done, dropped) carry no flags.
 */
export function deriveFlags(
  item: Pick<Commitment, 'kind' | 'source' | 'status' | 'updatedAt' | 'createdAt'>,
  timeZone: string,
  now: Date,
): Flags {
  if (CLOSED_STATUSES.has(item.status)) return {};
  const today = localDate(now, timeZone);
  const flags: Flags = {};
  const due = nextDue(item, timeZone);
  if (due) {
    const left = daysBetween(today, due);
    if (left < 0) flags.overdue = { days: -left, due };
    else if (left <= DUE_SOON_DAYS) flags.dueSoon = { days: left, due };
  }
  const silent = daysSince(item.updatedAt, timeZone, now);
  if (silent > quietAfterDays(item)) flags.quiet = { days: silent };
  return flags;
}

/**
 * Formats one date in a time zone. The process's first Intl object starts ICU and this one loads
 * its time-zone data: about 20–25 ms of CPU, whoever does it first (nothing builds an Intl object
 * at import). The Slack function calls this while a cold start's first reads are in flight, so
 * their answers do not wait for it.
 */
export function loadTimeZoneData(): void {
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', timeZoneName: 'longOffset' }).format(0);
}
