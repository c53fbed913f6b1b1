import { addLocalDays, daysBetween, daysSince, localDate, nextDue, quietAfterDays } from '#shared/dates/flags';
import { OVERDUE_REPEAT_DAYS, type Ask, type AskReason } from '#shared/domain/check-ins';
import { CLOSED_STATUSES, type CheckInSettings, type Commitment, type LocalDate } from '#shared/domain/schemas';

/** When check-ins fall due: pure date arithmetic in the track's time zone. */

type Askable = Pick<Commitment, 'kind' | 'source' | 'status' | 'archived' | 'updatedAt' | 'createdAt' | 'snoozedUntil'>;

/** The next day on which the item needs its owners, strictly after `after`, with why; none for closed or archived items. */
export function nextAsk(
  item: Askable,
  settings: CheckInSettings,
  timeZone: string,
  after: LocalDate,
): { on: LocalDate; reason: AskReason } | undefined {
  if (CLOSED_STATUSES.has(item.status) || item.archived) return undefined;
  const candidates: { on: LocalDate; reason: AskReason }[] = [];
  const due = nextDue(item, timeZone);
  if (due) {
    for (const days of settings.beforeDueDays) candidates.push({ on: addLocalDays(due, -days), reason: 'before-due' });
    // The day after the due date, then every OVERDUE_REPEAT_DAYS: the first of those after `after`.
    const firstOverdue = addLocalDays(due, 1);
    const late = daysBetween(firstOverdue, after);
    const repeats = late < 0 ? 0 : Math.floor(late / OVERDUE_REPEAT_DAYS) + 1;
    candidates.push({ on: addLocalDays(firstOverdue, repeats * OVERDUE_REPEAT_DAYS), reason: 'overdue' });
  }
  // Quiet: no news for longer than its interval since the last update or the last check-in.
  const updatedOn = localDate(new Date(item.updatedAt), timeZone);
  const base = updatedOn > after ? updatedOn : after;
  candidates.push({ on: addLocalDays(base, quietAfterDays(item) + 1), reason: 'quiet' });
  // Before the item existed, nothing was due of it.
  const createdOn = localDate(new Date(item.createdAt), timeZone);
  const pending = candidates.filter((c) => c.on > after && c.on >= createdOn).sort((a, b) => a.on.localeCompare(b.on));
  const next = pending[0];
  if (!next) return undefined;
  // Snoozed: not asked before the snooze ends.
  if (item.snoozedUntil && item.snoozedUntil > next.on) return { on: item.snoozedUntil, reason: next.reason };
  return next;
}

/**
 * When an owner of an item changed on `today` may next need asking: nothing today (someone just
 * touched it), so the first trigger after today. (An owner someone else has just named is asked
 * today instead: see `askWriteItems`.) The sweep corrects it with what it knows.
 */
export function askOnAfterChange(item: Askable, settings: CheckInSettings, timeZone: string, today: LocalDate): LocalDate | undefined {
  return nextAsk(item, settings, timeZone, today)?.on;
}

/**
 * Whether the owner has left a check-in unanswered, and for how many calendar days in the track's
 * `timeZone` (as every other "N days ago" counts, so a DST change moves nothing): asked, and
 * nobody has touched the item since. Closed or archived: never.
 */
export function unanswered(
  item: Pick<Commitment, 'status' | 'archived' | 'updatedAt'>,
  ask: Pick<Ask, 'askedAt'>,
  now: Date,
  timeZone: string,
): { days: number } | undefined {
  if (!ask.askedAt || CLOSED_STATUSES.has(item.status) || item.archived) return undefined;
  if (item.updatedAt >= ask.askedAt) return undefined;
  return { days: daysSince(ask.askedAt, timeZone, now) };
}

/** Whether an unanswered check-in is old enough to be flagged in digests and reports. */
export function escalated(settings: CheckInSettings, wait: { days: number } | undefined): boolean {
  return wait !== undefined && settings.escalateAfterDays !== null && wait.days >= settings.escalateAfterDays;
}

/**
 * The instant from which a sweep picks up an ask due on `date`: the start of that date in the
 * earliest time zone on Earth (UTC+14), so it is read no later than the owner's own morning,
 * wherever they live. The sweep then moves it to the owner's real check-in time.
 */
export function earliestStartOf(date: LocalDate): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - 14 * 3_600_000);
}
