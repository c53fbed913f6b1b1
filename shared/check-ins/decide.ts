import { nextAsk } from '#shared/dates/check-ins';
import { addLocalDays, daysBetween, localDate, nextDue } from '#shared/dates/flags';
import type { CheckInEntry } from '#shared/domain/check-in-message';
import type { Ask, AskReason } from '#shared/domain/check-ins';
import type { Commitment, LocalDate, Track } from '#shared/domain/schemas';

/** What to do with one due ask at the owner's check-in. */
export type AskDecision =
  /** Ask it now, for this reason. */
  | { kind: 'ask'; entry: CheckInEntry }
  /** Not yet: its true next day (in the track's zone) is later. */
  | { kind: 'later'; on: LocalDate }
  /** Never again (closed, archived, gone): out of the index. */
  | { kind: 'never' };

/**
 * Whether an item needs its owner at their check-in on their local `today`, at `now`: its next
 * ask after the last check-in (or, never asked, after the day before it was created) falls on or
 * before both their `today` and the track's date at `now`. Ask dates are dates of the track's
 * zone, as due dates are: an owner ahead of it is not asked before that date has begun there, and
 * the wording counts by the track's date at `now`, as the report does at that instant.
 */
export function decideAsk(
  item: Commitment | undefined,
  track: Pick<Track, 'title' | 'timeZone' | 'checkIns'> | undefined,
  lastAsked: Pick<Ask, 'askedOn' | 'askedAt' | 'askedFor' | 'namedAt'>,
  today: LocalDate,
  now: Date,
): AskDecision {
  if (!item || !track) return { kind: 'never' };
  // Asked before `askedFor` was kept: counted in the track's zone as it is now.
  const after =
    lastAsked.askedFor ??
    (lastAsked.askedOn && lastAsked.askedAt
      ? askedDay(lastAsked.askedOn, new Date(lastAsked.askedAt), track.timeZone)
      : addLocalDays(localDate(new Date(item.createdAt), track.timeZone), -1));
  const next = nextAsk(item, track.checkIns, track.timeZone, after);
  if (!next) return { kind: 'never' };
  const trackToday = localDate(now, track.timeZone);
  const entry = (reason: AskReason) => entryOf(item, track.title, track.timeZone, reason, trackToday);
  // Named by someone else and not asked since: told of the item now, whatever falls due, by its due date when it has one.
  if (isNewTo(lastAsked)) return { kind: 'ask', entry: { ...entry('before-due'), newOwner: true } };
  if (next.on > today || next.on > trackToday) return { kind: 'later', on: next.on };
  return { kind: 'ask', entry: entry(next.reason) };
}

/** Whether the owner was named by someone else after the last check-in that listed the item (or has had none). */
function isNewTo(ask: Pick<Ask, 'askedAt' | 'namedAt'>): boolean {
  return ask.namedAt !== undefined && (ask.askedAt === undefined || ask.askedAt < ask.namedAt);
}

/**
 * The day a check-in made on the owner's `today` at `at` counts as asked, for the next ask: the
 * earlier of their date and the track's then, the latest day whose triggers it could have asked.
 */
export function askedDay(today: LocalDate, at: Date, trackZone: string): LocalDate {
  const trackDay = localDate(at, trackZone);
  return trackDay < today ? trackDay : today;
}

/** Why it is asked as of the track's `today`: a trigger missed on an earlier day may have been overtaken (due soon → overdue). */
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
