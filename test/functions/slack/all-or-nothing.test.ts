import { describe, expect, it } from 'vitest';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { blockAction, interactionEvent, viewSubmission } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { commandSender, editFormValues, textInput, ticked, tableItems as tableItemsOf } from '../../support/slack-commands.ts';

// An item's changes that must write all or nothing: an Edit form refused for one field, a change that
// only looks new, a forged Reopen, and an occurrence logged before the item existed.

const NOW = new Date('2026-03-25T01:00:00Z'); // Wed 25 Mar, 10:00 in Tokyo
const harness = useSlackHandler();
const TEAM = 'T0ALLORNONE';
useBusanAt(harness, TEAM, NOW);
const command = commandSender(harness, TEAM);
const tableItems = () => tableItemsOf(harness);

async function openEditForm(id: string) {
  await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.edit, id, harness.slack.responseUrl(`edit-${id}`))));
  const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; private_metadata: string; blocks: { block_id: string; element?: Record<string, unknown> }[] };
  expect(view.callback_id).toBe(VIEW_IDS.edit);
  return view;
}

describe('the Edit form', () => {
  it('refused for its title, writes nothing: the occurrence ticked beside it stays logged', async () => {
    expect((await command('log JK-1 2026-03-01 at Tokyo')).text).toContain('Logged');
    const view = await openEditForm('JK-1');
    const before = await tableItems();
    // One occurrence ticked for removal, and a title of invisible marks only (empty once stored).
    const result = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.edit, view.private_metadata, editFormValues(view, { unlog: ticked('1'), title: textInput('\u200B') }))));
    expect(result.body).toContain('A title cannot be empty.');
    // The answer says nothing was changed; the table must agree.
    expect(await tableItems() === before, 'the table changed').toBe(true);
    expect((await harness.store().getHistory(TEAM, 'JK-1')).map((h) => h.change.type)).not.toContain('unlog');
  });
});

describe('an edit with nothing new', () => {
  it('answers a title that differs only by invisible marks as unchanged, and writes nothing', async () => {
    const { title } = await harness.store().getCommitment(TEAM, 'JK-4');
    const before = await tableItems();
    const answer = await command(`edit JK-4 title "${title}\u200B"`);
    expect(answer.text).not.toContain('Changed the title');
    expect(await tableItems() === before, 'the table changed').toBe(true);
  });
});

describe('a forged button', () => {
  it('refuses a Reopen press on an item that is not closed (the app draws Reopen only on done or dropped), writing nothing', async () => {
    const item = await harness.store().getCommitment(TEAM, 'JK-4');
    expect(item.status).toBe('not-started');
    const before = await tableItems();
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.reopen, `JK-4@${item.version}`, harness.slack.responseUrl('reopen-open'))));
    expect(await tableItems() === before, 'the table changed').toBe(true);
    expect((await harness.store().getCommitment(TEAM, 'JK-4')).status).toBe('not-started');
  });
});

describe('a recurring item', () => {
  it('refuses to log an occurrence on a day before the item existed (as assess does), writing nothing', async () => {
    const before = await tableItems();
    const answer = await command('log JK-1 1900-01-01');
    expect(answer.text).toMatch(/^JK-1 dates from .*; an occurrence on Mon 1 Jan 1900 came before it\. Nothing was changed\./);
    expect(await tableItems() === before, 'the table changed').toBe(true);
  });
});
