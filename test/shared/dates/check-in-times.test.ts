import { describe, expect, it } from 'vitest';
import { checkInSlot, readAgainAt, weekdayOf } from '#shared/dates/check-in-times';

const weekdays = { time: '09:00', days: [1, 2, 3, 4, 5] };

describe('check-in times', () => {
  it('reads the day of the week of a local date', () => {
    expect(weekdayOf('2026-03-14')).toBe(6);
    expect(weekdayOf('2026-03-16')).toBe(1);
  });

  it('asks on the day itself at the chosen time in the person’s zone', () => {
    expect(checkInSlot(weekdays, 'America/New_York', '2026-03-10')).toEqual({ date: '2026-03-10', at: new Date('2026-03-10T13:00:00Z') });
    expect(checkInSlot({ ...weekdays, time: '07:30' }, 'Asia/Tokyo', '2026-03-10')).toEqual({ date: '2026-03-10', at: new Date('2026-03-09T22:30:00Z') });
  });

  it('moves a weekend to Monday unless the person takes weekends', () => {
    expect(checkInSlot(weekdays, 'Europe/Paris', '2026-03-14').date).toBe('2026-03-16');
    expect(checkInSlot({ ...weekdays, days: [0, 6] }, 'Europe/Paris', '2026-03-14').date).toBe('2026-03-14');
  });

  it('waits until the day after a pause, then for a day the person is asked', () => {
    expect(checkInSlot({ ...weekdays, pausedUntil: '2026-03-12' }, 'UTC', '2026-03-10').date).toBe('2026-03-13');
    expect(checkInSlot({ ...weekdays, pausedUntil: '2026-03-13' }, 'UTC', '2026-03-10').date).toBe('2026-03-16');
    expect(checkInSlot({ ...weekdays, pausedUntil: '2026-03-01' }, 'UTC', '2026-03-10').date).toBe('2026-03-10');
  });

  it('reads a later ask again at the start of the person’s first day on which its date has begun in the track’s zone', () => {
    // Same zone: the start of that date.
    expect(readAgainAt('2026-03-16', 'Asia/Tokyo', 'Asia/Tokyo', '2026-03-10')).toEqual(new Date('2026-03-15T15:00:00Z'));
    // 31 March begins in Washington at 13:00 in Tokyo, after a Tokyo morning: the next day.
    expect(readAgainAt('2026-03-31', 'America/New_York', 'Asia/Tokyo', '2026-03-31')).toEqual(new Date('2026-03-31T15:00:00Z'));
    // 10 March begins in Tokyo on 9 March in Los Angeles: their own 10 March.
    expect(readAgainAt('2026-03-10', 'Asia/Tokyo', 'America/Los_Angeles', '2026-03-08')).toEqual(new Date('2026-03-10T07:00:00Z'));
    // Never today: once a day.
    expect(readAgainAt('2026-03-10', 'UTC', 'UTC', '2026-03-10')).toEqual(new Date('2026-03-11T00:00:00Z'));
  });
});
