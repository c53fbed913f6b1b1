import { addYears, format, parseISO } from 'date-fns';
import type { LocalDate } from '#shared/domain/schemas';
import type { Say } from '#shared/errors';
import { spoken } from '#shared/i18n/translator';

/** How far ahead a due date may lie: a register tracks what is planned, not what is dreamt of. */
export const DUE_YEARS_AHEAD = 10;

/** The days a due date on a track may fall between, each with why it is the bound. */
export interface DueDateBounds {
  earliest: LocalDate;
  /** Why the earliest day is the bound: a year before today, or the track's first meeting (when earlier). */
  earliestIs: 'year' | 'meeting';
  latest: LocalDate;
}

/**
 * A due date may lie back as far as the track's first meeting (what was agreed there may be
 * overdue since), or a year back when that is earlier, and at most ten years ahead.
 */
export function dueDateBounds(today: LocalDate, meetingDates: readonly LocalDate[]): DueDateBounds {
  const yearBack = shiftYears(today, -1);
  const firstMeeting = [...meetingDates].sort()[0];
  const byMeeting = firstMeeting !== undefined && firstMeeting < yearBack;
  return {
    earliest: byMeeting ? firstMeeting : yearBack,
    earliestIs: byMeeting ? 'meeting' : 'year',
    latest: shiftYears(today, DUE_YEARS_AHEAD),
  };
}

/** Why `due` is no plausible due date within `bounds`, or undefined when it is one. */
export function implausibleDue(due: LocalDate, bounds: DueDateBounds): string | undefined {
  return implausibleDueSpoken(due, bounds)?.text;
}

/** As `implausibleDue`, with its key in the catalogs, so it is said in the reader's language and dates. */
export function implausibleDueSpoken(due: LocalDate, bounds: DueDateBounds): { text: string; say: Say } | undefined {
  if (due >= bounds.earliest && due <= bounds.latest) return undefined;
  return spoken('change.implausibleDue', {
    due: { date: due },
    side: due < bounds.earliest ? 'before' : 'after',
    earliest: { date: bounds.earliest },
    bound: bounds.earliestIs,
    latest: { date: bounds.latest },
    years: DUE_YEARS_AHEAD,
  });
}

function shiftYears(date: LocalDate, years: number): LocalDate {
  return format(addYears(parseISO(date), years), 'yyyy-MM-dd');
}
