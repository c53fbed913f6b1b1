/**
 * Japanese and Korean dates and periods as people type them for a due date or a log ("来月末",
 * "다음 달 말", "3日後", "3일 후", "2026年3月30日(月)"), each said as the English (or ISO) phrase
 * the date reader already takes, so both languages mean exactly what the English does ("next
 * week" is seven days on, a period is its last day). Japanese weekdays not listed here are left
 * to chrono's Japanese parser.
 */

const WEEKDAYS: Record<string, string> = {
  月: 'monday', 火: 'tuesday', 水: 'wednesday', 木: 'thursday', 金: 'friday', 土: 'saturday', 日: 'sunday',
  월: 'monday', 화: 'tuesday', 수: 'wednesday', 목: 'thursday', 금: 'friday', 토: 'saturday', 일: 'sunday',
};
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const UNITS: Record<string, string> = { 日: 'day', 일: 'day', 週間: 'week', 週: 'week', 주: 'week', 주일: 'week', 月: 'month', 개월: 'month', 달: 'month', 年: 'year', 년: 'year' };

const monthName = (month: string): string | undefined => MONTH_NAMES[Number(month) - 1];

/** "by" as each language puts it after a date: 来月末まで(に), 다음 달 말까지. */
const BY = String.raw`(?:まで(?:に)?|까지)?`;
const NEXT = String.raw`(?:来|다음\s?)`;
/** A weekday after a date, "(月)" or " (월)" as the bot writes it or "火曜日", "화요일", which the reader checks against the date. */
const WEEKDAY_NOTE = String.raw`(?:\s?\(([月火水木金土日월화수목금토일])(?:曜日?|요일)?\)|\s?([月火水木金土日월화수목금토일])(?:曜日?|요일))?`;
/** The weekday written after a date, as English writes it before one ("tuesday "). */
const weekdayBefore = (written: string | undefined): string => (written ? `${WEEKDAYS[written]} ` : '');

/** Whole-text phrases, each with the English it means. */
const PHRASES: { re: RegExp; english: (m: RegExpExecArray) => string | undefined }[] = [
  // 来月末, 来月中, 来月, 다음 달 말, 다음달
  { re: new RegExp(String.raw`^${NEXT}(?:月|달)\s?(?:末|中|いっぱい|말|중|안)?${BY}$`), english: () => 'end of next month' },
  // 今月末, 이번 달 말, 이달 말
  { re: new RegExp(String.raw`^(?:今月|이번\s?달|이달)\s?(?:末|中|いっぱい|말|중|안)?${BY}$`), english: () => 'end of this month' },
  // 来週, 다음 주: seven days on, as "next week"
  { re: /^(?:来週|다음\s?주)$/, english: () => 'next week' },
  // 来週金曜日, 다음 주 금요일
  { re: new RegExp(String.raw`^(?:来週の?|다음\s?주\s?)([月火水木金土日월화수목금토일])(?:曜日?|요일)${BY}$`), english: (m) => `next ${WEEKDAYS[m[1]!]}` },
  // 금요일 (Japanese weekdays go to chrono)
  { re: new RegExp(String.raw`^(?:이번\s?주\s?)?([월화수목금토일])요일${BY}$`), english: (m) => WEEKDAYS[m[1]!] },
  // 3日後, 2週間後, 3か月後, 1年後, 3일 후, 2주 후, 3개월 뒤, 3달 후
  {
    re: /^(\d{1,3})\s?(日|일|週間|週|주일|주|(?:か|ヶ|カ|ケ|箇)?月|개월|달|年|년)\s?(?:後|후|뒤)$/,
    english: (m) => `in ${m[1]} ${UNITS[m[2]!.replace(/^[かヶカケ箇]/, '')]}s`,
  },
  // 3日前, 3일 전 (a day logged)
  { re: /^(\d{1,3})\s?(日|일|週間|週|주일|주)\s?(?:前|전)$/, english: (m) => `${m[1]} ${UNITS[m[2]!]}s ago` },
  { re: /^(?:明日|あした|내일)$/, english: () => 'tomorrow' },
  { re: /^(?:明後日|あさって|모레)$/, english: () => 'in 2 days' },
  { re: /^(?:今日|本日|きょう|오늘)$/, english: () => 'today' },
  { re: /^(?:昨日|きのう|어제)$/, english: () => 'yesterday' },
  { re: /^(?:一昨日|おととい|그제|그저께)$/, english: () => '2 days ago' },
  // 年末, 今年末, 年内, 今年中, 올해 말, 연말, 연내
  { re: new RegExp(String.raw`^(?:今年|本年|올해|금년)\s?(?:末|内|中|말|안|중|내)${BY}$|^(?:年末|年内|연말|연내)${BY}$`), english: () => 'end of the year' },
  // 来年, 来年末, 내년, 내년 말
  { re: new RegExp(String.raw`^(?:来年|내년)\s?(?:末|中|内|말|중|안)?${BY}$`), english: () => 'end of next year' },
  // 今四半期末, 이번 분기 말; 来四半期末, 다음 분기 말
  { re: new RegExp(String.raw`^(?:今|이번\s?)?(?:四半期|분기)\s?(?:末|中|내|말|중)?${BY}$`), english: () => 'end of this quarter' },
  { re: new RegExp(String.raw`^${NEXT}(?:四半期|분기)\s?(?:末|中|내|말|중)?${BY}$`), english: () => 'end of next quarter' },
  // 2027年度(末), 2027년도, 2027 회계연도 (말까지): FY2027, in the track's fiscal year
  {
    re: new RegExp(String.raw`^(\d{4})\s?年度\s?(?:末|中|内)?${BY}$|^(\d{4})\s?(?:년도|회계\s?연도)\s?(?:말|중|안|내)?${BY}$`),
    english: (m) => `fy ${m[1] ?? m[2]}`,
  },
  // 年度末, 今年度中, 이번 회계연도 말: the track's fiscal year
  { re: new RegExp(String.raw`^(?:今年度|本年度|年度)\s?(?:末|中|内)?${BY}$|^(?:이번\s?)?회계\s?연도\s?(?:말|중|안|내)?${BY}$`), english: () => 'this fiscal year' },
  // 上半期, 상반기 (2027年上半期, 2027년 상반기)
  { re: /^(?:(\d{4})\s?[年년]\s?の?\s?)?(上半期|上期|前半|상반기|下半期|下期|後半|하반기)$/, english: (m) => `${/上|前|상/.test(m[2]!) ? 'h1' : 'h2'}${m[1] ? ` ${m[1]}` : ''}` },
  // 3月末, 3月中, 3月まで, 3월 말, 3월까지; 2027年3月末, 2027년 3월 말
  {
    re: /^(?:(\d{4})\s?[年년]\s?)?(\d{1,2})\s?[月월]\s?(?:末|中|いっぱい|まで(?:に)?|말|중|까지)$/,
    english: (m) => (monthName(m[2]!) ? `end of ${monthName(m[2]!)}${m[1] ? ` ${m[1]}` : ''}` : undefined),
  },
  // 2027年3月, 2027년 3월: the month's end, as a month with its year stands for it
  { re: /^(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]$/, english: (m) => (monthName(m[2]!) ? `end of ${monthName(m[2]!)} ${m[1]}` : undefined) },
  // 2026年3月30日(月), 2026년 3월 30일 (월), 2026年3月30日まで: the reader checks the day exists, and its weekday
  {
    re: new RegExp(String.raw`^(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]${WEEKDAY_NOTE}${BY}$`),
    english: (m) => `${weekdayBefore(m[4] ?? m[5])}${m[1]}-${m[2]}-${m[3]}`,
  },
  // 3月31日, 3월 31일, 3月30日まで, 3월 30일까지
  {
    re: new RegExp(String.raw`^(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]${WEEKDAY_NOTE}${BY}$`),
    english: (m) => (monthName(m[1]!) ? `${weekdayBefore(m[3] ?? m[4])}${Number(m[2])} ${monthName(m[1]!)}` : undefined),
  },
];

/** Japanese or Korean letters: the text is read by this module (or chrono's Japanese parser) rather than as English. */
export const CJK_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Kana: Japanese for certain (Han alone may be Chinese, which chrono's Japanese parser reads as well). */
export const JAPANESE_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The English phrase a Japanese or Korean date or period means, for the date reader; undefined
 * when the text is not one of them. Full-width digits and spaces count as ordinary ones.
 */
export function englishOfCjkDate(text: string): string | undefined {
  const phrase = text.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/[。.]$/, '');
  if (!CJK_TEXT.test(phrase)) return undefined;
  for (const { re, english } of PHRASES) {
    const match = re.exec(phrase);
    if (match) return english(match);
  }
  return undefined;
}
