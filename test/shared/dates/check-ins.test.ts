import { describe, expect, it } from 'vitest';
import { askOnAfterChange, earliestStartOf, escalated, nextAsk, unanswered } from '#shared/dates/check-ins';
import { DEFAULT_CHECK_IN_SETTINGS } from '#shared/domain/check-ins';
import type { Commitment } from '#shared/domain/schemas';

const ZONE = 'Asia/Tokyo';

function item(over: Partial<Commitment> = {}): Pick<Commitment, 'kind' | 'source' | 'status' | 'archived' | 'updatedAt' | 'createdAt' | 'snoozedUntil'> {
  return {
    kind: { type: 'one-off', due: '2026-06-30' },
    source: { meeting: 'Busan summit', date: '2025-09-30' },
    status: 'in-progress',
    createdAt: '2026-05-01T00:00:00.000Z',
    updatedAt: '2026-06-01T00:00:00.000Z',
    ...over,
  };
}

describe('when owners are next asked about an item', () => {
  it('asks 7 days and 1 day before the due date, then the day after it, then weekly while overdue', () => {
    const days: string[] = [];
    let after = '2026-06-01';
    for (let i = 0; i < 5; i++) {
      const next = nextAsk(item(), DEFAULT_CHECK_IN_SETTINGS, ZONE, after)!;
      days.push(`${next.on} ${next.reason}`);
      after = next.on;
    }
    expect(days).toEqual(['2026-06-23 before-due', '2026-06-29 before-due', '2026-07-01 overdue', '2026-07-08 overdue', '2026-07-15 overdue']);
  });

  it('follows the track’s own reminder days', () => {
    expect(nextAsk(item(), { beforeDueDays: [14], escalateAfterDays: 3 }, ZONE, '2026-06-01')).toEqual({ on: '2026-06-16', reason: 'before-due' });
  });

  it('asks about an item with no due date when it goes quiet, counted from the last update or check-in', () => {
    const ongoing = item({ kind: { type: 'ongoing', updateEveryDays: 14 } });
    expect(nextAsk(ongoing, DEFAULT_CHECK_IN_SETTINGS, ZONE, '2026-06-01')).toEqual({ on: '2026-06-16', reason: 'quiet' });
    expect(nextAsk(ongoing, DEFAULT_CHECK_IN_SETTINGS, ZONE, '2026-06-16')).toEqual({ on: '2026-07-01', reason: 'quiet' });
  });

  it('waits for a snooze to end', () => {
    expect(nextAsk(item({ snoozedUntil: '2026-06-27' }), DEFAULT_CHECK_IN_SETTINGS, ZONE, '2026-06-01')).toEqual({ on: '2026-06-27', reason: 'before-due' });
  });

  it('never asks about a closed or archived item, nor about days before it existed', () => {
    expect(nextAsk(item({ status: 'done' }), DEFAULT_CHECK_IN_SETTINGS, ZONE, '2026-06-01')).toBeUndefined();
    expect(nextAsk(item({ archived: { at: '2026-06-01T00:00:00.000Z', by: 'U0A' } }), DEFAULT_CHECK_IN_SETTINGS, ZONE, '2026-06-01')).toBeUndefined();
    const late = item({ createdAt: '2026-06-28T00:00:00.000Z', updatedAt: '2026-06-28T00:00:00.000Z' });
    expect(nextAsk(late, DEFAULT_CHECK_IN_SETTINGS, ZONE, '2026-06-20')?.on).toBe('2026-06-29');
  });

  it('does not ask on the day someone changed the item', () => {
    expect(askOnAfterChange(item(), DEFAULT_CHECK_IN_SETTINGS, ZONE, '2026-06-23')).toBe('2026-06-29');
  });

  it('reads an ask from the start of its day in the earliest zone, so no owner’s morning is missed', () => {
    expect(earliestStartOf('2026-06-23').toISOString()).toBe('2026-06-22T10:00:00.000Z');
  });
});

describe('no answer after a check-in', () => {
  const now = new Date('2026-06-27T00:00:00.000Z');
  it('counts the days since the ask while nobody has touched the item, and flags it from the track’s limit', () => {
    const wait = unanswered(item(), { askedAt: '2026-06-23T00:00:00.000Z' }, now, ZONE);
    expect(wait).toEqual({ days: 4 });
    expect(escalated(DEFAULT_CHECK_IN_SETTINGS, wait)).toBe(true);
    expect(escalated({ beforeDueDays: [7], escalateAfterDays: null }, wait)).toBe(false);
    expect(escalated({ beforeDueDays: [7], escalateAfterDays: 5 }, wait)).toBe(false);
  });
  it('is answered by any change after the ask, and never asked of a closed item', () => {
    expect(unanswered(item({ updatedAt: '2026-06-24T00:00:00.000Z' }), { askedAt: '2026-06-23T00:00:00.000Z' }, now, ZONE)).toBeUndefined();
    expect(unanswered(item({ status: 'done' }), { askedAt: '2026-06-23T00:00:00.000Z' }, now, ZONE)).toBeUndefined();
    expect(unanswered(item(), {}, now, ZONE)).toBeUndefined();
  });
  it('counts calendar days in the track’s zone, not 24-hour periods', () => {
    // Tokyo: asked late on the 23rd (23:00), now early on the 24th (01:00): one day, two hours on.
    expect(unanswered(item(), { askedAt: '2026-06-23T14:00:00.000Z' }, new Date('2026-06-23T16:00:00.000Z'), ZONE)).toEqual({ days: 1 });
    // Washington across spring-forward: Friday 09:00 EST to Monday 09:30 EDT is 71.5 hours, 3 days.
    expect(unanswered(item({ updatedAt: '2026-03-01T00:00:00.000Z' }), { askedAt: '2026-03-06T14:00:00.000Z' }, new Date('2026-03-09T13:30:00.000Z'), 'America/New_York')).toEqual({ days: 3 });
  });
});
