import { describe, expect, it } from 'vitest';
import { parseNaturalDate, readNaturalDate } from '#shared/dates/natural';
import { formatLocalDate } from '#shared/i18n/written-dates';

// Tuesday 31 March 2026, 20:00 UTC: already Wednesday 1 April in Tokyo.
const now = new Date('2026-03-31T20:00:00Z');
const inUtc = (text: string) => parseNaturalDate(text, { now, timeZone: 'UTC' });
const inTokyo = (text: string) => parseNaturalDate(text, { now, timeZone: 'Asia/Tokyo' });
const inPast = (text: string) => parseNaturalDate(text, { now, timeZone: 'UTC', prefer: 'past' });

describe('parseNaturalDate', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['2027-01-05', '2027-01-05'],
    ['2026-4-3', '2026-04-03'],
    ['31 March 2026', '2026-03-31'],
    ['March 31, 2026', '2026-03-31'],
    ['31/03/2026', '2026-03-31'],
    ['31/3', '2026-03-31'],
    ['3/31/2027', '2027-03-31'],
    ['4/4/2027', '2027-04-04'],
    ['today', '2026-03-31'],
    ['tomorrow', '2026-04-01'],
    ['friday', '2026-04-03'],
    ['Fri', '2026-04-03'],
    ['tuesday', '2026-03-31'],
    ['monday', '2026-04-06'],
    ['this friday', '2026-04-03'],
    ['next friday', '2026-04-10'],
    ['next week', '2026-04-07'],
    ['in 3 days', '2026-04-03'],
    ['in 2 weeks', '2026-04-14'],
    ['in 1 month', '2026-04-30'],
    ['in a week', '2026-04-07'],
    ['3 days from now', '2026-04-03'],
    ['in two years', '2028-03-31'],
    ['end of march', '2026-03-31'],
    ['End of April', '2026-04-30'],
    ['end of february 2028', '2028-02-29'],
    ['end of the month', '2026-03-31'],
    ['end of month', '2026-03-31'],
    ['end of this month', '2026-03-31'],
    ['end of next month', '2026-04-30'],
    ['end of year', '2026-12-31'],
    ['end of the year', '2026-12-31'],
    ['end of next year', '2027-12-31'],
    ['end of the quarter', '2026-03-31'],
    ['end of next quarter', '2026-06-30'],
    ['Q2', '2026-06-30'],
    ['q1', '2026-03-31'],
    ['end of Q4', '2026-12-31'],
    ['Q1 2027', '2027-03-31'],
    ['mid april', '2026-04-15'],
    ['mid-May', '2026-05-15'],
    ['middle of june 2027', '2027-06-15'],
    ['mid march', '2027-03-15'],
    ['15 April 2027 5pm', '2027-04-15'],
    ['last friday', '2026-03-27'],
    ['5 days ago', '2026-03-26'],
  ])('reads "%s" in UTC as %s', (text, expected) => {
    expect(inUtc(text)).toBe(expected);
  });

  it.each([
    ['by friday', '2026-04-03'],
    ['on Friday.', '2026-04-03'],
    ['  END   of  THE month ', '2026-03-31'],
  ])('forgives case, spacing, a leading "by" or "on" and a trailing full stop in "%s"', (text, expected) => {
    expect(inUtc(text)).toBe(expected);
  });

  it('reads every spelled-out count the add command reads, such as "in five weeks" (issue 11)', () => {
    expect(inUtc('in five weeks')).toBe('2026-05-05');
    expect(inUtc('in seven days')).toBe('2026-04-07');
    expect(inUtc('twelve months from now')).toBe('2027-03-31');
  });

  it('reads dates on the calendar of Tokyo when it is already the next day there', () => {
    expect(inTokyo('today')).toBe('2026-04-01');
    expect(inTokyo('tomorrow')).toBe('2026-04-02');
    expect(inTokyo('in 3 days')).toBe('2026-04-04');
    expect(inTokyo('end of the month')).toBe('2026-04-30');
    expect(inTokyo('end of march')).toBe('2027-03-31');
    expect(inTokyo('31 march')).toBe('2027-03-31');
    expect(inTokyo('Q1')).toBe('2027-03-31');
    expect(inTokyo('friday')).toBe('2026-04-03');
    expect(inTokyo('2026-03-31')).toBe('2026-03-31');
  });

  it('reads dates on the calendar of Los Angeles when it is still the day before there', () => {
    // 03:00 UTC on 1 April is 20:00 on 31 March in Los Angeles (PDT).
    const early = new Date('2026-04-01T03:00:00Z');
    const inLa = (text: string) => parseNaturalDate(text, { now: early, timeZone: 'America/Los_Angeles' });
    expect(inLa('today')).toBe('2026-03-31');
    expect(inLa('tomorrow')).toBe('2026-04-01');
    expect(inLa('end of the month')).toBe('2026-03-31');
    expect(parseNaturalDate('today', { now: early, timeZone: 'UTC' })).toBe('2026-04-01');
  });

  it('counts whole calendar days across the spring DST change in New York', () => {
    // 23:30 EST on Saturday 7 March; clocks go forward early on 8 March.
    const late = new Date('2026-03-08T04:30:00Z');
    const inNewYork = (text: string) => parseNaturalDate(text, { now: late, timeZone: 'America/New_York' });
    expect(inNewYork('today')).toBe('2026-03-07');
    expect(inNewYork('tomorrow')).toBe('2026-03-08');
    expect(inNewYork('in 2 days')).toBe('2026-03-09');
    expect(inNewYork('in 1 week')).toBe('2026-03-14');
  });

  it('reads a date without a year or week as the one ahead by default', () => {
    expect(inUtc('13 january')).toBe('2027-01-13');
    expect(inUtc('31 march')).toBe('2026-03-31');
    expect(inUtc('end of february')).toBe('2027-02-28');
  });

  it('reads a date without a year or week as the one behind when the past is preferred', () => {
    expect(inPast('13 january')).toBe('2026-01-13');
    expect(inPast('friday')).toBe('2026-03-27');
    expect(inPast('tuesday')).toBe('2026-03-31');
    expect(inPast('end of april')).toBe('2025-04-30');
    expect(inPast('mid march')).toBe('2026-03-15');
    expect(inPast('yesterday')).toBe('2026-03-30');
    expect(inPast('last friday')).toBe('2026-03-27');
    expect(inPast('2025-09-30')).toBe('2025-09-30');
  });

  it('keeps an explicit direction whatever the preference', () => {
    expect(inPast('next friday')).toBe('2026-04-10');
    expect(inPast('tomorrow')).toBe('2026-04-01');
    expect(inPast('in 2 weeks')).toBe('2026-04-14');
    expect(inUtc('last friday')).toBe('2026-03-27');
  });

  it.each([
    [''],
    ['   '],
    ['whenever'],
    ['soon'],
    ['friday please'],
    ['please friday'],
    ['friday or monday'],
    ['5pm'],
    ['3 to 5 April'],
    ['2026-02-30'],
    ['31 February 2026'],
    ['2026-13-01'],
    ['2026-02-29'],
    ['end of marchish'],
    ['end of the week-ish'],
    ['Q5'],
    ['mid'],
    ['JK-4'],
  ])('rejects "%s", which is not a date on its own', (text) => {
    expect(inUtc(text)).toBeUndefined();
  });
});

describe('a month name with a day', () => {
  // Before: chrono took a day of 10 or more after a month name for a year ("Dec 31" as December 2031) and it was refused.
  it.each([
    ['Dec 31', '2026-12-31'],
    ['March 30', '2027-03-30'],
    ['Oct 12', '2026-10-12'],
    ['Apr 3', '2026-04-03'],
    ['Dec. 31', '2026-12-31'],
    ['march 30th', '2027-03-30'],
    ['Thu Dec 31', '2026-12-31'],
    ['December 31, 2026', '2026-12-31'],
    ['31 Dec', '2026-12-31'],
    ['31st of December 2027', '2027-12-31'],
    ['Thu 31 Dec 2026', '2026-12-31'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(inUtc(text)).toBe(expected);
  });

  it('reads either order as the next such day from today, or the last one when the past is preferred, as "30 Mar" always was', () => {
    // Today is 31 March 2026 in UTC.
    expect(['Mar 31', '31 Mar', 'Mar 30', '30 Mar'].map(inUtc)).toEqual(['2026-03-31', '2026-03-31', '2027-03-30', '2027-03-30']);
    expect(['Apr 1', '1 Apr', 'Mar 31'].map(inPast)).toEqual(['2025-04-01', '2025-04-01', '2026-03-31']);
  });

  it.each([['Feb 30'], ['30 Feb 2027'], ['Dec 32']])('rejects "%s"', (text) => {
    expect(readNaturalDate(text, { now, timeZone: 'UTC' }).kind).not.toBe('date');
  });
});

describe('dates people write (issue 15)', () => {
  it.each([
    ['H1 2027', '2027-06-30'],
    ['h2 2027', '2027-12-31'],
    ['first half of 2027', '2027-06-30'],
    ['the second half of 2027', '2027-12-31'],
    ['by the end of the year', '2026-12-31'],
    ['the end of next year', '2027-12-31'],
    ['next month', '2026-04-30'],
    ['by next month', '2026-04-30'],
    ['next quarter', '2026-06-30'],
    ['mid-2027', '2027-06-30'],
    ['mid 2027', '2027-06-30'],
    ['middle of 2028', '2028-06-30'],
    ['2026年3月31日', '2026-03-31'],
    ['2027年 4月 1日', '2027-04-01'],
    ['2026년 3월 31일', '2026-03-31'],
    ['FY2027', '2027-12-31'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(inUtc(text)).toBe(expected);
  });

  it('reads a fiscal year from the month the track’s fiscal year starts in: Japan’s FY2027 ends on 31 March 2028', () => {
    const inJapan = (text: string) => parseNaturalDate(text, { now, timeZone: 'Asia/Tokyo', fiscalYearStart: 4 });
    expect(inJapan('FY2027')).toBe('2028-03-31');
    expect(inJapan('fy 27')).toBe('2028-03-31');
    expect(inJapan('end of fiscal year 2026')).toBe('2027-03-31');
    // 1 April 2026 in Tokyo: FY2026 is under way.
    expect(inJapan('this fiscal year')).toBe('2027-03-31');
    expect(parseNaturalDate('FY2027', { now, timeZone: 'UTC', fiscalYearStart: 10 })).toBe('2028-09-30');
  });

  it.each([
    ['4/5/2027', '2027-05-04', '2027-04-05'],
    ['4.5.2027', '2027-05-04', '2027-04-05'],
    ['3/4', '2026-04-03', '2027-03-04'],
  ])('never guesses "%s": it reads as either day first or month first', (text, dayFirst, monthFirst) => {
    expect(readNaturalDate(text, { now, timeZone: 'UTC' })).toEqual({ kind: 'ambiguous', dayFirst, monthFirst });
    expect(inUtc(text)).toBeUndefined();
  });

  it.each([['H3 2027'], ['mid-202'], ['2026年13月1日'], ['31/31/2027'], ['FY 2027/28']])('rejects "%s"', (text) => {
    expect(readNaturalDate(text, { now, timeZone: 'UTC' }).kind).not.toBe('date');
  });
});

describe('deadlines as people give them in commands and forms', () => {
  // Today is Tuesday 31 March 2026 in UTC.
  it.each([
    ['Jan 2027', 'end of Jan 2027', '2027-01-31'],
    ['January 2027', 'end of January 2027', '2027-01-31'],
    ['Jan. 2027', 'end of January 2027', '2027-01-31'],
    ['Dec 2026', 'end of December 2026', '2026-12-31'],
    ['february 2028', 'end of february 2028', '2028-02-29'],
    ['2027年1月', '2027年1月末', '2027-01-31'],
    ['2027년 1월', '2027년 1월 말', '2027-01-31'],
  ])('reads the month and year "%s" as "%s" is read: its last day, %s', (text, endOf, expected) => {
    expect(inUtc(text)).toBe(expected);
    expect(inUtc(endOf)).toBe(expected);
  });

  it.each([
    ['march', '2026-03-31'],
    ['April', '2026-04-30'],
    ['feb', '2027-02-28'],
    ['by March', '2026-03-31'],
    ['by april', '2026-04-30'],
    ['by Jan 2027', '2027-01-31'],
    ['by 31 March', '2026-03-31'],
    ['by end of June', '2026-06-30'],
    ['by the end of June', '2026-06-30'],
    ['by Friday', '2026-04-03'],
  ])('reads "%s" as what follows "by" says, a bare month as its next end from today: %s', (text, expected) => {
    expect(inUtc(text)).toBe(expected);
  });

  it('does not read a month without a day where a day that happened is wanted (a visit logged): "end of" says it', () => {
    const past = (text: string) => readNaturalDate(text, { now: new Date('2026-03-25T01:00:00Z'), timeZone: 'UTC', prefer: 'past' });
    for (const text of ['march', 'may', 'Jan 2026', 'by March']) expect(past(text)).toEqual({ kind: 'unreadable' });
    expect(past('end of march')).toEqual({ kind: 'date', date: '2025-03-31' });
    expect(past('end of Jan 2026')).toEqual({ kind: 'date', date: '2026-01-31' });
  });

  it('reads a bare month on the track’s calendar: March is over in Tokyo on 1 April', () => {
    expect(inTokyo('march')).toBe('2027-03-31');
    expect(inTokyo('april')).toBe('2026-04-30');
  });

  it.each([
    ['2027年度', '2028-03-31'],
    ['2027年度末', '2028-03-31'],
    ['2027年度末まで', '2028-03-31'],
    ['2027년도', '2028-03-31'],
    ['2027 회계연도', '2028-03-31'],
    ['2027회계연도 말까지', '2028-03-31'],
  ])('reads the Japanese or Korean fiscal year "%s" as FY2027 is read: %s with an April start', (text, expected) => {
    const inJapan = (phrase: string) => parseNaturalDate(phrase, { now, timeZone: 'Asia/Tokyo', fiscalYearStart: 4 });
    expect(inJapan(text)).toBe(expected);
    expect(inJapan('FY2027')).toBe(expected);
    expect(inUtc(text)).toBe('2027-12-31');
  });

  // 1 March 2026: 30 March 2026 (a Monday) is ahead.
  const march = { now: new Date('2026-03-01T00:00:00Z'), timeZone: 'UTC' };

  it.each([
    ['Tue 30 Mar 2026', '2026-03-30', 'mon', 'tue'],
    ['Tuesday, March 30, 2026', '2026-03-30', 'mon', 'tue'],
    ['sun 2026-03-30', '2026-03-30', 'mon', 'sun'],
    ['fri 31 dec', '2026-12-31', 'thu', 'fri'],
    ['3月30日(火)', '2026-03-30', 'mon', 'tue'],
    ['2026年3月30日（火）', '2026-03-30', 'mon', 'tue'],
    ['2026年3月30日火曜日まで', '2026-03-30', 'mon', 'tue'],
    ['2026년 3월 30일 (화)', '2026-03-30', 'mon', 'tue'],
    ['2026년 3월 30일 토요일', '2026-03-30', 'mon', 'sat'],
  ])('never picks between a date and a weekday it does not fall on: "%s" (%s is a %s)', (text, date, weekday, stated) => {
    expect(readNaturalDate(text, march)).toEqual({ kind: 'wrongWeekday', date, weekday, stated });
    expect(parseNaturalDate(text, march)).toBeUndefined();
  });

  it.each([['Mon 30 Mar 2026'], ['monday, march 30, 2026'], ['mon 2026-03-30'], ['3月30日(月)'], ['2026年3月30日月曜日'], ['2026년 3월 30일 (월요일)까지']])(
    'reads "%s", whose weekday is the date’s own',
    (text) => {
      expect(parseNaturalDate(text, march)).toBe('2026-03-30');
    },
  );
});

describe('formatLocalDate', () => {
  it('shows the weekday, day, short month and year', () => {
    expect(formatLocalDate('2026-04-03')).toBe('Fri 3 Apr 2026');
    expect(formatLocalDate('2026-12-25')).toBe('Fri 25 Dec 2026');
    expect(formatLocalDate('2028-02-29')).toBe('Tue 29 Feb 2028');
  });
});
