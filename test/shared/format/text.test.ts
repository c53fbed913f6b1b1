import { describe, expect, it } from 'vitest';
import { flagPhrases, formatDayOf, meetingText, statusCountText } from '#shared/format/text';

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
  });

  it('escapes user text with the escape of the surface it lands on', () => {
    expect(meetingText({ name: 'Summit', place: 'Busan', date: '2025-09-30' }, upper)).toBe('SUMMIT, BUSAN, Tue 30 Sep 2025');
    expect(meetingText({ name: 'Summit', date: '2025-09-30' }, upper)).toBe('SUMMIT, Tue 30 Sep 2025');
  });
});
