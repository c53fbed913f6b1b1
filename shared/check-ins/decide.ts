import { nextAsk } from '#shared/dates/check-ins';
import { addLocalDays, daysBetween, localDate, nextDue } from '#shared/dates/flags';
import type { CheckInEntry } from '#shared/domain/check-in-message';
import type { AskReason } from '#shared/domain/check-ins';
import type { Commitment, LocalDate, Track } from '#shared/domain/schemas';

/** What to do with one due ask on the owner's `today`. */
export type AskDecision =
  /** Ask it today, for this reason. */
  | { kind: 'ask'; entry: CheckInEntry }
  /** Not yet: its true next day is later. */
  | { kind: 'later'; on: LocalDate }
  /** Never again (closed, archived, gone): out of the index. */
  | { kind: 'never' };

/**
 * Whether an item needs its owner on their local `today`: its next ask after the last check-in
 * (or, never asked, after the day before it was created) falls on or before today.
 */
export function decideAsk(
  item: Commitment | undefined,
  track: Pick<Track, 'title' | 'timeZone' | 'checkIns'> | undefined,
  askedOn: LocalDate | undefined,
  today: LocalDate,
): AskDecision {
  if (!item || !track) return { kind: 'never' };
  const after = askedOn ?? addLocalDays(localDate(new Date(item.createdAt), track.timeZone), -1);
  const next = nextAsk(item, track.checkIns, track.timeZone, after);
  if (!next) return { kind: 'never' };
  if (next.on > today) return { kind: 'later', on: next.on };
  return { kind: 'ask', entry: entryOf(item, track.title, track.timeZone, next.reason, today) };
}

/** Why it is asked as of today: a trigger missed on an earlier day may have been overtaken (due soon → overdue). */
function entryOf(item: Commitment, trackTitle: string, timeZone: string, reason: AskReason, today: LocalDate): CheckInEntry {
  const due = nextDue(item, timeZone);
  if (due && due < today) return { item, trackTitle, reason: 'overdue', dueOn: due, days: daysBetween(due, today) };
  if (due && reason !== 'quiet') return { item, trackTitle, reason: 'before-due', dueOn: due, days: daysBetween(today, due) };
  return { item, trackTitle, reason: 'quiet', dueOn: due, days: daysBetween(localDate(new Date(item.updatedAt), timeZone), today) };
}

const URGENCY: Record<AskReason, number> = { overdue: 0, 'before-due': 1, quiet: 2 };

/** Most urgent first: overdue (longest first), then by due date, then quiet. */
export function byUrgency(a: CheckInEntry, b: CheckInEntry): number {
  return URGENCY[a.reason] - URGENCY[b.reason] || (a.reason === 'before-due' ? a.days - b.days : b.days - a.days) || a.item.id.localeCompare(b.item.id);
}
