import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#shared/errors';
import { DEFAULT_SCHEDULE, nextRun, parseSchedule, zonedTime } from '#shared/dates/schedule';
import { localTimeText, scheduleText } from '#shared/format/schedule';
import { ScheduleSchema } from '#shared/domain/schedule';

const now = new Date('2026-03-01T12:00:00Z'); // Sunday
const parse = (text?: string, timeZone = 'Asia/Tokyo') => parseSchedule(text, { timeZone, now });
const NY = 'America/New_York';

describe('parseSchedule', () => {
  it.each([
    ['daily 08:30', { type: 'weekly', days: [1, 2, 3, 4, 5, 6, 7], at: '08:30' }],
    ['every day at 9', { type: 'weekly', days: [1, 2, 3, 4, 5, 6, 7], at: '09:00' }],
    ['every monday 09:00', { type: 'weekly', days: [1], at: '09:00' }],
    ['mondays and thursdays 9:00', { type: 'weekly', days: [1, 4], at: '09:00' }],
    ['weekdays 08:00', { type: 'weekly', days: [1, 2, 3, 4, 5], at: '08:00' }],
    ['Mon, Wed & Fri 5:30pm', { type: 'weekly', days: [1, 3, 5], at: '17:30' }],
    ['every 3 days 10:00', { type: 'interval', everyDays: 3, from: '2026-03-01', at: '10:00' }],
    ['tuesdays', { type: 'weekly', days: [2], at: '09:00' }],
    ['at 7am', { type: 'weekly', days: [1], at: '07:00' }],
  ])('reads %j', (text, schedule) => {
    expect(parse(text).schedule).toEqual(schedule);
  });

  it('defaults to every Monday at 09:00 in the track zone when nothing is given', () => {
    expect(parse(undefined)).toEqual({ schedule: DEFAULT_SCHEDULE, timeZone: 'Asia/Tokyo' });
    expect(parse('  ')).toEqual({ schedule: { type: 'weekly', days: [1], at: '09:00' }, timeZone: 'Asia/Tokyo' });
  });

  it('takes the zone from tz <Zone>, in any letter case', () => {
    expect(parse('weekdays 08:00 tz america/new_york')).toEqual({ schedule: { type: 'weekly', days: [1, 2, 3, 4, 5], at: '08:00' }, timeZone: NY });
    expect(parse('daily 9 Europe/Paris').timeZone).toBe('Europe/Paris');
    expect(parse('daily 09:00 utc').timeZone).toBe('UTC');
    expect(parse('daily 09:00 in UTC').timeZone).toBe('UTC');
  });

  it('keeps a zone under the name it was typed with, not ICU’s legacy one', () => {
    expect(parse('daily 09:00 tz Europe/Kyiv').timeZone).toBe('Europe/Kyiv');
    expect(parse('daily 09:00 in Asia/Kolkata').timeZone).toBe('Asia/Kolkata');
  });

  it('counts every N days from today in the schedule zone', () => {
    // 12:00Z on 1 March is already 2 March in Auckland.
    expect(parse('every 2 days 07:00 tz Pacific/Auckland').schedule).toMatchObject({ type: 'interval', from: '2026-03-02' });
  });

  it.each(['fortnightly', 'every 0 days', 'mondays 25:00', 'every 3 days mondays', 'tz Mars/Olympus', '13pm'])('refuses %j with the right forms', (text) => {
    const error = (() => {
      try {
        parse(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).hint).toContain('every monday 09:00');
  });

  it('produces schedules the schema accepts', () => {
    for (const text of ['daily 08:30', 'every 3 days 10:00', undefined]) expect(ScheduleSchema.safeParse(parse(text).schedule).success).toBe(true);
  });
});

describe('nextRun', () => {
  const mondays = parse('every monday 09:00').schedule;
  const daily = (at: string) => ({ type: 'weekly' as const, days: [1, 2, 3, 4, 5, 6, 7], at });

  it('returns the next slot strictly after the given instant', () => {
    // 09:00 Tokyo = 00:00Z.
    expect(nextRun(mondays, 'Asia/Tokyo', new Date('2026-03-01T12:00:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(nextRun(mondays, 'Asia/Tokyo', new Date('2026-03-02T00:00:00Z')).toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(nextRun(mondays, 'Asia/Tokyo', new Date('2026-03-01T23:59:59.999Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('keeps 09:00 local through the DST week in America/New_York (EST 14:00Z, then EDT 13:00Z)', () => {
    const runs: string[] = [];
    let after = new Date('2026-03-05T00:00:00Z');
    for (let i = 0; i < 6; i++) {
      after = nextRun(daily('09:00'), NY, after);
      runs.push(after.toISOString());
    }
    expect(runs).toEqual([
      '2026-03-05T14:00:00.000Z',
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z', // Sunday 8 March: clocks went forward at 02:00
      '2026-03-09T13:00:00.000Z',
      '2026-03-10T13:00:00.000Z',
    ]);
    expect(nextRun(mondays, NY, new Date('2026-03-02T00:00:00Z')).toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(nextRun(mondays, NY, new Date('2026-03-02T14:00:00Z')).toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('moves a time the spring-forward gap skips forward by the gap', () => {
    // 02:30 does not exist on 8 March 2026 in New York: it runs at 03:30 EDT (07:30Z).
    expect(nextRun(daily('02:30'), NY, new Date('2026-03-07T12:00:00Z')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(nextRun(daily('02:30'), NY, new Date('2026-03-08T07:30:00Z')).toISOString()).toBe('2026-03-09T06:30:00.000Z');
  });

  it('takes the first of a time the autumn fall-back repeats, once', () => {
    // 01:30 happens twice on 1 November 2026: 05:30Z (EDT) and 06:30Z (EST).
    expect(nextRun(daily('01:30'), NY, new Date('2026-11-01T00:00:00Z')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(nextRun(daily('01:30'), NY, new Date('2026-11-01T05:30:00Z')).toISOString()).toBe('2026-11-02T06:30:00.000Z');
  });

  it('runs every N days from the day it was set up', () => {
    const every3 = parse('every 3 days 10:00', 'UTC').schedule;
    const runs: string[] = [];
    let after = now;
    for (let i = 0; i < 3; i++) runs.push((after = nextRun(every3, 'UTC', after)).toISOString());
    expect(runs).toEqual(['2026-03-04T10:00:00.000Z', '2026-03-07T10:00:00.000Z', '2026-03-10T10:00:00.000Z']);
  });

  it('finds a slot for any instant within a week (weekly) or the interval', () => {
    for (let h = 0; h < 24 * 8; h += 5) {
      const after = new Date(now.getTime() + h * 3_600_000);
      const next = nextRun(mondays, NY, after);
      expect(next.getTime()).toBeGreaterThan(after.getTime());
      expect(next.getTime() - after.getTime()).toBeLessThanOrEqual(7 * 86_400_000 + 3_600_000);
    }
  });
});

describe('zonedTime', () => {
  it('reads wall-clock times as instants in their zone', () => {
    expect(zonedTime('2026-03-06', '09:00', NY).toISOString()).toBe('2026-03-06T14:00:00.000Z');
    expect(zonedTime('2026-03-09', '09:00', NY).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(zonedTime('2026-06-01', '09:00', 'Asia/Tokyo').toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });
});

describe('scheduleText', () => {
  it.each([
    ['daily 08:30', 'every day at 08:30'],
    ['weekdays 08:00', 'weekdays at 08:00'],
    ['every monday 09:00', 'every Monday at 09:00'],
    ['mondays and thursdays 9:00', 'Mondays and Thursdays at 09:00'],
    ['every 3 days 10:00', 'every 3 days at 10:00'],
  ])('says %j as %j', (text, said) => {
    expect(scheduleText(parse(text).schedule)).toBe(said);
  });

  it('names the zone when given one, and shows instants in it', () => {
    expect(scheduleText(DEFAULT_SCHEDULE, NY)).toBe('every Monday at 09:00 (America/New_York)');
    expect(localTimeText(new Date('2026-03-09T13:00:00Z'), NY)).toBe('Mon 9 Mar 2026, 09:00 EDT');
  });
});
