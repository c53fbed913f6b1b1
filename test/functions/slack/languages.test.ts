import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '#shared/commands/registry';
import type { Report } from '#shared/domain/report';
import { renderHelp } from '#shared/slack/render/help';
import { renderProblem } from '#shared/slack/render/notice';
import { renderReport } from '#shared/slack/render/report';
import { EN } from '#shared/i18n/translator';
import { englishLeftIn, pseudoTranslator } from '../../support/pseudo-locale.ts';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { COMMAND_WORDS, shown, slashCommand, speakers, itemsText } from '../../support/languages.ts';

/** Issue 26: a person is answered in their Slack language (or the one they chose), people's text as written. */
const TEAM = 'T0LANG';
const NOW = new Date('2026-03-25T01:00:00Z');
const PEOPLE = { ja: 'U0HANAKO', ko: 'U0MINJUN', en: 'U0ALICE', jaViewer: 'U0KENJI', koViewer: 'U0JIWOO', owner: 'U0OWNER' } as const;

const harness = useSlackHandler();
useBusanAt(harness, TEAM, NOW);

const command = slashCommand(harness, TEAM, 'lang');

/** People's text of the Busan track as stored: what a report shows as written, in any language. */
let peoplesText: string[] = [];
let report: Report;

beforeAll(async () => {
  speakers(harness, TEAM, PEOPLE, { [PEOPLE.jaViewer]: { locale: 'ja-JP' }, [PEOPLE.koViewer]: { locale: 'ko-KR' } });
  expect((await command('track add summit "Summit follow-ups" parties JP,KR tz Asia/Tokyo prefix SU', PEOPLE.owner)).text).toContain('Created track summit');
  expect((await command(`summit roles add <@${PEOPLE.jaViewer}> <@${PEOPLE.koViewer}> viewer`, PEOPLE.owner)).text).toContain('viewer');
  expect((await command('add summit "Fisheries talks"', PEOPLE.owner)).text).toContain('Added SU-1');
  const store = harness.store();
  report = await store.getReportOf(await store.getTrack(TEAM, 'japan-korea'));
  const { track } = report;
  peoplesText = [...itemsText(report), ...track.parties.map((p) => p.name), ...track.meetings.flatMap((m) => [m.name, m.place ?? ''])].filter(Boolean);
});

describe('a Japanese Slack user (ja-JP)', () => {
  it('gets help in Japanese: the title, headings and legend from the catalog, command forms as typed', async () => {
    const help = await command('help', PEOPLE.ja);
    expect(help.text.split('\n')[0]).toBe('コマンド:');
    expect(help.blocks[0]).toMatchObject({ type: 'header', text: { text: 'コミットメント: 合意した内容と、その実施状況' } });
    expect(shown(help)).toContain('/commitments me  (ご自身のチェックイン)');
    expect(englishLeftIn(shown(help), { commandWords: COMMAND_WORDS })).toEqual([]);
  });

  it('gets the report in Japanese with 年月日 dates, and every title, note and source as written', async () => {
    const answer = await command('japan-korea all', PEOPLE.ja);
    const text = shown(answer);
    expect(text).toContain('2026年3月25日(水) 時点(Asia/Tokyo)');
    expect(text).toContain('2025年9月30日(火)');
    expect(text).not.toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d/);
    expect(answer.blocks[0]).toMatchObject({ type: 'header', text: { text: report.track.title } });
    for (const item of report.commitments) expect(text).toContain(item.title);
    expect(englishLeftIn(text, { people: peoplesText, slugs: ['japan-korea'] })).toEqual([]);
    // The filter in Japanese reads as `all` does.
    expect(shown(await command('japan-korea すべて', PEOPLE.ja))).toBe(text);
  });

  it('is refused a viewer’s write in Japanese, and nothing is written', async () => {
    const before = (await harness.store().getCommitment(TEAM, 'SU-1')).version;
    const answer = await command('update SU-1 done', PEOPLE.jaViewer);
    expect(answer.text).toBe('summit を変更できるのはオーナーと編集者だけです。編集者のロールはオーナーに依頼してください。');
    expect((await harness.store().getCommitment(TEAM, 'SU-1')).version).toBe(before);
  });

  it('gets a command it cannot read answered in Japanese, with the right form', async () => {
    const unknown = await command('xyz!', PEOPLE.ja);
    expect(unknown.text.split('\n')[0]).toBe('「xyz!」はコマンドでもトラックでもありません。');
    expect(unknown.text.split('\n')[1]).toMatch(/^入力例: \/commitments/);
    expect(englishLeftIn(shown(unknown), { people: ['xyz!'], commandWords: COMMAND_WORDS })).toEqual([]);
    const near = await command('japan_korea', PEOPLE.ja);
    expect(near.text.split('\n')[0]).toBe('「japan_korea」はコマンドでもトラックでもありません。japan-korea のことですか？');
    expect(englishLeftIn(shown(near), { commandWords: COMMAND_WORDS })).toEqual([]);
    const noHelp = await command('help bogus', PEOPLE.ja);
    expect(noHelp.text.split('\n')[0]).toMatch(/^「bogus」のヘルプはありません。トピック: tracks, report, .*, manager。すべてを見るには help だけを入力してください。$/);
    expect(englishLeftIn(shown(noHelp), { people: ['bogus'], commandWords: COMMAND_WORDS })).toEqual([]);
  });
});

describe('a Korean Slack user (ko-KR)', () => {
  it('gets help in Korean', async () => {
    const help = await command('help', PEOPLE.ko);
    expect(help.text.split('\n')[0]).toBe('명령:');
    expect(shown(help)).toContain('/commitments me  (내 체크인)');
    expect(englishLeftIn(shown(help), { commandWords: COMMAND_WORDS })).toEqual([]);
  });

  it('gets the report in Korean with 년 월 일 dates', async () => {
    const text = shown(await command('japan-korea all', PEOPLE.ko));
    expect(text).toContain('2026년 3월 25일 (수) 기준(Asia/Tokyo)');
    expect(text).toContain('2025년 9월 30일 (화)');
    expect(englishLeftIn(text, { people: peoplesText, slugs: ['japan-korea'] })).toEqual([]);
    // A filter in Korean, in two words.
    expect(shown(await command('japan-korea 기한 초과', PEOPLE.ko))).toBe(shown(await command('japan-korea overdue', PEOPLE.ko)));
  });

  it('is refused a viewer’s write in Korean (합니다체)', async () => {
    expect((await command('note SU-1 "메모"', PEOPLE.koViewer)).text).toBe('summit은(는) 소유자와 편집자만 변경할 수 있습니다. 편집자 역할은 소유자에게 요청하십시오.');
  });

  it('gets a command it cannot read answered in Korean', async () => {
    const answer = await command('"quoted first"', PEOPLE.ko);
    expect(answer.text.split('\n')[0]).toBe('따옴표로 묶은 글이 아니라 명령이나 트랙으로 시작하십시오.');
    expect(answer.text.split('\n')[1]).toMatch(/^입력 예: \/commitments/);
  });
});

describe('an English Slack user (en-US)', () => {
  it('gets the same help, report, refusal and malformed-command answer as before', async () => {
    const help = await command('help', PEOPLE.en);
    expect(help).toEqual({ response_type: 'ephemeral', ...renderHelp(COMMANDS) });
    expect(help.text.split('\n')[0]).toBe('Commands:');
    const text = shown(await command('japan-korea', PEOPLE.en));
    expect(text).toContain('as of Wed 25 Mar 2026 (Asia/Tokyo)');
    expect(text).toContain('Tue 30 Sep 2025');
    const unknown = await command('xyz!', PEOPLE.en);
    expect(unknown.text.split('\n')[0]).toBe('“xyz!” is not a command or a track.');
    expect(unknown.text.split('\n')[1]).toMatch(/^Try: \/commitments/);
  });
});

describe('me language', () => {
  it('overrides the Slack language for oneself, answers in the new one, and slack goes back', async () => {
    expect((await command('me language ko', PEOPLE.ja)).text).toBe('앞으로 한국어로 답변합니다.');
    expect((await command('help', PEOPLE.ja)).text.split('\n')[0]).toBe('명령:');
    expect((await command('me language en', PEOPLE.ja)).text).toBe('From now on I answer you in English.');
    expect((await command('xyz!', PEOPLE.ja)).text.split('\n')[0]).toBe('“xyz!” is not a command or a track.');
    expect((await command('me language slack', PEOPLE.ja)).text).toBe('今後は Slack の言語(日本語)でお答えします。');
    expect((await command('help', PEOPLE.ja)).text.split('\n')[0]).toBe('コマンド:');
    expect((await command('me language fr', PEOPLE.ja)).text.split('\n')[0]).toBe('「fr」は言語ではありません。ja、ko、en、slack のいずれかを指定してください。');
  });
});

describe('the pseudo-locale pass over the converted surfaces', () => {
  const pseudo = pseudoTranslator();

  it('finds no sentence of help, the report or a refusal that skipped the catalog', () => {
    expect(englishLeftIn(shown(renderHelp(COMMANDS, undefined, pseudo)), { commandWords: COMMAND_WORDS })).toEqual([]);
    for (const filter of ['open', 'all', 'overdue', 'done'] as const) {
      const text = shown(renderReport(report, { filter, page: 0, now: NOW, t: pseudo }));
      expect({ filter, left: englishLeftIn(text, { people: peoplesText, slugs: ['japan-korea'] }) }).toEqual({ filter, left: [] });
    }
    expect(englishLeftIn(shown(renderProblem(pseudo.t('parse.notCommand', { word: 'xyzzy' }), COMMANDS[0].usage, pseudo)), { people: ['xyzzy'], commandWords: COMMAND_WORDS })).toEqual([]);
  });

  it('catches a sentence written outside the catalog', () => {
    const left = englishLeftIn(shown(renderProblem(pseudo.t('parse.notCommand', { word: 'x' }), undefined, EN)) + '\nNo commitments yet.');
    expect(left).toEqual(['No', 'commitments', 'yet']);
  });
});
