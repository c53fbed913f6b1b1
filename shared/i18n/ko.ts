import type { Catalog } from '#shared/i18n/en';

/** The Korean catalog, in 합니다체; loaded on the first Korean answer (see `translator.ts`). Command words stay as typed, in backticks. */
export const ko: Catalog = {
  'problem.try': '올바른 형식: {usage}',
  unexpected: '저희 쪽에서 문제가 발생했습니다. 아무것도 변경되지 않았습니다. 계속 발생하면 오류 ID {errorId}을(를) 알려 주십시오.',

  'parse.tooLong': '명령이 {length, number}자입니다. 명령은 최대 {max, number}자까지입니다. 아무것도 읽거나 변경하지 않았습니다.',
  'parse.quotedStart': '따옴표로 묶은 글이 아니라 명령이나 트랙으로 시작하십시오.',
  'parse.notCommand': '“{word}”은(는) 명령도 트랙도 아닙니다.',
  'parse.notCommandDidYouMean': '“{word}”은(는) 명령도 트랙도 아닙니다. {meant}을(를) 말씀하신 것입니까?',
  'parse.notLanguage': '“{word}”은(는) 언어가 아닙니다. ja, ko, en, slack 중 하나를 쓰십시오.',
  'parse.languageNeeded': 'language에는 ja, ko, en, slack 중 하나가 필요합니다.',

  'access.outsiderReadOnly': '게스트와 다른 조직의 사용자는 {track}을(를) 읽을 수 있지만 {doing, select, export {내보낼} other {변경할}} 수는 없습니다.',
  'access.ownersManage': '{track}을(를) 사용할 수 있는 사람은 소유자나 워크스페이스 관리자만 변경할 수 있습니다.',
  'access.editorsWrite': '{track}은(는) 소유자와 편집자만 {doing, select, export {내보낼} other {변경할}} 수 있습니다. 편집자 역할은 소유자에게 요청하십시오.',
  'access.outsiderWritesNothing': '게스트와 다른 조직의 사용자는 공유된 트랙을 읽을 수 있지만 아무것도 변경할 수 없습니다.',
  'access.strangerSettings': '다른 조직의 사용자는 체크인 설정을 자신의 워크스페이스에서 관리합니다. 아무것도 읽거나 변경하지 않았습니다.',
  'track.notFound': '{track}(이)라는 트랙은 없습니다.',
  'track.unknown':
    '“{track}”(이)라는 트랙은 없습니다.{guess, select, none {} other { {guess}을(를) 말씀하신 것입니까?}}{tracks, select, none { 아직 트랙이 없습니다.} other { 이곳의 트랙: {tracks}.}}',

  'help.title': '커밋먼트: 합의한 내용과 그 진행 상황',
  'help.commandsLine': '명령:',
  'help.commands': '명령',
  'help.examples': '예시',
  'help.legend':
    '상태: `not-started`(시작 전), `in-progress`(진행 중), `done`(완료), `stalled`(정체), `dropped`(중단). 표시: :red_circle: 기한 초과, :large_yellow_circle: 7일 이내 기한, :zzz: 소식 없음(예상보다 오래 업데이트 없음). 날짜는 트랙의 시간대로 읽습니다.',
  'help.dates': '날짜: {conventions}',
  'dates.conventions':
    '기간은 그 마지막 날을 뜻합니다: `end of march`, `Q2`, `next month`(다음 달 말), `by the end of the year`(12월 31일), `H1 2027`·`first half of 2027`·`mid-2027`(2027년 6월 30일), `H2 2027`(2027년 12월 31일), `FY2027`(2027년에 시작하는 회계연도의 마지막 날. 회계연도가 4월에 시작하면 2028년 3월 31일). 2026年3月31日, 2026년 3월 31일로도 쓸 수 있습니다. `4/5/2027`은 5월 4일로도 4월 5일로도 읽힐 수 있으므로 `2027-05-04`로 쓰십시오. `31/3/2027`과 `3/31/2027`은 3월 31일로 읽습니다.',
  'gloss.add': 'ongoing의 기본값은 30일마다',
  'gloss.log': '날짜는 at, in, 따옴표 앞의 낱말입니다. 2026-01-13 같은 한 낱말 날짜 뒤에는 장소를 쓸 수 있습니다. at <place>는 따옴표 뒤에도 쓸 수 있습니다',
  'gloss.roles': '양식에 멤버와 역할 선택란이 나옵니다',
  'gloss.check-ins-set': '일수',
  'gloss.assess': '−1 불이행, 0 부분 이행, +1 완전 이행. as of로 항목이 생긴 뒤의 날짜를 메모 앞이나 뒤에 지정할 수 있습니다. 기본값은 오늘',
  'gloss.report': '기본값 open은 완료·중단된 항목을 뺍니다',
  'gloss.check-ins': '소유자에게 확인하는 시기',
  'gloss.export': 'Markdown 브리핑과 CSV를 파일로 보내 드립니다',
  'gloss.import': '회담 발표문을 붙여 넣고 추가할 후속 조치를 고릅니다',
  'gloss.link': '연결된 채널의 모든 사람이 트랙을 읽을 수 있습니다. 기본값은 이 채널',
  'gloss.manager': 'Slack 관리자용: 모든 트랙을 관리자처럼 관리하는 사람. 바꾸기 전까지는 처음 설치한 사람',
  'gloss.me-language': 'slack: Slack 언어로 되돌립니다',
  'gloss.me': '내 체크인',
  'gloss.track-add': 'fy: 회계연도가 시작하는 달. 지정하지 않으면 1월',
  'gloss.visibility': 'private: 멤버와 연결된 채널만 볼 수 있습니다',

  'status.label': '{status, select, not_started {시작 전} in_progress {진행 중} done {완료} stalled {정체} dropped {중단} archived {보관됨} other {{status}}}',
  'kind.label': '{kind, select, one_off {일회성} recurring {정기} ongoing {상시} other {{kind}}}',
  'flag.overdue': '기한 {days, plural, other {#일}} 초과(기한 {date})',
  'flag.dueToday': '오늘 기한({date})',
  'flag.dueIn': '{days, plural, other {#일}} 후 기한({date})',
  'flag.quiet': '{days, plural, other {#일}}째 소식 없음',

  'time.minutesAgo': '{count, plural, other {#분}} 전',
  'time.hoursAgo': '{count, plural, other {#시간}} 전',
  'time.daysAgo': '{count, plural, other {#일}} 전',
  'time.justNow': '방금',

  'item.due': '기한 {date}',
  'item.nextExpected': '다음 예정 {date}',
  'item.moved': '기한 {times}회 변경({date}부터)',
  'item.owners': '담당: {owners}',
  'item.updated': '{ago} 업데이트',
  'item.latestNote': '최근 메모, {date}, {who}: {text}',
  'item.source': '출처: {source}',
  'item.addedInSlack': '{date}에 {who}이(가) Slack에서 추가',
  'item.closed': '{date}에 {who}이(가) {status, select, done {완료} dropped {중단} other {{status}}}',
  'item.closedWithNote': '{date}에 {who}이(가) {status, select, done {완료} dropped {중단} other {{status}}}: {note}',
  'item.archived': ':file_cabinet: {date}에 {who}이(가) 보관',
  'item.archivedWithReason': ':file_cabinet: {date}에 {who}이(가) 보관: {reason}',
  'item.markDone': '완료로 표시',
  'item.update': '업데이트',
  'item.addNote': '메모 추가',
  'item.edit': '편집',

  'report.asOf': '{date} 기준({timeZone})',
  'report.statusCount':
    '{status, select, not_started {시작 전} in_progress {진행 중} done {완료} stalled {정체} dropped {중단} other {{status}}} {count, number}건',
  'report.archivedCount': '보관됨 {count, number}건',
  'report.overdueCount': ':red_circle: 기한 초과 {count}건',
  'report.dueSoonCount': ':large_yellow_circle: 기한 임박 {count}건',
  'report.quietCount': ':zzz: 소식 없음 {count}건',
  'report.compliance': '이행 평가: {parties}',
  'report.average': '{date} 기준 {mean}({total, plural, other {#건}} 중 {assessed, number}건 평가)',
  'report.averageUndated': '{mean}({total, plural, other {#건}} 중 {assessed, number}건 평가)',
  'report.notAssessed': '아직 평가 안 됨({total, plural, other {#건}} 중 0건)',
  'report.noCommitments': '아직 커밋먼트가 없습니다.',
  'report.addOne': '추가하려면: {command}',
  'report.noneShown':
    '이 트랙에는 {filter, select, open {진행 중인 항목이} overdue {기한이 지난 항목이} due {7일 이내에 기한인 항목이} quiet {소식 없는 항목이} done {완료된 항목이} other {항목이}} 없습니다.',
  'report.heading':
    '{title} — {filter, select, open {진행 중인 항목} overdue {기한이 지난 항목} due {7일 이내에 기한인 항목} quiet {소식 없는 항목} done {완료된 항목} other {모든 항목}}',
  'report.headingPaged':
    '{title} — {filter, select, open {진행 중인 항목} overdue {기한이 지난 항목} due {7일 이내에 기한인 항목} quiet {소식 없는 항목} done {완료된 항목} other {모든 항목}}, {pages}쪽 중 {page}쪽',
  'report.lineStatus':
    '{status, select, not_started {시작 전} in_progress {진행 중} done {완료} stalled {정체} dropped {중단} other {{status}}}{archived, select, yes {, 보관됨} other {}}',
  'report.noAnswer': ':hourglass: {ago} {who}에게 확인, 답변 없음',
  'report.noAnswerEscalated': ':rotating_light: *{who}의 답변 없음* — {ago} 확인',
  'report.pausedPrivate': '중지됨: {who}은(는) 이 비공개 트랙을 볼 수 없습니다',
  'report.pausedNoRole': '중지됨: {who}은(는) 게스트이거나 다른 조직의 사용자로, 이 트랙에 역할이 없습니다',
  'report.previous': '◀ 이전',
  'report.next': '다음 ▶',
  'report.share': '채널에 공유',
  'report.page': '{pages}쪽 중 {page}쪽 · {count, plural, other {#건}}',

  'me.language': '앞으로 {language, select, en {영어} ja {일본어} ko {한국어} other {{language}}}로 답변합니다.',
  'me.languageSlack': '앞으로 Slack 언어({language, select, en {영어} ja {일본어} ko {한국어} other {{language}}})로 답변합니다.',

  // Items: show, history, add, update, note, done, edit, log, unlog, assess, archive, unarchive.

  // Tracks and people: track add, tracks, roles, visibility, link, manager, me, check-ins settings, import, export, the briefing and CSV.

  // Subscriptions and channel digests.

  // Forms (modals) and the words typed into them.

  // The Home tab, check-in messages and their answers.
};
