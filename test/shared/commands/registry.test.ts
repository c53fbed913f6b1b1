import { notPersonMention, ownerFromToken } from '#shared/domain/changes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CadenceSchema,
  IdPrefixSchema,
  LIMITS,
  PartyCodeSchema,
  STATUSES,
  TimeZoneSchema,
  TrackSlugSchema,
} from '#shared/domain/schemas';
import { DEFAULT_UPDATE_EVERY_DAYS } from '#shared/domain/kind';
import { REPORT_FILTERS } from '#shared/domain/report-filter';
import { COMMANDS, createRegistry, parseCommand, runCommand, type Command, type ParseResult } from '#shared/commands/registry';
import { SLASH } from '#shared/commands/definition';
import { showCommand } from '#shared/commands/show';
import { parsedFor, readSlashCommand, writingTeam } from '#shared/commands/replay';
import { escape, type SlackMessage } from '#shared/slack/render/format';
import type { Deps } from '#shared/use-cases/commitments';

const ID = /^[A-Z]{1,6}-[1-9][0-9]{0,5}$/;
/** For commands that read no store: any use of it fails the test. */
const NO_STORE = new Proxy({}, { get: () => { throw new Error('this command reads no store'); } }) as Deps;

function definitionNamed(name: Command['type']) {
  const definition = COMMANDS.find((d) => d.name === name);
  if (!definition) throw new Error(`No command is named ${name}.`);
  return definition;
}

/** The right form of one command, as its definition states it. */
function usage(name: Command['type']): string {
  return definitionNamed(name).usage;
}

describe('parseCommand', () => {
  it.each<{ text: string; command: Command }>([
    // list and help
    { text: '', command: { type: 'list-tracks' } },
    { text: '   ', command: { type: 'list-tracks' } },
    { text: 'tracks', command: { type: 'list-tracks' } },
    { text: 'list', command: { type: 'list-tracks' } },
    { text: 'help', command: { type: 'help' } },
    { text: 'HELP', command: { type: 'help' } },
    { text: '?', command: { type: 'help' } },
    { text: 'help update', command: { type: 'help', topic: 'update' } },
    { text: 'help track', command: { type: 'help', topic: 'track-add' } },
    { text: 'help update please', command: { type: 'help', topic: 'update' } },
    // Issue 14 made `me` a command, so help about it is help about `me`.
    { text: 'help me please', command: { type: 'help', topic: 'me' } },
    // report
    { text: 'japan-korea', command: { type: 'report', track: 'japan-korea', filter: 'open', share: false } },
    { text: '  Japan-Korea  ', command: { type: 'report', track: 'japan-korea', filter: 'open', share: false } },
    { text: 'japan-korea overdue', command: { type: 'report', track: 'japan-korea', filter: 'overdue', share: false } },
    { text: 'japan-korea DUE share', command: { type: 'report', track: 'japan-korea', filter: 'due', share: true } },
    { text: 'japan-korea share quiet', command: { type: 'report', track: 'japan-korea', filter: 'quiet', share: true } },
    { text: 'japan-korea done', command: { type: 'report', track: 'japan-korea', filter: 'done', share: false } },
    { text: 'japan-korea all', command: { type: 'report', track: 'japan-korea', filter: 'all', share: false } },
    { text: 'japan-korea soon', command: { type: 'report', track: 'japan-korea', filter: 'due', share: false } },
    // Filters in the words of a Japanese or Korean report's title, one word or two.
    { text: 'japan-korea 期限超過', command: { type: 'report', track: 'japan-korea', filter: 'overdue', share: false } },
    { text: 'japan-korea 未完了 share', command: { type: 'report', track: 'japan-korea', filter: 'open', share: true } },
    { text: 'japan-korea すべて', command: { type: 'report', track: 'japan-korea', filter: 'all', share: false } },
    { text: 'japan-korea 기한 초과 share', command: { type: 'report', track: 'japan-korea', filter: 'overdue', share: true } },
    { text: 'japan-korea 기한초과', command: { type: 'report', track: 'japan-korea', filter: 'overdue', share: false } },
    { text: 'japan-korea share 소식 없음', command: { type: 'report', track: 'japan-korea', filter: 'quiet', share: true } },
    { text: 'japan-korea due soon', command: { type: 'report', track: 'japan-korea', filter: 'due', share: false } },
    { text: 'share japan-korea', command: { type: 'report', track: 'japan-korea', filter: 'open', share: true } },
    { text: 'share japan-korea overdue', command: { type: 'report', track: 'japan-korea', filter: 'overdue', share: true } },
    { text: 'report help', command: { type: 'report', track: 'help', filter: 'open', share: false } },
    { text: 'list japan-korea all', command: { type: 'report', track: 'japan-korea', filter: 'all', share: false } },
    // show and history
    { text: 'show JK-4', command: { type: 'show', id: 'JK-4' } },
    { text: 'SHOW jk-4', command: { type: 'show', id: 'JK-4' } },
    { text: 'show JK4', command: { type: 'show', id: 'JK-4' } },
    { text: 'show #jk-04', command: { type: 'show', id: 'JK-4' } },
    { text: 'show JK\u20134', command: { type: 'show', id: 'JK-4' } },
    { text: 'history jk-12', command: { type: 'history', id: 'JK-12' } },
    // track add
    { text: 'track add', command: { type: 'track-add' } },
    { text: 'track add japan-korea', command: { type: 'track-add', slug: 'japan-korea' } },
    {
      text: 'track add japan-korea "Japan–Korea follow-ups" parties JP,KR tz Asia/Tokyo prefix JK',
      command: {
        type: 'track-add',
        slug: 'japan-korea',
        title: 'Japan–Korea follow-ups',
        parties: ['JP', 'KR'],
        timeZone: 'Asia/Tokyo',
        prefix: 'JK',
      },
    },
    {
      text: 'Track Add us-eu “US–EU trade” prefix ue tz europe/brussels parties us, eu',
      command: { type: 'track-add', slug: 'us-eu', title: 'US–EU trade', parties: ['US', 'EU'], timeZone: 'Europe/Brussels', prefix: 'UE' },
    },
    { text: 'track add "Only a title"', command: { type: 'track-add', title: 'Only a title' } },
    { text: 'track add tz UTC', command: { type: 'track-add', timeZone: 'UTC' } },
    // Under the name typed, not ICU's legacy Asia/Calcutta.
    { text: 'track add tz Asia/Kolkata', command: { type: 'track-add', timeZone: 'Asia/Kolkata' } },
    // add
    { text: 'add japan-korea', command: { type: 'add', track: 'japan-korea', owners: [] } },
    {
      text: 'add japan-korea "Visa waiver review" due end of March owner <@U123ABC|lee>, "Foreign Ministry"',
      command: {
        type: 'add',
        track: 'japan-korea',
        title: 'Visa waiver review',
        dueText: 'end of March',
        owners: ['<@U123ABC|lee>', 'Foreign Ministry'],
      },
    },
    {
      text: 'add japan-korea Review visa rules due next friday',
      command: { type: 'add', track: 'japan-korea', title: 'Review visa rules', dueText: 'next friday', owners: [] },
    },
    {
      text: 'add japan-korea “Lee’s visit” owners <@U1AAA> <@U2BBB|kim> and Ministry of Finance',
      command: { type: 'add', track: 'japan-korea', title: 'Lee’s visit', owners: ['<@U1AAA>', '<@U2BBB|kim>', 'Ministry of Finance'] },
    },
    {
      text: 'add japan-korea "Q&amp;A with press" owner @maria,@kim',
      command: { type: 'add', track: 'japan-korea', title: 'Q&A with press', owners: ['@maria', '@kim'] },
    },
    {
      text: 'add japan-korea "Shuttle diplomacy" recurring',
      command: { type: 'add', track: 'japan-korea', title: 'Shuttle diplomacy', owners: [], kind: { type: 'recurring' } },
    },
    {
      text: 'add japan-korea "Leader visits" RECURRING every 6 months owner @pm',
      command: {
        type: 'add',
        track: 'japan-korea',
        title: 'Leader visits',
        owners: ['@pm'],
        kind: { type: 'recurring', every: { count: 6, unit: 'months' } },
      },
    },
    {
      text: 'add japan-korea "Ministers meet" recurring every year',
      command: { type: 'add', track: 'japan-korea', title: 'Ministers meet', owners: [], kind: { type: 'recurring', every: { count: 1, unit: 'years' } } },
    },
    {
      text: 'add japan-korea "Reviews" recurring quarterly',
      command: { type: 'add', track: 'japan-korea', title: 'Reviews', owners: [], kind: { type: 'recurring', every: { count: 3, unit: 'months' } } },
    },
    {
      text: 'add japan-korea "Hydrogen talks" ongoing',
      command: {
        type: 'add',
        track: 'japan-korea',
        title: 'Hydrogen talks',
        owners: [],
        kind: { type: 'ongoing', updateEveryDays: DEFAULT_UPDATE_EVERY_DAYS },
      },
    },
    {
      text: 'add japan-korea "Hydrogen talks" ongoing update every 14 days',
      command: { type: 'add', track: 'japan-korea', title: 'Hydrogen talks', owners: [], kind: { type: 'ongoing', updateEveryDays: 14 } },
    },
    {
      text: 'add japan-korea "Hydrogen talks" ongoing every 2 weeks',
      command: { type: 'add', track: 'japan-korea', title: 'Hydrogen talks', owners: [], kind: { type: 'ongoing', updateEveryDays: 14 } },
    },
    {
      text: 'add japan-korea "The due diligence" due 2026-03-31',
      command: { type: 'add', track: 'japan-korea', title: 'The due diligence', dueText: '2026-03-31', owners: [] },
    },
    // update, note, done
    { text: 'update JK-4 in-progress', command: { type: 'update', id: 'JK-4', status: 'in-progress' } },
    { text: 'update jk-4 In Progress "Draft shared"', command: { type: 'update', id: 'JK-4', status: 'in-progress', note: 'Draft shared' } },
    { text: 'update JK-4 inprogress', command: { type: 'update', id: 'JK-4', status: 'in-progress' } },
    { text: 'update JK-4 started', command: { type: 'update', id: 'JK-4', status: 'in-progress' } },
    { text: 'update JK-4 progress', command: { type: 'update', id: 'JK-4', status: 'in-progress' } },
    { text: 'update JK-4 not started', command: { type: 'update', id: 'JK-4', status: 'not-started' } },
    { text: 'update JK-4 todo', command: { type: 'update', id: 'JK-4', status: 'not-started' } },
    { text: 'update JK-4 complete', command: { type: 'update', id: 'JK-4', status: 'done' } },
    { text: 'update JK-4 completed', command: { type: 'update', id: 'JK-4', status: 'done' } },
    { text: 'update JK-4 blocked waiting on MOFA', command: { type: 'update', id: 'JK-4', status: 'stalled', note: 'waiting on MOFA' } },
    { text: 'update JK-4 cancelled', command: { type: 'update', id: 'JK-4', status: 'dropped' } },
    { text: 'update JK-4 canceled', command: { type: 'update', id: 'JK-4', status: 'dropped' } },
    { text: 'update JK-4 done in time', command: { type: 'update', id: 'JK-4', status: 'done', note: 'in time' } },
    { text: 'note JK-4 Lee’s team met   the MOFA desk', command: { type: 'note', id: 'JK-4', text: 'Lee’s team met   the MOFA desk' } },
    { text: 'note JK-4 “Signed on 3 April”', command: { type: 'note', id: 'JK-4', text: 'Signed on 3 April' } },
    { text: 'note JK-4 the "peace" plan', command: { type: 'note', id: 'JK-4', text: 'the "peace" plan' } },
    { text: 'note JK-4 ask <@U123ABC|lee> &amp; Kim', command: { type: 'note', id: 'JK-4', text: 'ask <@U123ABC|lee> & Kim' } },
    { text: "note JK-4 'quoted'", command: { type: 'note', id: 'JK-4', text: 'quoted' } },
    { text: 'done JK-4', command: { type: 'done', id: 'JK-4' } },
    { text: 'done jk4 "Signed in Seoul"', command: { type: 'done', id: 'JK-4', note: 'Signed in Seoul' } },
    // edit
    {
      text: 'edit JK-4 due 2026-06-30 "postponed to after the election"',
      command: { type: 'edit', id: 'JK-4', edit: { type: 'edit', dueText: '2026-06-30', reason: 'postponed to after the election' } },
    },
    { text: 'edit jk4 due end of june', command: { type: 'edit', id: 'JK-4', edit: { type: 'edit', dueText: 'end of june' } } },
    { text: 'edit JK-4 owner <@U0MARIA|maria>, "Foreign Ministry"', command: { type: 'edit', id: 'JK-4', edit: { type: 'edit', owners: ['<@U0MARIA|maria>', 'Foreign Ministry'] } } },
    { text: 'edit JK-4 title "Convene the AI committee" "typo"', command: { type: 'edit', id: 'JK-4', edit: { type: 'edit', title: 'Convene the AI committee', reason: 'typo' } } },
    { text: 'edit JK-4 title Convene the AI committee', command: { type: 'edit', id: 'JK-4', edit: { type: 'edit', title: 'Convene the AI committee' } } },
    { text: 'edit JK-4 parties jp,KR', command: { type: 'edit', id: 'JK-4', edit: { type: 'edit', parties: ['JP', 'KR'] } } },
    { text: 'edit JK-4 parties JP KR "Korea joined"', command: { type: 'edit', id: 'JK-4', edit: { type: 'edit', parties: ['JP', 'KR'], reason: 'Korea joined' } } },
    // log
    {
      text: 'log JK-1 2026-01-13 Nara "Lee visits Nara"',
      command: { type: 'log', id: 'JK-1', dateText: '2026-01-13', place: 'Nara', text: 'Lee visits Nara' },
    },
    { text: 'log JK-1 today at Tokyo', command: { type: 'log', id: 'JK-1', dateText: 'today', place: 'Tokyo' } },
    { text: 'log JK-1 yesterday', command: { type: 'log', id: 'JK-1', dateText: 'yesterday' } },
    {
      text: 'log jk-1 13 January 2026 in Nara “Lee visits”',
      command: { type: 'log', id: 'JK-1', dateText: '13 January 2026', place: 'Nara', text: 'Lee visits' },
    },
    { text: 'log JK-1 last friday "Call"', command: { type: 'log', id: 'JK-1', dateText: 'last friday', text: 'Call' } },
    { text: 'log JK-1 monday New York', command: { type: 'log', id: 'JK-1', dateText: 'monday', place: 'New York' } },
    // assess, with the day it speaks for (issue 15)
    { text: 'assess JK-4 JP +1 "Dialogue held"', command: { type: 'assess', id: 'JK-4', party: 'JP', score: 1, note: 'Dialogue held' } },
    { text: 'assess JK-4 kr 0 as of 2026-03-31 "Interim report"', command: { type: 'assess', id: 'JK-4', party: 'KR', score: 0, dateText: '2026-03-31', note: 'Interim report' } },
    { text: 'assess JK-4 JP -1 as of end of march', command: { type: 'assess', id: 'JK-4', party: 'JP', score: -1, dateText: 'end of march' } },
    { text: 'assess JK-4 JP +1 "as of" is part of the note', command: { type: 'assess', id: 'JK-4', party: 'JP', score: 1, note: '"as of" is part of the note' } },
    // archive, unarchive, unlog
    { text: 'archive JK-4 "superseded by JK-9"', command: { type: 'archive', id: 'JK-4', reason: 'superseded by JK-9' } },
    { text: 'archive jk-4', command: { type: 'archive', id: 'JK-4' } },
    { text: 'unarchive JK-4', command: { type: 'unarchive', id: 'JK-4' } },
    { text: 'unlog JK-1 2026-01-13', command: { type: 'unlog', id: 'JK-1', dateText: '2026-01-13' } },
    { text: 'unlog JK-1 13 January 2026', command: { type: 'unlog', id: 'JK-1', dateText: '13 January 2026' } },
    // subscriptions
    {
      text: 'subscribe japan-korea every monday 09:00 tz Asia/Tokyo',
      command: { type: 'subscribe', track: 'japan-korea', scheduleText: 'every monday 09:00', timeZone: 'Asia/Tokyo' },
    },
    { text: 'subscribe japan-korea daily 8:30', command: { type: 'subscribe', track: 'japan-korea', scheduleText: 'daily 8:30' } },
    { text: 'subscribe japan-korea', command: { type: 'subscribe', track: 'japan-korea' } },
    {
      text: 'subscribe japan-korea TZ asia/seoul weekdays 9am',
      command: { type: 'subscribe', track: 'japan-korea', scheduleText: 'weekdays 9am', timeZone: 'Asia/Seoul' },
    },
    { text: 'subscribe japan-korea daily tz Europe/Kyiv', command: { type: 'subscribe', track: 'japan-korea', scheduleText: 'daily', timeZone: 'Europe/Kyiv' } },
    { text: 'unsubscribe japan-korea', command: { type: 'unsubscribe', track: 'japan-korea' } },
    { text: 'Subscriptions', command: { type: 'subscriptions' } },
    { text: 'japan-korea roles', command: { type: 'roles', track: 'japan-korea' } },
    { text: 'roles japan-korea', command: { type: 'roles', track: 'japan-korea' } },
    {
      text: 'japan-korea roles add <@U0MARIA|maria> <@U0LEE> Editor',
      command: { type: 'roles', track: 'japan-korea', change: { action: 'add', userIds: ['U0MARIA', 'U0LEE'], role: 'editor' } },
    },
    { text: 'japan-korea roles remove <@U0MARIA|maria>', command: { type: 'roles', track: 'japan-korea', change: { action: 'remove', userIds: ['U0MARIA'] } } },
    { text: 'japan-korea visibility private', command: { type: 'visibility', track: 'japan-korea', visibility: 'private' } },
    { text: 'visibility japan-korea public', command: { type: 'visibility', track: 'japan-korea', visibility: 'workspace' } },
    { text: 'japan-korea link <#C0GOV|gov-affairs>', command: { type: 'link', track: 'japan-korea', linked: true, channelId: 'C0GOV' } },
    { text: 'japan-korea unlink <#C0GOV>', command: { type: 'link', track: 'japan-korea', linked: false, channelId: 'C0GOV' } },
    { text: 'unlink japan-korea', command: { type: 'link', track: 'japan-korea', linked: false } },
    // issue 14: digest sections and empty digests
    {
      text: 'subscribe japan-korea weekdays 08:00 only overdue, no-answer',
      command: { type: 'subscribe', track: 'japan-korea', scheduleText: 'weekdays 08:00', sections: ['overdue', 'no-answer'] },
    },
    { text: 'subscribe japan-korea only due,late daily 9:00 always', command: { type: 'subscribe', track: 'japan-korea', scheduleText: 'daily 9:00', sections: ['overdue', 'due-soon'], always: true } },
    // issue 14: the caller's check-in preferences
    { text: 'me', command: { type: 'me' } },
    { text: 'ME time 8:30', command: { type: 'me-set', change: { type: 'time', time: '08:30' } } },
    { text: 'me time 17', command: { type: 'me-set', change: { type: 'time', time: '17:00' } } },
    { text: 'me days weekdays', command: { type: 'me-set', change: { type: 'days', days: [1, 2, 3, 4, 5] } } },
    { text: 'me days every day', command: { type: 'me-set', change: { type: 'days', days: [0, 1, 2, 3, 4, 5, 6] } } },
    { text: 'me days thu, Mon,tuesday', command: { type: 'me-set', change: { type: 'days', days: [1, 2, 4] } } },
    { text: 'me pause until end of april', command: { type: 'me-set', change: { type: 'pause', untilText: 'end of april' } } },
    { text: 'me pause 2026-05-01', command: { type: 'me-set', change: { type: 'pause', untilText: '2026-05-01' } } },
    { text: 'me resume', command: { type: 'me-set', change: { type: 'resume' } } },
    // issue 14: a track's check-in settings
    { text: 'japan-korea check-ins', command: { type: 'check-ins', track: 'japan-korea' } },
    { text: 'check-ins japan-korea', command: { type: 'check-ins', track: 'japan-korea' } },
    { text: 'japan-korea check-ins before 3, 14,7', command: { type: 'check-ins-set', track: 'japan-korea', change: { beforeDueDays: [14, 7, 3] } } },
    { text: 'japan-korea checkins before none', command: { type: 'check-ins-set', track: 'japan-korea', change: { beforeDueDays: [] } } },
    { text: 'japan-korea check-ins escalate 5', command: { type: 'check-ins-set', track: 'japan-korea', change: { escalateAfterDays: 5 } } },
    { text: 'checkins japan-korea escalate OFF', command: { type: 'check-ins-set', track: 'japan-korea', change: { escalateAfterDays: null } } },
    { text: 'japan-korea settings', command: { type: 'settings', track: 'japan-korea' } },
    { text: 'settings japan-korea', command: { type: 'settings', track: 'japan-korea' } },
    {
      text: 'japan-korea settings title "Japan–Korea summit follow-ups" tz Asia/Seoul fy april',
      command: { type: 'settings-set', track: 'japan-korea', change: { title: 'Japan–Korea summit follow-ups', timeZone: 'Asia/Seoul', fiscalYearStart: 4 } },
    },
    { text: 'settings japan-korea FY 4 timezone jst', command: { type: 'settings-set', track: 'japan-korea', change: { fiscalYearStart: 4, timeZone: 'Asia/Tokyo' } } },
    { text: 'japan-korea settings title Busan follow-ups', command: { type: 'settings-set', track: 'japan-korea', change: { title: 'Busan follow-ups' } } },
  ])('reads "$text"', ({ text, command }) => {
    expect(parseCommand(text)).toEqual({ ok: true, command, definition: definitionNamed(command.type) });
  });

  it.each<{ text: string; error: RegExp; usage: string }>([
    { text: 'foo!', error: /“foo!” is not a command or a track/, usage: usage('help') },
    { text: 'japan-korea roles add @maria editor', error: /roles add needs people, mentioned with @/, usage: usage('roles') },
    { text: 'japan-korea roles add <@U0MARIA> boss', error: /needs a role after the people: owner, editor, viewer/, usage: usage('roles') },
    { text: 'japan-korea roles promote <@U0MARIA>', error: /“promote” is not a roles action/, usage: usage('roles') },
    { text: 'japan-korea visibility secret', error: /visibility needs private or workspace/, usage: usage('visibility') },
    { text: 'japan-korea link #general', error: /“#general” is not a channel/, usage: usage('link') },
    { text: '"japan-korea"', error: /not quoted text/, usage: usage('help') },
    { text: 'updte JK-1 done', error: /“updte” is not a command/, usage: usage('report') },
    { text: 'japan-korea late-ish', error: /is not a command, and a track report takes only a filter/, usage: usage('report') },
    { text: 'share', error: /share needs a track/, usage: usage('report') },
    { text: 'share japan-korea whenever', error: /“whenever” is not a report filter; use open, overdue/, usage: usage('report') },
    // A look-alike is no filter: 期限 alone, 기한 alone.
    { text: 'share japan-korea 期限', error: /“期限” is not a report filter/, usage: usage('report') },
    { text: 'share japan-korea 기한', error: /“기한” is not a report filter/, usage: usage('report') },
    { text: 'japan-korea overdue done', error: /one report filter/, usage: usage('report') },
    { text: 'tracks all', error: /Nothing more was expected/, usage: usage('list-tracks') },
    { text: 'show', error: /show needs a commitment id, such as JK-4/, usage: usage('show') },
    { text: 'show JK-x', error: /“JK-x” is not a commitment id; ids look like JK-4/, usage: usage('show') },
    { text: 'show JK-0', error: /is not a commitment id/, usage: usage('show') },
    { text: 'show ABCDEFG-1', error: /is not a commitment id/, usage: usage('show') },
    { text: 'show JK-1234567', error: /is not a commitment id/, usage: usage('show') },
    { text: 'show JK-4 JK-5', error: /Nothing more was expected after “show JK-4”/, usage: usage('show') },
    { text: 'history', error: /history needs a commitment id/, usage: usage('history') },
    { text: 'track', error: /say track add/, usage: usage('track-add') },
    { text: 'track add Japan_Korea', error: /is not a track; tracks are lower-case words/, usage: usage('track-add') },
    { text: 'track add jk parties J,KR', error: /“J” is not a party code/, usage: usage('track-add') },
    { text: 'track add jk parties', error: /parties needs party codes/, usage: usage('track-add') },
    { text: 'track add jk tz Asia/Tokio', error: /“Asia\/Tokio” is not a time zone/, usage: usage('track-add') },
    { text: 'track add jk tz', error: /tz needs one time zone/, usage: usage('track-add') },
    { text: 'track add jk prefix JK1', error: /prefix needs 1 to 6 letters/, usage: usage('track-add') },
    { text: 'track add jk prefix JK tz UTC prefix KJ', error: /Give prefix only once/, usage: usage('track-add') },
    { text: `track add jk "${'t'.repeat(151)}"`, error: /The title is 151 characters long; the limit is 150/, usage: usage('track-add') },
    { text: 'add', error: /add needs a track/, usage: usage('add') },
    { text: 'add "Visa review"', error: /add needs a track/, usage: usage('add') },
    { text: 'add Japan_Korea "x"', error: /“Japan_Korea” is not a track/, usage: usage('add') },
    { text: 'add jk "x" recurring every month recurring', error: /Give recurring only once/, usage: usage('add') },
    { text: 'add jk "x" due', error: /due needs a date/, usage: usage('add') },
    { text: 'add jk "x" due friday due monday', error: /Give due only once/, usage: usage('add') },
    { text: 'add jk "x" owner', error: /owner needs a person/, usage: usage('add') },
    // A user group or a channel is no owner: kept as a name, it showed as markup and asked nobody.
    { text: 'add jk "x" owner <!subteam^S07QGOVTEAM|@gov-team>', error: /^@gov-team is a user group: an item’s owners are people \(@maria\) or names in quotes .* roles add @group viewer$/, usage: usage('add') },
    { text: 'add jk "x" owner <@U0LEE>, <#C0GOVAFF|gov-affairs>', error: /^#gov-affairs is a channel: an item’s owners are people/, usage: usage('add') },
    { text: 'edit JK-4 owner <!here>', error: /^@here is not a person: an item’s owners are people/, usage: usage('edit') },
    { text: 'add jk "x" due friday recurring', error: /A recurring item has no due date/, usage: usage('add') },
    { text: 'add jk "x" recurring ongoing', error: /either recurring or ongoing, not both/, usage: usage('add') },
    { text: 'add jk "x" recurring every fortnight-ish', error: /recurring takes every <n> days/, usage: usage('add') },
    { text: 'add jk "x" recurring every 0 days', error: /from 1 to 365/, usage: usage('add') },
    { text: 'add jk "x" ongoing update every 2 months', error: /ongoing takes update every <n> days/, usage: usage('add') },
    { text: 'add jk "x" ongoing update every 60 weeks', error: /at most 365 days apart/, usage: usage('add') },
    { text: `add jk "${'t'.repeat(201)}"`, error: /The title is 201 characters long; the limit is 200/, usage: usage('add') },
    { text: `add jk owner ${Array.from({ length: 11 }, (_, i) => `@u${i}`).join(' ')}`, error: /at most 10 owners; you gave 11/, usage: usage('add') },
    { text: 'update', error: /update needs a commitment id/, usage: usage('update') },
    { text: 'update JK-4', error: /update needs a status: not-started, in-progress, done, stalled or dropped/, usage: usage('update') },
    { text: 'update JK-4 nope', error: /“nope” is not a status; use not-started, in-progress, done, stalled or dropped/, usage: usage('update') },
    { text: 'update japan-korea done', error: /“japan-korea” is not a commitment id/, usage: usage('update') },
    { text: `update JK-4 done ${'n'.repeat(1001)}`, error: /The note is 1,001 characters long; the limit is 1,000/, usage: usage('update') },
    { text: 'note JK-4', error: /note needs some text/, usage: usage('note') },
    { text: 'note JK-4 ""', error: /note needs some text/, usage: usage('note') },
    { text: `note JK-4 "${'n'.repeat(1200)}"`, error: /The note is 1,200 characters long; the limit is 1,000/, usage: usage('note') },
    { text: 'note JK-4 "unclosed', error: /The quote before “unclosed” is never closed/, usage: usage('note') },
    { text: 'note JK-4 “smart but unclosed', error: /is never closed/, usage: usage('note') },
    { text: "note JK-4 'unclosed", error: /is never closed/, usage: usage('note') },
    { text: 'note JK-4 "', error: /The quote at the end is never closed/, usage: usage('note') },
    { text: 'done', error: /done needs a commitment id/, usage: usage('done') },
    { text: `done JK-4 ${'n'.repeat(1001)}`, error: /The note is 1,001 characters long/, usage: usage('done') },
    { text: 'edit JK-4', error: /edit needs a field after the id: due, owner, title or parties/, usage: usage('edit') },
    { text: 'edit JK-4 colour red', error: /“colour” is not a field edit can change; use due, owner, title or parties/, usage: usage('edit') },
    { text: 'edit JK-4 due "reason only"', error: /due needs a date/, usage: usage('edit') },
    { text: `edit JK-4 due 2026-06-30 "${'r'.repeat(1001)}"`, error: /The reason is 1,001 characters long; the limit is 1,000/, usage: usage('edit') },
    { text: `edit JK-4 title "${'t'.repeat(201)}"`, error: /The title is 201 characters long; the limit is 200/, usage: usage('edit') },
    { text: 'edit JK-4 owner', error: /owner needs a person/, usage: usage('edit') },
    { text: 'edit JK-4 parties J1', error: /“J1” is not a party code/, usage: usage('edit') },
    { text: 'assess JK-4 JP +1 as of "note"', error: /^as of needs a date/, usage: usage('assess') },
    { text: 'log JK-1', error: /log needs a date/, usage: usage('log') },
    { text: 'log JK-1 "Lee visits"', error: /log needs a date/, usage: usage('log') },
    { text: 'log JK-1 at Nara', error: /log needs a date/, usage: usage('log') },
    { text: 'log JK-1 today at', error: /at needs a place/, usage: usage('log') },
    { text: `log JK-1 today at ${'p'.repeat(101)}`, error: /The place is 101 characters long; the limit is 100/, usage: usage('log') },
    { text: `log JK-1 today "${'t'.repeat(501)}"`, error: /The text is 501 characters long; the limit is 500/, usage: usage('log') },
    { text: 'archive', error: /archive needs a commitment id/, usage: usage('archive') },
    { text: `archive JK-4 "${'r'.repeat(1001)}"`, error: /The reason is 1,001 characters long; the limit is 1,000/, usage: usage('archive') },
    { text: 'unarchive JK-4 now', error: /unarchive takes only the id/, usage: usage('unarchive') },
    { text: 'unlog JK-1', error: /unlog needs the date/, usage: usage('unlog') },
    { text: 'subscribe', error: /subscribe needs a track/, usage: usage('subscribe') },
    { text: 'subscribe jk every monday tz Mars/Base', error: /“Mars\/Base” is not a time zone/, usage: usage('subscribe') },
    { text: 'subscribe jk tz', error: /tz needs one time zone/, usage: usage('subscribe') },
    { text: 'subscribe jk daily only', error: /only needs sections, such as only overdue,no-answer/, usage: usage('subscribe') },
    { text: 'subscribe jk only overdue,soonish', error: /“soonish” is not a digest section; use overdue, due-soon, quiet, changed, no-answer/, usage: usage('subscribe') },
    { text: 'subscribe jk only overdue only quiet', error: /Give only once/, usage: usage('subscribe') },
    { text: 'me nap', error: /“nap” is not something me sets; use time, days, pause or resume/, usage: usage('me-set') },
    { text: 'me time 25:00', error: /“25:00” is not a time; use 24-hour time such as 08:30/, usage: usage('me-set') },
    { text: 'me time', error: /time needs a time/, usage: usage('me-set') },
    { text: 'me days someday', error: /“someday” is not a day/, usage: usage('me-set') },
    { text: 'me days', error: /days needs weekdays, every day/, usage: usage('me-set') },
    { text: 'me pause until', error: /pause needs a date/, usage: usage('me-set') },
    { text: 'me resume now', error: /Nothing more was expected/, usage: usage('me-set') },
    { text: 'japan-korea check-ins before 0', error: /0 days is out of range; use whole days from 1 to 60/, usage: usage('check-ins-set') },
    { text: 'japan-korea check-ins before 14,61', error: /61 days is out of range/, usage: usage('check-ins-set') },
    { text: 'japan-korea check-ins before 1,2,3,4,5,6', error: /That is 6 reminders; a track may ask at most 5 times/, usage: usage('check-ins-set') },
    { text: 'japan-korea check-ins before soon', error: /“soon” is not a number of days/, usage: usage('check-ins-set') },
    { text: 'japan-korea check-ins escalate 0', error: /0 days is out of range/, usage: usage('check-ins-set') },
    { text: 'japan-korea check-ins escalate 90', error: /90 days is out of range/, usage: usage('check-ins-set') },
    { text: 'japan-korea check-ins escalate', error: /escalate needs a number of days/, usage: usage('check-ins-set') },
    { text: 'japan-korea check-ins escalate 5 now', error: /Nothing more was expected/, usage: usage('check-ins-set') },
    { text: 'japan-korea check-ins louder', error: /“louder” is not a check-in setting; use before or escalate/, usage: usage('check-ins-set') },
    { text: 'japan-korea settings parties JP', error: /“parties” is not a setting; use title, tz or fy/, usage: usage('settings-set') },
    { text: 'japan-korea settings fy april fy may', error: /Give fy only once/, usage: usage('settings-set') },
    { text: 'japan-korea settings tz Asia/Seoul timezone UTC', error: /Give tz only once/, usage: usage('settings-set') },
    { text: 'japan-korea settings fy spring', error: /fy needs the month the fiscal year starts in/, usage: usage('settings-set') },
    { text: 'japan-korea settings tz Mars/Olympus', error: /“Mars\/Olympus” is not a time zone/, usage: usage('settings-set') },
    { text: 'japan-korea settings title', error: /title needs the new title, in quotes/, usage: usage('settings-set') },
    { text: `japan-korea settings title "${'x'.repeat(151)}"`, error: /The title is 151 characters long; the limit is 150/, usage: usage('settings-set') },
    { text: 'subscribe jk tz UTC tz Asia/Tokyo', error: /Give tz only once/, usage: usage('subscribe') },
    { text: `subscribe jk ${'every monday '.repeat(10)}`, error: /The schedule is \d+ characters long; the limit is 100/, usage: usage('subscribe') },
    { text: 'unsubscribe', error: /unsubscribe needs a track/, usage: usage('unsubscribe') },
    { text: 'subscriptions all', error: /Nothing more was expected/, usage: usage('subscriptions') },
  ])('refuses "$text" with the right form', ({ text, error, usage }) => {
    const result = parseCommand(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(error);
    // The overview starts with the bare command, so `toContain` checks both single forms and the overview.
    expect(result.usage).toContain(usage);
    expect(result.error).not.toContain('\n');
  });

  it('shows every form of the command when the first word is neither a command nor a track', () => {
    const result = parseCommand('what is this?');
    expect(result).toMatchObject({ ok: false, error: '“what” is not a command, and a track report takes only a filter and share.', usage: usage('report') });
    const unknown = parseCommand('Wh@t');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.usage).toBe(COMMANDS.map((d) => d.usage).join('\n'));
  });

  it('states the status vocabulary in the usage of update', () => {
    for (const status of STATUSES) expect(usage('update')).toContain(status);
  });

  it('states the default filter in the usage of a report', () => {
    expect(usage('report')).toMatch(/open, the default/);
    for (const filter of REPORT_FILTERS) expect(usage('report')).toContain(filter);
  });

  it('keeps a long offending word short in the error', () => {
    const result = parseCommand(`show ${'X'.repeat(500)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThan(120);
  });
});

describe('ownerFromToken', () => {
  it('reads a Slack mention with a name, a bare mention, a handle and a plain name', () => {
    expect(ownerFromToken('<@U123ABC|lee>')).toEqual({ label: 'lee', slackUserId: 'U123ABC' });
    expect(ownerFromToken('<@U123ABC>')).toEqual({ label: '<@U123ABC>', slackUserId: 'U123ABC' });
    expect(ownerFromToken('@maria')).toEqual({ label: '@maria' });
    expect(ownerFromToken('Foreign Ministry')).toEqual({ label: 'Foreign Ministry' });
  });

  it('knows Slack’s markup for a user group, a channel and everyone in one as no person', () => {
    expect(notPersonMention('<!subteam^S07QGOVTEAM|@gov-team>')).toEqual({ what: 'group', name: '@gov-team' });
    expect(notPersonMention('<!subteam^S07QGOVTEAM>')).toEqual({ what: 'group', name: 'S07QGOVTEAM' });
    expect(notPersonMention('<#C0GOVAFF|gov-affairs>')).toEqual({ what: 'channel', name: '#gov-affairs' });
    expect(notPersonMention('<#C0GOVAFF|>')).toEqual({ what: 'channel', name: '#C0GOVAFF' });
    expect(notPersonMention('<!channel>')).toEqual({ what: 'everyone', name: '@channel' });
    for (const token of ['<@U123ABC|lee>', '@gov-team', 'Foreign Ministry', '<https://example.org|x>']) expect(notPersonMention(token)).toBeUndefined();
  });
});

describe('parseCommand on any input', () => {
  const grammarWords = [
    ...['', ' ', '  ', '\n', '\t'],
    ...['help', '?', 'tracks', 'list', 'report', 'share', 'show', 'history', 'track', 'add', 'update', 'note', 'done', 'log', 'unlog', 'archive', 'unarchive'],
    ...['subscribe', 'unsubscribe', 'subscriptions', 'due', 'owner', 'owners', 'recurring', 'ongoing', 'every', 'update every'],
    ...['parties', 'tz', 'prefix', 'at', 'in', 'and', ',', 'JP,KR', 'Asia/Tokyo', 'Mars/Base', 'JK'],
    ...['japan-korea', 'Japan-Korea', 'jk', 'a--b', '-x', 'x'.repeat(41), 'overdue', 'quiet', 'all', 'open'],
    ...['JK-4', 'jk-4', 'JK4', 'JK-0', 'JK-04', 'JK-1234567', '#JK-1', 'ABCDEFG-1'],
    ...STATUSES,
    ...['in progress', 'not started', 'blocked', 'cancelled', 'nope'],
    ...['"', '“', '”', "'", '‘', '’', '"quoted text"', '“smart”', "Lee's", 'Lee’s', '<@U123ABC|lee>', '<@U1>', '<', '>', '&amp;'],
    ...['2026-03-31', 'today', 'next friday', 'end of March', '6', 'months', 'days', 'weeks', '0', '400'],
    ...['n'.repeat(1001), 't'.repeat(201), 'p'.repeat(101)],
  ];
  const grammarText = fc
    .array(fc.constantFrom(...grammarWords), { maxLength: 12 })
    .chain((words) => fc.constantFrom(words.join(' '), words.join('')));

  it.each([
    ['printable text', fc.string()],
    ['any Unicode text', fc.string({ unit: 'binary', maxLength: 200 })],
    ['text built from the grammar', grammarText],
  ])('never throws and answers with a valid command or a short refusal for %s', (_, texts) => {
    fc.assert(
      fc.property(texts, (text) => {
        expectWellFormed(parseCommand(text));
      }),
      { numRuns: 1000 },
    );
  });
});

function expectWellFormed(result: ParseResult): void {
  if (!result.ok) {
    expect(result.error.length).toBeGreaterThan(0);
    expect(result.error).not.toContain('\n');
    expect(result.usage.length).toBeGreaterThan(0);
    return;
  }
  const command = result.command;
  const slug = (track: string) => expect(TrackSlugSchema.safeParse(track).success).toBe(true);
  const within = (text: string | undefined, max: number) => {
    if (text === undefined) return;
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(max);
  };
  switch (command.type) {
    case 'list-tracks':
    case 'subscriptions':
      return;
    case 'help':
      if (command.topic) expect(COMMANDS.map((d) => d.name)).toContain(command.topic);
      return;
    case 'report':
      slug(command.track);
      expect(REPORT_FILTERS).toContain(command.filter);
      return;
    case 'show':
    case 'history':
      expect(command.id).toMatch(ID);
      return;
    case 'track-add':
      if (command.slug !== undefined) slug(command.slug);
      within(command.title, 150);
      for (const party of command.parties ?? []) expect(PartyCodeSchema.safeParse(party).success).toBe(true);
      if (command.timeZone !== undefined) expect(TimeZoneSchema.safeParse(command.timeZone).success).toBe(true);
      if (command.prefix !== undefined) expect(IdPrefixSchema.safeParse(command.prefix).success).toBe(true);
      return;
    case 'add':
      slug(command.track);
      within(command.title, LIMITS.titleChars);
      within(command.dueText, Infinity);
      expect(command.owners.length).toBeLessThanOrEqual(10);
      for (const owner of command.owners) within(owner, 100);
      if (command.kind?.type === 'recurring' && command.kind.every) {
        expect(CadenceSchema.safeParse(command.kind.every).success).toBe(true);
      }
      if (command.kind?.type === 'ongoing') {
        expect(command.kind.updateEveryDays).toBeGreaterThanOrEqual(1);
        expect(command.kind.updateEveryDays).toBeLessThanOrEqual(365);
      }
      if (command.kind) expect(command.dueText).toBeUndefined();
      return;
    case 'update':
      expect(command.id).toMatch(ID);
      expect(STATUSES).toContain(command.status);
      within(command.note, LIMITS.noteChars);
      return;
    case 'note':
      expect(command.id).toMatch(ID);
      within(command.text, LIMITS.noteChars);
      return;
    case 'done':
      expect(command.id).toMatch(ID);
      within(command.note, LIMITS.noteChars);
      return;
    case 'log':
      expect(command.id).toMatch(ID);
      within(command.dateText, Infinity);
      within(command.place, 100);
      within(command.text, 500);
      return;
    case 'unlog':
      expect(command.id).toMatch(ID);
      within(command.dateText, Infinity);
      return;
    case 'archive':
      expect(command.id).toMatch(ID);
      within(command.reason, LIMITS.noteChars);
      return;
    case 'unarchive':
      expect(command.id).toMatch(ID);
      return;
    case 'subscribe':
      slug(command.track);
      within(command.scheduleText, 100);
      if (command.timeZone !== undefined) expect(TimeZoneSchema.safeParse(command.timeZone).success).toBe(true);
      return;
    case 'unsubscribe':
      slug(command.track);
      return;
  }
}

describe('the registry of commands', () => {
  const form = (text: string) =>
    new URLSearchParams({ team_id: 'T0TEST', user_id: 'U0ALICE', channel_id: 'C0GENERAL', command: SLASH, text }).toString();
  const textOf = (example: string) => {
    expect(example.startsWith(`${SLASH} `)).toBe(true);
    return example.slice(SLASH.length + 1);
  };

  it('lists every command once, each with its own words, usage and examples', () => {
    expect(() => createRegistry(COMMANDS)).not.toThrow();
    expect(new Set(COMMANDS.map((d) => d.usage)).size).toBe(COMMANDS.length);
    for (const definition of COMMANDS) expect(definition.examples.length).toBeGreaterThan(0);
    expect(() => createRegistry([...COMMANDS, showCommand])).toThrow(/named show/);
  });

  it.each(COMMANDS.flatMap((d) => d.examples.map((example) => ({ name: d.name, example }))))('reads the example "$example" as $name', ({ name, example }) => {
    const parsed = parseCommand(textOf(example));
    expect(parsed.ok && parsed.definition).toBe(definitionNamed(name));
  });

  it('shows every registered command’s form and examples in help, and each form on its own in help <command>', async () => {
    const help = await answerTo('help');
    // The fallback text is mrkdwn too, so its forms carry `&lt;track&gt;` (issue 13).
    // The examples are in the blocks; the fallback text lists the forms (all of it would pass Slack's 4,000 characters).
    const blocks = JSON.stringify(help.blocks);
    for (const definition of COMMANDS) {
      expect(help.text).toContain(escape(definition.usage));
      for (const example of definition.examples) expect(blocks).toContain(JSON.stringify(escape(example)).slice(1, -1));
      expect((await answerTo(`help ${definition.name}`)).text).toBe(escape(definition.usage));
    }
  });

  it('states how dates are read in help, and in help on a command that takes a date (issue 15)', async () => {
    const conventions = ['next month (end of next month)', 'H1 2027 or first half of 2027 or mid-2027 (30 Jun 2027)', 'with April, 31 Mar 2028', '2026年3月31日', '2026년 3월 31일', 'write 2027-05-04 or 4 May 2027'];
    for (const text of ['help', 'help add', 'help edit']) {
      const blocks = JSON.stringify((await answerTo(text)).blocks);
      for (const convention of conventions) expect(blocks, text).toContain(convention);
    }
    expect(JSON.stringify((await answerTo('help note')).blocks)).not.toContain('H1 2027');
  });

  it('has the replay guard claim every command that writes, and no command that only reads', () => {
    for (const definition of COMMANDS) {
      for (const example of definition.examples) {
        expect({ example, claimed: writingTeam(form(textOf(example))) }).toEqual({ example, claimed: definition.writes ? 'T0TEST' : undefined });
      }
    }
    expect(COMMANDS.filter((d) => d.writes).map((d) => d.name)).toEqual(['track-add', 'add', 'update', 'note', 'done', 'edit', 'log', 'unlog', 'archive', 'unarchive', 'subscribe', 'unsubscribe', 'me-set', 'me-language', 'assess', 'export', 'roles', 'visibility', 'link', 'check-ins-set', 'settings-set', 'manager']);
  });

  it('hands the replay guard’s parse to the listener only for the same text', () => {
    const command = readSlashCommand(form('show JK-4'));
    expect(command?.parsed.ok).toBe(true);
    expect(parsedFor('show JK-4', command)).toBe(command?.parsed);
    expect(parsedFor('show JK-5', command)).toEqual(parseCommand('show JK-5'));
    expect(parsedFor('show JK-4', undefined)).toEqual(command?.parsed);
  });
});

describe('parseCommand, for issue 11', () => {
  it.each([
    { text: 'assess JK-4 JP +1 "x', name: 'assess' },
    { text: 'export japan-korea "x', name: 'export' },
    { text: 'import japan-korea "x', name: 'import' },
  ] as const)('answers an unclosed quote in "$text" with the form of $name', ({ text, name }) => {
    expect(parseCommand(text)).toMatchObject({ ok: false, error: 'The quote before “x” is never closed.', usage: usage(name) });
  });

  it('reads every count word that dates read, as in "every five weeks"', () => {
    expect(parseCommand('add japan-korea "Leader visits" recurring every five weeks')).toEqual({
      ok: true,
      command: { type: 'add', track: 'japan-korea', title: 'Leader visits', owners: [], kind: { type: 'recurring', every: { count: 5, unit: 'weeks' } } },
      definition: definitionNamed('add'),
    });
    const ongoing = parseCommand('add japan-korea "Talks" ongoing update every seven days');
    expect(ongoing.ok && ongoing.command).toEqual({ type: 'add', track: 'japan-korea', title: 'Talks', owners: [], kind: { type: 'ongoing', updateEveryDays: 7 } });
  });

  it('reads a command of many quoted words up to the cap in one pass, and refuses a 64 KB one unread (issue 13)', () => {
    const text = `note JK-4 ${'"ab" '.repeat(790)}`;
    expect(parseCommand(text)).toMatchObject({ ok: false, error: 'The note is 3,949 characters long; the limit is 1,000.', usage: usage('note') });
    expect(parseCommand(`${text}"unclosed`)).toMatchObject({ ok: false, error: 'The quote before “unclosed” is never closed.', usage: usage('note') });
    const long = `note JK-4 ${'"ab" '.repeat(13_000)}`;
    expect(long.length).toBeGreaterThan(64_000);
    expect(parseCommand(long)).toEqual({
      ok: false,
      error: 'The command is 65,010 characters long; a command can be at most 4,000. Nothing was read or changed.',
      say: { key: 'parse.tooLong', values: { length: long.length, max: 4000 } },
      usage: usage('note'),
    });
  });

  it.each(['update JK-4 constructor', 'japan-korea constructor', 'assess JK-4 JP toString', 'add jk "x" recurring every constructor'])(
    'refuses "%s": a word that names an object property is no alias',
    (text) => {
      expect(parseCommand(text).ok).toBe(false);
    },
  );

  it('refuses help about an object property name as an unknown topic (issue 15)', () => {
    expect(parseCommand('help constructor')).toMatchObject({ ok: false, error: expect.stringMatching(/^There is no help on “constructor”\. Topics: tracks, report, show/) });
  });
});

describe('refusals that say what was meant (issue 15)', () => {
  it('answers help on an unknown topic with the topics, not every form', () => {
    const parsed = parseCommand('help nonsense');
    expect(parsed).toMatchObject({ ok: false, usage: usage('help') });
    if (parsed.ok) return;
    expect(parsed.error).toContain('There is no help on “nonsense”.');
    for (const word of ['add', 'update', 'track', 'export', 'subscribe']) expect(parsed.error).toContain(word);
  });

  it.each(['japan_korea', 'Japan_Korea overdue', 'japan.korea'])('asks "did you mean japan-korea?" for "%s", with the report form alone', (text) => {
    const parsed = parseCommand(text);
    expect(parsed).toMatchObject({ ok: false, usage: usage('report') });
    if (!parsed.ok) expect(parsed.error).toMatch(/is not a command or a track; did you mean japan-korea\?$/);
  });

  it('asks "did you mean japan-korea?" where a command expects a track', () => {
    expect(parseCommand('add japan_korea "Title"')).toMatchObject({ ok: false, error: '“japan_korea” is not a track; did you mean japan-korea?', usage: usage('add') });
  });

  it.each(['export share', 'export japan-korea share', 'japan-korea export share', 'japan-korea share export', 'share japan-korea export'])(
    'refuses "%s" saying why an export cannot be shared',
    (text) => {
      const parsed = parseCommand(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/^Export cannot be shared: it sends the briefing files to you alone, in a direct message\. To show the channel the report, use \/commitments (japan-korea|<track>) share\.$/);
    },
  );

  it.each(COMMANDS.flatMap((definition) => definition.words).filter((word) => /^[a-z]/.test(word)))('refuses the command word "%s" as a new track’s slug', (word) => {
    const parsed = parseCommand(`track add ${word} "A track" parties JP,KR tz Asia/Tokyo`);
    expect(parsed).toMatchObject({ ok: false, usage: usage('track-add') });
    if (!parsed.ok) expect(parsed.error).toBe(`“${word}” is a command word, so a track called ${word} could never be reached; choose another slug, such as ${word}-track.`);
  });

  it('reads the month a new track’s fiscal year starts in from fy', () => {
    for (const month of ['april', 'Apr', '4']) {
      expect(parseCommand(`track add jp-budget "Japan budget" parties JP tz Asia/Tokyo fy ${month}`)).toMatchObject({ ok: true, command: { type: 'track-add', fiscalYearStart: 4 } });
    }
    expect(parseCommand('track add jp-budget "Japan budget" parties JP tz Asia/Tokyo fy 13')).toMatchObject({ ok: false, error: 'fy needs the month the fiscal year starts in, such as april (Japan) or 4.' });
    expect(parseCommand('track add jp-budget fy april')).toMatchObject({ ok: false, error: expect.stringMatching(/^With fy, give the slug, title, parties and tz too/) });
  });

  it('still takes a slug that only starts with a command word', () => {
    expect(parseCommand('track add help-desk "Help desk" parties JP,KR tz Asia/Tokyo')).toMatchObject({ ok: true, command: { type: 'track-add', slug: 'help-desk' } });
  });
});

/** The answer to a command that reads no store, such as help. */
async function answerTo(text: string): Promise<SlackMessage> {
  const parsed = parseCommand(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const answer = await runCommand(NO_STORE, { teamId: 'T0TEST', userId: 'U0ALICE', now: new Date(), access: { userId: 'U0ALICE', standing: 'member' } }, { channelId: 'C0GENERAL' }, parsed);
  if (!('message' in answer)) throw new Error('expected a message');
  return answer.message;
}
