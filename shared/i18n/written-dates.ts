import { format, parseISO } from 'date-fns';
import { DEFAULT_LOCALE, INTL_TAG, type Locale } from '#shared/domain/locale';
import type { LocalDate } from '#shared/domain/schemas';

/**
 * Calendar dates written the way each language writes them: "Fri 3 Apr 2026", "2026年4月3日(金)",
 * "2026년 4월 3일 (금)". The translator writes every date through these; the date reader
 * (`shared/dates`) reads dates and never writes them for people.
 */

/** "3 Apr": a date in a line that already says the year around it. */
export function formatShortDate(date: LocalDate, locale: Locale = DEFAULT_LOCALE): string {
  if (locale !== 'en') return intlDate(locale, { month: 'long', day: 'numeric' }).format(utcNoon(date));
  return format(parseISO(date), 'd MMM');
}

/**
 * How a resolved date is echoed back to people: "Fri 3 Apr 2026", "2026年4月3日(金)",
 * "2026년 4월 3일 (금)" (the weekday in brackets as each language writes it).
 */
export function formatLocalDate(date: LocalDate, locale: Locale = DEFAULT_LOCALE): string {
  if (locale === 'en') return format(parseISO(date), 'EEE d MMM yyyy');
  const day = utcNoon(date);
  const weekday = intlDate(locale, { weekday: 'short' }).format(day);
  const written = intlDate(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(day);
  return locale === 'ko' ? `${written} (${weekday})` : `${written}(${weekday})`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date format of the language, cached: a calendar date is written in UTC, where it was parsed. */
function intlDate(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}${JSON.stringify(options)}`;
  let found = dateFormats.get(key);
  if (!found) dateFormats.set(key, (found = new Intl.DateTimeFormat(INTL_TAG[locale], { ...options, timeZone: 'UTC' })));
  return found;
}

function utcNoon(date: LocalDate): Date {
  return new Date(`${date}T12:00:00Z`);
}
