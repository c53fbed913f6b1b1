import { beforeAll, describe, expect, it } from 'vitest';
import { blockAction, commandEvent, interactionEvent, viewSubmission } from '#local/slack-request';
import type { Commitment } from '#shared/domain/schemas';
import { EN, translatorFor, type Translator } from '#shared/i18n/translator';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { addCommitmentModal, doneModal, editModal, noteModal, updateModal } from '#shared/slack/render/modals';
import { englishLeftIn, pseudoTranslator, shownTexts } from '../../support/pseudo-locale.ts';
import { editFormValues, textInput } from '../../support/slack-commands.ts';
import { expectFormWithinSlackLimits } from '../../support/slack-limits.ts';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { speakers } from '../../support/languages.ts';

/** Issue 26: the item forms speak the language of whoever opens or submits them, and read the words people type in it. */
const TEAM = 'T0FORMLANG';
// Wednesday 25 March 2026, 10:00 in Tokyo.
const NOW = new Date('2026-03-25T01:00:00Z');
const PEOPLE = { ja: 'U0HANAKO', ko: 'U0MINJUN', en: 'U0ALICE', owner: 'U0OWNER' } as const;
const TRACK_TITLE = 'Fisheries & <talks>';

const harness = useSlackHandler();
useBusanAt(harness, TEAM, NOW);
let sent = 0;

type Answer = { text: string; blocks: unknown[] };
type Block = { block_id: string; element?: Record<string, unknown>; label?: { text: string } };
type View = { callback_id: string; private_metadata: string; title: { text: string }; close: { text: string }; submit: { text: string }; blocks: Block[] };

async function command(text: string, userId: string): Promise<Answer> {
  sent += 1;
  const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, responseUrl: harness.slack.responseUrl(`forms${sent}`), triggerId: `t${sent}` }));
  expect(result.statusCode).toBe(200);
  return (result.body ? result.json() : {}) as Answer;
}

/** The last form Slack was asked to open. */
const lastView = () => harness.slack.callsTo('views.open').at(-1)!.args['view'] as View;

/** Presses one of an item's buttons as `userId` and returns the form it opened. */
async function pressButton(actionId: string, id: string, userId: string): Promise<View> {
  const opened = harness.slack.callsTo('views.open').length;
  sent += 1;
  // Each press its own request: the same signed bytes twice would be refused as a replay.
  await harness.send(interactionEvent(blockAction(TEAM, actionId, id, harness.slack.responseUrl(`press${sent}`), [], { userId })));
  expect(harness.slack.callsTo('views.open')).toHaveLength(opened + 1);
  return lastView();
}

function submit(view: View, values: Record<string, unknown>, userId: string) {
  return harness.send(interactionEvent(viewSubmission(TEAM, view.callback_id, view.private_metadata, values, userId)));
}

/** The value of the status option a person sees as `label`, as Slack sends back the one they picked. */
function pickStatus(view: View, label: string) {
  const options = view.blocks.find((b) => b.block_id === 'status')!.element!['options'] as { text: { text: string }; value: string }[];
  const picked = options.find((o) => o.text.text === label);
  expect(picked, `no status option “${label}”`).toBeDefined();
  return { type: 'static_select', selected_option: picked };
}

const shown = (view: unknown) => shownTexts(view).join('\n');
const item = (id: string) => harness.store().getCommitment(TEAM, id);

/** Every view of the item forms for `item`, in `t`'s language. */
function itemForms(commitment: Commitment, t: Translator) {
  return [updateModal(commitment, {}, t), noteModal(commitment, {}, t), doneModal(commitment, {}, t), editModal(commitment, {}, t), addCommitmentModal({ slug: 'forms', title: TRACK_TITLE }, {}, {}, t)];
}

beforeAll(async () => {
  speakers(harness, TEAM, PEOPLE);
  expect((await command(`track add forms "${TRACK_TITLE}" parties JP,KR tz Asia/Tokyo prefix FO`, PEOPLE.owner)).text).toContain('Created track forms');
  expect((await command(`forms roles add <@${PEOPLE.ja}> <@${PEOPLE.ko}> <@${PEOPLE.en}> editor`, PEOPLE.owner)).text).toContain('editor');
  for (const title of ['漁業協議の再開', '수산 협의 재개', 'Resume fisheries talks', 'Joint statement']) {
    expect((await command(`add forms "${title}" owner "外務省"`, PEOPLE.owner)).text).toMatch(/FO-\d/);
  }
});

describe('the item forms in Japanese (ja-JP)', () => {
  it('opens the add form in Japanese: title, labels, kinds and Cancel from the catalog, the track as written', async () => {
    await command('add forms', PEOPLE.ja);
    const view = lastView();
    expect(view.callback_id).toBe(VIEW_IDS.addCommitment);
    expect([view.title.text, view.submit.text, view.close.text]).toEqual(['コミットメントを追加', '追加', 'キャンセル']);
    expect(shown(view)).toContain('トラック: *Fisheries &amp; &lt;talks&gt;*(forms)');
    expect(shown(view)).toContain('継続(30日ごとに更新)');
    expect(englishLeftIn(shown(view), { people: ['Fisheries &amp; &lt;talks&gt;'], slugs: ['forms'] })).toEqual([]);
    expectFormWithinSlackLimits(view);
  });

  it('opens the update, note, done and edit forms in Japanese, statuses in its words', async () => {
    const update = await pressButton(ACTION_IDS.update, 'FO-1', PEOPLE.ja);
    expect(update.title.text).toBe('FO-1 を更新');
    expect((update.blocks[1]!.element!['options'] as { text: { text: string } }[]).map((o) => o.text.text)).toEqual(['未着手', '進行中', '完了', '停滞', '中止']);
    const done = await pressButton(ACTION_IDS.markDone, 'FO-1', PEOPLE.ja);
    expect(shown(done)).toContain('*FO-1* 漁業協議の再開 を完了にしますか？');
    const note = await pressButton(ACTION_IDS.addNote, 'FO-1', PEOPLE.ja);
    const edit = await pressButton(ACTION_IDS.edit, 'FO-1', PEOPLE.ja);
    expect(edit.blocks.map((b) => b.label?.text).filter(Boolean)).toEqual([
      'タイトル',
      '期限',
      'Slack の担当者',
      'その他の担当者(名前、カンマ区切り)',
      '当事者(コード、カンマ区切り)',
      '理由(履歴に残ります)',
      'アーカイブ',
    ]);
    for (const view of [update, done, note, edit]) {
      expect(view.close.text).toBe('キャンセル');
      expect(englishLeftIn(shown(view), { people: ['漁業協議の再開', '外務省'] })).toEqual([]);
      expectFormWithinSlackLimits(view);
    }
  });

  it('saves 完了 picked in the update form as done', async () => {
    const view = await pressButton(ACTION_IDS.update, 'FO-1', PEOPLE.ja);
    const result = await submit(view, { status: { status: pickStatus(view, '完了') }, note: { note: textInput('') } }, PEOPLE.ja);
    expect(result.body).toBe('');
    expect((await item('FO-1')).status).toBe('done');
  });

  it('keeps the note form open with the problem in Japanese beside the note, and writes nothing', async () => {
    const view = await pressButton(ACTION_IDS.addNote, 'FO-2', PEOPLE.ja);
    const before = await item('FO-2');
    const result = await submit(view, { note: { note: textInput('  ') } }, PEOPLE.ja);
    expect(result.json()).toEqual({ response_action: 'errors', errors: { note: '先にメモを入力してください。' } });
    expect(await item('FO-2')).toEqual(before);
  });

  it('refuses a forged note past its length in Japanese beside the note, and writes nothing', async () => {
    const view = await pressButton(ACTION_IDS.update, 'FO-2', PEOPLE.ja);
    const before = await item('FO-2');
    const result = await submit(view, { status: { status: pickStatus(view, '進行中') }, note: { note: textInput('あ'.repeat(1001)) } }, PEOPLE.ja);
    expect(result.json()).toEqual({ response_action: 'errors', errors: { note: 'メモが 1,001 文字あります。上限は 1,000 文字です。' } });
    expect(await item('FO-2')).toEqual(before);
  });

  it('reads 完了 in a typed update, and 来月末 as a due date', async () => {
    await command('update FO-3 完了', PEOPLE.ja);
    expect((await item('FO-3')).status).toBe('done');
    await command('add forms "Draft the joint statement" due 来月末', PEOPLE.ja);
    const added = (await harness.store().getReportOf(await harness.store().getTrack(TEAM, 'forms'))).commitments.find((c) => c.title === 'Draft the joint statement')!;
    expect(added.kind).toMatchObject({ type: 'one-off', due: '2026-04-30' });
  });
});

describe('the item forms in Korean (ko-KR)', () => {
  it('opens the add form and the update form in Korean', async () => {
    await command('add forms', PEOPLE.ko);
    const add = lastView();
    expect([add.title.text, add.submit.text, add.close.text]).toEqual(['커밋먼트 추가', '추가', '취소']);
    expect(englishLeftIn(shown(add), { people: ['Fisheries &amp; &lt;talks&gt;'], slugs: ['forms'] })).toEqual([]);
    const update = await pressButton(ACTION_IDS.update, 'FO-2', PEOPLE.ko);
    expect(update.title.text).toBe('FO-2 업데이트');
    expect((update.blocks[1]!.element!['options'] as { text: { text: string } }[]).map((o) => o.text.text)).toEqual(['시작 전', '진행 중', '완료', '정체', '중단']);
    for (const view of [add, update, await pressButton(ACTION_IDS.edit, 'FO-2', PEOPLE.ko)]) {
      expect(englishLeftIn(shown(view), { people: ['Fisheries &amp; &lt;talks&gt;', '수산 협의 재개', '外務省'], slugs: ['forms'] })).toEqual([]);
      expectFormWithinSlackLimits(view);
    }
  });

  it('saves 완료 picked in the update form as done', async () => {
    const view = await pressButton(ACTION_IDS.update, 'FO-2', PEOPLE.ko);
    expect((await submit(view, { status: { status: pickStatus(view, '완료') }, note: { note: textInput('') } }, PEOPLE.ko)).body).toBe('');
    expect((await item('FO-2')).status).toBe('done');
  });

  it('keeps the edit form open with an empty title refused in Korean, and writes nothing', async () => {
    const view = await pressButton(ACTION_IDS.edit, 'FO-4', PEOPLE.ko);
    const before = await item('FO-4');
    const result = await submit(view, editFormValues(view, { title: textInput('') }), PEOPLE.ko);
    expect(result.json()).toEqual({ response_action: 'errors', errors: { title: '제목은 비워 둘 수 없습니다.' } });
    expect(await item('FO-4')).toEqual(before);
  });

  it('reads 진행 중 and 진행중 in a typed update, and 다음 달 말 as a new due date', async () => {
    await command('update FO-4 진행 중 "회의 일정 확정"', PEOPLE.ko);
    const moved = await item('FO-4');
    expect(moved.status).toBe('in-progress');
    expect(moved.notes.at(-1)?.text).toBe('회의 일정 확정');
    await command('update FO-4 정체', PEOPLE.ko);
    await command('update FO-4 진행중', PEOPLE.ko);
    expect((await item('FO-4')).status).toBe('in-progress');
    await command('edit FO-4 due 다음 달 말 "선거 이후로 연기"', PEOPLE.ko);
    expect((await item('FO-4')).kind).toMatchObject({ type: 'one-off', due: '2026-04-30' });
  });
});

describe('the item forms in English (en-US)', () => {
  it('are unchanged', async () => {
    await command('add forms', PEOPLE.en);
    const add = lastView();
    expect([add.title.text, add.submit.text, add.close.text]).toEqual(['Add a commitment', 'Add', 'Cancel']);
    expect(shown(add)).toContain('Ongoing (update every 30 days)');
    const update = await pressButton(ACTION_IDS.update, 'FO-3', PEOPLE.en);
    expect(update.title.text).toBe('Update FO-3');
    expect((update.blocks[1]!.element!['options'] as { text: { text: string } }[]).map((o) => o.text.text)).toEqual(['Not started', 'In progress', 'Done', 'Stalled', 'Dropped']);
    const note = await pressButton(ACTION_IDS.addNote, 'FO-3', PEOPLE.en);
    expect((await submit(note, { note: { note: textInput('') } }, PEOPLE.en)).json()).toEqual({ response_action: 'errors', errors: { note: 'Write the note first.' } });
  });
});

describe('every item form', () => {
  it('has titles within Slack’s 24 characters in each language, for the longest id', async () => {
    for (const t of [EN, await translatorFor('ja'), await translatorFor('ko')]) {
      for (const key of ['form.updateTitle', 'form.noteTitle', 'form.doneTitle', 'form.editTitle'] as const) expect(t.t(key, { id: 'ABCDEF-999999' }).length, `${t.locale} ${key}`).toBeLessThanOrEqual(24);
      expect(t.t('form.addTitle').length).toBeLessThanOrEqual(24);
    }
  });

  it('leaves no English outside people’s text in the pseudo-locale (every word through the catalog)', async () => {
    const pseudo = pseudoTranslator();
    const fo4 = await item('FO-4');
    const recurring: Commitment = { ...fo4, kind: { type: 'recurring', occurrences: [{ date: '2026-03-01', place: 'Seoul' }, { date: '2026-03-10' }] } };
    const views = [...itemForms(fo4, pseudo), editModal(recurring, {}, pseudo), addCommitmentModal({ choices: [{ slug: 'forms', title: TRACK_TITLE }] }, {}, {}, pseudo)];
    for (const view of views) {
      expect(englishLeftIn(shown(view), { people: [fo4.title, 'Fisheries &amp; &lt;talks&gt;', TRACK_TITLE, '外務省', 'Seoul'], slugs: ['forms'] }), view.callback_id).toEqual([]);
    }
  });
});
