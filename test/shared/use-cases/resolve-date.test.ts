import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#shared/errors';
import { translatorFor } from '#shared/i18n/translator';
import { resolveDate } from '#shared/use-cases/commitments';

// Sunday 1 March 2026, 09:00 in Tokyo.
const now = new Date('2026-03-01T00:00:00Z');
const track = { timeZone: 'Asia/Tokyo' };

function refusalOf(text: string): InvalidInputError {
  try {
    resolveDate(text, track, now);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`"${text}" was read as a date`);
}

/** A refusal as the translator takes it: its English text and its key in the catalogs. */
const said = (error: InvalidInputError) => ({ text: error.message, say: error.say });

describe('a date whose weekday is another day’s', () => {
  it('is refused naming the weekday the date falls on, with the form of a date', () => {
    const refusal = refusalOf('Tue 30 Mar 2026');
    expect(refusal.message).toBe('Mon 30 Mar 2026 is a Monday, not a Tuesday. Write the date again, with its own weekday or none.');
    expect(refusal.hint).toMatch(/^a date like 2026-03-31, /);
  });

  it('is refused in Japanese and Korean in the reader’s own words', async () => {
    const [ja, ko] = await Promise.all([translatorFor('ja'), translatorFor('ko')]);
    expect(ja.say(said(refusalOf('3月30日(火)')))).toBe(
      '2026年3月30日(月) は火曜日ではなく月曜日です。正しい曜日を付けるか、曜日なしで日付を書き直してください。',
    );
    expect(ko.say(said(refusalOf('2026년 3월 30일 (화)')))).toBe(
      '2026년 3월 30일 (월)은(는) 화요일이 아니라 월요일입니다. 올바른 요일을 붙이거나 요일 없이 날짜를 다시 쓰십시오.',
    );
  });

  it('reads the same date with its own weekday', () => {
    expect(resolveDate('Mon 30 Mar 2026', track, now)).toBe('2026-03-30');
    expect(resolveDate('3月30日(月)', track, now)).toBe('2026-03-30');
  });
});
