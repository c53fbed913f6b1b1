import { describe, expect, it } from 'vitest';
import { checkInSlot, weekdayOf } from '#shared/dates/check-in-times';

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
});
