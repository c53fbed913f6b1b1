import { describe, expect, it } from 'vitest';
import { parseNaturalDate, readNaturalDate } from '#shared/dates/natural';

// Monday 7 December 2026, 10:00 in Tokyo and Seoul.
const now = new Date('2026-12-07T01:00:00Z');
const due = (text: string) => parseNaturalDate(text, { now, timeZone: 'Asia/Tokyo' });
const logged = (text: string) => parseNaturalDate(text, { now, timeZone: 'Asia/Seoul', prefer: 'past' });

/** Issue 26: due dates and periods typed in Japanese and Korean mean what their English does. */
describe('Japanese and Korean dates and periods', () => {
  it.each([
    ['来月末', '2027-01-31', 'end of next month'],
    ['다음 달 말', '2027-01-31', 'end of next month'],
    ['다음달 말', '2027-01-31', 'end of next month'],
    ['来月', '2027-01-31', 'next month'],
    ['다음 달', '2027-01-31', 'next month'],
    ['来月末まで', '2027-01-31', 'by the end of next month'],
    ['다음 달 말까지', '2027-01-31', 'by the end of next month'],
    ['今月末', '2026-12-31', 'end of this month'],
    ['이번 달 말', '2026-12-31', 'end of this month'],
    ['이달 말', '2026-12-31', 'end of this month'],
    ['来週', '2026-12-14', 'next week'],
    ['다음 주', '2026-12-14', 'next week'],
    ['来週金曜日', '2026-12-18', 'next friday'],
    ['다음 주 금요일', '2026-12-18', 'next friday'],
    ['金曜日', '2026-12-11', 'friday'],
    ['금요일', '2026-12-11', 'friday'],
    ['3日後', '2026-12-10', 'in 3 days'],
    ['３日後', '2026-12-10', 'in 3 days'],
    ['3일 후', '2026-12-10', 'in 3 days'],
    ['2週間後', '2026-12-21', 'in 2 weeks'],
    ['2주 후', '2026-12-21', 'in 2 weeks'],
    ['3か月後', '2027-03-07', 'in 3 months'],
    ['3개월 후', '2027-03-07', 'in 3 months'],
    ['1年後', '2027-12-07', 'in 1 year'],
    ['明日', '2026-12-08', 'tomorrow'],
    ['내일', '2026-12-08', 'tomorrow'],
    ['年末', '2026-12-31', 'end of the year'],
    ['올해 말', '2026-12-31', 'end of the year'],
    ['来年末', '2027-12-31', 'end of next year'],
    ['내년 말', '2027-12-31', 'end of next year'],
    ['3月末', '2027-03-31', 'end of march'],
    ['3월 말', '2027-03-31', 'end of march'],
    ['3월까지', '2027-03-31', 'by march'],
    ['2027年6月末', '2027-06-30', 'end of june 2027'],
    ['2027년 상반기', '2027-06-30', 'H1 2027'],
    ['12月31日', '2026-12-31', '31 December'],
    ['3月1日', '2027-03-01', '1 March'],
    ['3월 1일', '2027-03-01', '1 March'],
    ['2027年3月31日', '2027-03-31', 'a full date'],
    ['2027년 3월 31일', '2027-03-31', 'a full date'],
    ['2027年3月31日(水)', '2027-03-31', 'a full date as the bot writes it'],
    ['2027年3月31日（水）', '2027-03-31', 'a full date as a Japanese keyboard writes it'],
    ['2027년 3월 31일 (수)', '2027-03-31', 'a full date as the bot writes it'],
    ['2027年3月31日まで', '2027-03-31', 'by a full date'],
    ['2027년 3월 31일 (수요일)까지', '2027-03-31', 'by a full date'],
    ['3月1日まで', '2027-03-01', 'by 1 March'],
    ['3月1日までに', '2027-03-01', 'by 1 March'],
    ['3월 1일까지', '2027-03-01', 'by 1 March'],
    ['3月1日(月)', '2027-03-01', '1 March'],
    ['2027年度', '2027-12-31', 'FY2027'],
    ['2027年度末まで', '2027-12-31', 'by the end of FY2027'],
    ['2027년도', '2027-12-31', 'FY2027'],
    ['2027 회계연도', '2027-12-31', 'FY2027'],
  ])('reads %s as %s (%s)', (text, date) => {
    expect(due(text)).toBe(date);
  });

  it('reads days past for a log: 3日前, 3일 전, 昨日, 어제', () => {
    expect(['3日前', '3일 전', '昨日', '어제'].map(logged)).toEqual(['2026-12-04', '2026-12-04', '2026-12-06', '2026-12-06']);
  });

  it.each(['末', '中', '来', '다음', '말', '月末ごろ', '来月末頃', '다음 달쯤', '13月末', '13월 말', '3日', '그때', 'いつか', '2027年2月30日(火)', '2027년 13월 1일까지'])('reads “%s” as no date', (text) => {
    expect(readNaturalDate(text, { now, timeZone: 'Asia/Tokyo' })).toEqual({ kind: 'unreadable' });
  });
});
