import { addYears, format, parseISO } from 'date-fns';
import { formatLocalDate } from '#shared/dates/natural';
import type { LocalDate } from '#shared/domain/schemas';

/** How far ahead a due date may lie: a register tracks what is planned, not what is dreamt of. */
export const DUE_YEARS_AHEAD = 10;

/** The days a due date on a track may fall between, each with why it is the bound. */
export interface DueDateBounds {
  earliest: LocalDate;
  earliestIs: string;
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
    earliestIs: byMeeting ? 'the track’s first meeting' : 'a year back',
    latest: shiftYears(today, DUE_YEARS_AHEAD),
  };
}

/** Why `due` is no plausible due date within `bounds`, or undefined when it is one. */
export function implausibleDue(due: LocalDate, bounds: DueDateBounds): string | undefined {
  if (due >= bounds.earliest && due <= bounds.latest) return undefined;
  const side = due < bounds.earliest ? `before ${formatLocalDate(bounds.earliest)}, ${bounds.earliestIs}` : `more than ${DUE_YEARS_AHEAD} years ahead`;
  return (
    `${formatLocalDate(due)} is ${side}, so it cannot be a due date; ` +
    `a due date falls between ${formatLocalDate(bounds.earliest)} (${bounds.earliestIs}) and ${formatLocalDate(bounds.latest)} (${DUE_YEARS_AHEAD} years ahead). Nothing was changed.`
  );
}

function shiftYears(date: LocalDate, years: number): LocalDate {
  return format(addYears(parseISO(date), years), 'yyyy-MM-dd');
}
