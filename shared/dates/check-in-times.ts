import { addLocalDays } from '#shared/dates/flags';
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
