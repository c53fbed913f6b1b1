import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '#shared/commands/registry';
import type { Commitment, HistoryEntry, Track, TrackSummary } from '#shared/domain/schemas';
import { renderCommitment } from '#shared/slack/render/commitment';
import { renderProblem } from '#shared/slack/render/notice';
import { renderTrackList } from '#shared/slack/render/tracks';
import { englishLeftIn, pseudoTranslator, shownTexts } from '../../support/pseudo-locale.ts';
import { tableItems } from '../../support/slack-commands.ts';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { COMMAND_WORDS, shown, slashCommand, type Answer, speakers } from '../../support/languages.ts';

/**
 * Issue 26: one item's views (show, history), the item commands that remain (log, unlog,
 * assess, archive, unarchive) and the track list answer each person in their language, with
 * their dates; people's text stays as written.
 */
const TEAM = 'T0ITEMS';
const NOW = new Date('2026-03-25T01:00:00Z'); // Wed 25 Mar 2026, 10:00 in Tokyo
const PEOPLE = { ja: 'U0HANAKO', ko: 'U0MINJUN', en: 'U0ALICE' } as const;
const JA_NOTE = '東京で協議を開催';

const harness = useSlackHandler();
useBusanAt(harness, TEAM, NOW);

const command = slashCommand(harness, TEAM, 'items');

/** People's text of the Busan track and of what this file writes: shown as written in every language. */
let peoplesText: string[] = [];
let track: Track;

beforeAll(async () => {
  speakers(harness, TEAM, PEOPLE);
  const store = harness.store();
  const report = await store.getReportOf(await store.getTrack(TEAM, 'japan-korea'));
  track = report.track;
  peoplesText = [
    track.title,
    // Ids: party codes and the id prefix.
    ...track.parties.flatMap((p) => [p.name, p.code]),
    track.idPrefix,
    ...track.meetings.flatMap((m) => [m.name, m.place ?? '']),
    ...report.commitments.flatMap((c) => [
      c.title,
      c.detail ?? '',
      c.source.meeting,
      c.source.place ?? '',
      c.source.point ?? '',
      ...c.owners.map((o) => o.label),
      ...(c.kind.type === 'recurring' ? c.kind.occurrences.flatMap((o) => [o.place ?? '', o.text ?? '']) : []),
    ]),
    JA_NOTE,
    '首脳会談',
    '東京',
  ].filter(Boolean);
  // A Japanese person's note, which every reader sees as written.
  await command(`note JK-4 "${JA_NOTE}"`, PEOPLE.ja);
});

/** The answer without its first block: the item as it now stands, under the line saying what changed. */
const itemPart = (answer: Answer) => shownTexts(answer.blocks.slice(1)).join('\n');

describe('a Japanese Slack user (ja-JP)', () => {
  it('sees an item in Japanese with 年月日 dates, and a note as written', async () => {
    const answer = await command('show JK-4', PEOPLE.ja);
    const text = shown(answer);
    expect(answer.blocks[0]).toMatchObject({ type: 'header', text: { text: `JK-4 · ${peoplesText.find((t) => t.startsWith('Convene'))}` } });
    expect(text).toContain('*ステータス:* :white_circle: 未着手');
    expect(text).toContain('*種類:* 単発、期限未設定');
    expect(text).toContain('*履行状況:* JP 未評価 · KR 未評価');
    expect(text).toContain(`*最新のメモ*\n• 2026年3月25日(水) <@${PEOPLE.ja}>: ${JA_NOTE}`);
    expect(text).toContain('出典: Japan–South Korea summit (Ishiba–Lee), Busan, 2025年9月30日(火)');
    expect(englishLeftIn(text, { people: peoplesText, slugs: ['japan-korea'] })).toEqual([]);
  });

  it('logs and assesses in Japanese, and reads the history in Japanese', async () => {
    const logged = await command('log JK-1 2026-03-20 at 東京 "首脳会談"', PEOPLE.ja);
    expect(itemPart(logged)).toContain('*種類:* 定期、間隔の定めなし、前回 2026年3月20日(金)(東京)');
    expect(itemPart(logged)).toContain('*実施記録*\n• 2025年9月30日(火) — Busan: ');
    expect(englishLeftIn(itemPart(logged), { people: peoplesText, slugs: ['japan-korea'] })).toEqual([]);

    const assessed = await command('assess JK-4 JP +1 "協議を確認"', PEOPLE.ja);
    expect(itemPart(assessed)).toContain('*履行状況:* JP +1 完全履行 · KR 未評価');
    expect(englishLeftIn(itemPart(assessed), { people: [...peoplesText, '協議を確認'], slugs: ['japan-korea'] })).toEqual([]);

    const history = await command('history JK-4', PEOPLE.ja);
    const text = shown(history);
    expect(text).toContain(`2026年3月25日(水) <@${PEOPLE.ja}> のメモ: ${JA_NOTE}`);
    expect(text).toContain(`2026年3月25日(水) <@${PEOPLE.ja}> が JP を評価しました: +1 完全履行(2026年3月25日(水) 時点): 協議を確認`);
    expect(text).toMatch(/\*履歴\*\(\d+件\)/);
    expect(englishLeftIn(text, { people: [...peoplesText, '協議を確認'], slugs: ['japan-korea'] })).toEqual([]);
  });

  it('is refused in Japanese, with 年月日 dates and the right form, and nothing is written', async () => {
    const before = await tableItems(harness);
    const score = await command('assess JK-4 JP 5', PEOPLE.ja);
    expect(score.text.split('\n')[0]).toBe('「5」は評価値ではありません。-1(不履行)、0(一部履行)、+1(完全履行)のいずれかを指定してください。');
    expect(score.text.split('\n')[1]).toMatch(/^入力例: \/commitments assess/);
    const future = await command('log JK-1 2026-04-30', PEOPLE.ja);
    expect(future.text).toBe('2026年4月30日(木) はまだ来ていません。予定として登録するには `/commitments edit JK-1 due …` を使ってください。');
    const oneOff = await command('log JK-4 today', PEOPLE.ja);
    expect(oneOff.text.split('\n')[0]).toBe('JK-4 は単発の項目です。実施を記録できるのは定期の項目だけです。');
    const party = await command('assess JK-4 US +1', PEOPLE.ja);
    expect(party.text.split('\n')[0]).toBe('US は JK-4 の当事者ではありません。当事者は JP, KR です。');
    for (const answer of [score, future, oneOff, party]) expect(englishLeftIn(shown(answer), { people: ['5'], commandWords: COMMAND_WORDS })).toEqual([]);
    expect(await tableItems(harness)).toBe(before);
  });

  it('lists the tracks in Japanese', async () => {
    const answer = await command('tracks', PEOPLE.ja);
    expect(answer.blocks[0]).toMatchObject({ type: 'header', text: { text: 'このワークスペースのトラック' } });
    expect(answer.text.split('\n')[0]).toBe('このワークスペースのトラック:');
    expect(shown(answer)).toContain('未着手');
    expect(englishLeftIn(shown(answer), { people: peoplesText, slugs: ['japan-korea'] })).toEqual([]);
  });
});

describe('a Korean Slack user (ko-KR)', () => {
  it('sees an item and its history in Korean with 년 월 일 dates', async () => {
    const answer = await command('show JK-1', PEOPLE.ko);
    const text = shown(answer);
    expect(text).toContain('*상태:* :large_blue_circle: 진행 중');
    expect(text).toContain('*실시 기록*\n• 2025년 9월 30일 (화) — Busan: ');
    expect(englishLeftIn(text, { people: peoplesText, slugs: ['japan-korea'] })).toEqual([]);

    const history = shown(await command('history JK-1', PEOPLE.ko));
    expect(history).toContain(`2026년 3월 25일 (수) <@${PEOPLE.ja}>이(가) 2026년 3월 20일 (금), 東京 실시를 기록했습니다: 首脳会談`);
    expect(englishLeftIn(history, { people: peoplesText, slugs: ['japan-korea'] })).toEqual([]);
  });

  it('logs and assesses in Korean', async () => {
    const assessed = await command('assess JK-4 KR 0 as of 2026-03-24', PEOPLE.ko);
    expect(itemPart(assessed)).toContain('*이행 평가:* JP +1 완전 이행 · KR 0 부분 이행');
    expect(englishLeftIn(itemPart(assessed), { people: peoplesText, slugs: ['japan-korea'] })).toEqual([]);
    const logged = await command('log JK-1 2026-03-23 at 서울', PEOPLE.ko);
    expect(itemPart(logged)).toContain('*유형:* 정기, 정해진 간격 없음; 최근 2026년 3월 23일 (월), 서울');
    expect(englishLeftIn(itemPart(logged), { people: [...peoplesText, '서울'], slugs: ['japan-korea'] })).toEqual([]);
  });

  it('is refused in Korean with its dates, and nothing is written', async () => {
    const before = await tableItems(harness);
    const unlog = await command('unlog JK-1 2026-01-13', PEOPLE.ko);
    expect(unlog.text.split('\n')[0]).toBe(
      'JK-1에는 2026년 1월 13일 (화)의 실시 기록이 없습니다. 기록된 날짜: 2025년 9월 30일 (화), 2026년 3월 20일 (금), 2026년 3월 23일 (월). 아무것도 삭제하지 않았습니다.',
    );
    const asOf = await command('assess JK-4 KR 0 as of', PEOPLE.ko);
    expect(asOf.text.split('\n')[0]).toBe('`as of` 뒤에 날짜를 지정하십시오(예: 2026-03-31, `end of march`). 그 뒤의 메모는 따옴표로 묶으십시오.');
    expect(asOf.text.split('\n')[1]).toMatch(/^입력 예: \/commitments assess/);
    for (const answer of [unlog, asOf]) expect(englishLeftIn(shown(answer), { commandWords: COMMAND_WORDS })).toEqual([]);
    expect(await tableItems(harness)).toBe(before);
  });

  it('lists the tracks in Korean when /commitments comes alone', async () => {
    const answer = await command('', PEOPLE.ko);
    expect(answer.blocks[0]).toMatchObject({ type: 'header', text: { text: '이 워크스페이스의 트랙' } });
    expect(englishLeftIn(shown(answer), { people: peoplesText, slugs: ['japan-korea'] })).toEqual([]);
  });

  it('archives in Korean, is refused a second archive in Korean, and unarchives', async () => {
    await command('archive JK-5 "중복"', PEOPLE.ko);
    const again = await command('archive JK-5', PEOPLE.ko);
    expect(again.text.split('\n')[0]).toBe('JK-5은(는) 이미 보관되어 있습니다.');
    const archived = await command('show JK-5', PEOPLE.ko);
    expect(JSON.stringify(archived.blocks)).toContain('"text":"보관 해제"');
    const history = shown(await command('history JK-5', PEOPLE.ko));
    expect(history).toContain(`2026년 3월 25일 (수) <@${PEOPLE.ko}>이(가) 보관했습니다: 중복`);
    expect(englishLeftIn(history, { people: [...peoplesText, '중복'], slugs: ['japan-korea'] })).toEqual([]);
    await command('unarchive JK-5', PEOPLE.ko);
    expect(shown(await command('history JK-5', PEOPLE.ko))).toContain(`<@${PEOPLE.ko}>이(가) 보관을 해제했습니다`);
  });
});

describe('an English Slack user (en-US)', () => {
  it('sees the Japanese person’s note as written, in English chrome, and the rest as before', async () => {
    const text = shown(await command('show JK-4', PEOPLE.en));
    expect(text).toContain(`*Latest notes*\n• Wed 25 Mar 2026 <@${PEOPLE.ja}>: ${JA_NOTE}`);
    expect(text).toContain('*Status:* :white_circle: Not started');
    expect(text).toContain('*Kind:* One-off, no date set');
    expect(text).toContain('*Compliance:* JP +1 full · KR 0 partial');
    const history = shown(await command('history JK-4', PEOPLE.en));
    expect(history).toContain(`Wed 25 Mar 2026 <@${PEOPLE.ja}> noted: ${JA_NOTE}`);
    expect(history).toContain(`Wed 25 Mar 2026 <@${PEOPLE.ja}> assessed JP +1 full as of Wed 25 Mar 2026: 協議を確認`);
    expect(shown(await command('show JK-1', PEOPLE.en))).toContain('*Kind:* Recurring, no fixed interval; last Mon 23 Mar 2026 in 서울');
    expect((await command('tracks', PEOPLE.en)).text.split('\n')[0]).toBe('Tracks in this workspace:');
    expect((await command('assess JK-4 JP 5', PEOPLE.en)).text.split('\n')[0]).toBe('“5” is not a score; use -1 (not complying), 0 (partial) or +1 (full).');
    expect((await command('unlog JK-1 2026-01-13', PEOPLE.en)).text.split('\n')[0]).toBe(
      'JK-1 has no occurrence on Tue 13 Jan 2026; its occurrences: Tue 30 Sep 2025, Fri 20 Mar 2026, Mon 23 Mar 2026. Nothing was removed.',
    );
  });
});

describe('the pseudo-locale pass over the item views, the track list and the item refusals', () => {
  const pseudo = pseudoTranslator();

  it('finds no sentence of show, history or the track list that skipped the catalog', async () => {
    const store = harness.store();
    for (const id of ['JK-1', 'JK-4', 'JK-5']) {
      const item: Commitment = await store.getCommitment(TEAM, id);
      const history: HistoryEntry[] = await store.getHistory(TEAM, id);
      for (const message of [renderCommitment(item, track, NOW, undefined, pseudo), renderCommitment(item, track, NOW, { history }, pseudo)]) {
        const text = shown(message);
        expect({ id, left: englishLeftIn(text, { people: [...peoplesText, '協議を確認', '중복', '서울'], slugs: ['japan-korea'] }) }).toEqual({ id, left: [] });
      }
    }
    // Every kind of history line, and an archived item's button.
    const kinds = new Set((await Promise.all(['JK-1', 'JK-4', 'JK-5'].map((id) => store.getHistory(TEAM, id)))).flat().map((h) => h.change.type));
    expect([...kinds].sort()).toEqual(['archive', 'assessment', 'created', 'note', 'occurrence', 'unarchive']);
    const tracks: TrackSummary[] = await store.listTracks(TEAM);
    for (const message of [renderTrackList(tracks, {}, pseudo), renderTrackList([], {}, pseudo), renderTrackList(tracks, { manager: { userId: 'U0BOSS' } }, pseudo), renderTrackList(tracks, { manager: { userId: undefined } }, pseudo)]) {
      expect(englishLeftIn(shown(message), { people: peoplesText, slugs: ['japan-korea'], commandWords: COMMAND_WORDS })).toEqual([]);
    }
  });

  it('says every refusal the item commands’ own words get from the catalog', () => {
    const refused = [
      'log JK-1',
      'log JK-1 today at',
      'log JK-1 today at Busan "met" at Seoul',
      'unlog JK-1',
      'assess JK-4',
      'assess JK-4 JP 5',
      'assess JK-4 JP +1 as of',
      'assess JK-4 JP +1 as of today "met" as of today',
      'unarchive JK-4 now',
    ];
    for (const text of refused) {
      const parsed = parseCommand(text);
      if (parsed.ok) throw new Error(`${text} was read`);
      const answer = renderProblem(pseudo.say({ text: parsed.error, say: parsed.say }), parsed.usage, pseudo);
      expect({ text, left: englishLeftIn(shown(answer), { people: ['5'], commandWords: COMMAND_WORDS }) }).toEqual({ text, left: [] });
    }
  });
});

