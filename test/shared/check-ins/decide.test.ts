import { describe, expect, it } from 'vitest';
import { askedDay, decideAsk } from '#shared/check-ins/decide';
import { DEFAULT_CHECK_IN_SETTINGS } from '#shared/domain/check-ins';
import type { Commitment } from '#shared/domain/schemas';

// Regression (check-ins counted days in the owner's zone): due dates are dates of the track's
// zone, so an owner ahead of it or behind it is asked, and told, by the track's date.
const trackIn = (timeZone: string) => ({ title: 'Track', timeZone, checkIns: DEFAULT_CHECK_IN_SETTINGS });

function item(due: string): Commitment {
  return {
    teamId: 'T0DECIDE',
    track: 'track',
    id: 'TR-1',
    seq: 1,
    title: 'Item',
    parties: ['JP', 'KR'],
    owners: [{ label: 'MOFA', slackUserId: 'U0OWNER' }],
    compliance: {},
    source: { meeting: 'Busan summit', date: '2025-09-30' },
    kind: { type: 'one-off', due },
    status: 'in-progress',
    notes: [],
    version: 1,
    createdAt: '2026-03-01T00:00:00.000Z',
    createdBy: 'U0A',
    updatedAt: '2026-03-01T00:00:00.000Z',
    updatedBy: 'U0A',
  };
}

const never = {};

describe('deciding a check-in by the track’s date', () => {
  it('tells an owner ahead of the track’s zone what the report says at that instant', () => {
    // Tue 31 March 09:00 in Tokyo is Mon 30 March 20:00 in Washington: due today, not overdue.
    const tokyo = decideAsk(item('2026-03-30'), trackIn('America/New_York'), never, '2026-03-31', new Date('2026-03-31T00:00:30Z'));
    expect(tokyo).toMatchObject({ kind: 'ask', entry: { reason: 'before-due', days: 0 } });
    // Tue 31 March 09:00 on Kiritimati (UTC+14) is Mon 30 March 08:00 in Pago Pago (UTC−11): due tomorrow.
    const line = decideAsk(item('2026-03-31'), trackIn('Pacific/Pago_Pago'), never, '2026-03-31', new Date('2026-03-30T19:00:30Z'));
    expect(line).toMatchObject({ kind: 'ask', entry: { reason: 'before-due', days: 1 } });
  });

  it('puts off an ask whose date has not begun in the track’s zone, even on the owner’s own date', () => {
    // Asked on 31 March in Tokyo (30 March in Washington); the overdue ask falls on 31 March there.
    const asked = { askedOn: '2026-03-31', askedAt: '2026-03-31T00:00:30.000Z' };
    const at = (instant: string, today: string) => decideAsk(item('2026-03-30'), trackIn('America/New_York'), asked, today, new Date(instant));
    expect(at('2026-03-31T03:00:00Z', '2026-03-31')).toEqual({ kind: 'later', on: '2026-03-31' });
    // Wed 1 April 09:00 in Tokyo is Tue 31 March 20:00 in Washington: 1 day overdue.
    expect(at('2026-04-01T00:00:30Z', '2026-04-01')).toMatchObject({ kind: 'ask', entry: { reason: 'overdue', days: 1 } });
  });

  it('asks an owner behind the track’s zone on their own date, and once for each ask', () => {
    // 09:00 in Honolulu on 9 March is 04:00 on 10 March in Tokyo: the 10 March ask waits for their 10 March.
    const honolulu = (asked: object, today: string, instant: string) => decideAsk(item('2026-03-17'), trackIn('Asia/Tokyo'), asked, today, new Date(instant));
    expect(honolulu(never, '2026-03-09', '2026-03-09T19:00:30Z')).toEqual({ kind: 'later', on: '2026-03-10' });
    expect(honolulu(never, '2026-03-10', '2026-03-10T19:00:30Z')).toMatchObject({ kind: 'ask', entry: { days: 6 } });
    // Asked then (11 March in Tokyo): counted as asked on their 10 March, so their next day is not asked again.
    const asked = { askedOn: '2026-03-10', askedAt: '2026-03-10T19:00:30.000Z' };
    expect(askedDay(asked.askedOn, new Date(asked.askedAt), 'Asia/Tokyo')).toBe('2026-03-10');
    expect(honolulu(asked, '2026-03-11', '2026-03-11T19:00:30Z')).toEqual({ kind: 'later', on: '2026-03-16' });
  });
});

describe('an owner someone else has just named', () => {
  const tokyo = trackIn('Asia/Tokyo');
  const now = new Date('2026-03-10T00:00:30Z');

  it('is told of the item at their next check-in, though nothing falls due for months', () => {
    const named = { namedAt: '2026-03-09T05:00:00.000Z' };
    expect(decideAsk(item('2026-09-30'), tokyo, never, '2026-03-10', now)).toEqual({ kind: 'later', on: expect.any(String) });
    expect(decideAsk(item('2026-09-30'), tokyo, named, '2026-03-10', now)).toMatchObject({ kind: 'ask', entry: { reason: 'before-due', newOwner: true } });
  });

  it('is told once: after a check-in has listed the item, the usual days apply', () => {
    const asked = { namedAt: '2026-03-09T05:00:00.000Z', askedOn: '2026-03-10', askedAt: '2026-03-10T00:00:30.000Z' };
    expect(decideAsk(item('2026-09-30'), tokyo, asked, '2026-03-11', new Date('2026-03-11T00:00:30Z'))).toMatchObject({ kind: 'later' });
    // Handed back to them after that check-in: told again.
    expect(decideAsk(item('2026-09-30'), tokyo, { ...asked, namedAt: '2026-03-10T06:00:00.000Z' }, '2026-03-11', new Date('2026-03-11T00:00:30Z'))).toMatchObject({ kind: 'ask', entry: { newOwner: true } });
  });

  it('is not asked about an item closed since', () => {
    expect(decideAsk({ ...item('2026-09-30'), status: 'done' }, tokyo, { namedAt: '2026-03-09T05:00:00.000Z' }, '2026-03-10', now)).toEqual({ kind: 'never' });
  });
});

describe('a track whose zone changed after a check-in', () => {
  it('counts the next ask from the day that check-in was counted for, not from that day recomputed in the new zone', () => {
    // Asked 09:00 in Tokyo on 3 April about "7 days before 10 April", while the track was in Tokyo; since moved to New York.
    const asked = { askedOn: '2026-04-03', askedAt: '2026-04-03T00:00:30.000Z', askedFor: '2026-04-03' };
    const next = decideAsk(item('2026-04-10'), trackIn('America/New_York'), asked, '2026-04-04', new Date('2026-04-04T00:00:30Z'));
    expect(next).toEqual({ kind: 'later', on: '2026-04-09' });
  });
});
