import { beforeAll, describe, expect, it } from 'vitest';
import { blockAction, interactionEvent, viewSubmission } from '#local/slack-request';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { textInput } from '../../support/slack-commands.ts';
import { parseCommand } from '#shared/commands/registry';
import type { Change, Commitment, Track } from '#shared/domain/schemas';
import { applyChange } from '#shared/domain/changes';
import { AppError } from '#shared/errors';
import { EN, translatorFor } from '#shared/i18n/translator';
import { describeChange, renderChange } from '#shared/slack/render/change';
import { unknownPrefixError } from '#shared/store/store';
import { renderProblem } from '#shared/slack/render/notice';
import { englishLeftIn, pseudoTranslator, shownTexts } from '../../support/pseudo-locale.ts';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { COMMAND_WORDS, slashCommand, speakers } from '../../support/languages.ts';

/**
 * Issue 26: what a write answers (add, update, note, done, edit) and how a command's words and a
 * write are refused, in the caller's language, with dates written that language's way.
 */
const TEAM = 'T0WRITES';
const NOW = new Date('2026-03-25T01:00:00Z');
const PEOPLE = { ja: 'U0HANAKO', ko: 'U0MINJUN', en: 'U0ALICE', owner: 'U0OWNER' } as const;
/** A guest with no role on the track: no one may make them an owner of its items. */
const GUEST = 'U0GUEST';

const harness = useSlackHandler();
useBusanAt(harness, TEAM, NOW);

type Answer = { text: string; blocks: { text?: { text: string } }[] };

const send = slashCommand(harness, TEAM, 'w');
const command = (text: string, userId: string) => send<Answer>(text, userId);

/** The answer's first line: what the write did, or why it was refused. */
const firstLine = (answer: Answer) => answer.text.split('\n')[0]!;
/** The confirmation block of a write's answer (the item it shows under it is `show`'s). */
const confirmation = (answer: Answer) => answer.blocks[0]?.text?.text ?? '';
const version = async (id: string) => (await harness.store().getCommitment(TEAM, id)).version;

beforeAll(async () => {
  speakers(harness, TEAM, PEOPLE, { [GUEST]: { is_restricted: true } });
  expect(firstLine(await command('track add summit "Summit follow-ups" parties JP,KR tz Asia/Tokyo prefix SU', PEOPLE.owner))).toContain('Created track summit');
  expect((await command(`summit roles add <@${PEOPLE.ja}> <@${PEOPLE.ko}> <@${PEOPLE.en}> editor`, PEOPLE.owner)).text).toContain('editor');
});

describe('a Japanese Slack user (ja-JP) writing', () => {
  it('is answered in Japanese with 年月日 dates for add, update, note, edit and done; people’s text as written', async () => {
    const added = await command('add summit "漁業協議を再開する" due 2026-04-30', PEOPLE.ja);
    expect(firstLine(added)).toBe('summit に SU-1 を追加しました(期限 2026年4月30日(木))。');
    expect(confirmation(added)).toBe(':white_check_mark: summit に *SU-1* を追加しました(期限 2026年4月30日(木))。');
    expect(firstLine(await command('update SU-1 in progress "日程を調整中"', PEOPLE.ja))).toBe('SU-1: 未着手 → 進行中。');
    expect(firstLine(await command('note SU-1 "草案を共有しました"', PEOPLE.ja))).toBe('SU-1 にメモを追加しました。');
    const moved = await command('edit SU-1 due 2026-05-29 "選挙後に延期"', PEOPLE.ja);
    expect(firstLine(moved)).toBe('SU-1 の期限を 2026年4月30日(木) から 2026年5月29日(金) に変更しました。');
    expect(firstLine(await command('edit SU-1 title "漁業協議を再開し、合意する"', PEOPLE.ja))).toBe('SU-1 のタイトルを変更しました。');
    const done = await command('done SU-1 "署名済み"', PEOPLE.ja);
    expect(firstLine(done)).toBe('SU-1: 進行中 → 完了。');
    for (const answer of [added, moved, done]) expect(englishLeftIn(confirmation(answer), { slugs: ['summit'] })).toEqual([]);
    // The item under the confirmation is in Japanese too: only people's text stays as written.
    const people = ['Summit follow-ups', '漁業協議を再開する', '選挙後に延期', '署名済み', '日程を調整中', '草案を共有しました', 'JP', 'KR'];
    for (const answer of [added, moved, done]) expect(englishLeftIn(shownTexts(answer).join('\n'), { slugs: ['summit'], people })).toEqual([]);
    expect((await harness.store().getCommitment(TEAM, 'SU-1')).title).toBe('漁業協議を再開し、合意する');
  });

  it('says a past due date is already overdue, in Japanese', async () => {
    const answer = await command('add summit "議事録を公開する" due 2026-03-20', PEOPLE.ja);
    expect(firstLine(answer)).toBe('summit に SU-2 を追加しました(期限 2026年3月20日(金))。SU-2 はすでに期限を過ぎています(2026年3月20日(金) が期限でした)。');
  });

  it('is refused in Japanese, with the form under it, and nothing is written', async () => {
    const before = await version('SU-1');
    const again = await command('done SU-1', PEOPLE.ja);
    expect(firstLine(again)).toBe('SU-1 のステータスはすでに「完了」です。');
    expect(again.text.split('\n')[1]).toBe('入力例: /commitments note SU-1 "text"');
    expect(firstLine(await command('update', PEOPLE.ja))).toBe('update にはコミットメントの ID を指定してください(例: JK-4)。');
    expect(firstLine(await command('update SU-1 maybe', PEOPLE.ja))).toBe('「maybe」はステータスではありません。`not-started`、`in-progress`、`done`、`stalled`、`dropped` のいずれかを指定してください。');
    expect(firstLine(await command('add', PEOPLE.ja))).toBe('add にはトラックを指定してください(例: japan-korea)。');
    expect(firstLine(await command('note SU-1 "閉じない', PEOPLE.ja))).toBe('「閉じない」の前の引用符が閉じられていません。');
    expect(firstLine(await command('edit SU-1 colour red', PEOPLE.ja))).toBe('「colour」は edit で変更できる対象ではありません。due、owner、title、parties のいずれかを指定してください。');
    const far = await command('edit SU-1 due 2040-01-01', PEOPLE.ja);
    expect(firstLine(far)).toBe(
      '2040年1月1日(日) は10年以上先のため、期限にできません。期限は 2025年3月25日(火)(1年前)から 2036年3月25日(火)(10年後)までの日付です。何も変更していません。',
    );
    expect(firstLine(await command('note SU-99 "メモ"', PEOPLE.ja))).toBe('SU-99 はありません。');
    expect(firstLine(await command('japan-korea overdue done', PEOPLE.ja))).toBe('レポートのフィルターは1つだけ指定してください。overdue と done は同時に指定できません。');
    expect(await version('SU-1')).toBe(before);
    for (const answer of [again, far]) expect(englishLeftIn(answer.text, { commandWords: COMMAND_WORDS })).toEqual([]);
  });

  it('is answered in Japanese after saving an item’s update form', async () => {
    const pressed = 'press-update-form';
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.update, 'SU-2', harness.slack.responseUrl(pressed), [], { userId: PEOPLE.ja })));
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; private_metadata: string };
    const result = await harness.send(
      interactionEvent(viewSubmission(TEAM, view.callback_id, view.private_metadata, { status: { status: { type: 'static_select', selected_option: { value: 'in-progress' } } }, note: { note: textInput('') } }, PEOPLE.ja)),
    );
    expect(result.body).toBe('');
    const echoed = harness.slack.callsTo(`response_url:${pressed}`).map((call) => String(call.args['text']));
    expect(echoed).toEqual(['SU-2: 未着手 → 進行中。']);
  });
});

describe('a Korean Slack user (ko-KR) writing', () => {
  it('is answered in Korean (합니다체) with 년 월 일 dates', async () => {
    const added = await command('add summit "수산 협의 재개" due 2026-04-30', PEOPLE.ko);
    expect(firstLine(added)).toBe('summit에 SU-3을(를) 추가했습니다(기한 2026년 4월 30일 (목)).');
    expect(firstLine(await command('update SU-3 stalled', PEOPLE.ko))).toBe('SU-3: 시작 전 → 정체.');
    expect(firstLine(await command('note SU-3 "초안 공유"', PEOPLE.ko))).toBe('SU-3에 메모를 추가했습니다.');
    const moved = await command('edit SU-3 due 2026-05-29', PEOPLE.ko);
    expect(firstLine(moved)).toBe('SU-3의 기한을 2026년 4월 30일 (목)에서 2026년 5월 29일 (금)(으)로 변경했습니다.');
    expect(firstLine(await command('done SU-3', PEOPLE.ko))).toBe('SU-3: 정체 → 완료.');
    for (const answer of [added, moved]) expect(englishLeftIn(confirmation(answer), { slugs: ['summit'] })).toEqual([]);
  });

  it('is refused in Korean, and nothing is written', async () => {
    const before = await version('SU-3');
    const again = await command('done SU-3', PEOPLE.ko);
    expect(firstLine(again)).toBe('SU-3은(는) 이미 완료 상태입니다.');
    expect(again.text.split('\n')[1]).toBe('입력 예: /commitments note SU-3 "text"');
    expect(firstLine(await command('note SU-3', PEOPLE.ko))).toBe('note에는 ID 뒤에 메모 내용이 필요합니다.');
    expect(firstLine(await command('done JK4x', PEOPLE.ko))).toBe('“JK4x”은(는) 커밋먼트 ID가 아닙니다. ID는 JK-4와 같은 형식입니다.');
    expect(firstLine(await command('add japan_korea "제목"', PEOPLE.ko))).toBe('“japan_korea”은(는) 트랙이 아닙니다. japan-korea을(를) 입력하려고 하셨습니까?');
    const far = await command('edit SU-3 due 2040-01-01', PEOPLE.ko);
    expect(firstLine(far)).toBe(
      '2040년 1월 1일 (일)은(는) 10년보다 뒤이므로 기한이 될 수 없습니다. 기한은 2025년 3월 25일 (화)(1년 전)부터 2036년 3월 25일 (화)(10년 후)까지의 날짜입니다. 아무것도 변경하지 않았습니다.',
    );
    expect(await version('SU-3')).toBe(before);
    expect(englishLeftIn(far.text, { commandWords: COMMAND_WORDS })).toEqual([]);
  });
});

describe('an English Slack user (en-US) writing', () => {
  it('gets the same answers and refusals as before', async () => {
    expect(firstLine(await command('add summit "Reopen the fisheries talks" due 2026-04-30', PEOPLE.en))).toBe('Added SU-4 to summit, due Thu 30 Apr 2026.');
    expect(firstLine(await command('update SU-4 in-progress', PEOPLE.en))).toBe('SU-4: Not started → In progress.');
    expect(firstLine(await command('note SU-4 "Draft shared"', PEOPLE.en))).toBe('Noted on SU-4.');
    expect(firstLine(await command('edit SU-4 due 2026-05-29', PEOPLE.en))).toBe('Moved SU-4 from Thu 30 Apr 2026 to Fri 29 May 2026.');
    expect(firstLine(await command('edit SU-4 title "Reopen and settle the fisheries talks"', PEOPLE.en))).toBe('Changed the title of SU-4.');
    expect(firstLine(await command('done SU-4', PEOPLE.en))).toBe('SU-4: In progress → Done.');
    expect(firstLine(await command('done SU-4', PEOPLE.en))).toBe('SU-4 is already done.');
    expect(firstLine(await command('update', PEOPLE.en))).toBe('update needs a commitment id, such as JK-4.');
    expect(firstLine(await command('add', PEOPLE.en))).toBe('add needs a track, such as japan-korea.');
    expect(firstLine(await command('edit SU-4 due 2040-01-01', PEOPLE.en))).toBe(
      'Sun 1 Jan 2040 is more than 10 years ahead, so it cannot be a due date; a due date falls between Tue 25 Mar 2025 (a year back) and Tue 25 Mar 2036 (10 years ahead). Nothing was changed.',
    );
    expect(firstLine(await command('japan-korea overdue done', PEOPLE.en))).toBe('Give one report filter, not overdue and done.');
  });
});

describe('the pseudo-locale pass over what writes answer and how commands are refused', () => {
  const pseudo = pseudoTranslator();

  it('finds no sentence of a change’s answer that skipped the catalog', async () => {
    const track: Track = await harness.store().getTrack(TEAM, 'japan-korea');
    const item: Commitment = await harness.store().getCommitment(TEAM, 'JK-1');
    const changes: Change[] = [
      { type: 'status', from: 'not-started', to: 'in-progress' },
      { type: 'note', text: 'x' },
      { type: 'assessment', party: 'JP', to: -1, date: '2026-03-20' },
      { type: 'occurrence', occurrence: { date: '2026-03-20', place: 'Busan' } },
      { type: 'unlog', occurrence: { date: '2026-03-20' } },
      { type: 'archive' },
      { type: 'unarchive' },
      { type: 'snooze', until: '2026-04-01' },
      { type: 'field', field: 'due', from: '2026-03-01', to: '2026-03-20' },
      { type: 'fields', changes: [{ type: 'field', field: 'title', to: 'x' }, { type: 'field', field: 'owners', to: 'x' }, { type: 'field', field: 'parties', to: 'JP' }, { type: 'field', field: 'detail', to: 'x' }] },
    ];
    for (const change of changes) {
      const line = describeChange('not-started', 'in-progress', change, 'JK-1', pseudo);
      expect({ change: change.type, left: englishLeftIn(line, { people: ['Busan', 'JP'] }) }).toEqual({ change: change.type, left: [] });
    }
    const answer = renderChange({ before: item, after: item, track, change: changes[8]! }, NOW, pseudo);
    expect(englishLeftIn(shownTexts(answer.blocks[0]).join('\n'))).toEqual([]);
  });

  it('finds no refusal of a command’s words that skipped the catalog', () => {
    const bad = [
      'add', 'add Japan_Korea', 'add "Quoted', 'add summit "T" due', 'add summit "T" due friday due monday', 'add summit "T" owner',
      'add summit "T" recurring ongoing', 'add summit "T" recurring weekly recurring', 'add summit "T" recurring every 5 fortnights', 'add summit "T" ongoing update every 2 months',
      'add summit "T" ongoing every 400 days', 'add summit "T" recurring every 0 days', 'add summit "T" due friday ongoing', 'add summit "T" source ftp://x', 'add summit "T" source',
      `add summit "${'t'.repeat(300)}"`, `add summit "T" owner "${'o'.repeat(120)}"`, `add summit "T" owner ${Array.from({ length: 11 }, (_, i) => `@p${i}`).join(' ')}`,
      'update', 'update SU', 'update SU-1', 'update SU-1 maybe', 'note SU-1', 'done', 'edit SU-1', 'edit SU-1 colour', 'edit SU-1 due', 'edit SU-1 title', 'edit SU-1 parties',
      'edit SU-1 parties J1', 'edit SU-1 parties A,B,C,D,E,F,G,H,I,J,K,L,M,N,O,P,Q,R,S,T,U', 'edit SU-1 owner', 'edit SU-1 due 2026-05-01 "why" title "x"',
      'japan-korea overdue done due', 'report japan-korea whenever', 'japan-korea whenever', 'history SU-1 more', 'track add new-track "T" tz', 'track add new-track "T" tz Mars/Olympus',
    ];
    let refused = 0;
    for (const text of bad) {
      const parsed = parseCommand(text);
      if (parsed.ok) continue;
      refused += 1;
      const shown = shownTexts(renderProblem(pseudo.say({ text: parsed.error, say: parsed.say }), parsed.usage, pseudo)).join('\n');
      // What was typed is quoted back, cut to a preview's length.
      const typed = (text.match(/[A-Za-z_]+/g) ?? []).flatMap((word) => [word, word.slice(0, 39), word.slice(0, 29)]);
      expect({ text, left: englishLeftIn(shown, { people: typed, commandWords: COMMAND_WORDS }) }).toEqual({ text, left: [] });
    }
    expect(refused).toBe(bad.length);
  });

  it('holds each refusal the domain and the store write in English word for word to the English catalog', async () => {
    const item = await harness.store().getCommitment(TEAM, 'JK-1');
    const oneOff: Commitment = { ...item, kind: { type: 'one-off' } };
    const archived: Commitment = { ...oneOff, archived: { at: NOW.toISOString(), by: 'U0OWNER' } };
    const refused = (work: () => unknown): AppError => {
      try {
        work();
      } catch (error) {
        if (error instanceof AppError) return error;
        throw error;
      }
      throw new Error('not refused');
    };
    const errors = [
      refused(() => applyChange(archived, { type: 'note', text: 'x' }, 'U0OWNER', NOW)),
      refused(() => applyChange(archived, { type: 'archive' }, 'U0OWNER', NOW)),
      refused(() => applyChange(oneOff, { type: 'unarchive' }, 'U0OWNER', NOW)),
      refused(() => applyChange(oneOff, { type: 'assessment', party: 'XX', to: 1, date: '2026-03-20' }, 'U0OWNER', NOW)),
      refused(() => applyChange(oneOff, { type: 'occurrence', occurrence: { date: '2026-03-20' } }, 'U0OWNER', NOW)),
      refused(() => applyChange(oneOff, { type: 'unlog', occurrence: { date: '2026-03-20' } }, 'U0OWNER', NOW)),
      refused(() => applyChange({ ...oneOff, kind: { type: 'recurring', occurrences: [] } }, { type: 'unlog', occurrence: { date: '2026-03-20' } }, 'U0OWNER', NOW)),
      refused(() => applyChange(oneOff, { type: 'field', field: 'title', to: '' }, 'U0OWNER', NOW)),
      refused(() => applyChange({ ...oneOff, kind: { type: 'ongoing', updateEveryDays: 30 } }, { type: 'field', field: 'due', to: '2026-04-01' }, 'U0OWNER', NOW)),
      unknownPrefixError('ZZ-1'),
      await harness.store().getCommitment(TEAM, 'JK-999').then(() => undefined, (error: unknown) => error as AppError),
    ];
    const [ja, ko] = await Promise.all([translatorFor('ja'), translatorFor('ko')]);
    for (const error of errors) {
      const refusal = { text: error!.message, say: error!.say };
      expect(refusal.say).toBeDefined();
      expect(EN.say(refusal)).toBe(refusal.text);
      for (const t of [ja, ko]) expect({ said: t.say(refusal), left: englishLeftIn(t.say(refusal), { people: ['XX', 'ZZ', ...item.parties] }) }).toMatchObject({ left: [] });
    }
    expect(errors).toHaveLength(11);
  });
});

describe('making someone an owner who cannot see the track', () => {
  it('is refused in the caller’s language, English word for word as before, and nothing is written', async () => {
    const id = /SU-\d+/.exec(firstLine(await command('add summit "Guest check"', PEOPLE.en)))![0];
    const before = await version(id);
    // The person the refusal names is shown as a mention, which Slack writes as their name.
    const mention = `<@${GUEST}>`;
    expect(firstLine(await command(`edit ${id} owner <@${GUEST}>`, PEOPLE.ja))).toBe(`${mention} はゲストまたは他の組織の方のため、summit を閲覧できません。先にロールを付与してください。何も変更していません。`);
    expect(firstLine(await command(`edit ${id} owner <@${GUEST}>`, PEOPLE.ko))).toBe(`${mention}은(는) 게스트이거나 다른 조직의 사용자이므로 summit을(를) 볼 수 없습니다. 먼저 역할을 부여하십시오. 아무것도 변경하지 않았습니다.`);
    expect(firstLine(await command(`edit ${id} owner <@${GUEST}>`, PEOPLE.en))).toBe(
      `${mention} is a guest or from another organisation and cannot see summit: give them a role on it first. Nothing was changed.`,
    );
    expect(await version(id)).toBe(before);
  });
});

describe('a date the bot cannot read, or reads two ways', () => {
  it('is asked about in the caller’s language, with dates and examples written their way, and nothing is written', async () => {
    const before = await harness.store().getReport(TEAM, 'summit');
    const ja = await command('add summit "日程を決める" due 4/5/2027', PEOPLE.ja);
    expect(ja.text.split('\n').slice(0, 2)).toEqual([
      '2027年5月4日(火) と 2027年4月5日(月) のどちらですか？ 2027-05-04 または 2027-04-05 のように書いてください。',
      '入力例: 2026-03-31、来月末、来週金曜日、3週間後、2027年上半期、FY2027 のような日付',
    ]);
    const ko = await command('add summit "일정 확정" due someday', PEOPLE.ko);
    expect(ko.text.split('\n').slice(0, 2)).toEqual(['“someday”은(는) 날짜로 읽을 수 없습니다.', '입력 예: 2026-03-31, 다음 달 말, 다음 주 금요일, 3주 후, 2027년 상반기, FY2027 같은 날짜']);
    expect(await harness.store().getReport(TEAM, 'summit')).toEqual(before);
  });
});
