import { describe, expect, it } from 'vitest';
import { deriveFlags, localDate, nextDue } from '#shared/dates/flags';
import type { Commitment } from '#shared/domain/schemas';

type Dated = Pick<Commitment, 'kind' | 'source' | 'status' | 'updatedAt' | 'createdAt'>;

const createdAt = '2026-01-12T00:00:00.000Z';

const source = { meeting: 'Summit', date: '2026-01-10' };
const oneOff = (due: string, updatedAt = '2026-03-20T00:00:00.000Z'): Dated => ({
  kind: { type: 'one-off', due },
  source,
  status: 'in-progress',
  updatedAt,
  createdAt,
});

describe('deriveFlags', () => {
  it('keeps an item due today in Tokyo on time until Tokyo midnight, even when it is still the day before in UTC', () => {
    // 2026-03-31 14:59:59Z is 23:59:59 on 31 March in Tokyo.
    expect(deriveFlags(oneOff('2026-03-31'), 'Asia/Tokyo', new Date('2026-03-31T14:59:59Z'))).toEqual({
      dueSoon: { days: 0, due: '2026-03-31' },
    });
    // One second later it is 1 April in Tokyo, still 31 March in UTC.
    expect(deriveFlags(oneOff('2026-03-31'), 'Asia/Tokyo', new Date('2026-03-31T15:00:00Z'))).toEqual({
      overdue: { days: 1, due: '2026-03-31' },
    });
    expect(deriveFlags(oneOff('2026-03-31'), 'UTC', new Date('2026-03-31T15:00:00Z'))).toEqual({
      dueSoon: { days: 0, due: '2026-03-31' },
    });
  });

  it('counts whole local days across the spring DST change in New York', () => {
    // Clocks go forward on 8 March 2026; 23:30 local on 9 March is 03:30Z on 10 March.
    const now = new Date('2026-03-10T03:30:00Z');
    expect(localDate(now, 'America/New_York')).toBe('2026-03-09');
    expect(deriveFlags(oneOff('2026-03-07'), 'America/New_York', now)).toEqual({ overdue: { days: 2, due: '2026-03-07' } });
    expect(deriveFlags(oneOff('2026-03-16'), 'America/New_York', now)).toEqual({ dueSoon: { days: 7, due: '2026-03-16' } });
    expect(deriveFlags(oneOff('2026-03-17'), 'America/New_York', now)).toEqual({});
  });

  it('counts whole local days across the autumn DST change in New York', () => {
    // Clocks go back on 1 November 2026; 00:30 local on 2 November is 05:30Z.
    const now = new Date('2026-11-02T05:30:00Z');
    expect(deriveFlags(oneOff('2026-11-01', '2026-10-30T00:00:00.000Z'), 'America/New_York', now)).toEqual({
      overdue: { days: 1, due: '2026-11-01' },
    });
  });

  it('marks an ongoing item quiet once its update interval has passed, counted in local days', () => {
    const item: Dated = { kind: { type: 'ongoing', updateEveryDays: 30 }, source, status: 'in-progress', updatedAt: '2026-01-01T16:00:00.000Z', createdAt: '2026-01-01T16:00:00.000Z' };
    // Updated at 01:00 on 2 January Tokyo time.
    expect(deriveFlags(item, 'Asia/Tokyo', new Date('2026-02-01T14:59:00Z'))).toEqual({});
    expect(deriveFlags(item, 'Asia/Tokyo', new Date('2026-02-01T15:00:00Z'))).toEqual({ quiet: { days: 31 } });
    // In UTC the update fell on 1 January, so it goes quiet a day earlier.
    expect(deriveFlags(item, 'UTC', new Date('2026-02-01T00:00:00Z'))).toEqual({ quiet: { days: 31 } });
  });

  it('makes a recurring item due one cadence after its last occurrence', () => {
    const item: Dated = {
      kind: { type: 'recurring', every: { count: 6, unit: 'months' }, occurrences: [{ date: '2025-09-30' }, { date: '2025-06-01' }] },
      source,
      status: 'in-progress',
      updatedAt: '2026-03-25T00:00:00.000Z',
      createdAt,
    };
    expect(nextDue(item, 'Asia/Tokyo')).toBe('2026-03-30');
    expect(deriveFlags(item, 'Asia/Tokyo', new Date('2026-03-25T00:00:00Z'))).toEqual({ dueSoon: { days: 5, due: '2026-03-30' } });
    expect(deriveFlags(item, 'Asia/Tokyo', new Date('2026-04-02T00:00:00Z'))).toEqual({ overdue: { days: 3, due: '2026-03-30' } });
  });

  it('counts a recurring item with no occurrence from the day it was added in its zone, not from its source meeting (issue 15)', () => {
    const added: Dated = {
      kind: { type: 'recurring', every: { count: 2, unit: 'weeks' }, occurrences: [] },
      source: { meeting: 'Busan summit', date: '2025-09-30' },
      status: 'not-started',
      // 00:30 on 13 November in Tokyo, still 12 November in UTC.
      createdAt: '2026-11-12T15:30:00.000Z',
      updatedAt: '2026-11-12T15:30:00.000Z',
    };
    expect(nextDue(added, 'Asia/Tokyo')).toBe('2026-11-27');
    expect(nextDue(added, 'UTC')).toBe('2026-11-26');
    expect(deriveFlags(added, 'Asia/Tokyo', new Date('2026-11-20T00:00:00Z'))).toEqual({ dueSoon: { days: 7, due: '2026-11-27' } });
  });

  it('counts a recurring item taken from its meeting (seed, import) from that meeting’s date', () => {
    const seeded: Dated = {
      kind: { type: 'recurring', every: { count: 6, unit: 'months' }, occurrences: [] },
      source: { meeting: 'Busan summit', date: '2025-09-30', point: 'Leader visits' },
      status: 'in-progress',
      createdAt: '2026-02-01T00:00:00.000Z',
      updatedAt: '2026-02-01T00:00:00.000Z',
    };
    expect(nextDue(seeded, 'Asia/Tokyo')).toBe('2026-03-30');
  });

  it('gives closed items no flags', () => {
    expect(deriveFlags({ ...oneOff('2020-01-01', '2020-01-01T00:00:00.000Z'), status: 'done' }, 'Asia/Tokyo', new Date('2026-01-01T00:00:00Z'))).toEqual({});
    expect(deriveFlags({ ...oneOff('2020-01-01', '2020-01-01T00:00:00.000Z'), status: 'dropped' }, 'Asia/Tokyo', new Date('2026-01-01T00:00:00Z'))).toEqual({});
  });
});
