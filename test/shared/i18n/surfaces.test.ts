import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '#shared/commands/registry';
import { en, type MessageKey } from '#shared/i18n/en';
import { ja } from '#shared/i18n/ja';
import { ko } from '#shared/i18n/ko';
import { EN, translatorFor, type Translator } from '#shared/i18n/translator';
import { renderHelp } from '#shared/slack/render/help';
import { renderProblem, renderUnexpected } from '#shared/slack/render/notice';
import { renderReport } from '#shared/slack/render/report';
import { renderCheckIn } from '#shared/slack/render/check-in';
import { renderAnswered, renderChangedSince } from '#shared/slack/render/check-in-answer';
import { atRiskModal, checkInDoneModal, checkInNoteModal, notMineModal, snoozeDateModal } from '#shared/slack/render/check-in-modals';
import { renderCheckInSettings } from '#shared/slack/render/check-in-settings';
import { renderHome } from '#shared/slack/render/home';
import { importPickModal, importTextModal } from '#shared/slack/render/import';
import { addCommitmentModal, doneModal, editModal, noteModal, updateModal, type ModalOrigin } from '#shared/slack/render/modals';
import { renderPreferences } from '#shared/slack/render/preferences';
import { renderCommitment } from '#shared/slack/render/commitment';
import { renderChange } from '#shared/slack/render/change';
import { renderDigest } from '#shared/slack/render/digest';
import { describeAccessChanges, rolesModal } from '#shared/slack/render/roles';
import { renderSettingsChanged, renderTrackSettings } from '#shared/slack/render/track-settings';
import { renderSubscribed, renderSubscriptions, renderUnsubscribed } from '#shared/slack/render/subscriptions';
import { renderTrackList } from '#shared/slack/render/tracks';
import { addTrackModal } from '#shared/slack/render/modals';
import { SubscriptionSchema, DIGEST_SECTIONS, type Subscription } from '#shared/domain/subscription';
import type { Change, HistoryEntry, TrackChange } from '#shared/domain/schemas';
import type { CheckInAnswer } from '#shared/domain/check-in-answer';
import { ASK_REASONS, CheckInPreferencesSchema } from '#shared/domain/check-ins';
import type { PreferenceChange } from '#shared/domain/preferences';
import type { ReportFilter } from '#shared/domain/report-filter';
import { STATUSES, TrackSummarySchema } from '#shared/domain/schemas';
import type { Proposal } from '#shared/domain/import-draft';
import { englishLeftIn, messageElements, pseudoTranslator, shownTexts } from '../../support/pseudo-locale.ts';
import { FIXTURE_NOW, FIXTURE_PEOPLE, FIXTURE_SLUG, FIXTURE_TEAM, longestReport, longestTrack, longLines, longText } from '../../support/longest-track.ts';
import { slackLimitBreaches, type Rendering } from '../../support/slack-limits-cjk.ts';

/**
 * Issue 26, Done-when 1: every message, view and form kind the bot renders, in English,
 * Japanese, Korean and the pseudo-locale, from the same fixture (test/support/longest-track.ts:
 * every people's text at its longest, in Japanese and Korean). In Japanese, Korean and the
 * pseudo-locale no English word may be left outside people's text, ids, command syntax and
 * Slack's codes; in every language each rendering keeps to Slack's limits, and has the same
 * blocks as the English one (only the words differ).
 */
type Language = 'en' | 'ja' | 'ko' | 'pseudo';
const LANGUAGES: readonly Language[] = ['en', 'ja', 'ko', 'pseudo'];
const translators = {} as Record<Language, Translator>;

/** The words command forms take (`open`, `fy`, `as of`, …): command syntax, which a gloss may name in any language. */
const COMMAND_WORDS = new Set(COMMANDS.flatMap((c) => [c.usage.split('  (')[0]!, ...c.examples]).flatMap((form) => form.toLowerCase().match(/[a-z]+/g) ?? []));

const report = longestReport();
const track = longestTrack();
/** Why Slack stopped someone's check-ins or a channel's digests, in Slack's own codes, which `me` and `subscriptions` show as Slack gave them. */
const SLACK_ERROR = 'account_inactive';
const SLACK_CHANNEL_ERROR = 'channel_not_found';
/** The fixture's longest time zone (IANA's name, shown as it is). */
const LONG_ZONE = 'America/Argentina/ComodRivadavia';
/**
 * What a rendering may show as it is: the fixture's slug and its parties' codes (ids), the
 * system actor a seeded note names (`seed`, as a person's id would be), file extensions and IANA
 * (the time-zone database's name, with its zone names).
 */
const IDS = [FIXTURE_SLUG, ...track.parties.map((p) => p.code), 'JKABCD', 'seed', '.csv', '.md', 'IANA', SLACK_ERROR, SLACK_CHANNEL_ERROR];

/** One surface: a name and how it renders in a language. */
interface Surface {
  name: string;
  render(t: Translator): Rendering;
}

const FILTERS: readonly ReportFilter[] = ['open', 'overdue', 'due', 'quiet', 'done', 'all'];

const items = report.commitments;
/** Where a form was opened from: a report message, with a response URL and a block id at their longest. */
const ORIGIN: ModalOrigin = {
  id: items[0]!.id,
  version: items[0]!.version,
  track: FIXTURE_SLUG,
  channelId: 'C0GENERAL',
  responseUrl: `https://hooks.slack.com/actions/T0LONGEST/1234567890123/${'x'.repeat(24)}`,
  messageTs: '1767225600.123456',
  refresh: `report|${FIXTURE_SLUG}|all|2`,
};
const summary = TrackSummarySchema.parse({
  ...track,
  counts: Object.fromEntries(STATUSES.map((s) => [s, 999_999])),
  lastSeq: 999_999,
});
const answers: CheckInAnswer[] = [
  { type: 'on-track' },
  { type: 'at-risk', reason: longLines('外務省と協議中', 1000) },
  { type: 'done', note: longLines('완료했습니다', 1000) },
  { type: 'note', text: longLines('次回会合で確認', 1000) },
  { type: 'snooze', days: 7 },
  { type: 'snooze-until', until: '2026-04-30' },
  { type: 'not-mine', to: FIXTURE_PEOPLE.editor, note: longLines('担当替え', 1000) },
];
const proposals: Proposal[] = items.slice(0, 10).map((item, i) => ({
  title: item.title,
  kind: i % 3 === 0 ? { type: 'one-off', due: '2026-06-30' } : i % 3 === 1 ? { type: 'recurring', every: { count: 1, unit: 'years' }, occurrences: [] } : { type: 'ongoing', updateEveryDays: 30 },
  parties: track.parties.map((p) => p.code),
  ...(i % 3 === 0 ? { due: '2026-06-30' } : {}),
  sentence: longText('両首脳は、シャトル外交を継続することで一致した', 600),
  paragraph: 90 + i,
  point: '3(b)',
  cue: '一致した',
}));
const changes: PreferenceChange[] = [{ type: 'time', time: '07:30' }, { type: 'days', days: [0, 1, 2, 3, 4, 5, 6] }, { type: 'pause', untilText: '2026-04-30' }, { type: 'resume' }];
const prefs = CheckInPreferencesSchema.parse({ teamId: FIXTURE_TEAM, userId: FIXTURE_PEOPLE.owner, time: '07:30', days: [1, 3, 5], pausedUntil: '2026-04-30', stopped: { reason: SLACK_ERROR, at: '2026-03-20T00:00:00.000Z' } });

const subscriptions: Subscription[] = (['ja', 'ko', 'en', undefined] as const).flatMap((language, i) => [
  SubscriptionSchema.parse({
    teamId: FIXTURE_TEAM,
    channelId: `C0CHANNEL${i}`,
    track: FIXTURE_SLUG,
    schedule: i % 2 ? { type: 'interval', everyDays: 365, from: '2026-03-25', at: '23:59' } : { type: 'weekly', days: [1, 2, 3, 4, 5, 6, 7], at: '09:00' },
    timeZone: LONG_ZONE,
    createdBy: FIXTURE_PEOPLE.owner,
    createdAt: '2026-03-01T00:00:00.000Z',
    nextRunAt: '2026-03-30T00:00:00.000Z',
    lastDigestAt: '2026-03-23T00:00:00.000Z',
    ...(i === 1 ? { paused: { reason: SLACK_CHANNEL_ERROR, at: '2026-03-20T00:00:00.000Z' } } : {}),
    sections: i === 2 ? ['overdue'] : [...DIGEST_SECTIONS],
    skipWhenEmpty: i % 2 === 0,
    ...(language ? { language } : {}),
    version: 3,
  }),
]);
/** One change of each kind, each text at its longest. */
const CHANGES: Change[] = [
  { type: 'created', status: 'not-started' },
  { type: 'status', from: 'in-progress', to: 'done', note: longLines('完了しました', 1000) },
  { type: 'note', text: longLines('협의를 계속합니다', 1000) },
  { type: 'assessment', party: track.parties[0]!.code, from: -1, to: 1, date: '2026-03-20', note: longLines('評価', 1000) },
  { type: 'occurrence', occurrence: { date: '2026-03-20', place: longText('釜山', 100), text: longLines('首脳会談', 500) } },
  { type: 'field', field: 'title', from: longText('旧', 200), to: longText('新', 200), note: longLines('理由', 1000) },
  { type: 'field', field: 'due', from: '2026-03-01', to: '2026-06-30' },
  { type: 'fields', changes: [{ type: 'field', field: 'owners', from: longText('外務省', 1000), to: longText('防衛省', 1000) }, { type: 'field', field: 'parties', from: 'PAABCDEF', to: 'PBABCDEF' }], note: longLines('理由', 1000) },
  { type: 'unlog', occurrence: { date: '2026-03-20', place: longText('釜山', 100) } },
  { type: 'archive', reason: longLines('不要', 1000) },
  { type: 'unarchive' },
  { type: 'snooze', until: '2026-04-30' },
];
const history: HistoryEntry[] = Array.from({ length: 60 }, (_, i) => ({ teamId: FIXTURE_TEAM, track: FIXTURE_SLUG, commitmentId: items[0]!.id, version: i + 1, at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), by: i % 2 ? 'seed' : FIXTURE_PEOPLE.owner, change: CHANGES[i % CHANGES.length]! }));
const TRACK_CHANGES: TrackChange[] = [
  { type: 'role', userId: FIXTURE_PEOPLE.editor, from: 'viewer', to: 'owner' },
  { type: 'role', userId: 'S0GROUPS', to: 'editor' },
  { type: 'role', userId: FIXTURE_PEOPLE.paused, from: 'editor' },
  { type: 'visibility', from: 'workspace', to: 'private' },
  { type: 'link', channelId: 'C0LINKED' },
  { type: 'unlink', channelId: 'C0LINKED' },
  { type: 'check-ins', from: { beforeDueDays: [7, 1], escalateAfterDays: 3 }, to: { beforeDueDays: [60, 30, 14, 7, 1], escalateAfterDays: null } },
  { type: 'settings', from: { title: longText('旧', 150), timeZone: 'Asia/Tokyo', fiscalYearStart: 1 }, to: { title: track.title, timeZone: LONG_ZONE, fiscalYearStart: 4 } },
];

/** Every surface converted so far; each helper's surface joins this list as it lands. */
const SURFACES: Surface[] = [
  { name: 'help', render: (t) => ({ message: renderHelp(COMMANDS, undefined, t) }) },
  ...COMMANDS.map((command) => ({ name: `help ${command.name}`, render: (t: Translator) => ({ message: renderHelp(COMMANDS, command, t) }) })),
  ...FILTERS.flatMap((filter) =>
    [0, 1, 2].map((page) => ({ name: `report ${filter} page ${page + 1}`, render: (t: Translator) => ({ message: renderReport(report, { filter, page, now: FIXTURE_NOW, t }) }) })),
  ),
  { name: 'report shared in a channel', render: (t) => ({ message: renderReport(report, { filter: 'all', page: 1, now: FIXTURE_NOW, shared: true, t }) }) },
  { name: 'report of a track with no items', render: (t) => ({ message: renderReport({ track, commitments: [] }, { filter: 'open', page: 0, now: FIXTURE_NOW, t }) }) },
  { name: 'the notice for anything unexpected', render: (t) => ({ message: renderUnexpected('3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', t) }) },
  // Home and check-ins.
  { name: 'Home tab', render: (t) => ({ view: renderHome({ userId: FIXTURE_PEOPLE.owner, tracks: Array.from({ length: 12 }, () => ({ summary, report })), subscriptions: [], now: FIXTURE_NOW }, t) }) },
  { name: 'Home tab with no tracks', render: (t) => ({ view: renderHome({ userId: FIXTURE_PEOPLE.owner, tracks: [], subscriptions: [], now: FIXTURE_NOW }, t) }) },
  { name: 'Home tab with tracks left unread', render: (t) => ({ view: renderHome({ userId: FIXTURE_PEOPLE.owner, tracks: Array.from({ length: 12 }, () => ({ summary, report })), subscriptions: [], now: FIXTURE_NOW, unread: 999 }, t) }) },
  {
    name: 'check-in message, every reason, more than it lists',
    render: (t) => ({ message: renderCheckIn({ entries: items.map((item, i) => ({ item, trackTitle: track.title, reason: ASK_REASONS[i % 3]!, dueOn: i % 3 === 2 ? undefined : '2026-03-01', days: 999 })), more: 999 }, t) }),
  },
  ...answers.map((answer) => ({ name: `check-in answered: ${answer.type}`, render: (t: Translator) => ({ message: { text: 'x', blocks: renderAnswered(answer, items[0]!, track, FIXTURE_NOW, t) } }) })),
  ...items.slice(0, 7).map((item, i) => ({ name: `check-in item changed since: ${i + 1}, ${item.status}${item.archived ? ', archived' : ''}`, render: (t: Translator) => ({ message: { text: 'x', blocks: renderChangedSince(item, track, FIXTURE_NOW, t) } }) })),
  ...[atRiskModal, checkInDoneModal, checkInNoteModal, snoozeDateModal, notMineModal].map((form) => ({ name: `check-in form ${form.name}`, render: (t: Translator) => ({ view: form(items[0]!, ORIGIN, t) }) })),
  // me, a track's check-ins settings, import.
  { name: 'me', render: (t) => ({ message: renderPreferences({ prefs, timeZone: LONG_ZONE }, FIXTURE_NOW, t) }) },
  ...changes.map((change) => ({ name: `me, changed: ${change.type}`, render: (t: Translator) => ({ message: renderPreferences({ prefs, timeZone: 'Asia/Tokyo', change }, FIXTURE_NOW, t) }) })),
  { name: 'a track’s check-ins settings', render: (t) => ({ message: renderCheckInSettings(track, t) }) },
  { name: 'a track’s check-ins settings, never flagged', render: (t) => ({ message: renderCheckInSettings({ ...track, checkIns: { beforeDueDays: [1], escalateAfterDays: null } }, t) }) },
  {
    name: 'import form, its track named',
    render: (t) => ({ view: importTextModal(ORIGIN, { track, text: longLines('両首脳は合意した', 12_000), link: `https://example.org/${'r'.repeat(400)}`, today: '2026-03-25' }, t) }),
  },
  { name: 'import form, a track to pick', render: (t) => ({ view: importTextModal(ORIGIN, { tracks: Array.from({ length: 120 }, () => summary), today: '2026-03-25' }, t) }) },
  { name: 'import pick list', render: (t) => ({ view: importPickModal('draft-1', ORIGIN, proposals, track.parties, { found: 999, leftFrom: 99 }, t) }) },
  // Item forms.
  ...items.slice(0, 7).flatMap((item) =>
    [updateModal, noteModal, doneModal, editModal].map((form) => ({ name: `item form ${form.name}: ${item.id}, ${item.kind.type}, ${item.status}${item.archived ? ', archived' : ''}`, render: (t: Translator) => ({ view: form(item, ORIGIN, t) }) })),
  ),
  { name: 'add form for a track', render: (t) => ({ view: addCommitmentModal(track, ORIGIN, { title: items[0]!.title, detail: items[0]!.detail }, t) }) },
  { name: 'add form with a track to pick', render: (t) => ({ view: addCommitmentModal({ choices: Array.from({ length: 120 }, () => summary) }, ORIGIN, {}, t) }) },
  // Items: show, history, a change's answer.
  ...items.slice(0, 7).map((item, i) => ({ name: `show ${i + 1}: ${item.kind.type}, ${item.status}${item.archived ? ', archived' : ''}`, render: (t: Translator) => ({ message: renderCommitment(item, track, FIXTURE_NOW, undefined, t) }) })),
  { name: 'history', render: (t) => ({ message: renderCommitment(items[3]!, track, FIXTURE_NOW, { history }, t) }) },
  ...CHANGES.map((change, i) => ({ name: `a change’s answer ${i + 1}: ${change.type}`, render: (t: Translator) => ({ message: renderChange({ before: items[i % 7]!, after: items[(i + 1) % 7]!, track, change }, FIXTURE_NOW, t) }) })),
  // Tracks and people.
  { name: 'the list of tracks', render: (t) => ({ message: renderTrackList(Array.from({ length: 60 }, () => summary), { manager: { userId: FIXTURE_PEOPLE.owner } }, t) }) },
  { name: 'the list of tracks, none, no manager', render: (t) => ({ message: renderTrackList([], { manager: { userId: undefined } }, t) }) },
  { name: 'roles form', render: (t) => ({ view: rolesModal({ ...track, members: Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`U0MEMBER${i}`, (['owner', 'editor', 'viewer'] as const)[i % 3]!])) }, ORIGIN, t) }) },
  { name: 'access changes', render: (t) => ({ message: { text: describeAccessChanges(FIXTURE_SLUG, TRACK_CHANGES, t), blocks: [] } }) },
  { name: 'a track’s settings', render: (t) => ({ message: renderTrackSettings({ ...track, timeZone: LONG_ZONE, fiscalYearStart: 12 }, t) }) },
  { name: 'a track’s settings, changed', render: (t) => ({ message: renderSettingsChanged(describeAccessChanges(FIXTURE_SLUG, TRACK_CHANGES.slice(-1), t), TRACK_CHANGES.slice(-1), t) }) },
  { name: 'new-track form', render: (t) => ({ view: addTrackModal(ORIGIN, { slug: FIXTURE_SLUG, title: track.title, parties: track.parties.map((p) => p.code).join(','), timeZone: LONG_ZONE, prefix: 'JKABCD' }, t) }) },
  // Subscriptions and digests.
  { name: 'subscriptions', render: (t) => ({ message: renderSubscriptions({ channelId: 'C0CHANNEL0', subscriptions: Array.from({ length: 30 }, (_, i) => subscriptions[i % subscriptions.length]!) }, t) }) },
  { name: 'subscriptions, none', render: (t) => ({ message: renderSubscriptions({ channelId: 'C0CHANNEL0', subscriptions: [] }, t) }) },
  ...subscriptions.map((sub, i) => ({ name: `subscribed ${i + 1}`, render: (t: Translator) => ({ message: renderSubscribed({ subscription: sub, replaced: i % 2 ? subscriptions[0] : undefined }, t) }) })),
  ...subscriptions.map((sub, i) => ({ name: `unsubscribed ${i + 1}`, render: (t: Translator) => ({ message: renderUnsubscribed(sub, t) }) })),
  {
    name: 'digest, every group full',
    render: (t) => ({
      message: renderDigest(
        {
          track,
          now: FIXTURE_NOW,
          since: '2026-03-18T00:00:00.000Z',
          overdue: items,
          dueSoon: items,
          quiet: items,
          changed: items,
          noAnswer: items.map((item) => ({ item, owners: [{ userId: FIXTURE_PEOPLE.owner, askedAt: '2026-03-20T00:00:00.000Z' }, { userId: FIXTURE_PEOPLE.editor, askedAt: '2026-03-01T00:00:00.000Z' }] })),
          sections: DIGEST_SECTIONS,
          openCount: 999_999,
          scheduleText: longText('毎週月曜日', 200),
          changeLanguage: `/commitments subscribe ${FIXTURE_SLUG} every monday 09:00 tz Asia/Tokyo in en`,
        },
        t,
      ),
    }),
  },
  { name: 'digest, first, nothing to say', render: (t) => ({ message: renderDigest({ track, now: FIXTURE_NOW, since: undefined, overdue: [], dueSoon: [], quiet: [], changed: [], noAnswer: [], sections: ['overdue'], openCount: 0 }, t) }) },
  { name: 'Home tab with subscriptions', render: (t) => ({ view: renderHome({ userId: FIXTURE_PEOPLE.owner, tracks: [{ summary, report }], subscriptions: Array.from({ length: 30 }, (_, i) => subscriptions[i % subscriptions.length]!), now: FIXTURE_NOW }, t) }) },
];

beforeAll(async () => {
  Object.assign(translators, { en: EN, ja: await translatorFor('ja'), ko: await translatorFor('ko'), pseudo: pseudoTranslator() });
});

/** Everything a rendering shows, fallback text and blocks, title, labels and options of a view. */
const shown = (r: Rendering) => shownTexts(r.message ?? r.view).join('\n');

/** The English words a rendering in `language` shows that it should not: none may be left in Japanese, Korean or the pseudo-locale. */
function englishIn(r: Rendering, people: readonly string[] = []): string[] {
  // An id or a zone cut short by a limit (a modal title, the fallback text) is still an id.
  const text = shown(r).replace(/([A-Za-z0-9_/-]+)…/g, (all, cut: string) => ([FIXTURE_SLUG, LONG_ZONE].some((kept) => kept.startsWith(cut)) ? ' ' : all));
  return englishLeftIn(text, { people: [...people, ...IDS], slugs: [FIXTURE_SLUG], commandWords: COMMAND_WORDS });
}

/** The shape of a rendering: its blocks' types and ids, which a language must not change. */
function shapeOf(r: Rendering): string[] {
  const blocks = (r.message?.blocks ?? r.view?.blocks ?? []) as { type: string; block_id?: string }[];
  return blocks.map((b) => `${b.type}${b.block_id ? `#${b.block_id}` : ''}`);
}

describe('every surface in English, Japanese, Korean and the pseudo-locale (issue 26)', () => {
  it('covers the converted surfaces', () => {
    expect(SURFACES.length).toBeGreaterThan(COMMANDS.length + FILTERS.length * 3);
    expect(new Set(SURFACES.map((s) => s.name)).size).toBe(SURFACES.length);
  });

  it.each(SURFACES.map((s) => [s.name, s] as const))('%s: no English word left, within Slack’s limits, the same blocks in each language', (_, surface) => {
    const english = surface.render(translators.en);
    for (const language of LANGUAGES) {
      const rendering = language === 'en' ? english : surface.render(translators[language]);
      expect({ language, breaches: slackLimitBreaches(rendering) }).toEqual({ language, breaches: [] });
      expect({ language, shape: shapeOf(rendering) }).toEqual({ language, shape: shapeOf(english) });
      if (language !== 'en') expect({ language, left: [...new Set(englishIn(rendering))] }).toEqual({ language, left: [] });
    }
  });

  it('writes dates the language’s way in the report: 2026年3月1日(日), 2026년 3월 1일 (일)', () => {
    const text = (language: Language) => shown({ message: renderReport(report, { filter: 'overdue', page: 0, now: FIXTURE_NOW, t: translators[language] }) });
    expect(text('ja')).toContain('2026年3月1日(日)');
    expect(text('ko')).toContain('2026년 3월 1일 (일)');
    expect(text('en')).toContain('Sun 1 Mar 2026');
    for (const language of ['ja', 'ko'] as const) expect(text(language)).not.toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
  });

  it('shows people’s text as written, escaped in mrkdwn, in every language', () => {
    for (const language of LANGUAGES) {
      const rendering = renderReport(report, { filter: 'all', page: 0, now: FIXTURE_NOW, t: translators[language] });
      expect(rendering.blocks[0]).toMatchObject({ type: 'header', text: { text: track.title } });
      const mrkdwn = (rendering.blocks as { text?: { type: string; text: string } }[]).flatMap((b) => (b.text?.type === 'mrkdwn' ? [b.text.text] : [])).join('\n');
      expect(mrkdwn).toContain(`*${report.commitments[2]!.id}* 日韓首脳会談フォローアップ、外務省と防衛省の協議&lt;&amp;&gt;∗ˍ∼ˋ日韓`);
      expect(mrkdwn).not.toMatch(/<&>|[*_~`]日韓/);
    }
  });
});

/** Each argument of a message, with its options when it is a select: those of every language, where one names a case the others say alike. */
function argumentsOf(message: string): { name: string; type: number; options: string[] }[] {
  const found = new Map<string, { name: string; type: number; options: string[] }>();
  const walk = (elements: ReturnType<typeof messageElements>) => {
    for (const el of elements) {
      if (el.type >= 1 && el.type <= 6 && el.value !== undefined) {
        const known = found.get(el.value);
        const options = el.type === 5 ? Object.keys(el.options ?? {}) : [];
        found.set(el.value, { name: el.value, type: known && known.type !== 1 ? known.type : el.type, options: [...new Set([...(known?.options ?? []), ...options])] });
      }
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  walk(messageElements(en[message as MessageKey] ?? message));
  for (const [catalog, locale] of [[ja, 'ja'], [ko, 'ko']] as const) {
    const translated = catalog[message as MessageKey];
    if (translated !== undefined) walk(messageElements(translated, locale));
  }
  return [...found.values()];
}

/** Values for a message, the `round`-th option of each select (so each branch is shown once over the rounds); text as people write it. */
function valuesFor(key: MessageKey, round: number): Record<string, string | number> {
  return Object.fromEntries(
    argumentsOf(key).map(({ name, type, options }) => {
      // `other` stands for any value the message echoes as it is: a word of people's text.
      if (type === 5) return [name, options[round % options.length] === 'other' ? 'その他' : options[round % options.length]!];
      if (type === 2 || type === 6) return [name, round % 2 ? 1 : 1234];
      return [name, longText('한일 정상회담', 40)];
    }),
  );
}

/** Every message a Slack surface may show: the install pages' (HTML, in a browser) have their own test. */
const KEYS = (Object.keys(en) as MessageKey[]).filter((key) => !key.startsWith('install.'));

describe('every catalog message, each branch, as a refusal or notice shows it (issue 26)', () => {
  it.each(['ja', 'ko', 'pseudo'] as const)('in %s holds no English word outside command syntax, and keeps to Slack’s limits', (language) => {
    const t = () => translators[language];
    const left = new Set<string>();
    const breaches = new Set<string>();
    let shownCount = 0;
    for (const key of KEYS) {
      const rounds = Math.max(1, ...argumentsOf(key).map((a) => a.options.length));
      for (let round = 0; round < rounds; round++) {
        const message = renderProblem(t().t(key, valuesFor(key, round)), COMMANDS[round % COMMANDS.length]!.usage, t());
        const words = englishIn({ message }, [longText('한일 정상회담', 40), 'その他']);
        if (words.length) left.add(`${key}: ${[...new Set(words)].join(' ')}`);
        for (const breach of slackLimitBreaches({ message })) breaches.add(`${key}: ${breach}`);
        shownCount++;
      }
    }
    expect(shownCount).toBeGreaterThan(KEYS.length);
    expect([...left]).toEqual([]);
    expect([...breaches]).toEqual([]);
  });
});
