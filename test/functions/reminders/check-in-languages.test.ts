import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ownedItem } from '#local/bulk-items';
import { commandEvent, eventCallback, interactionEvent, viewSubmission } from '#local/slack-request';
import { CHECK_IN_EVENT_TYPE } from '#shared/check-ins/sweep';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { englishLeftIn, shownTexts } from '../../support/pseudo-locale.ts';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { expectWithinSlackLimits } from '../../support/slack-limits.ts';
import { loadRemindersHandler, type RemindersHandler } from './reminders-handler.ts';

/**
 * Issue 26: each owner's check-in is written in their language (their own choice, else their
 * Slack's, from their person record), all in one sweep through the real reminders handler; a
 * press and a form answer in the presser's language; Home in the viewer's.
 */
const harness = useSlackHandler();
const TEAM = 'T0TEST';
const OWNERS = { ja: 'U0HANAKO', ko: 'U0MINJUN', en: 'U0ALICE', chose: 'U0KENJI' } as const;
const TITLES = { ja: 'Draft the joint paper', ko: 'Fisheries talks & <quotas>', en: 'Youth exchange', chose: 'Visa waiver' } as const;
const CREATED = new Date('2026-03-01T00:00:00Z');
let logs: RemindersHandler['logs'];
let sweepAt: RemindersHandler['sweepAt'];
let sent = 0;

type Block = Record<string, unknown> & { block_id?: string };
type Message = { channel: string; ts: string; text: string; blocks: Block[] };

const blocksOf = (blocks: unknown): Block[] => (typeof blocks === 'string' ? (JSON.parse(blocks) as Block[]) : (blocks as Block[]));
const shown = (message: unknown) => shownTexts(message).join('\n');
/** People's text the track holds: titles, the meeting and its place, the party names, as written. */
const PEOPLES_TEXT = [...Object.values(TITLES), 'Fisheries talks &amp; &lt;quotas&gt;', 'Busan summit', 'Busan', 'Japan', 'Korea', 'Summit follow-ups', 'MOFA'];

/** The check-in each owner got, as the stand-in Slack keeps it. */
function checkInOf(userId: string): Message {
  const found = harness.slack.messagesWithMetadata(CHECK_IN_EVENT_TYPE).filter((m) => String(m.metadata.event_payload['slot_id']).split('/')[1] === userId);
  expect(found).toHaveLength(1);
  const [message] = found;
  return { channel: message!.channel, ts: message!.ts, text: String(message!.text), blocks: blocksOf(message!.blocks) };
}

function press(actionId: string, dm: Message, userId: string) {
  sent += 1;
  const actions = dm.blocks.find((b) => b.type === 'actions')!.elements as { action_id: string; value?: string }[];
  const value = actions.find((a) => a.action_id === actionId)!.value;
  const action = { type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'x' } };
  return harness.send(
    interactionEvent({
      type: 'block_actions',
      team: { id: TEAM, domain: 'test' },
      user: { id: userId, team_id: TEAM },
      api_app_id: 'A0COMMIT',
      trigger_id: `t${sent}`,
      response_url: harness.slack.responseUrl(`press${sent}`),
      container: { type: 'message', message_ts: dm.ts, channel_id: dm.channel, is_ephemeral: false },
      channel: { id: dm.channel, name: 'directmessage' },
      message: { type: 'message', ts: dm.ts, text: dm.text, blocks: dm.blocks },
      actions: [action],
    }),
  );
}

/** The Home tab Slack was last asked to publish for `userId`. */
function homeOf(userId: string): { blocks: Block[] } {
  const call = harness.slack.callsTo('views.publish').filter((c) => c.args['user_id'] === userId).at(-1)!;
  const view = typeof call.args['view'] === 'string' ? JSON.parse(call.args['view']) : call.args['view'];
  return view as { blocks: Block[] };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(CREATED);
  Object.assign(harness.slack.options, {
    teamId: TEAM,
    users: {
      [OWNERS.ja]: { locale: 'ja-JP', tz: 'Asia/Tokyo' },
      [OWNERS.ko]: { locale: 'ko-KR', tz: 'Asia/Seoul' },
      [OWNERS.en]: { locale: 'en-US', tz: 'Asia/Tokyo' },
      // Slack in English; chose Japanese with `me language ja`.
      [OWNERS.chose]: { locale: 'en-US', tz: 'Asia/Tokyo' },
    },
  });
  const store = harness.store();
  await store.createTrack({
    teamId: TEAM,
    slug: 'summit',
    title: 'Summit follow-ups',
    parties: [
      { code: 'JP', name: 'Japan' },
      { code: 'KR', name: 'Korea' },
    ],
    timeZone: 'Asia/Tokyo',
    idPrefix: 'SU',
    createdAt: CREATED.toISOString(),
    createdBy: 'U0ADMIN',
  });
  // Each added by its owner: their check-in is the one 7 days before it is due, not one telling them of a new item.
  for (const who of ['ja', 'ko', 'en', 'chose'] as const) await store.createCommitment(TEAM, 'summit', ownedItem(TITLES[who], OWNERS[who], '2026-03-17'), OWNERS[who], CREATED);
  const chosen = await harness.send(commandEvent('me language ja', { teamId: TEAM, userId: OWNERS.chose, responseUrl: harness.slack.responseUrl('lang') }));
  expect(chosen.json()['text']).toBe('今後は日本語でお答えします。');
  ({ logs, sweepAt } = await loadRemindersHandler());
  // 08:59 in Tokyo and Seoul on Tuesday 10 March (7 days before the due date): each owner looked up
  // and kept; 09:00 the check-ins go out, from those records.
  await sweepAt('2026-03-09T23:59:00Z');
  await sweepAt('2026-03-10T00:00:30Z');
}, 60_000);
afterAll(() => {
  logs.restore();
  vi.useRealTimers();
});

describe('check-ins in each owner’s language, in one sweep', () => {
  it('sends each owner one check-in, and Slack is asked about each owner once, by the first sweep', () => {
    expect(harness.slack.messagesWithMetadata(CHECK_IN_EVENT_TYPE).map((m) => m.channel).sort()).toEqual(['D0ALICE', 'D0HANAKO', 'D0KENJI', 'D0MINJUN']);
    for (const userId of Object.values(OWNERS)) expect(harness.slack.callsTo('users.info').filter((c) => c.args['user'] === userId && c.at >= Date.parse('2026-03-02'))).toHaveLength(1);
  });

  it('writes a ja-JP owner’s check-in in Japanese, with 年月日 dates and the title as written', () => {
    const dm = checkInOf(OWNERS.ja);
    const text = shown(dm);
    expectWithinSlackLimits(dm);
    expect(dm.blocks[0]).toMatchObject({ text: { text: ':wave: 本日、1件のコミットメントについてご回答をお願いします。ボタンを1回押すだけで回答できます。' } });
    expect(text).toContain(`*SU-1* ${TITLES.ja}`);
    expect(text).toContain('_Summit follow-ups_ · 期限 3月17日 · *あと7日で期限*');
    expect(text).toContain('出典: Busan summit, Busan, 2025年9月30日(火)');
    expect(text).toContain('確認の時刻の変更やチェックインの一時停止は `/commitments me` でできます。');
    expect(dm.text).toBe(`チェックイン: SU-1 ${TITLES.ja}(あと7日で期限)`);
    const buttons = JSON.stringify(dm.blocks.find((b) => b.type === 'actions'));
    for (const word of ['順調', 'リスクあり', '完了', 'メモを追加', '自分の担当ではない', '1日スヌーズ', '1週間スヌーズ', '日付を指定してスヌーズ…']) expect(buttons).toContain(`"${word}"`);
    expect(englishLeftIn(text, { people: PEOPLES_TEXT, slugs: ['summit'] })).toEqual([]);
  });

  it('writes a ko-KR owner’s in Korean, with 년 월 일 dates and the title escaped as written', () => {
    const dm = checkInOf(OWNERS.ko);
    const text = shown(dm);
    expectWithinSlackLimits(dm);
    expect(text).toContain(':wave: 오늘 커밋먼트 1건에 대해 답변이 필요합니다.');
    expect(text).toContain('*SU-2* Fisheries talks &amp; &lt;quotas&gt;');
    expect(text).toContain('기한 3월 17일 · *7일 후 기한*');
    expect(text).toContain('출처: Busan summit, Busan, 2025년 9월 30일 (화)');
    expect(JSON.stringify(dm.blocks)).toContain('"순조로움"');
    expect(englishLeftIn(text, { people: PEOPLES_TEXT, slugs: ['summit'] })).toEqual([]);
  });

  it('writes an en-US owner’s in English as before, and one who chose Japanese in Japanese over their English Slack', () => {
    const en = checkInOf(OWNERS.en);
    expect(en.text).toBe(`Check-in: SU-3 ${TITLES.en} (due in 7 days)`);
    expect(en.blocks[0]).toMatchObject({ text: { text: ':wave: One of your commitments needs a word from you today. One tap answers.' } });
    expect(shown(en)).toContain('_Summit follow-ups_ · due 17 Mar · *due in 7 days*');
    expect(shown(en)).toContain('Source: Busan summit, Busan, Tue 30 Sep 2025');
    expect(checkInOf(OWNERS.chose).text).toBe(`チェックイン: SU-4 ${TITLES.chose}(あと7日で期限)`);
  });
});

describe('answers in the presser’s language', () => {
  it('answers a Japanese owner’s On track in Japanese, in place, and draws their Home in Japanese', async () => {
    const dm = checkInOf(OWNERS.ja);
    vi.setSystemTime(new Date('2026-03-10T01:00:00Z'));
    expect((await press(ACTION_IDS.checkInOnTrack, dm, OWNERS.ja)).statusCode).toBe(200);
    expect(await harness.store().getCommitment(TEAM, 'SU-1')).toMatchObject({ status: 'in-progress' });
    const update = harness.slack.callsTo('chat.update').at(-1)!.args;
    expect(update).toMatchObject({ channel: dm.channel, ts: dm.ts, text: dm.text });
    const blocks = blocksOf(update['blocks']);
    expect(blocks.find((b) => b.block_id === 'checkin-answered:SU-1')).toMatchObject({ text: { text: `:+1: 順調 — 3月10日に回答しました · *SU-1* ${TITLES.ja}` } });
    expect(blocks.filter((b) => b.block_id === 'checkin:SU-1' || b.block_id === 'checkin-item:SU-1')).toEqual([]);
    const home = homeOf(OWNERS.ja);
    expect(home.blocks[0]).toMatchObject({ type: 'header', text: { text: 'コミットメント' } });
    expect(shown(home)).toContain(':bust_in_silhouette: *ご自身の担当* (1件)');
  });

  it('opens a Japanese owner’s form in Japanese and refuses an empty answer in Japanese, writing nothing', async () => {
    const dm = checkInOf(OWNERS.chose);
    await press(ACTION_IDS.checkInAtRisk, dm, OWNERS.chose);
    const form = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; private_metadata: string; title: { text: string }; submit: { text: string }; close: { text: string }; blocks: Block[] };
    expect(form.title.text).toBe('SU-4: リスクあり');
    expect(form.submit.text).toBe('停滞にする');
    expect(form.close.text).toBe('キャンセル');
    expect(JSON.stringify(form.blocks)).toContain('何が妨げになっていますか？');
    const before = await harness.store().getCommitment(TEAM, 'SU-4');
    const reply = await harness.send(interactionEvent(viewSubmission(TEAM, form.callback_id, form.private_metadata, { reason: { reason: { type: 'plain_text_input', value: '  ' } } }, OWNERS.chose)));
    expect(JSON.parse(reply.body)).toEqual({ response_action: 'errors', errors: { reason: '何が妨げになっているかを書いてください。' } });
    expect(await harness.store().getCommitment(TEAM, 'SU-4')).toEqual(before);
  });
});

describe('a report drawn again after a button, in the presser’s language', () => {
  it('shares a Korean viewer’s report page in the channel in Korean', async () => {
    sent += 1;
    const action = { type: 'button', action_id: ACTION_IDS.share, block_id: 'b', value: 'summit|all|0', action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'x' } };
    const id = `share${sent}`;
    await harness.send(
      interactionEvent({
        type: 'block_actions',
        team: { id: TEAM, domain: 'test' },
        user: { id: OWNERS.ko, team_id: TEAM },
        api_app_id: 'A0COMMIT',
        trigger_id: `t${sent}`,
        response_url: harness.slack.responseUrl(id),
        container: { type: 'message', message_ts: '1.1', channel_id: 'C0GENERAL', is_ephemeral: true },
        channel: { id: 'C0GENERAL', name: 'general' },
        actions: [action],
      }),
    );
    const posted = harness.slack.callsTo(`response_url:${id}`);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.args).toMatchObject({ response_type: 'in_channel' });
    const text = shown(posted[0]!.args);
    expect(text).toContain('Summit follow-ups — 모든 항목');
    expect(text).toContain('2025년 9월 30일 (화)');
  });
});

describe('Home in the viewer’s language', () => {
  it('draws a Korean viewer’s Home in Korean, with 년 월 일 dates, titles as written', async () => {
    await harness.send(eventCallback(TEAM, { type: 'app_home_opened', user: OWNERS.ko, channel: 'D0HOME', tab: 'home', event_ts: '1.1' }));
    const home = homeOf(OWNERS.ko);
    const text = shown(home);
    expect(home.blocks[0]).toMatchObject({ type: 'header', text: { text: '커밋먼트' } });
    expect(text).toContain('*트랙*');
    expect(text).toContain(':bust_in_silhouette: *내 담당* (1건)');
    expect(text).toContain('2026년 3월 17일 (화)');
    expect(text).toContain('Fisheries talks &amp; &lt;quotas&gt;');
    expect(text).toContain('아직 다이제스트를 받는 채널이 없습니다.');
    expect(JSON.stringify(home.blocks)).toContain('"지연 위험"');
    expect(englishLeftIn(text, { people: PEOPLES_TEXT, slugs: ['summit'] })).toEqual([]);
  });

  it('draws an English viewer’s Home in English', async () => {
    await harness.send(eventCallback(TEAM, { type: 'app_home_opened', user: OWNERS.en, channel: 'D0HOME', tab: 'home', event_ts: '1.2' }));
    const home = homeOf(OWNERS.en);
    expect(home.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Commitments' } });
    expect(shown(home)).toContain(':bust_in_silhouette: *Yours* (1)');
    expect(shown(home)).toContain('Nothing is overdue.');
  });
});
