import { beforeAll, describe, expect, it } from 'vitest';
import { interactionEvent, messageShortcut, viewSubmission } from '#local/slack-request';
import { localContext } from '#local/http-adapter';
import { afterAnswerEvent } from '#shared/domain/after-answer';
import type { Report } from '#shared/domain/report';
import type { HistoryEntry } from '#shared/domain/schemas';
import { escapeInline, renderBriefingCsv, renderBriefingMarkdown } from '#shared/export/briefing';
import { EN } from '#shared/i18n/translator';
import { SHORTCUT_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { checkInsChangedText, renderCheckInSettings } from '#shared/slack/render/check-in-settings';
import { IMPORT_INPUTS, importPickModal, importTextModal } from '#shared/slack/render/import';
import { renderPreferences } from '#shared/slack/render/preferences';
import { englishLeftIn, pseudoTranslator } from '../../support/pseudo-locale.ts';
import { textInput } from '../../support/slack-commands.ts';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { COMMAND_WORDS, shown, slashCommand, speakers } from '../../support/languages.ts';

/**
 * Issue 26: the export's briefing and CSV headers, the import forms and their answers, `me` and a
 * track's check-ins settings speak the language of the person who asked; people's text stays as written.
 */
const TEAM = 'T0LANGX';
const NOW = new Date('2026-03-25T01:00:00Z');
const PEOPLE = { ja: 'U0HANAKO', ko: 'U0MINJUN', en: 'U0ALICE' } as const;

const harness = useSlackHandler();
useBusanAt(harness, TEAM, NOW);

const command = slashCommand(harness, TEAM, 'x');

async function submit(userId: string, callbackId: string, metadata: object, values: Record<string, unknown>) {
  const result = await harness.send(interactionEvent(viewSubmission(TEAM, callbackId, JSON.stringify(metadata), values, userId)));
  expect(result.statusCode).toBe(200);
  return (result.body ? result.json() : {}) as { response_action?: string; errors?: Record<string, string>; view?: View };
}

type View = { title: { text: string }; submit?: { text: string }; close?: { text: string }; private_metadata: string; blocks: { type: string; block_id?: string; element?: { type: string; initial_options?: unknown[] } }[] };

/** The two files the last export uploaded, as the stand-in Slack received them. */
function uploaded(before: number) {
  const files = harness.slack.uploadedFiles().slice(before);
  expect(files.map((f) => f.filename)).toEqual(['japan-korea-briefing-2026-03-25.md', 'japan-korea-briefing-2026-03-25.csv']);
  return { markdown: files[0]!, csv: files[1]!, headers: files[1]!.content.replace(/^\uFEFF/, '').split('\r\n')[0]! };
}

let report: Report;
let history: HistoryEntry[];
/** People's text of the Busan track as stored, and as the Markdown escapes it: shown as written in any language. */
let peoplesText: string[] = [];

beforeAll(async () => {
  speakers(harness, TEAM, PEOPLE);
  const store = harness.store();
  report = await store.getReportOf(await store.getTrack(TEAM, 'japan-korea'));
  history = await store.getAssessments(TEAM, 'japan-korea');
  const { track, commitments } = report;
  const texts = [
    track.title,
    ...track.parties.flatMap((p) => [p.name, p.code]),
    ...track.meetings.flatMap((m) => [m.name, m.place ?? '']),
    ...commitments.flatMap((c) => [
      c.title,
      c.detail ?? '',
      c.source.meeting,
      c.source.place ?? '',
      c.source.point ?? '',
      ...c.notes.map((n) => n.text),
      ...c.owners.map((o) => o.label),
      ...Object.values(c.compliance).map((a) => a?.note ?? ''),
      ...(c.kind.type === 'recurring' ? c.kind.occurrences.map((o) => o.place ?? '') : []),
    ]),
  ].filter(Boolean);
  peoplesText = [...texts, ...texts.map((text) => escapeInline(text.replace(/\s+/g, ' ').trim()))];
});

describe('export', () => {
  it('sends a Japanese person a Japanese briefing and Japanese CSV headers, with 年月日 dates and people’s text as written', async () => {
    const before = harness.slack.uploadedFiles().length;
    const answer = await command('japan-korea export', PEOPLE.ja);
    expect(answer.text).toBe('japan-korea-briefing-2026-03-25.md と .csv をダイレクトメッセージでお送りします。');
    const { markdown, csv, headers } = uploaded(before);
    expect(markdown.title).toBe(`${report.track.title}: ブリーフィング(Markdown)`);
    expect(markdown.initialComment).toBe('*japan-korea* のブリーフィングです(2026年3月25日(水) 時点、Asia/Tokyo)。');
    const md = markdown.content;
    expect(md).toContain('- **トラック:** japan-korea');
    expect(md).toContain('- **時点:** 2026年3月25日(水) 10:00(Asia/Tokyo)');
    expect(md).toContain('## 概要');
    expect(md).toMatch(/^- コミットメント \d+件: /m);
    expect(md).toMatch(/^## (停滞|進行中|未着手)\(\d+件\)$/m);
    expect(md).not.toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d/);
    for (const item of report.commitments.filter((c) => !c.archived)) expect(md).toContain(`### ${item.id}: `);
    expect(englishLeftIn(md, { people: peoplesText, slugs: ['japan-korea'] })).toEqual([]);
    expect(headers.split(',').slice(0, 4)).toEqual(['ID', '件名', 'ステータス', '期限超過日数']);
    expect(headers).toContain('履行状況_JP');
    expect(englishLeftIn(headers, { people: peoplesText })).toEqual([]);
    expect(csv.content.startsWith('\uFEFF')).toBe(true);
    const shared = await command('japan-korea export share', PEOPLE.ja);
    expect(shared.text.split('\n')[0]).toBe('エクスポートは共有できません。ブリーフィングのファイルはダイレクトメッセージでご本人にのみお送りします。チャンネルにレポートを表示するには /commitments japan-korea share を使ってください。');
  });

  it('tells a Japanese person in Japanese, and sends nothing, when the track is gone by the time the export job runs, in the words the command uses', async () => {
    const before = harness.slack.uploadedFiles().length;
    const job = { kind: 'export' as const, team: { id: TEAM, enterpriseInstall: false }, userId: PEOPLE.ja, channelId: 'C0GENERAL', track: 'no-such-track', askedAt: NOW.toISOString(), responseUrl: harness.slack.responseUrl('gone-ja'), locale: 'ja' as const };
    await harness.handler()(afterAnswerEvent(job), localContext());
    expect(harness.slack.uploadedFiles()).toHaveLength(before);
    expect(harness.slack.callsTo('response_url:gone-ja').at(-1)!.args['text']).toMatch(/^「no-such-track」というトラックはありません。/);
  });

  it('sends a Korean person a Korean briefing and Korean CSV headers, with 년 월 일 dates', async () => {
    const before = harness.slack.uploadedFiles().length;
    const answer = await command('export japan-korea', PEOPLE.ko);
    expect(answer.text).toBe('japan-korea-briefing-2026-03-25.md 및 .csv를 다이렉트 메시지로 보내 드립니다.');
    const { markdown, headers } = uploaded(before);
    const md = markdown.content;
    expect(md).toContain('## 요약');
    expect(md).toContain('- **기준 시점:** 2026년 3월 25일 (수) 10:00(Asia/Tokyo)');
    expect(md).toContain('2025년 9월 30일 (화)');
    expect(englishLeftIn(md, { people: peoplesText, slugs: ['japan-korea'] })).toEqual([]);
    expect(headers.split(',').slice(0, 3)).toEqual(['ID', '제목', '상태']);
    expect(englishLeftIn(headers, { people: peoplesText })).toEqual([]);
  });

  it('sends an English person the same briefing and CSV as before', async () => {
    const before = harness.slack.uploadedFiles().length;
    expect((await command('japan-korea export', PEOPLE.en)).text).toBe('Sending you japan-korea-briefing-2026-03-25.md and .csv in a direct message.');
    const { markdown, csv, headers } = uploaded(before);
    expect(markdown.initialComment).toBe('Briefing for *japan-korea* as of Wed 25 Mar 2026 (Asia/Tokyo).');
    expect(markdown.content).toContain('## Summary');
    expect(markdown.content).toContain('- **As of:** Wed 25 Mar 2026, 10:00 (Asia/Tokyo)');
    expect(headers).toMatch(/^id,title,status,overdue_days,due_soon_days,quiet_days,kind,due,cadence,/);
    expect(headers).toContain(',compliance_JP,');
    expect(csv.title).toBe(`${report.track.title}: items (CSV)`);
  });
});

const READOUT = `Foreign Ministers of Japan and the Republic of Korea met in Tokyo on 12 March 2026.

The two ministers agreed to hold the next vice-ministerial strategic dialogue by 30 June 2026.

Japan will host a seminar on maritime safety by the end of September 2026.`;

describe('import', () => {
  it('opens the import form in Japanese and answers each step in Japanese; the readout’s text stays as written', async () => {
    const opened = harness.slack.calls.length;
    await command('import japan-korea', PEOPLE.ja);
    const form = harness.slack.calls.slice(opened).find((call) => call.method === 'views.open')!.args['view'] as View;
    expect(form.title.text).toBe('発表文の取り込み');
    expect(form.submit!.text).toBe('フォローアップを探す');
    expect(form.close!.text).toBe('キャンセル');
    expect(englishLeftIn(shown(form), { people: [report.track.title], slugs: ['japan-korea'] })).toEqual([]);

    const metadata = { track: 'japan-korea', responseUrl: harness.slack.responseUrl('import-ja') };
    const values = (text: string) => ({
      [IMPORT_INPUTS.meeting]: { [IMPORT_INPUTS.meeting]: textInput('外相会談') },
      [IMPORT_INPUTS.date]: { [IMPORT_INPUTS.date]: { type: 'datepicker', selected_date: '2026-03-12' } },
      [IMPORT_INPUTS.text]: { [IMPORT_INPUTS.text]: textInput(text) },
    });
    const nothing = await submit(PEOPLE.ja, VIEW_IDS.importText, metadata, values('会談は和やかな雰囲気で行われた。'));
    expect(nothing.errors).toEqual({ [IMPORT_INPUTS.text]: expect.stringMatching(/^合意したフォローアップが見つかりませんでした。/) });

    const proposed = await submit(PEOPLE.ja, VIEW_IDS.importText, metadata, values(READOUT));
    expect(proposed.response_action).toBe('update');
    const pick = proposed.view!;
    expect(pick.title.text).toBe('フォローアップの確認');
    expect(pick.close!.text).toBe('キャンセル');
    const pickText = shown(pick);
    expect(pickText).toContain('フォローアップの候補が *2* 件見つかりました。');
    expect(pickText).toContain('読み取り: 単発、期限 2026年6月30日(火) · ¶2 · 「The two ministers agreed to hold the next vice-ministerial strategic dialogue by 30 June 2026.」');
    const sentences = READOUT.split('\n\n');
    const titles = pick.blocks.flatMap((b) => (b.block_id?.startsWith('import_title_') ? [(b.element as { initial_value?: string }).initial_value ?? ''] : []));
    expect(englishLeftIn(pickText, { people: [...sentences, ...titles, ...report.track.parties.flatMap((p) => [p.name, p.code])] })).toEqual([]);

    const none = await submit(PEOPLE.ja, VIEW_IDS.importPick, JSON.parse(pick.private_metadata) as object, {});
    expect(Object.values(none.errors ?? {})).toEqual(['保存するフォローアップを1つ以上チェックするか、キャンセルしてください。']);
    const ticked = { [`${IMPORT_INPUTS.pick}_0`]: { [IMPORT_INPUTS.pick]: { type: 'checkboxes', selected_options: [{ value: '0' }] } } };
    const oddKind = await submit(PEOPLE.ja, VIEW_IDS.importPick, JSON.parse(pick.private_metadata) as object, {
      ...ticked,
      [IMPORT_INPUTS.kind(0)]: { [IMPORT_INPUTS.kind(0)]: { type: 'static_select', selected_option: { value: 'weekly' } } },
    });
    expect(oddKind.errors).toEqual({ [IMPORT_INPUTS.kind(0)]: 'フォローアップ 1 の種類を単発、定期、継続から選んでください。' });
    const far = await submit(PEOPLE.ja, VIEW_IDS.importPick, JSON.parse(pick.private_metadata) as object, {
      ...ticked,
      [IMPORT_INPUTS.due(0)]: { [IMPORT_INPUTS.due(0)]: { type: 'datepicker', selected_date: '2040-01-01' } },
    });
    expect(far.errors).toEqual({
      [IMPORT_INPUTS.due(0)]: 'フォローアップ 1: 2040年1月1日(日) は10年より先のため、期限にできません。期限は 2025年3月25日(火)(1年前)から 2036年3月25日(火)(10年後)までの日付にしてください。何も保存していません。',
    });
    const saved = await submit(PEOPLE.ja, VIEW_IDS.importPick, JSON.parse(pick.private_metadata) as object, ticked);
    expect(saved).toEqual({});
    const echoed = harness.slack.callsTo('response_url:import-ja').at(-1)!.args;
    expect(echoed['text']).toMatch(/^発表文から JK-\d+ を追加しました。$/);
    // Where the item came from is kept in the importer's language.
    const id = /JK-\d+/.exec(String(echoed['text']))![0];
    const item = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.find((c) => c.id === id)!;
    expect(item.detail).toBe('発表文より:「The two ministers agreed to hold the next vice-ministerial strategic dialogue by 30 June 2026.」');
    expect(item.source?.point).toBe('第 2 段落');
  });

  it('opens the import form in Korean', async () => {
    const opened = harness.slack.calls.length;
    await command('import japan-korea', PEOPLE.ko);
    const form = harness.slack.calls.slice(opened).find((call) => call.method === 'views.open')!.args['view'] as View;
    expect([form.title.text, form.submit!.text, form.close!.text]).toEqual(['발표문 가져오기', '후속 조치 찾기', '취소']);
    expect(englishLeftIn(shown(form), { people: [report.track.title], slugs: ['japan-korea'] })).toEqual([]);
  });

  it('opens the import form from a message in Korean, and refuses a message too long in each person’s language', async () => {
    const opened = harness.slack.calls.length;
    await harness.send(interactionEvent(messageShortcut(TEAM, SHORTCUT_IDS.importReadout, READOUT, harness.slack.responseUrl('sc-ko'), { userId: PEOPLE.ko })));
    const form = harness.slack.calls.slice(opened).find((call) => call.method === 'views.open')!.args['view'] as View;
    expect([form.title.text, form.close!.text]).toEqual(['발표문 가져오기', '취소']);
    expect(shown(form)).toContain('트랙');
    const long = 'x'.repeat(40_001);
    await harness.send(interactionEvent(messageShortcut(TEAM, SHORTCUT_IDS.trackAsCommitment, long, harness.slack.responseUrl('sc-ja'), { userId: PEOPLE.ja })));
    expect(harness.slack.callsTo('response_url:sc-ja').at(-1)!.args['text']).toMatch(/^メッセージが 40,001 文字あります。Slack のメッセージは 40,000 文字までです。何も読み取っていません。/);
    await harness.send(interactionEvent(messageShortcut(TEAM, SHORTCUT_IDS.importReadout, long, harness.slack.responseUrl('sc-en'), { userId: PEOPLE.en })));
    expect(harness.slack.callsTo('response_url:sc-en').at(-1)!.args['text']).toMatch(/^The message is 40,001 characters long; a Slack message holds at most 40,000\. Nothing was read\./);
  });

  it('keeps the English import form as it was', async () => {
    const opened = harness.slack.calls.length;
    await command('import japan-korea', PEOPLE.en);
    const form = harness.slack.calls.slice(opened).find((call) => call.method === 'views.open')!.args['view'] as View;
    expect([form.title.text, form.submit!.text, form.close!.text]).toEqual(['Import a readout', 'Find follow-ups', 'Cancel']);
    expect(shown(form)).toContain('Date of the meeting (relative dates in the text are read from it)');
    const proposed = await submit(PEOPLE.en, VIEW_IDS.importText, { track: 'japan-korea' }, {
      [IMPORT_INPUTS.meeting]: { [IMPORT_INPUTS.meeting]: textInput('Foreign ministers’ meeting') },
      [IMPORT_INPUTS.date]: { [IMPORT_INPUTS.date]: { type: 'datepicker', selected_date: '2026-03-12' } },
      [IMPORT_INPUTS.text]: { [IMPORT_INPUTS.text]: textInput(READOUT) },
    });
    expect(shown(proposed.view)).toContain('Found *2* possible follow-ups. Untick what is not one; check each one’s kind, due date and parties.');
    const far = await submit(PEOPLE.en, VIEW_IDS.importPick, JSON.parse(proposed.view!.private_metadata) as object, {
      [`${IMPORT_INPUTS.pick}_0`]: { [IMPORT_INPUTS.pick]: { type: 'checkboxes', selected_options: [{ value: '0' }] } },
      [IMPORT_INPUTS.due(0)]: { [IMPORT_INPUTS.due(0)]: { type: 'datepicker', selected_date: '2040-01-01' } },
    });
    // As before, and cut at Slack's 150 characters for a form's error.
    const english = 'Follow-up 1: Sun 1 Jan 2040 is more than 10 years ahead, so it cannot be a due date; a due date falls between Tue 25 Mar 2025 (a year back) and Tue 25 Mar 2036 (10 years ahead). Nothing was saved.';
    expect(far.errors).toEqual({ [IMPORT_INPUTS.due(0)]: english.slice(0, 150) });
  });
});

describe('me', () => {
  it('shows and changes a Japanese person’s check-ins in Japanese, and refuses in Japanese with 年月日 dates', async () => {
    const shownMe = await command('me', PEOPLE.ja);
    expect(shownMe.text.split('\n')[0]).toMatch(/^ご自身のチェックイン · 平日 \d\d:\d\d\(.+、Slack のタイムゾーン\)$/);
    expect(englishLeftIn(shown(shownMe), { people: ['UTC'], commandWords: COMMAND_WORDS })).toEqual([]);
    expect((await command('me time 08:30', PEOPLE.ja)).text.split('\n')[0]).toBe('今後、チェックインは 08:30 に届きます。');
    const again = await command('me time 08:30', PEOPLE.ja);
    expect(again.text.split('\n')[0]).toBe('チェックインはすでに 08:30 に届く設定です。何も変更していません。');
    const bad = await command('me time 25:00', PEOPLE.ja);
    expect(bad.text.split('\n')[0]).toBe('「25:00」は時刻ではありません。08:30 のように24時間制で指定してください。');
    expect(bad.text.split('\n')[1]).toMatch(/^入力例: \/commitments me/);
    expect((await command('me pause until 2026-01-05', PEOPLE.ja)).text.split('\n')[0]).toBe('2026年1月5日(月) はすでに過ぎています。今日以降の日付まで一時停止してください。');
    const paused = await command('me pause until 2026-04-30', PEOPLE.ja);
    expect(paused.text.split('\n')[0]).toBe('2026年4月30日(木) までチェックインを一時停止しました。');
    expect(shown(paused)).toContain(':double_vertical_bar: 2026年4月30日(木) まで一時停止中(当日を含む)');
  });

  it('answers a Korean person’s me in Korean', async () => {
    expect((await command('me days mon,tue,thu', PEOPLE.ko)).text.split('\n')[0]).toBe('앞으로 체크인은 월, 화, 목에 옵니다.');
    expect((await command('me resume', PEOPLE.ko)).text.split('\n')[0]).toBe('체크인이 일시 중지되거나 중지된 상태가 아닙니다. 아무것도 변경하지 않았습니다.');
    expect((await command('me frobnicate', PEOPLE.ko)).text.split('\n')[0]).toBe('“frobnicate”은(는) me로 설정할 수 있는 것이 아닙니다. `time`, `days`, `pause`, `resume` 중 하나를 쓰십시오.');
  });

  it('answers an English person’s me as before', async () => {
    expect((await command('me time 07:15', PEOPLE.en)).text.split('\n')[0]).toBe('Check-ins now come at 07:15.');
    expect((await command('me', PEOPLE.en)).text).toMatch(/^Your check-ins · weekdays at 07:15 \(.+, your Slack time zone\)$/);
  });
});

describe('check-ins settings', () => {
  it('shows, changes and refuses in Japanese and Korean, and in English as before', async () => {
    const ja = await command('japan-korea check-ins', PEOPLE.ja);
    expect(ja.text).toMatch(/^japan-korea は期限の .+ 日前に担当者に確認し、.+。$/);
    expect(englishLeftIn(shown(ja), { slugs: ['japan-korea'], commandWords: COMMAND_WORDS })).toEqual([]);
    expect((await command('japan-korea check-ins before 14,3', PEOPLE.ja)).text).toBe('japan-korea は今後、期限の 14、3 日前に担当者に確認し、3日たっても回答がなければ知らせます。');
    expect((await command('japan-korea check-ins before 3,14', PEOPLE.ja)).text.split('\n')[0]).toBe('japan-korea はすでに、期限の 14、3 日前に担当者に確認し、3日たっても回答がなければ知らせます。何も変更していません。');
    expect((await command('japan-korea check-ins escalate off', PEOPLE.ko)).text).toBe('이제 japan-korea은(는) 기한 14 및 3일 전에 담당자에게 확인하고, 답변이 없어도 표시하지 않습니다.');
    const bad = await command('japan-korea check-ins before soon', PEOPLE.ko);
    expect(bad.text.split('\n')[0]).toBe('“soon”은(는) 일수가 아닙니다. 1부터 60까지의 정수로 쓰십시오.');
    expect((await command('japan-korea check-ins', PEOPLE.en)).text).toBe('japan-korea asks owners 14 and 3 days before a due date, and never flags an unanswered check-in.');
  });
});

describe('the pseudo-locale', () => {
  const pseudo = pseudoTranslator();

  it('finds no sentence of the briefing, the CSV headers, the import forms, me or check-ins that skips the catalog', () => {
    const md = renderBriefingMarkdown(report, { now: NOW, compliance: true, history, t: pseudo });
    expect(englishLeftIn(md, { people: peoplesText, slugs: ['japan-korea'] })).toEqual([]);
    const csv = renderBriefingCsv(report, { now: NOW, t: pseudo });
    expect(englishLeftIn(csv.split('\r\n')[0]!, { people: peoplesText })).toEqual([]);

    const origin = { channelId: 'C0GENERAL' };
    const longText = 'x '.repeat(5000);
    const textForm = importTextModal(origin, { tracks: [{ slug: 'japan-korea', title: report.track.title }] as never, text: longText, today: '2026-03-25' }, pseudo);
    expect(englishLeftIn(shown(textForm).replaceAll('x', ''), { people: [report.track.title], slugs: ['japan-korea'] })).toEqual([]);
    const proposals = [
      { title: 'Hold a dialogue', kind: { type: 'one-off' as const, due: '2026-06-30' }, due: '2026-06-30', parties: ['JP'], sentence: 'The sides agreed.', paragraph: 2, point: '3' },
      { title: 'Meet yearly', kind: { type: 'recurring' as const, every: { count: 1, unit: 'years' as const }, occurrences: [] }, parties: [], sentence: 'They will meet.', paragraph: 3 },
      { title: 'Keep talking', kind: { type: 'ongoing' as const, updateEveryDays: 30 }, parties: [], sentence: 'They will talk.', paragraph: 4 },
    ];
    const pickForm = importPickModal('d1', origin, proposals, report.track.parties, { found: 30, leftFrom: 9 }, pseudo);
    const proposalText = proposals.flatMap((p) => [p.title, p.sentence]);
    expect(englishLeftIn(shown(pickForm), { people: [...proposalText, ...report.track.parties.flatMap((p) => [p.name, p.code])] })).toEqual([]);

    const prefs = { teamId: TEAM, userId: PEOPLE.ja, time: '09:00', days: [1, 3], pausedUntil: '2026-04-30', stopped: { at: NOW.toISOString(), reason: 'cannot_dm_bot' } };
    for (const change of [{ type: 'time' }, { type: 'days' }, { type: 'pause' }, { type: 'resume' }]) {
      const message = renderPreferences({ prefs, timeZone: 'Asia/Tokyo', change } as never, NOW, pseudo);
      expect(englishLeftIn(shown(message), { commandWords: COMMAND_WORDS })).toEqual([]);
    }
    for (const checkIns of [{ beforeDueDays: [7, 1], escalateAfterDays: 3 }, { beforeDueDays: [], escalateAfterDays: null }, { beforeDueDays: [1], escalateAfterDays: 1 }]) {
      const track = { slug: 'japan-korea', checkIns };
      expect(englishLeftIn(shown(renderCheckInSettings(track, pseudo)), { slugs: ['japan-korea'], commandWords: COMMAND_WORDS })).toEqual([]);
      expect(englishLeftIn(checkInsChangedText(track, pseudo), { slugs: ['japan-korea'] })).toEqual([]);
    }
    // English by default, unchanged.
    expect(renderCheckInSettings({ slug: 'japan-korea', checkIns: { beforeDueDays: [7, 1], escalateAfterDays: 3 } }, EN).text).toBe(
      'japan-korea asks owners 7 and 1 days before a due date, and flags no answer after 3 days.',
    );
  });
});
