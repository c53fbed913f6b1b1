import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '#shared/commands/registry';
import type { Report } from '#shared/domain/report';
import { DIGEST_SECTIONS, type Subscription } from '#shared/domain/subscription';
import { scheduleText } from '#shared/format/schedule';
import { DIGEST_EVENT_TYPE } from '#shared/reminders/deliver';
import { buildDigest } from '#shared/reminders/digest';
import { runSweep } from '#shared/reminders/sweep';
import { createSubscriptionStore } from '#shared/store/subscriptions';
import { renderDigest } from '#shared/slack/render/digest';
import { changeLanguageCommand, renderSubscribed, renderSubscriptions, renderUnsubscribed } from '#shared/slack/render/subscriptions';
import { createSlackWeb } from '#shared/slack/web-api';
import { englishLeftIn, pseudoTranslator } from '../../support/pseudo-locale.ts';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { COMMAND_WORDS, shown, slashCommand, speakers, itemsText } from '../../support/languages.ts';
import { expectWithinSlackLimits } from '../../support/slack-limits.ts';
import { FAST, silent } from '../../shared/reminders/harness.ts';

/** Issue 26: a subscription has a language, and its channel's digest is written in it. */
const TEAM = 'T0DIGLANG';
const NOW = new Date('2026-03-25T01:00:00Z'); // Wednesday 10:00 in Tokyo
const MONDAY_0900_TOKYO = new Date('2026-03-30T00:00:00Z');
const PEOPLE = { ja: 'U0HANAKO', ko: 'U0MINJUN', en: 'U0ALICE' } as const;

const harness = useSlackHandler();
useBusanAt(harness, TEAM, NOW);

const command = slashCommand(harness, TEAM, 'dig');

/** Time zones' short names (JST, GMT+9), which Japanese and Korean write as English does. */
const ZONES = ['JST', 'GMT+9'];
const subscriptions = () => createSubscriptionStore({ client: harness.table.client, tableName: harness.table.tableName });
const stored = (channelId: string) => subscriptions().get({ teamId: TEAM, channelId, track: 'japan-korea' });
const digestIn = (channel: string) => {
  const posted = harness.slack.messagesWithMetadata(DIGEST_EVENT_TYPE).filter((m) => m.channel === channel);
  expect(posted, channel).toHaveLength(1);
  return { text: String(posted[0]!.text), blocks: posted[0]!.blocks as unknown[] };
};

let report: Report;
let peoplesText: string[] = [];

beforeAll(async () => {
  speakers(harness, TEAM, PEOPLE);
  const store = harness.store();
  report = await store.getReportOf(await store.getTrack(TEAM, 'japan-korea'));
  peoplesText = itemsText(report);
});

describe('subscribe, unsubscribe and subscriptions in the caller’s language', () => {
  it('answers a Japanese subscriber in Japanese with 年月日 dates, and keeps Japanese as the digest’s language', async () => {
    const answer = await command('subscribe japan-korea every monday 09:00', PEOPLE.ja, 'C0JA');
    expect(answer.text).toBe('登録しました: <#C0JA> に japan-korea のダイジェストを毎週月曜日 09:00 (Asia/Tokyo)にお届けします。初回: 2026年3月30日(月) 09:00 JST。ダイジェストは日本語です。変更するには `in ja`、`in ko`、`in en` を付けてもう一度登録してください。');
    expect(englishLeftIn(shown(answer), { people: ZONES, slugs: ['japan-korea'], commandWords: COMMAND_WORDS })).toEqual([]);
    expect(await stored('C0JA')).toMatchObject({ language: 'ja', schedule: { type: 'weekly', days: [1], at: '09:00' }, timeZone: 'Asia/Tokyo' });
  });

  it('takes `in ko` from an English subscriber, answers in English and says the digest is in Korean', async () => {
    const answer = await command('subscribe japan-korea every monday 09:00 in ko', PEOPLE.en, 'C0KO');
    expect(answer.text).toBe(
      'Subscribed: <#C0KO> gets the japan-korea digest every Monday at 09:00 (Asia/Tokyo). First one: Mon 30 Mar 2026, 09:00 GMT+9. The digest is in Korean; subscribe again with `in ja`, `in ko` or `in en` to change that.',
    );
    expect(await stored('C0KO')).toMatchObject({ language: 'ko' });
    // `in` before a zone still names the zone, as the schedule always read it.
    const zoned = await command('subscribe japan-korea every monday 09:00 in Asia/Seoul', PEOPLE.en, 'C0ZONE');
    expect(zoned.text).toBe('Subscribed: <#C0ZONE> gets the japan-korea digest every Monday at 09:00 (Asia/Seoul). First one: Mon 30 Mar 2026, 09:00 GMT+9.');
    expect(await stored('C0ZONE')).toMatchObject({ language: 'en', timeZone: 'Asia/Seoul' });
    // A Korean member stops it in Korean.
    const stopped = await command('unsubscribe japan-korea', PEOPLE.ko, 'C0ZONE');
    expect(stopped.text).toBe('구독을 해지했습니다: <#C0ZONE>에는 더 이상 japan-korea 다이제스트가 오지 않습니다.');
    expect(await stored('C0ZONE')).toBeUndefined();
  });

  it('changes the language when subscribed again with `in …`, keeping English for a Japanese subscriber who asks for it', async () => {
    expect((await command('subscribe japan-korea every monday 09:00 in en', PEOPLE.ja, 'C0EN')).text).toMatch(/^登録しました: .*ダイジェストは英語です。/);
    expect(await stored('C0EN')).toMatchObject({ language: 'en' });
    expect((await command('subscribe japan-korea every monday 09:00 in ko', PEOPLE.ja, 'C0EN')).text).toMatch(/^変更しました: .*ダイジェストは韓国語です。/);
    expect(await stored('C0EN')).toMatchObject({ language: 'ko', version: 2 });
    expect((await command('subscribe japan-korea every monday 09:00 in en', PEOPLE.en, 'C0EN')).text).toMatch(/^Updated: <#C0EN> gets the japan-korea digest every Monday at 09:00 \(Asia\/Tokyo\)\. First one: Mon 30 Mar 2026, 09:00 GMT\+9\.$/);
    expect(await stored('C0EN')).toMatchObject({ language: 'en', version: 3 });
  });

  it('refuses in the caller’s language and writes nothing', async () => {
    const twice = await command('subscribe japan-korea in ja in ko', PEOPLE.ja, 'C0NONE');
    expect(twice.text.split('\n')[0]).toBe('言語(in ja、in ko、in en)は一度だけ指定してください。');
    const schedule = await command('subscribe japan-korea every blue moon', PEOPLE.ko, 'C0NONE');
    expect(schedule.text.split('\n')[0]).toBe('“blue”을(를) 요일, 시각, 시간대 중 어느 것으로도 읽을 수 없습니다.');
    const section = await command('subscribe japan-korea daily only late,soonish', PEOPLE.ja, 'C0NONE');
    expect(section.text.split('\n')[0]).toBe('「soonish」はダイジェストのセクションではありません。overdue, due-soon, quiet, changed, no-answer のいずれかを使ってください。');
    const notSubscribed = await command('unsubscribe japan-korea', PEOPLE.ko, 'C0NONE');
    expect(notSubscribed.text.split('\n')[0]).toBe('이 채널은 japan-korea을(를) 구독하고 있지 않습니다.');
    expect(await stored('C0NONE')).toBeUndefined();
  });

  it('lists a channel’s digests in the caller’s language, naming a digest’s language other than English', async () => {
    const ko = await command('subscriptions', PEOPLE.ko, 'C0KO');
    expect(ko.text).toBe('이 채널의 다이제스트: 1개\njapan-korea · 매주 월요일 09:00 (Asia/Tokyo) · 다음 2026년 3월 30일 (월) 09:00 GMT+9 · 한국어');
    expect(englishLeftIn(shown(ko), { people: ZONES, slugs: ['japan-korea'], commandWords: COMMAND_WORDS })).toEqual([]);
    const none = await command('subscriptions', PEOPLE.ja, 'C0NONE');
    expect(none.text).toMatch(/^<#C0NONE> にはダイジェストがありません。/);
    const en = await command('subscriptions', PEOPLE.en, 'C0KO');
    expect(en.text).toBe('Digests in this channel: 1\njapan-korea · every Monday at 09:00 (Asia/Tokyo) · next Mon 30 Mar 2026, 09:00 GMT+9 · in Korean');
  });
});

describe('a channel’s digest in its subscription’s language, through the sweep', () => {
  it('posts Korean, Japanese and English digests, and a subscription stored without a language stays English, as one set to English', async () => {
    // As stored before subscriptions had a language, beside C0EN's, which says English.
    const asC0EN = (await stored('C0EN'))!;
    const { language: _, ...old } = { ...asC0EN, channelId: 'C0OLD', version: 1 } satisfies Subscription;
    await subscriptions().put(old);
    expect((await stored('C0OLD'))!.language).toBeUndefined();

    const summary = await runSweep(
      {
        store: harness.store(),
        subscriptions: subscriptions(),
        slack: createSlackWeb({ apiUrl: harness.slack.apiUrl, token: 'xoxb-test-token', retryAfterUnitMs: 10 }),
        log: silent,
        settings: FAST,
      },
      { now: MONDAY_0900_TOKYO, remainingMs: () => 60_000 },
    );
    expect(summary).toMatchObject({ due: 4, posted: 4, failed: 0 });

    const ko = digestIn('C0KO');
    const koText = shown(ko);
    // Six months after Busan every item has gone quiet.
    expect(ko.text.split('\n')[0]).toBe(`알림: ${report.track.title}: 소식 없음 5건.`);
    expect(ko.blocks[0]).toMatchObject({ type: 'header', text: { text: `알림: ${report.track.title}` } });
    expect(koText).toContain('*japan-korea* · 2026년 3월 30일 (월) 기준 · 소식 없음 5건');
    expect(koText).toContain(':zzz: *소식 없음* (5건)');
    expect(koText).toContain('완료로 표시');
    expect(koText).toContain('발송: 매주 월요일 09:00 (Asia/Tokyo)');
    expect(koText).toContain('언어 변경: `/commitments subscribe japan-korea every Monday at 09:00 tz Asia/Tokyo in en`');
    expect(koText).not.toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d/);
    expect(englishLeftIn(koText, { people: peoplesText, slugs: ['japan-korea'], commandWords: COMMAND_WORDS })).toEqual([]);
    expectWithinSlackLimits(ko);

    const ja = shown(digestIn('C0JA'));
    expect(ja).toContain(`リマインダー: ${report.track.title}`);
    expect(ja).toContain('*japan-korea* · 2026年3月30日(月) 時点 · 更新なし 5件');
    expect(ja).toContain('配信: 毎週月曜日 09:00 (Asia/Tokyo)');
    expect(ja).toContain('完了にする');
    expect(englishLeftIn(ja, { people: peoplesText, slugs: ['japan-korea'], commandWords: COMMAND_WORDS })).toEqual([]);

    const english = digestIn('C0EN');
    expect(digestIn('C0OLD')).toEqual(english);
    expect(english.text.startsWith(`Reminder: ${report.track.title}: `)).toBe(true);
    expect(shown(english)).toContain('*japan-korea* · as of Mon 30 Mar 2026 · ');
    expect(shown(english)).toContain('/commitments japan-korea for the full report · Sent every Monday at 09:00 (Asia/Tokyo)');
    expect(shown(english)).not.toContain('to change the language');
    expect(shown(english)).not.toMatch(/[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}]/u);
  });

  it('shows a change-language command that reads back as the same subscription in English', () => {
    const sub = { track: 'japan-korea', schedule: { type: 'weekly' as const, days: [1, 4], at: '08:30' }, timeZone: 'Asia/Seoul', sections: ['overdue' as const, 'no-answer' as const], skipWhenEmpty: false };
    const command = changeLanguageCommand(sub, 'en');
    expect(command).toBe('/commitments subscribe japan-korea Mondays and Thursdays at 08:30 tz Asia/Seoul only overdue,no-answer always in en');
    const parsed = parseCommand(command.replace('/commitments ', ''));
    expect(parsed).toMatchObject({ ok: true, command: { type: 'subscribe', track: 'japan-korea', scheduleText: 'Mondays and Thursdays at 08:30', timeZone: 'Asia/Seoul', sections: ['overdue', 'no-answer'], always: true, language: 'en' } });
  });
});

describe('the pseudo-locale over the digest and subscription renderers', () => {
  it('leaves no English word outside people’s text, ids and command syntax', () => {
    const t = pseudoTranslator();
    // Thirty items, more than a digest shows, so "…and N more" shows.
    const items = Array.from({ length: 30 }, (_, i) => ({ ...report.commitments[i % report.commitments.length]!, id: `JK-${i + 1}` }));
    const base = buildDigest(report, { now: MONDAY_0900_TOKYO, since: '2026-01-01T00:00:00.000Z' });
    // Every group full (the overdue one past what fits, so "…and N more" shows), a no-answer row, the footer's every part.
    const full = {
      ...base,
      overdue: items,
      dueSoon: items.slice(0, 2),
      quiet: items.slice(2, 4),
      changed: items.slice(4, 6),
      noAnswer: [{ item: items[0]!, owners: [{ userId: 'U0OWNER', askedAt: '2026-03-20T00:00:00.000Z' }] }],
      scheduleText: scheduleText({ type: 'weekly', days: [1, 4], at: '09:00' }, 'Asia/Tokyo', t),
      changeLanguage: '/commitments subscribe japan-korea every Monday at 09:00 tz Asia/Tokyo in en',
    };
    const calm = { ...base, overdue: [], dueSoon: [], quiet: [], changed: [], noAnswer: [], scheduleText: scheduleText({ type: 'interval', everyDays: 3, from: '2026-03-01', at: '10:00' }, undefined, t) };
    const sub: Subscription = {
      teamId: TEAM,
      channelId: 'C0PSEUDO',
      track: 'japan-korea',
      schedule: { type: 'weekly', days: [1, 2, 3, 4, 5], at: '09:00' },
      timeZone: 'Asia/Tokyo',
      createdBy: 'U0A',
      createdAt: NOW.toISOString(),
      nextRunAt: MONDAY_0900_TOKYO.toISOString(),
      sections: ['overdue', 'quiet'],
      skipWhenEmpty: false,
      language: 'ko',
      version: 1,
    };
    const messages = {
      full: renderDigest(full, t),
      calm: renderDigest(calm, t),
      calmEmpty: renderDigest({ ...calm, openCount: 0, sections: ['overdue'] }, t),
      quietOnly: renderDigest({ ...calm, sections: [...DIGEST_SECTIONS] }, t),
      nothingLookedFor: renderDigest({ ...calm, sections: ['changed'] }, t),
      subscribed: renderSubscribed({ subscription: sub, replaced: undefined }, t),
      resumed: renderSubscribed({ subscription: sub, replaced: { ...sub, paused: { reason: 'is_archived', at: NOW.toISOString() } } }, t),
      listed: renderSubscriptions({ channelId: 'C0PSEUDO', subscriptions: [sub, { ...sub, track: 'other', paused: { reason: 'is_archived', at: NOW.toISOString() } }] }, t),
      none: renderSubscriptions({ channelId: 'C0PSEUDO', subscriptions: [] }, t),
      unsubscribed: renderUnsubscribed(sub, t),
    };
    expect(shown(messages.full)).toContain('…áńď');
    for (const [name, message] of Object.entries(messages)) {
      expect({ name, left: englishLeftIn(shown(message), { people: [...peoplesText, ...ZONES], slugs: ['japan-korea', 'other'], commandWords: COMMAND_WORDS }) }).toEqual({ name, left: [] });
      expectWithinSlackLimits(message);
    }
  });
});
