import { describe, expect, it } from 'vitest';
import { scheduleText } from '#shared/format/schedule';
import { EN, translatorFor, type Translator } from '#shared/i18n/translator';
import { describeChange } from '#shared/slack/render/change';
import { checkInSettingsPhrase } from '#shared/slack/render/check-in-settings';
import { renderDigest } from '#shared/slack/render/digest';
import { daysText } from '#shared/slack/render/preferences';

/** Lists are written by the translator alone, each language its own way (issue 26's leftover). */
describe('a translator’s lists', () => {
  it('writes English lists as the bot always has: no comma before the last word', () => {
    expect(EN.and(['Mondays'])).toBe('Mondays');
    expect(EN.and(['Mondays', 'Thursdays'])).toBe('Mondays and Thursdays');
    expect(EN.and(['7', '3', '1'])).toBe('7, 3 and 1');
    expect(EN.or(['overdue', 'due within 7 days'])).toBe('overdue or due within 7 days');
    expect(EN.or(['overdue', 'due within 7 days', 'gone quiet'])).toBe('overdue, due within 7 days or gone quiet');
    expect(EN.list(['Mon', 'Tue', 'Thu'])).toBe('Mon, Tue, Thu');
    expect([EN.and([]), EN.or([]), EN.list([])]).toEqual(['', '', '']);
  });

  it('writes Japanese lists with 、 and または, never with spaces', async () => {
    const ja = await translatorFor('ja');
    expect(ja.and(['月曜日', '水曜日', '金曜日'])).toBe('月曜日、水曜日、金曜日');
    expect(ja.and(['14', '3'])).toBe('14、3');
    expect(ja.or(['期限超過', '更新なし'])).toBe('期限超過または更新なし');
    expect(ja.or(['月', '水', '金'])).toBe('月、水、または金');
    expect(ja.list(['月', '火', '木'])).toBe('月、火、木');
    expect(ja.list(['日本', '韓国'])).toBe('日本、韓国');
  });

  it('writes Korean lists with commas, 및 and 또는', async () => {
    const ko = await translatorFor('ko');
    expect(ko.and(['월요일', '목요일'])).toBe('월요일 및 목요일');
    expect(ko.and(['A', 'B', 'C'])).toBe('A, B 및 C');
    expect(ko.or(['A', 'B', 'C'])).toBe('A, B 또는 C');
    expect(ko.list(['월', '화', '목'])).toBe('월, 화, 목');
  });

  it('lists a message’s row of days the way its plain lists read', async () => {
    const [ja, ko] = await Promise.all([translatorFor('ja'), translatorFor('ko')]);
    const values = { id: 'JK-4', date: { date: '2026-03-02' }, logged: 'yes', dates: { dates: ['2026-03-09', '2026-03-16'] } };
    expect(EN.t('unlog.noSuch', values)).toContain('its occurrences: Mon 9 Mar 2026, Mon 16 Mar 2026.');
    expect(ja.t('unlog.noSuch', values)).toContain('2026年3月9日(月)、2026年3月16日(月)');
    expect(ko.t('unlog.noSuch', values)).toContain('2026년 3월 9일 (월), 2026년 3월 16일 (월)');
  });

  it('joins schedules, check-in days, weekdays, changed fields and a quiet digest’s sections through them', async () => {
    const [ja, ko] = await Promise.all([translatorFor('ja'), translatorFor('ko')]);
    const lists = (t: Translator) => [
      scheduleText({ type: 'weekly', days: [1, 3, 5], at: '09:00' }, undefined, t),
      checkInSettingsPhrase({ beforeDueDays: [1, 7, 3], escalateAfterDays: 3 }, t),
      daysText([4, 1, 2], t),
      describeChange('open', 'open', { type: 'fields', changes: [{ type: 'field', field: 'title' }, { type: 'field', field: 'owners' }] }, 'JK-4', t),
      quietDigest(t),
    ];
    expect(lists(EN)).toEqual([
      'Mondays, Wednesdays and Fridays at 09:00',
      'asks owners 7, 3 and 1 days before a due date, and flags no answer after 3 days',
      'Mon, Tue, Thu',
      'Changed the title, owners of *JK-4*.',
      ':white_check_mark: All 2 open commitments on track: nothing overdue, due within 7 days or gone quiet.',
    ]);
    expect(lists(ja)).toEqual([
      '毎週月曜日、水曜日、金曜日 09:00',
      '期限の 7、3、1 日前に担当者に確認し、3日たっても回答がなければ知らせます',
      '月、火、木',
      '*JK-4* のタイトル、担当者を変更しました。',
      ':white_check_mark: 未完了のコミットメント2件はすべて順調です: 期限超過、7日以内に期限、または更新なしの項目はありません。',
    ]);
    expect(lists(ko)).toEqual([
      '매주 월요일, 수요일 및 금요일 09:00',
      '기한 7, 3 및 1일 전에 담당자에게 확인하고, 3일 동안 답변이 없으면 표시합니다',
      '월, 화, 목',
      '*JK-4*의 제목, 담당자을(를) 변경했습니다.',
      ':white_check_mark: 미완료 커밋먼트 2건이 모두 순조롭습니다: 기한 초과, 7일 이내 기한 또는 소식 없음 항목이 없습니다.',
    ]);
  });
});

/** The line a digest with nothing flagged says what it looked for in. */
function quietDigest(t: Translator): unknown {
  const model = { track: { slug: 'japan-korea', title: 'Summit', timeZone: 'Asia/Tokyo' }, now: new Date('2026-03-02T00:00:00Z'), since: undefined, overdue: [], dueSoon: [], quiet: [], changed: [], noAnswer: [], sections: ['overdue', 'due-soon', 'quiet'] as const, openCount: 2 };
  return (renderDigest(model, t).blocks[1] as { text: { text: string } }).text.text;
}
