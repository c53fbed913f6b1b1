import { DATE_CONVENTIONS } from '#shared/dates/natural';

/**
 * The English catalog: every sentence the converted surfaces write, as ICU MessageFormat
 * (plural and select rules, `{name}` placeholders; no tags are read, so `<@U1>` is text).
 * English is bundled and the default; `ja.ts` and `ko.ts` hold the same keys and are loaded on
 * first use. People's text (titles, notes, sources, track names) only ever fills a placeholder.
 * Adding a key: docs/i18n.md.
 */
export const en = {
  // What every refusal ends with, and the answer to anything unexpected.
  'problem.try': 'Try: {usage}',
  unexpected: 'Something went wrong on our side; nothing was changed. If it keeps happening, quote error id {errorId}.',

  // A command that cannot be read.
  'parse.tooLong': 'The command is {length, number} characters long; a command can be at most {max, number}. Nothing was read or changed.',
  'parse.quotedStart': 'Start with a command or a track, not quoted text.',
  'parse.notCommand': '“{word}” is not a command or a track.',
  'parse.notCommandDidYouMean': '“{word}” is not a command or a track; did you mean {meant}?',
  'parse.notLanguage': '“{word}” is not a language; use ja, ko, en or slack.',
  'parse.languageNeeded': 'language needs ja, ko, en or slack.',

  // Who may do what.
  'access.outsiderReadOnly': 'Guests and people from other organisations can read {track} but not {doing, select, export {export it} other {change it}}.',
  'access.ownersManage': 'Only the owners of {track} or a workspace admin can change who may use it.',
  'access.editorsWrite': 'Only the owners and editors of {track} can {doing, select, export {export it} other {change it}}; ask an owner for the editor role.',
  'access.outsiderWritesNothing': 'Guests and people from other organisations can read the tracks shared with them but not change anything.',
  'access.strangerSettings': 'People from other organisations keep their check-in preferences in their own workspace; nothing was read or changed.',
  'track.notFound': 'There is no track called {track}.',
  'track.unknown':
    'There is no track called "{track}".{guess, select, none {} other { Did you mean {guess}?}}{tracks, select, none { There are no tracks yet.} other { Tracks here: {tracks}.}}',

  // help
  'help.title': 'Commitments: what was agreed, and whether it is done',
  'help.commandsLine': 'Commands:',
  'help.commands': 'Commands',
  'help.examples': 'Examples',
  'help.legend':
    'Statuses: not-started, in-progress, done, stalled, dropped. Flags: :red_circle: overdue, :large_yellow_circle: due within 7 days, :zzz: quiet (no update for longer than expected). Dates are read in the track’s time zone.',
  'help.dates': 'Dates: {conventions}',
  'dates.conventions': DATE_CONVENTIONS,
  // What a command's form says in brackets after it, in help and under a refusal.
  'gloss.add': 'ongoing defaults to every 30 days',
  'gloss.log': 'the date is the words before at, in or a quote; a one-word date such as 2026-01-13 or today may be followed by the place; at <place> may also follow the quote',
  'gloss.roles': 'the form lists members with a role picker',
  'gloss.check-ins-set': 'days',
  'gloss.assess': '−1 not complying, 0 partial, +1 full; as of a day since the item existed, before or after the note; today by default',
  'gloss.report': 'open, the default, leaves out done and dropped items',
  'gloss.check-ins': 'when owners are asked',
  'gloss.export': 'a Markdown briefing and a CSV, sent to you as files',
  'gloss.import': 'paste a readout; pick the follow-ups to add',
  'gloss.link': 'everyone in a linked channel can read the track; default this channel',
  'gloss.manager': 'Slack admins: who manages every track as they do; the first installer until changed',
  'gloss.me-language': 'slack: your Slack\'s language again',
  'gloss.me': 'your check-ins',
  'gloss.track-add': 'fy: the month its fiscal year starts, January if not given',
  'gloss.visibility': 'private: only members and linked channels see it',

  // Words for statuses, flags and kinds.
  'status.label': '{status, select, not_started {Not started} in_progress {In progress} done {Done} stalled {Stalled} dropped {Dropped} archived {Archived} other {{status}}}',
  'kind.label': '{kind, select, one_off {One-off} recurring {Recurring} ongoing {Ongoing} other {{kind}}}',
  'flag.overdue': 'overdue {days, plural, one {# day} other {# days}} (due {date})',
  'flag.dueToday': 'due today ({date})',
  'flag.dueIn': 'due in {days, plural, one {# day} other {# days}} ({date})',
  'flag.quiet': 'quiet for {days, plural, one {# day} other {# days}}',

  // Times.
  'time.minutesAgo': '{count, plural, one {# minute} other {# minutes}} ago',
  'time.hoursAgo': '{count, plural, one {# hour} other {# hours}} ago',
  'time.daysAgo': '{count, plural, one {# day} other {# days}} ago',
  'time.justNow': 'just now',

  // One item, wherever it is listed.
  'item.due': 'due {date}',
  'item.nextExpected': 'next expected {date}',
  'item.moved': 'moved {times}× from {date}',
  'item.owners': 'Owners: {owners}',
  'item.updated': 'updated {ago}',
  'item.latestNote': 'Latest note, {date}, {who}: {text}',
  'item.source': 'Source: {source}',
  'item.addedInSlack': 'Added in Slack by {who} on {date}',
  'item.closed': '{status, select, done {Done} dropped {Dropped} other {{status}}} {date} by {who}',
  'item.closedWithNote': '{status, select, done {Done} dropped {Dropped} other {{status}}} {date} by {who}: {note}',
  'item.archived': ':file_cabinet: Archived {date} by {who}',
  'item.archivedWithReason': ':file_cabinet: Archived {date} by {who}: {reason}',
  'item.markDone': 'Mark done',
  'item.update': 'Update',
  'item.addNote': 'Add note',
  'item.edit': 'Edit',

  // A track's report.
  'report.asOf': 'as of {date} ({timeZone})',
  'report.statusCount':
    '{count, number} {status, select, not_started {not started} in_progress {in progress} done {done} stalled {stalled} dropped {dropped} other {{status}}}',
  'report.archivedCount': '{count, number} archived',
  'report.overdueCount': ':red_circle: {count} overdue',
  'report.dueSoonCount': ':large_yellow_circle: {count} due soon',
  'report.quietCount': ':zzz: {count} quiet',
  'report.compliance': 'Compliance: {parties}',
  'report.average': '{mean} as of {date} ({assessed, number} of {total, plural, one {# item} other {# items}} assessed)',
  'report.averageUndated': '{mean} ({assessed, number} of {total, plural, one {# item} other {# items}} assessed)',
  'report.notAssessed': 'not yet assessed (0 of {total, plural, one {# item} other {# items}})',
  'report.noCommitments': 'No commitments yet.',
  'report.addOne': 'Add one: {command}',
  'report.noneShown':
    'No {filter, select, open {open items} overdue {overdue items} due {items due within 7 days} quiet {quiet items} done {done items} other {items}} in this track.',
  'report.heading':
    '{title} — {filter, select, open {open items} overdue {overdue items} due {items due within 7 days} quiet {quiet items} done {done items} other {all items}}',
  'report.headingPaged':
    '{title} — {filter, select, open {open items} overdue {overdue items} due {items due within 7 days} quiet {quiet items} done {done items} other {all items}}, page {page} of {pages}',
  'report.lineStatus':
    '{status, select, not_started {Not started} in_progress {In progress} done {Done} stalled {Stalled} dropped {Dropped} other {{status}}}{archived, select, yes {, archived} other {}}',
  'report.noAnswer': ':hourglass: asked {who} {ago}, no answer',
  'report.noAnswerEscalated': ':rotating_light: *no answer from {who}* — asked {ago}',
  'report.pausedPrivate': 'paused: {who} cannot see this private track',
  'report.pausedNoRole': 'paused: {who} is a guest or from another organisation with no role on this track',
  'report.previous': '◀ Previous',
  'report.next': 'Next ▶',
  'report.share': 'Share in channel',
  'report.page': 'Page {page} of {pages} · {count, plural, one {# item} other {# items}}',

  // me language
  'me.language':
    'From now on I answer you in {language, select, en {English} ja {Japanese} ko {Korean} other {{language}}}.',
  'me.languageSlack':
    'From now on I answer you in the language of your Slack ({language, select, en {English} ja {Japanese} ko {Korean} other {{language}}}).',

  // Items: show, history, add, update, note, done, edit, log, unlog, assess, archive, unarchive.

  // Tracks and people: track add, tracks, roles, visibility, link, manager, me, check-ins settings, import, export, the briefing and CSV.

  // Subscriptions and channel digests.

  // Forms (modals) and the words typed into them.

  // The Home tab, check-in messages and their answers.
  'home.title': 'Commitments',
  'home.intro': 'What was agreed, and whether it is done. Type `/commitments help` for every command.',
  'home.tracks': 'Tracks',
  'home.noTracks': 'No tracks yet: {command}',
  'home.noCommitments': 'no commitments yet',
  'home.moreTracks': '…and {count, plural, one {# more track} other {# more tracks}}; {command} lists them all.',
  'home.overdue': ':red_circle: *Overdue* ({count})',
  'home.yours': ':bust_in_silhouette: *Yours* ({count})',
  'home.nothingOverdue': 'Nothing is overdue.',
  'home.nothingYours': 'Nothing is assigned to you.',
  'home.more': '…and {count} more.',
  'home.digests': 'Digests',
  'home.noDigests': 'No channel gets digests yet: {command} in a channel.',
  'checkIn.intro':
    ':wave: {count, plural, =1 {One of your commitments needs} other {# of your commitments need}} a word from you today. One tap answers.',
  'checkIn.overdue': 'overdue {days, plural, one {# day} other {# days}}',
  'checkIn.quiet': 'no update for {days, plural, one {# day} other {# days}}',
  'checkIn.dueToday': 'due today',
  'checkIn.dueTomorrow': 'due tomorrow',
  'checkIn.dueIn': 'due in {days, plural, one {# day} other {# days}}',
  'checkIn.lastNote': 'Last note: “{text}”',
  'checkIn.more': '…and {count} more, in your next check-in.',
  'checkIn.change': 'Change when you are asked, or pause check-ins, with `/commitments me`.',
  'checkIn.fallbackItem': '{id} {title} ({why})',
  'checkIn.fallback': 'Check-in: {items}{more, plural, =0 {} other {; and {more} more}}',
  'checkIn.onTrack': 'On track',
  'checkIn.atRisk': 'At risk',
  'checkIn.done': 'Done',
  'checkIn.notMine': 'Not mine',
  'checkIn.snooze': 'Snooze {choice, select, day {1 day} week {1 week} other {Until a date…}}',
  'checkIn.answeredOnTrack': ':+1: On track — you said so on {date}',
  'checkIn.answeredAtRisk': ':warning: At risk — you marked it stalled on {date}: “{text}”',
  'checkIn.answeredDone': ':white_check_mark: Done — you marked it done on {date}',
  'checkIn.answeredDoneNote': ':white_check_mark: Done — you marked it done on {date}: “{text}”',
  'checkIn.answeredNote': ':memo: Noted on {date}: “{text}”',
  'checkIn.answeredSnoozed': ':alarm_clock: Snoozed until {date}',
  'checkIn.answeredHanded': ':leftwards_arrow_with_hook: Handed to {who}',
  'checkIn.nowStatus': 'now {status}',
  'checkIn.archived': 'archived',
  'checkIn.snoozedUntil': 'snoozed until {date}',
  'checkIn.changedSince': 'Changed since this message: {state}',
  'checkIn.latestNote': 'Latest note: {text}',
  'checkIn.atRiskTitle': '{id} is at risk',
  'checkIn.markStalled': 'Mark stalled',
  'checkIn.holdsUp': 'What holds it up?',
  'checkIn.holdsUpExample': 'Waiting for the other side’s dates',
  'checkIn.doneTitle': '{id} is done',
  'checkIn.howDone': 'How it was done (optional)',
  'checkIn.noteTitle': 'Note on {id}',
  'checkIn.note': 'Note',
  'checkIn.snoozeTitle': 'Snooze {id}',
  'checkIn.snoozeSubmit': 'Snooze',
  'checkIn.notBefore': 'No check-in about it before',
  'checkIn.notMineTitle': 'Who owns {id}?',
  'checkIn.handOver': 'Hand it over',
  'checkIn.whoOwns': 'Who owns it?',
  'checkIn.noteOptional': 'Note (optional)',
  'checkIn.reasonNeeded': 'Say what holds it up.',
  'checkIn.noteNeeded': 'Write the note first.',
  'checkIn.dayNeeded': 'Pick the day to snooze until.',
  'checkIn.ownerNeeded': 'Choose who owns it.',
  'checkIn.cannotOwn':
    '{who} is {what, select, deactivated {a deactivated account} other {a bot}}; only a person with an active account can own {id}. Nothing was changed.',
  'checkIn.unknownSnooze': 'That snooze choice is not one this app drew; show the item again.',
} as const;

/** Every key a catalog holds. */
export type MessageKey = keyof typeof en;

/** A catalog of another language: the same keys, each in that language. */
export type Catalog = Readonly<Record<MessageKey, string>>;
