import { describe, expect, it } from 'vitest';
import type { CheckInAnswer } from '#shared/domain/check-in-answer';
import type { CheckInEntry } from '#shared/domain/check-in-message';
import { CommitmentSchema, TrackSchema, TrackSummarySchema, type Commitment } from '#shared/domain/schemas';
import { SubscriptionSchema } from '#shared/domain/subscription';
import { EN, translatorFor } from '#shared/i18n/translator';
import { renderAnswered, renderChangedSince } from '#shared/slack/render/check-in-answer';
import { renderCheckIn } from '#shared/slack/render/check-in';
import { atRiskModal, checkInDoneModal, checkInNoteModal, notMineModal, snoozeDateModal } from '#shared/slack/render/check-in-modals';
import { renderHome, type HomeModel } from '#shared/slack/render/home';
import { englishLeftIn, pseudoTranslator, shownTexts } from '../../../support/pseudo-locale.ts';

/** Issue 26: the Home tab, check-in messages, their answers and forms write every sentence through the catalog. */
const NOW = new Date('2026-03-25T01:00:00Z');
const ME = 'U0OWNER';
const PEOPLE = ['Fisheries talks', 'Visa waiver', 'Youth exchange', 'Busan summit', 'Busan', 'Japan', 'Korea', 'Summit follow-ups', 'MOFA', 'Waiting for Seoul', 'Signed', 'Agreed at the table', 'Moved to April'];
const shown = (value: unknown) => shownTexts(value).join('\n');

function item(seq: number, over: Partial<Commitment> = {}): Commitment {
  return CommitmentSchema.parse({
    teamId: 'T0R',
    track: 'summit',
    id: `SU-${seq}`,
    seq,
    title: PEOPLE[seq % 3],
    parties: ['JP', 'KR'],
    owners: [{ label: 'MOFA', slackUserId: ME }],
    source: { meeting: 'Busan summit', date: '2025-09-30', place: 'Busan' },
    kind: { type: 'one-off', due: seq % 2 ? '2026-03-17' : '2026-04-30' },
    status: 'in-progress',
    notes: [{ at: '2026-03-01T00:00:00.000Z', by: 'U0A', text: 'Agreed at the table' }],
    compliance: { JP: { score: 1, date: '2026-03-01', by: 'U0A' } },
    version: 3,
    createdAt: '2026-03-01T00:00:00.000Z',
    createdBy: 'U0A',
    updatedAt: '2026-03-01T00:00:00.000Z',
    updatedBy: 'U0A',
    ...over,
  });
}

const track = TrackSchema.parse({
  teamId: 'T0R',
  slug: 'summit',
  title: 'Summit follow-ups',
  parties: [
    { code: 'JP', name: 'Japan' },
    { code: 'KR', name: 'Korea' },
  ],
  timeZone: 'Asia/Tokyo',
  idPrefix: 'SU',
  createdAt: '2026-03-01T00:00:00.000Z',
  createdBy: 'U0A',
});
const items = Array.from({ length: 12 }, (_, i) => item(i + 1));
const summary = TrackSummarySchema.parse({ teamId: 'T0R', slug: 'summit', title: track.title, idPrefix: 'SU', counts: { 'not-started': 1, 'in-progress': 12, done: 0, stalled: 0, dropped: 2 }, lastSeq: 12 });
/** Eleven digests (one past what Home lists): a paused one, one of some sections posted even when empty, one in Korean. */
const subscriptions = Array.from({ length: 11 }, (_, i) =>
  SubscriptionSchema.parse({
    teamId: 'T0R',
    channelId: `C0CHAN${i}`,
    track: 'summit',
    schedule: { type: 'weekly', days: [1], at: '09:00' },
    timeZone: 'Asia/Tokyo',
    createdBy: 'U0A',
    createdAt: '2026-03-01T00:00:00.000Z',
    nextRunAt: '2026-03-30T00:00:00.000Z',
    version: 1,
    ...(i === 0 ? { paused: { reason: 'channel_not_found', at: '2026-03-20T00:00:00.000Z' } } : {}),
    ...(i === 1 ? { sections: ['overdue', 'no-answer'], skipWhenEmpty: false } : {}),
    ...(i === 2 ? { language: 'ko' } : {}),
  }),
);
/** Eleven tracks (one past what Home lists), twelve items each mine, half of them overdue, and the digests: every line Home can show. */
const full: HomeModel = { userId: ME, now: NOW, subscriptions, tracks: Array.from({ length: 11 }, () => ({ summary, report: { track, commitments: items } })) };
const empty: HomeModel = { userId: ME, now: NOW, subscriptions: [], tracks: [] };

const entries: CheckInEntry[] = [
  { item: items[0]!, trackTitle: track.title, reason: 'overdue', dueOn: '2026-03-17', days: 8 },
  { item: items[1]!, trackTitle: track.title, reason: 'before-due', dueOn: '2026-04-30', days: 1 },
  { item: items[2]!, trackTitle: track.title, reason: 'before-due', dueOn: '2026-03-17', days: 0 },
  { item: items[3]!, trackTitle: track.title, reason: 'before-due', dueOn: '2026-04-30', days: 7 },
  { item: items[4]!, trackTitle: track.title, reason: 'quiet', dueOn: undefined, days: 31 },
];

const ANSWERS: CheckInAnswer[] = [
  { type: 'on-track' },
  { type: 'at-risk', reason: 'Waiting for Seoul' },
  { type: 'done' },
  { type: 'done', note: 'Signed' },
  { type: 'note', text: 'Moved to April' },
  { type: 'snooze', days: 7 },
  { type: 'snooze-until', until: '2026-04-10' },
  { type: 'not-mine', to: 'U0PEDRO' },
];
const changed = item(1, { status: 'stalled', archived: { at: '2026-03-20T00:00:00.000Z', by: 'U0A' }, snoozedUntil: '2026-04-10' });
const MODALS = [atRiskModal, checkInDoneModal, checkInNoteModal, snoozeDateModal, notMineModal];

describe('the pseudo-locale pass over Home and check-ins', () => {
  const pseudo = pseudoTranslator();
  const left = (text: string) => englishLeftIn(text, { people: PEOPLE, slugs: ['summit'] });

  it('finds no English left on Home, full or empty', () => {
    const home = renderHome(full, pseudo);
    expect(shown(home)).toContain('SU-7');
    // A digest's sections show as typed (`only overdue, no-answer`), and its next run with its zone (GMT+9).
    expect(englishLeftIn(shown(home), { people: PEOPLE, slugs: ['summit'], commandWords: new Set(['overdue', 'no', 'answer', 'gmt']) })).toEqual([]);
    expect(left(shown(renderHome(empty, pseudo)))).toEqual([]);
  });

  it('finds no English left in a check-in of every reason, past its cap, with its buttons and fallback text', () => {
    const message = renderCheckIn({ entries, more: 3 }, pseudo);
    expect(message.blocks.filter((b) => b.type === 'actions')).toHaveLength(entries.length);
    expect(left(shown(message))).toEqual([]);
    expect(left(shown(renderCheckIn({ entries: entries.slice(0, 1), more: 0 }, pseudo)))).toEqual([]);
  });

  it('finds no English left in any answer, the changed-since line, or any check-in form', () => {
    for (const answer of ANSWERS) expect({ answer: answer.type, left: left(shown(renderAnswered(answer, changed, track, NOW, pseudo))) }).toEqual({ answer: answer.type, left: [] });
    expect(left(shown(renderChangedSince(changed, track, NOW, pseudo)))).toEqual([]);
    expect(left(shown(renderChangedSince(items[0]!, track, NOW, pseudo)))).toEqual([]);
    for (const modal of MODALS) expect(left(shown(modal(items[0]!, {}, pseudo)))).toEqual([]);
  });

  it('catches a sentence of these surfaces that skipped the catalog: English rendering shows English', () => {
    expect(left(shown(renderCheckIn({ entries, more: 3 }, EN)))).toContain('tap');
  });
});

describe('Japanese and Korean renderings', () => {
  it('writes check-in reasons, answers and forms in Japanese and Korean, with their dates', async () => {
    const [ja, ko] = await Promise.all([translatorFor('ja'), translatorFor('ko')]);
    const jaText = shown(renderCheckIn({ entries, more: 3 }, ja));
    expect(jaText).toContain('*期限を8日超過*');
    expect(jaText).toContain('*明日が期限*');
    expect(jaText).toContain('*本日が期限*');
    expect(jaText).toContain('*31日更新なし*');
    expect(jaText).toContain(':wave: 本日、8件のコミットメントについてご回答をお願いします。');
    expect(jaText).toContain('…ほかに3件あります。次回のチェックインでお尋ねします。');
    const koText = shown(renderCheckIn({ entries, more: 3 }, ko));
    expect(koText).toContain('*기한 8일 초과*');
    expect(koText).toContain('*31일째 소식 없음*');
    expect(shown(renderAnswered({ type: 'snooze-until', until: '2026-04-10' }, changed, track, NOW, ko))).toContain(':alarm_clock: 4월 10일까지 미뤘습니다');
    expect(shown(renderChangedSince(changed, track, NOW, ja))).toContain('_このメッセージの後に変更されました: 現在は停滞 · アーカイブ済み · 期限 3月17日 · 4月10日までスヌーズ中_');
    expect(notMineModal(items[0]!, {}, ko).title.text).toBe('SU-1 담당자');
    const jaHome = shown(renderHome(full, ja));
    expect(jaHome).toContain('…ほかに1件のトラックがあります。`/commitments` ですべて表示できます。');
    expect(jaHome).toContain('期限超過 8日(期限 2026年3月17日(火))');
    expect(jaHome).toContain('…ほかに58件あります。');
  });

  it('keeps every check-in form inside Slack’s limits in each language', async () => {
    for (const t of [EN, await translatorFor('ja'), await translatorFor('ko')]) {
      for (const modal of MODALS) {
        const view = modal(items[0]!, {}, t);
        expect(view.title.text.length).toBeLessThanOrEqual(24);
        expect(view.submit!.text.length).toBeLessThanOrEqual(24);
      }
      for (const block of renderCheckIn({ entries, more: 0 }, t).blocks) {
        for (const element of (block.type === 'actions' ? block.elements : []) as { text?: { text: string }; options?: { text: { text: string } }[] }[]) {
          for (const text of [element.text, ...(element.options ?? []).map((o) => o.text)]) if (text) expect(text.text.length).toBeLessThanOrEqual(75);
        }
      }
    }
  });
});
