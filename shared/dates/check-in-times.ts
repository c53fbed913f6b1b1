import { addLocalDays, localDate } from '#shared/dates/flags';
import { zonedTime } from '#shared/dates/schedule';
import type { CheckInPreferences } from '#shared/domain/check-ins';
import type { LocalDate } from '#shared/domain/schemas';

/** When a person may be asked, from their preferences and their own Slack time zone. */

/** Day of the week of a local date, 0 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/**
 * The person's first check-in on or after `from`: a day among their `days`, after any pause,
 * at their `time` in `timeZone`.
 */
export function checkInSlot(prefs: Pick<CheckInPreferences, 'time' | 'days' | 'pausedUntil'>, timeZone: string, from: LocalDate): { date: LocalDate; at: Date } {
  let date = prefs.pausedUntil && prefs.pausedUntil >= from ? addLocalDays(prefs.pausedUntil, 1) : from;
  // `days` holds at least one weekday, so a week always finds one.
  for (let i = 0; i < 7 && !prefs.days.includes(weekdayOf(date)); i++) date = addLocalDays(date, 1);
  return { date, at: zonedTime(date, prefs.time, timeZone) };
}

/** The first instant of a person's local `date` in `timeZone`. */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return zonedTime(date, '00:00', timeZone);
}

/**
 * When the sweep reads again an ask due on the track's `date`, for a person in `timeZone` whose
 * day is `today`: the start of their first day that is on or after `date`, on which `date` has
 * begun in the track's zone, and after `today`. That day's read moves it to their check-in time
 * as their preferences then stand (and, if that comes before `date` begins there, to the next day).
 */
export function readAgainAt(date: LocalDate, trackZone: string, timeZone: string, today: LocalDate): Date {
  const begun = localDate(startOfLocalDay(date, trackZone), timeZone);
  const day = [date, begun, addLocalDays(today, 1)].reduce((a, b) => (a > b ? a : b));
  return startOfLocalDay(day, timeZone);
}
