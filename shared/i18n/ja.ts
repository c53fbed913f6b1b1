import type { Catalog } from '#shared/i18n/en';

/** The Japanese catalog, in です・ます; loaded on the first Japanese answer (see `translator.ts`). Command words stay as typed, in backticks. */
export const ja: Catalog = {
  'problem.try': '正しい形: {usage}',
  unexpected: 'こちら側で問題が起きました。何も変更されていません。繰り返し起きる場合は、エラー ID {errorId} をお知らせください。',

  'parse.tooLong': 'コマンドが {length, number} 文字あります。コマンドは {max, number} 文字までです。何も読み取らず、変更もしていません。',
  'parse.quotedStart': '引用符で囲んだ文字ではなく、コマンドかトラックで始めてください。',
  'parse.notCommand': '「{word}」はコマンドでもトラックでもありません。',
  'parse.notCommandDidYouMean': '「{word}」はコマンドでもトラックでもありません。{meant} のことですか?',
  'parse.notLanguage': '「{word}」は言語ではありません。ja、ko、en、slack のいずれかを指定してください。',
  'parse.languageNeeded': 'language には ja、ko、en、slack のいずれかを指定してください。',

  'access.outsiderReadOnly': 'ゲストと他の組織の方は {track} を閲覧できますが、{doing, select, export {書き出し} other {変更}}はできません。',
  'access.ownersManage': '{track} を使える人を変更できるのは、オーナーかワークスペースの管理者だけです。',
  'access.editorsWrite': '{track} を{doing, select, export {書き出せる} other {変更できる}}のはオーナーと編集者だけです。編集者のロールはオーナーに依頼してください。',
  'access.outsiderWritesNothing': 'ゲストと他の組織の方は共有されたトラックを閲覧できますが、何も変更できません。',
  'access.strangerSettings': '他の組織の方のチェックイン設定は、ご自身のワークスペースで管理されます。何も読み取らず、変更もしていません。',
  'track.notFound': '{track} というトラックはありません。',
  'track.unknown':
    '「{track}」というトラックはありません。{guess, select, none {} other {{guess} のことですか?}}{tracks, select, none {トラックはまだありません。} other {ここにあるトラック: {tracks}。}}',

  'help.title': 'コミットメント: 合意した内容と、その進み具合',
  'help.commandsLine': 'コマンド:',
  'help.commands': 'コマンド',
  'help.examples': '例',
  'help.legend':
    'ステータス: `not-started`(未着手)、`in-progress`(進行中)、`done`(完了)、`stalled`(停滞)、`dropped`(中止)。フラグ: :red_circle: 期限超過、:large_yellow_circle: 7日以内に期限、:zzz: 更新なし(想定より長く更新がない)。日付はトラックのタイムゾーンで読み取ります。',
  'help.dates': '日付: {conventions}',
  'dates.conventions':
    '期間はその最終日を指します: `end of march`、`Q2`、`next month`(翌月末)、`by the end of the year`(12月31日)、`H1 2027`・`first half of 2027`・`mid-2027`(2027年6月30日)、`H2 2027`(2027年12月31日)、`FY2027`(2027年に始まる会計年度の最終日。会計年度が4月始まりなら2028年3月31日)。2026年3月31日、2026년 3월 31일 とも書けます。`4/5/2027` は5月4日とも4月5日とも読めるので、`2027-05-04` と書いてください。`31/3/2027` と `3/31/2027` は3月31日と読みます。',
  'gloss.add': 'ongoing の既定は30日ごと',
  'gloss.log': '日付は at、in、引用符より前の語です。2026-01-13 のような一語の日付の後には場所を書けます。at <place> は引用符の後にも書けます',
  'gloss.roles': 'フォームにメンバーとロールの選択欄が表示されます',
  'gloss.check-ins-set': '日数',
  'gloss.assess': '−1 不履行、0 一部、+1 完全。as of で項目ができてからの日付を、メモの前後どちらにも指定できます。既定は今日',
  'gloss.report': '既定の open は完了・中止の項目を除きます',
  'gloss.check-ins': 'オーナーに確認する時期',
  'gloss.export': 'Markdown のブリーフィングと CSV をファイルでお送りします',
  'gloss.import': '会談の発表文を貼り付け、追加するフォローアップを選びます',
  'gloss.link': 'リンクしたチャンネルの全員がトラックを閲覧できます。既定はこのチャンネル',
  'gloss.manager': 'Slack の管理者向け: すべてのトラックを管理者と同様に管理する人。変更するまでは最初にインストールした人',
  'gloss.me-language': 'slack: Slack の言語に戻します',
  'gloss.me': 'ご自身のチェックイン',
  'gloss.track-add': 'fy: 会計年度が始まる月。指定がなければ1月',
  'gloss.visibility': 'private: メンバーとリンクしたチャンネルだけが閲覧できます',

  'status.label': '{status, select, not_started {未着手} in_progress {進行中} done {完了} stalled {停滞} dropped {中止} archived {アーカイブ済み} other {{status}}}',
  'kind.label': '{kind, select, one_off {単発} recurring {定期} ongoing {継続} other {{kind}}}',
  'flag.overdue': '期限超過 {days, plural, other {#日}}(期限 {date})',
  'flag.dueToday': '本日が期限({date})',
  'flag.dueIn': 'あと{days, plural, other {#日}}で期限({date})',
  'flag.quiet': '{days, plural, other {#日}}更新なし',

  'time.minutesAgo': '{count, plural, other {#分}}前',
  'time.hoursAgo': '{count, plural, other {#時間}}前',
  'time.daysAgo': '{count, plural, other {#日}}前',
  'time.justNow': 'たった今',

  'item.due': '期限 {date}',
  'item.nextExpected': '次回予定 {date}',
  'item.moved': '期限変更 {times}回({date} から)',
  'item.owners': '担当: {owners}',
  'item.updated': '更新 {ago}',
  'item.latestNote': '最新のメモ、{date}、{who}: {text}',
  'item.source': '出典: {source}',
  'item.addedInSlack': '{date} に {who} が Slack で追加',
  'item.closed': '{date} に {who} が{status, select, done {完了} dropped {中止} other {{status}}}',
  'item.closedWithNote': '{date} に {who} が{status, select, done {完了} dropped {中止} other {{status}}}: {note}',
  'item.archived': ':file_cabinet: {date} に {who} がアーカイブ',
  'item.archivedWithReason': ':file_cabinet: {date} に {who} がアーカイブ: {reason}',
  'item.markDone': '完了にする',
  'item.update': '更新',
  'item.addNote': 'メモを追加',
  'item.edit': '編集',

  'report.asOf': '{date} 時点({timeZone})',
  'report.statusCount':
    '{status, select, not_started {未着手} in_progress {進行中} done {完了} stalled {停滞} dropped {中止} other {{status}}} {count, number}件',
  'report.archivedCount': 'アーカイブ済み {count, number}件',
  'report.overdueCount': ':red_circle: 期限超過 {count}件',
  'report.dueSoonCount': ':large_yellow_circle: 期限間近 {count}件',
  'report.quietCount': ':zzz: 更新なし {count}件',
  'report.compliance': '履行状況: {parties}',
  'report.average': '{date} 時点で {mean}({total, plural, other {#件}}中 {assessed, number}件を評価済み)',
  'report.averageUndated': '{mean}({total, plural, other {#件}}中 {assessed, number}件を評価済み)',
  'report.notAssessed': '未評価({total, plural, other {#件}}中 0件)',
  'report.noCommitments': 'コミットメントはまだありません。',
  'report.addOne': '追加するには: {command}',
  'report.noneShown':
    'このトラックに{filter, select, open {未完了の項目} overdue {期限超過の項目} due {7日以内に期限の項目} quiet {更新のない項目} done {完了した項目} other {項目}}はありません。',
  'report.heading':
    '{title} — {filter, select, open {未完了の項目} overdue {期限超過の項目} due {7日以内に期限の項目} quiet {更新のない項目} done {完了した項目} other {すべての項目}}',
  'report.headingPaged':
    '{title} — {filter, select, open {未完了の項目} overdue {期限超過の項目} due {7日以内に期限の項目} quiet {更新のない項目} done {完了した項目} other {すべての項目}}、{pages}ページ中 {page}ページ目',
  'report.lineStatus':
    '{status, select, not_started {未着手} in_progress {進行中} done {完了} stalled {停滞} dropped {中止} other {{status}}}{archived, select, yes {、アーカイブ済み} other {}}',
  'report.noAnswer': ':hourglass: {ago}に {who} に確認、回答なし',
  'report.noAnswerEscalated': ':rotating_light: *{who} から回答がありません* — {ago}に確認',
  'report.pausedPrivate': '停止中: {who} はこの非公開トラックを閲覧できません',
  'report.pausedNoRole': '停止中: {who} はゲストまたは他の組織の方で、このトラックのロールがありません',
  'report.previous': '◀ 前へ',
  'report.next': '次へ ▶',
  'report.share': 'チャンネルで共有',
  'report.page': '{pages}ページ中 {page}ページ目 · {count, plural, other {#件}}',

  'me.language': '今後は{language, select, en {英語} ja {日本語} ko {韓国語} other {{language}}}でお答えします。',
  'me.languageSlack': '今後は Slack の言語({language, select, en {英語} ja {日本語} ko {韓国語} other {{language}}})でお答えします。',

  // Items: show, history, add, update, note, done, edit, log, unlog, assess, archive, unarchive.

  // Tracks and people: track add, tracks, roles, visibility, link, manager, me, check-ins settings, import, export, the briefing and CSV.

  // Subscriptions and channel digests.

  // Forms (modals) and the words typed into them.

  // The Home tab, check-in messages and their answers.
};
