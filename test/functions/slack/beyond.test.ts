import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedBusan } from '#shared/use-cases/seed';
import { ACTION_IDS, SHORTCUT_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { IMPORT_INPUTS } from '#shared/slack/render/import';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { commandEvent, eventCallback, interactionEvent, messageShortcut } from '#local/slack-request';
import { expectWithinSlackLimits } from '../../support/slack-limits.ts';

const NEWS = { channelId: 'C0NEWS', channelName: 'news' };
const NOW = new Date('2026-03-25T01:00:00Z');
const TEAM = 'T0BEYOND';
const harness = useSlackHandler();

const READOUT = `Foreign Ministers of Japan and the Republic of Korea met in Tokyo on 12 March 2026.

The two ministers agreed to hold the next vice-ministerial strategic dialogue by the end of June. They discussed the situation in the Middle East.

Both sides will continue close coordination on North Korea. The ministers did not agree on fisheries.`;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await seedBusan(harness.store(), TEAM, new Date('2026-03-01T00:00:00Z'));
});
afterAll(() => vi.useRealTimers());

async function command(text: string, userId = 'U0ALICE') {
  const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, responseUrl: harness.slack.responseUrl('cmd'), triggerId: `t-${text}` }));
  expect(result.statusCode).toBe(200);
  return (result.body ? result.json() : {}) as { text?: string; response_type?: string };
}

function lastView() {
  return harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; private_metadata: string; blocks: Record<string, unknown>[] };
}

let submissions = 0;

/** A view submission; each has its own view hash, as Slack's do, so none looks like a replay. */
function submit(callbackId: string, privateMetadata: string, values: Record<string, unknown>, userId = 'U0ALICE') {
  submissions += 1;
  return harness.send(
    interactionEvent({
      type: 'view_submission',
      team: { id: TEAM, domain: 'test' },
      user: { id: userId, team_id: TEAM },
      api_app_id: 'A0COMMIT',
      trigger_id: 'trigger-view',
      view: { id: 'V0FAKE', type: 'modal', callback_id: callbackId, private_metadata: privateMetadata, state: { values }, hash: `h${submissions}` },
    }),
  );
}


const readoutValues = (text = READOUT) => ({
  [IMPORT_INPUTS.meeting]: { [IMPORT_INPUTS.meeting]: { type: 'plain_text_input', value: 'Japan–Korea foreign ministers’ meeting' } },
  [IMPORT_INPUTS.date]: { [IMPORT_INPUTS.date]: { type: 'datepicker', selected_date: '2026-03-12' } },
  [IMPORT_INPUTS.link]: { [IMPORT_INPUTS.link]: { type: 'url_text_input', value: 'https://example.org/readout' } },
  [IMPORT_INPUTS.text]: { [IMPORT_INPUTS.text]: { type: 'plain_text_input', value: text } },
});

describe('message shortcut "Track as commitment"', () => {
  it('opens the add form prefilled from the message and saves it with the message’s permalink as its source', async () => {
    const result = await harness.send(interactionEvent(messageShortcut(TEAM, SHORTCUT_IDS.trackAsCommitment, 'Agree a joint AI safety testing plan\nDetails to follow', harness.slack.responseUrl('shortcut'), NEWS)));
    expect(result.statusCode).toBe(200);
    const view = lastView();
    expect(view.callback_id).toBe(VIEW_IDS.addCommitment);
    expect(JSON.stringify(view.blocks)).toContain('Agree a joint AI safety testing plan');
    const saved = await submit(VIEW_IDS.addCommitment, view.private_metadata, {
      track: { track: { type: 'static_select', selected_option: { value: 'japan-korea' } } },
      title: { title: { type: 'plain_text_input', value: 'Agree a joint AI safety testing plan' } },
      kind: { kind: { type: 'static_select', selected_option: { value: 'one-off' } } },
    });
    expect(saved.body).toBe('');
    const item = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.find((c) => c.title === 'Agree a joint AI safety testing plan');
    expect(item?.source).toEqual({ meeting: 'Slack message', date: '2026-03-12', link: 'https://test.slack.com/archives/C0NEWS/p1773277200000100' });
  });
});

describe('readout import', () => {
  it('proposes the follow-ups, saves only the ticked ones with edited titles and their provenance', async () => {
    await command('import japan-korea');
    const first = lastView();
    expect(first.callback_id).toBe(VIEW_IDS.importText);
    const proposed = await submit(VIEW_IDS.importText, first.private_metadata, readoutValues());
    const update = proposed.json() as { response_action: string; view: { callback_id: string; private_metadata: string; blocks: Record<string, unknown>[] } };
    expect(update.response_action).toBe('update');
    expect(update.view.callback_id).toBe(VIEW_IDS.importPick);
    expect(update.view.blocks.length).toBeLessThanOrEqual(100);
    const shown = JSON.stringify(update.view.blocks);
    expect(shown).toContain('Hold the next vice-ministerial strategic dialogue');
    expect(shown).toContain('Continue close coordination on North Korea');
    expect(shown).not.toMatch(/fisheries”/);

    const before = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.length;
    const saved = await submit(VIEW_IDS.importPick, update.view.private_metadata, {
      [IMPORT_INPUTS.title(0)]: { [IMPORT_INPUTS.title(0)]: { type: 'plain_text_input', value: 'Hold the vice-ministerial strategic dialogue' } },
      [IMPORT_INPUTS.title(1)]: { [IMPORT_INPUTS.title(1)]: { type: 'plain_text_input', value: 'Coordinate on North Korea' } },
      [`${IMPORT_INPUTS.pick}_0`]: { [IMPORT_INPUTS.pick]: { type: 'checkboxes', selected_options: [{ value: '0' }] } },
    });
    expect(saved.body).toBe('');
    const after = (await harness.store().getReport(TEAM, 'japan-korea')).commitments;
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      title: 'Hold the vice-ministerial strategic dialogue',
      kind: { type: 'one-off', due: '2026-06-30' },
      source: { meeting: 'Japan–Korea foreign ministers’ meeting', date: '2026-03-12', link: 'https://example.org/readout', point: 'Paragraph 2' },
      detail: expect.stringContaining('agreed to hold the next vice-ministerial strategic dialogue'),
    });

    const again = await submit(VIEW_IDS.importPick, update.view.private_metadata, {
      [`${IMPORT_INPUTS.pick}_0`]: { [IMPORT_INPUTS.pick]: { type: 'checkboxes', selected_options: [{ value: '0' }] } },
    });
    expect(JSON.stringify(again.json())).toMatch(/already saved or has expired/);
    expect((await harness.store().getReport(TEAM, 'japan-korea')).commitments).toHaveLength(before + 1);
  });

  it('keeps the form open, saving nothing, when the text has no follow-ups or nothing is ticked', async () => {
    const before = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.length;
    await command('import japan-korea');
    const first = lastView();
    const nothing = await submit(VIEW_IDS.importText, first.private_metadata, readoutValues('The ministers discussed the weather. They exchanged views on sport.'));
    expect(nothing.json()).toMatchObject({ response_action: 'errors', errors: { [IMPORT_INPUTS.text]: expect.stringMatching(/No agreed follow-ups/) } });
    const proposed = (await submit(VIEW_IDS.importText, first.private_metadata, readoutValues())).json() as { view: { private_metadata: string } };
    const none = await submit(VIEW_IDS.importPick, proposed.view.private_metadata, {});
    expect(none.json()).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(none.json())).toMatch(/Tick at least one/);
    expect((await harness.store().getReport(TEAM, 'japan-korea')).commitments).toHaveLength(before);
  });

  it('saves nothing when the import is cancelled', async () => {
    const before = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.length;
    await command('import japan-korea');
    await submit(VIEW_IDS.importText, lastView().private_metadata, readoutValues());
    // Cancelling a modal sends nothing unless notify_on_close is set; the draft simply expires.
    expect((await harness.store().getReport(TEAM, 'japan-korea')).commitments).toHaveLength(before);
  });

  it('opens the import form from the "Import readout" message shortcut with the message as text', async () => {
    await harness.send(interactionEvent(messageShortcut(TEAM, SHORTCUT_IDS.importReadout, READOUT, harness.slack.responseUrl('shortcut'), NEWS)));
    const view = lastView();
    expect(view.callback_id).toBe(VIEW_IDS.importText);
    expect(JSON.stringify(view.blocks)).toContain('vice-ministerial strategic dialogue');
    expect(JSON.stringify(view.blocks)).toContain('https://test.slack.com/archives/C0NEWS/p1773277200000100');
  });

  it('spreads a message longer than one box over the form’s three and finds the follow-ups at its end', async () => {
    const filler = 'The ministers recalled the history of their relations and exchanged views on the region. '.repeat(30);
    const long = `${filler}\n\n${filler}\n\n${filler}\n\nThe two ministers agreed to launch a joint fisheries survey by June 2026.`;
    await harness.send(interactionEvent(messageShortcut(TEAM, SHORTCUT_IDS.importReadout, long, harness.slack.responseUrl('shortcut'), NEWS)));
    const view = lastView();
    const boxes = (view.blocks as { block_id: string; element?: { multiline?: boolean; initial_value?: string } }[]).filter((b) => b.element?.multiline);
    expect(boxes.map((b) => b.block_id)).toEqual([IMPORT_INPUTS.text, IMPORT_INPUTS.textPart(2), IMPORT_INPUTS.textPart(3)]);
    const filled = boxes.map((b) => b.element?.initial_value ?? '');
    for (const part of filled) expect(part.length).toBeLessThanOrEqual(3000);
    expect(filled.at(-1)).toContain('joint fisheries survey');
    expect(JSON.stringify(view.blocks)).not.toContain('left out');

    const values = Object.fromEntries(boxes.map((b, i) => [b.block_id, { [b.block_id]: { type: 'plain_text_input', value: filled[i] } }]));
    const track = { [IMPORT_INPUTS.track]: { [IMPORT_INPUTS.track]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'japan-korea' }, value: 'japan-korea' } } } };
    const proposed = await submit(VIEW_IDS.importText, view.private_metadata, { ...readoutValues(filled[0]), ...values, ...track });
    expect(JSON.stringify(proposed.json())).toContain('Launch a joint fisheries survey');
  });
});

describe('per-party compliance', () => {
  it('records an assessment, shows it on the item and each party’s average in the report', async () => {
    expect((await command('assess JK-4 JP +1 "committee date announced"')).text).toContain('Assessed JP on JK-4: +1 full');
    expect((await command('assess JK-4 KR 0')).text).toContain('Assessed KR on JK-4: 0 partial');
    expect((await command('assess JK-2 JP -1')).text).toContain('Assessed JP on JK-2: −1 not complying');
    const report = await command('japan-korea');
    // Issue 15: each average says the day of its latest score and its coverage in items.
    expect(report.text).toMatch(/Compliance: Japan 0\.00 as of Wed 25 Mar 2026 \(2 of \d+ items assessed\)/);
    expect(report.text).toMatch(/South Korea 0\.00 as of Wed 25 Mar 2026 \(1 of \d+ items assessed\)/);
    const history = await harness.store().getHistory(TEAM, 'JK-4');
    expect(history.at(-1)?.change).toMatchObject({ type: 'assessment', party: 'KR', to: 0, date: '2026-03-25' });
  });

  it.each([
    ['assess JK-4 US +1', /US is not a party to JK-4/],
    ['assess JK-4 JP 2', /not a score/],
    ['assess JK-4', /party code/],
    ['assess JK-99 JP +1', /no JK-99/i],
  ])('answers "%s" with what was wrong and writes nothing', async (text, expected) => {
    const before = await harness.store().getHistory(TEAM, 'JK-4');
    expect((await command(text)).text).toMatch(expected);
    expect(await harness.store().getHistory(TEAM, 'JK-4')).toEqual(before);
  });
});

describe('App Home', () => {
  it('draws tracks, overdue items, the user’s own items and digests within 100 blocks when opened', async () => {
    await command('add japan-korea "Mine to chase" due 2026-03-01 owner <@U0HOME|home>');
    const result = await harness.send(eventCallback(TEAM, { type: 'app_home_opened', user: 'U0HOME', channel: 'D0HOME', tab: 'home', event_ts: '1.1' }));
    expect(result.statusCode).toBe(200);
    const publish = harness.slack.callsTo('views.publish').at(-1)!;
    expect(publish.args['user_id']).toBe('U0HOME');
    const view = publish.args['view'] as { type: string; blocks: Record<string, unknown>[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expectWithinSlackLimits({ text: 'home', blocks: view.blocks }, 100);
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain('japan-korea');
    expect(shown).toMatch(/Overdue\* \(1\)/);
    expect(shown).toMatch(/Yours\* \(1\)/);
    expect(shown).toContain('Mine to chase');
    expect(shown).toContain(ACTION_IDS.markDone);
  });

  it('is redrawn for the user after a change they make', async () => {
    const before = harness.slack.callsTo('views.publish').length;
    await command('note JK-3 "Hotline test held"', 'U0CAROL');
    const after = harness.slack.callsTo('views.publish');
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)!.args['user_id']).toBe('U0CAROL');
  });
});

describe('briefing export', () => {
  it('sends a Markdown briefing and a CSV with compliance columns in a direct message', async () => {
    const reply = await command('japan-korea export', 'U0DAVE');
    expect(reply.text).toMatch(/japan-korea-briefing-2026-03-25\.md and \.csv/);
    const files = harness.slack.uploadedFiles();
    const markdown = files.find((f) => f.filename === 'japan-korea-briefing-2026-03-25.md')!;
    const csv = files.find((f) => f.filename === 'japan-korea-briefing-2026-03-25.csv')!;
    expect(markdown.content).toContain('Convene the Japan–Korea science and technology cooperation committee');
    expect(markdown.content).toMatch(/Compliance, Japan/);
    const header = csv.content.replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header).toContain('compliance_JP');
    expect(header).toContain('compliance_KR');
    expect(harness.slack.callsTo('conversations.open').at(-1)!.args['users']).toBe('U0DAVE');
  });

  it('answers an export of an unknown track with a did-you-mean and sends nothing', async () => {
    const before = harness.slack.uploadedFiles().length;
    expect((await command('japan-kroea export')).text).toContain('Did you mean japan-korea?');
    expect(harness.slack.uploadedFiles()).toHaveLength(before);
  });
});
