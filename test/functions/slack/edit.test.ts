import { describe, expect, it } from 'vitest';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { editFormValues, textInput } from '../../support/slack-commands.ts';
import { blockAction, commandEvent, interactionEvent, viewSubmission } from '#local/slack-request';
import { expectWithinSlackLimits } from '../../support/slack-limits.ts';

const NOW = new Date('2026-03-25T01:00:00Z'); // 10:00 in Tokyo
const harness = useSlackHandler();
const TEAM = 'T0EDIT';

useBusanAt(harness, TEAM, NOW);

async function command(text: string) {
  const result = await harness.send(commandEvent(text, { teamId: TEAM, responseUrl: harness.slack.responseUrl('cmd') }));
  expect(result.statusCode).toBe(200);
  const body = (result.body ? result.json() : {}) as { text: string; blocks: Record<string, unknown>[] };
  if (result.body) expectWithinSlackLimits(body);
  return body;
}

/** Presses Edit on the item and returns the form Slack was asked to open. */
async function openEditForm(id: string, blocks: unknown[] = []) {
  await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.edit, id, harness.slack.responseUrl('edit'), blocks)));
  const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; private_metadata: string; blocks: { block_id: string; element?: Record<string, unknown> }[] };
  expect(view.callback_id).toBe(VIEW_IDS.edit);
  return view;
}


/** The form's values as Slack sends them back: what it was prefilled with, overridden by `change`. */

function submitEdit(view: { private_metadata: string }, values: Record<string, unknown>) {
  return harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.edit, view.private_metadata, values)));
}

const history = async (id: string) => (await harness.store().getHistory(TEAM, id)).map((h) => h.change);

describe('/commitments edit', () => {
  it('reschedules with a reason, keeps the old date in history, and the report shows the slip count through the command and the form', async () => {
    expect((await command('edit JK-4 due 2026-03-31')).text).toContain('Changed the due date of JK-4');
    const moved = await command('edit JK-4 due 2026-06-30 "postponed to after the election"');
    expect(moved.text).toContain('Moved JK-4 from Tue 31 Mar 2026 to Tue 30 Jun 2026');
    expect(JSON.stringify(moved.blocks)).toContain('moved 1× from 31 Mar');

    const report = await command('japan-korea');
    const view = await openEditForm('JK-4', report.blocks);
    const result = await submitEdit(view, editFormValues(view, { due: { type: 'datepicker', selected_date: '2026-09-30' }, reason: textInput('committee chair not yet named') }));
    expect(result.body).toBe('');

    const item = await harness.store().getCommitment(TEAM, 'JK-4');
    expect(item.kind).toEqual({ type: 'one-off', due: '2026-09-30' });
    expect(item.moved).toEqual({ times: 2, from: '2026-03-31' });
    expect((await history('JK-4')).slice(-3)).toEqual([
      { type: 'field', field: 'due', to: '2026-03-31' },
      { type: 'field', field: 'due', from: '2026-03-31', to: '2026-06-30', note: 'postponed to after the election' },
      { type: 'field', field: 'due', from: '2026-06-30', to: '2026-09-30', note: 'committee chair not yet named' },
    ]);
    expect(JSON.stringify((await command('japan-korea')).blocks)).toContain('moved 2× from 31 Mar');
    expect(JSON.stringify((await command('history JK-4')).blocks)).toContain('moved due from Tue 31 Mar 2026 to Tue 30 Jun 2026: postponed to after the election');
    const redraw = harness.slack.callsTo('response_url:edit').at(-1)!.args as { replace_original: boolean; text: string };
    expect(redraw.replace_original).toBe(true);
  });

  it('reassigns, retitles and changes the parties through the command, each in history', async () => {
    expect((await command('edit JK-2 owner <@U0MARIA|maria>, "Foreign Ministry"')).text).toContain('Changed the owners of JK-2');
    expect((await command('edit JK-2 title "Hold talks on shared social problems" "shorter"')).text).toContain('Changed the title of JK-2');
    expect((await command('edit JK-2 parties jp')).text).toContain('Changed the parties of JK-2');
    const item = await harness.store().getCommitment(TEAM, 'JK-2');
    expect(item).toMatchObject({ title: 'Hold talks on shared social problems', parties: ['JP'], owners: [{ label: 'maria', slackUserId: 'U0MARIA' }, { label: 'Foreign Ministry' }] });
    expect((await history('JK-2')).slice(-3)).toEqual([
      { type: 'field', field: 'owners', from: 'Relevant ministries of both governments', to: '<@U0MARIA|maria>, Foreign Ministry' },
      { type: 'field', field: 'title', from: expect.any(String), to: 'Hold talks on shared social problems', note: 'shorter' },
      { type: 'field', field: 'parties', from: 'JP, KR', to: 'JP' },
    ]);
  });

  it('opens the Edit form with every field prefilled and saves what changed as one version', async () => {
    const shown = await command('show JK-3');
    expect(JSON.stringify(shown.blocks)).toContain(ACTION_IDS.edit);
    const before = await harness.store().getCommitment(TEAM, 'JK-3');
    const view = await openEditForm('JK-3', shown.blocks);
    const prefilled = editFormValues(view);
    expect(prefilled).toMatchObject({ title: { title: { value: before.title } }, parties: { parties: { value: 'JP, KR' } }, owner_names: { owner_names: { value: 'Foreign and defence ministries (JP, KR)' } } });
    expect(prefilled['due']).toBeUndefined(); // JK-3 is ongoing: no due date to offer

    const result = await submitEdit(view, editFormValues(view, {
      title: textInput('Keep security communication open'),
      owners: { type: 'multi_users_select', selected_users: ['U0BOB'] },
      owner_names: textInput(''),
      parties: textInput('KR'),
    }));
    expect(result.body).toBe('');
    const after = await harness.store().getCommitment(TEAM, 'JK-3');
    expect(after).toMatchObject({ version: before.version + 1, title: 'Keep security communication open', parties: ['KR'], owners: [{ slackUserId: 'U0BOB' }] });
    const [last] = (await history('JK-3')).slice(-1);
    expect(last).toMatchObject({ type: 'fields', changes: [{ field: 'title' }, { field: 'owners' }, { field: 'parties' }] });
  });
});

describe('/commitments edit refuses, writing nothing', () => {
  const unchanged = async (id: string, work: () => Promise<void>) => {
    const [item, entries] = [await harness.store().getCommitment(TEAM, id), await history(id)];
    await work();
    expect(await harness.store().getCommitment(TEAM, id)).toEqual(item);
    expect(await history(id)).toEqual(entries);
  };

  it('answers a due date it cannot read, an unknown party, a due date on an ongoing item and an edit that changes nothing', async () => {
    await unchanged('JK-5', async () => {
      expect((await command('edit JK-5 due 2026-06-30')).text).toMatch(/JK-5 is ongoing: only one-off items have a due date/);
      expect((await command('edit JK-5 parties JP,CN')).text).toMatch(/CN is not a party of japan-korea; its parties are JP, KR/);
      expect((await command('edit JK-5 parties JP,KR')).text).toMatch(/That is what JK-5 already has; nothing was changed/);
    });
    await unchanged('JK-4', async () => {
      expect((await command('edit JK-4 due someday soonish')).text).toMatch(/"someday soonish" is not a date I can read/);
    });
  });

  it('answers an unknown field and a reason past the note limit with the right form', async () => {
    await unchanged('JK-4', async () => {
      expect((await command('edit JK-4 colour red')).text).toMatch(/“colour” is not a field edit can change/);
      expect((await command(`edit JK-4 due 2026-12-31 "${'r'.repeat(1001)}"`)).text).toMatch(/The reason is 1,001 characters long; the limit is 1,000/);
    });
  });

  it('keeps the Edit form open beside the field at fault, and refuses a form whose item changed since it opened', async () => {
    const view = await openEditForm('JK-1');
    await unchanged('JK-1', async () => {
      const party = await submitEdit(view, editFormValues(view, { parties: textInput('JP, XX') }));
      expect(party.json()).toMatchObject({ response_action: 'errors', errors: { parties: expect.stringMatching(/XX is not a party/) } });
      const reason = await submitEdit(view, editFormValues(view, { title: textInput('Reciprocal visits'), reason: textInput('r'.repeat(1001)) }));
      expect(reason.json()).toMatchObject({ response_action: 'errors', errors: { reason: expect.stringMatching(/reason is 1,001 characters long/) } });
    });
    await command('note JK-1 "someone else got there first"');
    await unchanged('JK-1', async () => {
      const stale = await submitEdit(view, editFormValues(view, { title: textInput('Reciprocal leader visits') }));
      expect(stale.json()).toMatchObject({ response_action: 'errors', errors: { reason: expect.stringMatching(/changed by someone else/) } });
    });
  });
});
