import { describe, expect, it } from 'vitest';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { blockAction, interactionEvent, viewSubmission } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { commandSender, editFormValues, tableItems as tableItemsOf, textInput, ticked } from '../../support/slack-commands.ts';

const NOW = new Date('2026-03-25T01:00:00Z'); // Wed 25 Mar, 10:00 in Tokyo
const harness = useSlackHandler();
const TEAM = 'T0EDITFORM';

useBusanAt(harness, TEAM, NOW);

let sent = 0;
const command = commandSender(harness, TEAM);
const tableItems = () => tableItemsOf(harness);

type Block = { block_id: string; element?: Record<string, unknown> };

/** Presses Edit on the item (a press of its own, so not a replay) and returns the form Slack was asked to open. */
async function openEditForm(id: string, blocks: unknown[] = []) {
  sent += 1;
  const opened = harness.slack.callsTo('views.open').length;
  await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.edit, id, harness.slack.responseUrl(`edit${sent}`), blocks)));
  expect(harness.slack.callsTo('views.open')).toHaveLength(opened + 1);
  const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; private_metadata: string; blocks: Block[] };
  expect(view.callback_id).toBe(VIEW_IDS.edit);
  return { ...view, echo: `response_url:edit${sent}` };
}


/** The form's values as Slack sends them back: what it was prefilled with, overridden by `change`. */

function submitEdit(view: { private_metadata: string }, values: Record<string, unknown>) {
  return harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.edit, view.private_metadata, values)));
}

const history = async (id: string) => (await harness.store().getHistory(TEAM, id)).map((h) => h.change);

function optionsOf(view: { blocks: Block[] }, id: string): { text: { text: string }; value: string }[] {
  return (view.blocks.find((b) => b.block_id === id)?.element?.['options'] as { text: { text: string }; value: string }[] | undefined) ?? [];
}

describe('archive from the Edit form', () => {
  it('archives the item with the form’s reason as one version and redraws the message', async () => {
    const shown = await command('show JK-3');
    const view = await openEditForm('JK-3', shown.blocks);
    expect(optionsOf(view, 'archive').map((o) => o.text.text)).toEqual(['Archive this item']);
    const version = (await harness.store().getCommitment(TEAM, 'JK-3')).version;

    const result = await submitEdit(view, editFormValues(view, { archive: ticked('archive'), reason: textInput('superseded by JK-9') }));
    expect(result.body).toBe('');
    const item = await harness.store().getCommitment(TEAM, 'JK-3');
    expect(item.archived).toMatchObject({ by: 'U0ALICE', reason: 'superseded by JK-9' });
    expect(item.version).toBe(version + 1);
    expect((await history('JK-3')).at(-1)).toEqual({ type: 'archive', reason: 'superseded by JK-9' });
    const redraw = harness.slack.callsTo(view.echo).at(-1)!.args as { replace_original: boolean; text: string };
    expect(redraw.replace_original).toBe(true);
    expect(redraw.text).toMatch(/Archived .* superseded by JK-9/);
    await command('unarchive JK-3');
  });

  it('refuses archive beside other changes, beside the checkbox, and writes nothing', async () => {
    const view = await openEditForm('JK-3');
    const before = await tableItems();
    const result = await submitEdit(view, editFormValues(view, { archive: ticked('archive'), title: textInput('A new title') }));
    expect(result.json()).toEqual({ response_action: 'errors', errors: { archive: 'Archive on its own, or save the edits first.' } });
    expect(await tableItems()).toBe(before);
  });

  it('refuses a form whose item changed since it opened, beside the reason, and writes nothing', async () => {
    const view = await openEditForm('JK-3');
    await command('note JK-3 "someone else got there first"');
    const before = await tableItems();
    const result = await submitEdit(view, editFormValues(view, { archive: ticked('archive') }));
    expect(result.json()).toMatchObject({ response_action: 'errors', errors: { reason: expect.stringMatching(/JK-3 was changed by someone else since this form opened/) } });
    expect(await tableItems()).toBe(before);
  });
});

describe('remove occurrences from the Edit form', () => {
  it('lists a recurring item’s occurrences and removes the ticked ones, each in history, with the other edits', async () => {
    await command('log JK-1 2026-01-13 at Nara "Lee visits Nara"');
    await command('log JK-1 2026-02-20 at Seoul');
    const view = await openEditForm('JK-1');
    const options = optionsOf(view, 'unlog');
    expect(options.map((o) => o.text.text)).toEqual(['Tue 30 Sep 2025 — Busan', 'Tue 13 Jan 2026 — Nara', 'Fri 20 Feb 2026 — Seoul']);
    const version = (await harness.store().getCommitment(TEAM, 'JK-1')).version;

    const nara = options.find((o) => o.text.text.includes('Nara'))!.value;
    const seoul = options.find((o) => o.text.text.includes('Seoul'))!.value;
    const result = await submitEdit(view, editFormValues(view, { unlog: ticked(nara, seoul), title: textInput('Reciprocal leader visits') }));
    expect(result.body).toBe('');
    const item = await harness.store().getCommitment(TEAM, 'JK-1');
    expect(item.kind.type === 'recurring' && item.kind.occurrences.map((o) => o.date)).toEqual(['2025-09-30']);
    expect(item.title).toBe('Reciprocal leader visits');
    expect(item.version).toBe(version + 3);
    expect((await history('JK-1')).slice(-3)).toEqual([
      { type: 'unlog', occurrence: { date: '2026-01-13', place: 'Nara', text: 'Lee visits Nara' } },
      { type: 'unlog', occurrence: { date: '2026-02-20', place: 'Seoul' } },
      expect.objectContaining({ type: 'field', field: 'title', to: 'Reciprocal leader visits' }),
    ]);
    const echo = JSON.stringify(harness.slack.callsTo(view.echo).at(-1)!.args);
    expect(echo).toContain('Removed the occurrence of Tue 13 Jan 2026');
    expect(echo).toContain('Removed the occurrence of Fri 20 Feb 2026');
  });

  it('refuses a stale form and an occurrence it never listed, and writes nothing', async () => {
    await command('log JK-1 2026-03-01 at Tokyo');
    const view = await openEditForm('JK-1');
    let before = await tableItems();
    const forged = await submitEdit(view, editFormValues(view, { unlog: ticked('7') }));
    expect(forged.json()).toMatchObject({ response_action: 'errors', errors: { unlog: expect.stringMatching(/JK-1 has no such occurrence/) } });
    const junk = await submitEdit(view, editFormValues(view, { unlog: ticked('x') }));
    expect(junk.json()).toMatchObject({ response_action: 'errors', errors: { unlog: expect.stringMatching(/not one this form listed/) } });
    expect(await tableItems()).toBe(before);

    await command('log JK-1 2026-03-02 at Osaka');
    before = await tableItems();
    const stale = await submitEdit(view, editFormValues(view, { unlog: ticked('0') }));
    expect(stale.json()).toMatchObject({ response_action: 'errors', errors: { reason: expect.stringMatching(/changed by someone else since this form opened/) } });
    expect(await tableItems()).toBe(before);
  });

  it('offers no occurrence list on a one-off item', async () => {
    expect((await openEditForm('JK-4')).blocks.map((b) => b.block_id)).not.toContain('unlog');
  });
});

describe('the Unarchive button of an archived item', () => {
  it('unarchives the item shown by `show`, then redraws the message with the item’s buttons', async () => {
    await command('archive JK-5 "on hold"');
    const shown = await command('show JK-5');
    const buttons = shown.blocks.filter((b) => b['type'] === 'actions').flatMap((b) => b['elements'] as { action_id: string; value: string }[]);
    const version = (await harness.store().getCommitment(TEAM, 'JK-5')).version;
    expect(buttons).toEqual([expect.objectContaining({ action_id: ACTION_IDS.unarchive, value: `JK-5@${version}` })]);

    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.unarchive, `JK-5@${version}`, harness.slack.responseUrl('unarchive'), shown.blocks)));
    const item = await harness.store().getCommitment(TEAM, 'JK-5');
    expect(item.archived).toBeUndefined();
    expect((await history('JK-5')).at(-1)).toEqual({ type: 'unarchive' });
    const redraw = harness.slack.callsTo('response_url:unarchive').at(-1)!.args as { replace_original: boolean; text: string; blocks: unknown[] };
    expect(redraw.replace_original).toBe(true);
    expect(redraw.text).toContain('JK-5');
    expect(JSON.stringify(redraw.blocks)).toContain(ACTION_IDS.markDone);
    expect(JSON.stringify(redraw.blocks)).not.toContain(ACTION_IDS.unarchive);
  });

  it('refuses a button drawn before the item changed, and one pressed on a live item, writing nothing', async () => {
    await command('archive JK-5 "on hold again"');
    const shown = await command('show JK-5');
    const value = (shown.blocks.find((b) => b['type'] === 'actions')!['elements'] as { value: string }[])[0]!.value;
    await command('unarchive JK-5');
    await command('archive JK-5 "on hold a third time"');
    let before = await tableItems();
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.unarchive, value, harness.slack.responseUrl('stale-unarchive'), shown.blocks)));
    expect(JSON.stringify(harness.slack.callsTo('response_url:stale-unarchive').at(-1)?.args)).toContain('JK-5 was changed by someone else');
    expect(await tableItems()).toBe(before);

    await command('unarchive JK-5');
    before = await tableItems();
    const version = (await harness.store().getCommitment(TEAM, 'JK-5')).version;
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.unarchive, `JK-5@${version}`, harness.slack.responseUrl('live-unarchive'), shown.blocks)));
    expect(JSON.stringify(harness.slack.callsTo('response_url:live-unarchive').at(-1)?.args)).toContain('JK-5 is not archived');
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.unarchive, 'JK-5', harness.slack.responseUrl('forged-unarchive'), shown.blocks)));
    expect(JSON.stringify(harness.slack.callsTo('response_url:forged-unarchive').at(-1)?.args)).toContain('not one this app drew');
    expect(await tableItems()).toBe(before);
  });
});
