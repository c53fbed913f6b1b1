import { describe, expect, it } from 'vitest';
import { cadenceText, flagPhrases, formatDayOf, lastOccurrenceText, meetingText, oneOffText, ongoingText, statusCountText } from '#shared/format/text';

const upper = (text: string) => text.toUpperCase();

describe('plain text shared by Slack messages and exports', () => {
  it('words each raised flag, overdue first', () => {
    const phrases = flagPhrases({ overdue: { days: 3, due: '2026-03-03' }, quiet: { days: 1 } });
    expect(phrases).toEqual([
      { flag: 'overdue', text: 'overdue 3 days (due Tue 3 Mar 2026)' },
      { flag: 'quiet', text: 'quiet for 1 day' },
    ]);
    expect(flagPhrases({ dueSoon: { days: 0, due: '2026-03-06' } })).toEqual([{ flag: 'dueSoon', text: 'due today (Fri 6 Mar 2026)' }]);
    expect(flagPhrases({})).toEqual([]);
  });

  it('names the day an instant falls on in the given zone', () => {
    expect(formatDayOf('2026-03-02T16:00:00.000Z', 'Asia/Tokyo')).toBe('Tue 3 Mar 2026');
    expect(formatDayOf(new Date('2026-03-02T16:00:00.000Z'), 'Europe/London')).toBe('Mon 2 Mar 2026');
  });

  it('words kinds and counts the same way everywhere', () => {
    expect(statusCountText('in-progress', 3)).toBe('3 in progress');
    expect(oneOffText('2026-06-30')).toBe('One-off, due Tue 30 Jun 2026');
    expect(oneOffText(undefined)).toBe('One-off, no date set');
    // Issue 15: a count of one reads without its number.
    expect(cadenceText({ count: 1, unit: 'years' })).toBe('every year');
    expect(cadenceText({ count: 1, unit: 'weeks' })).toBe('every week');
    expect(ongoingText(1)).toBe('Ongoing, update expected every day');
    expect(cadenceText(undefined)).toBe('no fixed interval');
    expect(ongoingText(30)).toBe('Ongoing, update expected every 30 days');
  });

  it('escapes user text with the escape of the surface it lands on', () => {
    expect(lastOccurrenceText({ date: '2025-09-30', place: 'Busan' }, upper)).toBe('last Tue 30 Sep 2025 in BUSAN');
    expect(meetingText({ name: 'Summit', place: 'Busan', date: '2025-09-30' }, upper)).toBe('SUMMIT, BUSAN, Tue 30 Sep 2025');
    expect(meetingText({ name: 'Summit', date: '2025-09-30' }, upper)).toBe('SUMMIT, Tue 30 Sep 2025');
  });
});
