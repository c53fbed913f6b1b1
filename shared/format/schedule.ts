import { tz, tzName } from '@date-fns/tz';
import { format } from 'date-fns';
import { localDate } from '#shared/dates/flags';
import { INTL_TAG } from '#shared/domain/locale';
import type { Schedule } from '#shared/domain/schedule';
import { EN, type Translator } from '#shared/i18n/translator';

/** ISO weekdays 1–7 as the catalogs' select keys. */
const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * A schedule in words: "every Monday at 09:00",
 * "Mondays and Thursdays at 09:00", "every 3 days at 10:00"), or "毎週月曜日 09:00",
 * "매주 월요일 및 목요일 09:00"; with `timeZone`, its name follows in brackets.
 */
export function scheduleText(schedule: Schedule, timeZone?: string, t: Translator = EN): string {
  const zone = timeZone ? ` (${timeZone})` : '';
  const time = schedule.at;
  if (schedule.type === 'interval') return t.t('schedule.interval', { days: schedule.everyDays, time }) + zone;
  const { days } = schedule;
  if (days.length === 7) return t.t('schedule.everyDay', { time }) + zone;
  if (days.join() === '1,2,3,4,5') return t.t('schedule.weekdays', { time }) + zone;
  if (days.join() === '6,7') return t.t('schedule.weekends', { time }) + zone;
  const names = days.map((d) => t.t(days.length === 1 ? 'schedule.day' : 'schedule.days', { day: DAY_KEYS[d - 1]! }));
  return t.t('schedule.weekly', { count: days.length, days: t.and(names), time }) + zone;
}

/**
 * An instant as people read it where the schedule lives: "Mon 9 Mar 2026, 09:00 EDT",
 * "2026年3月9日(月) 09:00 JST", "2026년 3월 9일 (월) 09:00 GMT+9".
 */
export function localTimeText(instant: Date, timeZone: string, t: Translator = EN): string {
  const { date, time } = instantParts(instant, timeZone, t);
  return t.t('schedule.localTime', { date, time, zone: zoneName(instant, timeZone, t) });
}

/** An instant's day, time and zone name in the translator's language: "Mon 2 Mar 2026", "09:00", "Asia/Tokyo". */
export function instantParts(instant: Date, timeZone: string, t: Translator = EN): { date: string; time: string; zone: string } {
  return { date: t.date(localDate(instant, timeZone)), time: format(instant, 'HH:mm', { in: tz(timeZone) }), zone: timeZone };
}

/** The zone's short name as the language writes it: EDT, JST, GMT+9. */
function zoneName(instant: Date, timeZone: string, t: Translator): string {
  if (t.locale === 'en') return tzName(timeZone, instant, 'short');
  const parts = new Intl.DateTimeFormat(INTL_TAG[t.locale], { timeZone, timeZoneName: 'short' }).formatToParts(instant);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}
