import { beforeAll, describe, expect, it } from 'vitest';
import { PROPOSALS_PER_IMPORT } from '#shared/domain/bounds';
import { VIEW_IDS } from '#shared/slack-app/definitions';
import { IMPORT_INPUTS } from '#shared/slack/render/import';
import { INPUTS } from '#shared/slack/render/modals';
import { ROLE_INPUTS } from '#shared/slack/render/roles';
import { createPeopleStore } from '#shared/store/people';
import { commandEvent, interactionEvent } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { tableItems, textInput, ticked } from '../../support/slack-commands.ts';

// Issue 23, finding 4: forms and commands do bounded work. A forged form saves each proposal of
// its own draft at most once; every list has a cap checked before any Slack call or write; one
// request asks Slack about at most a few people, and none it already knows; no validator's
// wording reaches a person.
const TEAM = 'T0BOUNDED';
const NOW = new Date('2026-03-25T01:00:00Z');
const ADMIN = 'U0ADMIN';
/** How many people one request may ask `users.info` about (the caps in docs/commands.md say so). */
const LOOKUP_BOUND = 5;
/** What a validator says that a person should never read, nor a generic failure. */
const VALIDATOR_WORDING = /Too big|Too small|expected|array|Invalid|went wrong/;

const harness = useSlackHandler({ countRequests: true });
useBusanAt(harness, TEAM, NOW);
const people = () => createPeopleStore({ client: harness.table.client, tableName: harness.table.tableName });

let sent = 0;

async function command(text: string, userId = ADMIN) {
  sent += 1;
  const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, responseUrl: harness.slack.responseUrl(`bounded${sent}`), triggerId: `t${sent}` }));
  expect(result.statusCode).toBe(200);
  const body = (result.body ? result.json() : {}) as { text?: string };
  return { text: body.text ?? '', callsBeforeAnswer: result.callsBeforeAnswer };
}

/** A view submission with a hash of its own, so none looks like a replay. */
async function submit(callbackId: string, metadata: object, values: Record<string, unknown>, userId = ADMIN) {
  sent += 1;
  const result = await harness.send(
    interactionEvent({
      type: 'view_submission',
      team: { id: TEAM, domain: 'bounded' },
      user: { id: userId, team_id: TEAM },
      api_app_id: 'A0COMMIT',
      trigger_id: `t${sent}`,
      view: { id: 'V0BOUNDED', type: 'modal', callback_id: callbackId, private_metadata: JSON.stringify(metadata), state: { values }, hash: `h${sent}` },
    }),
  );
  expect(result.statusCode).toBe(200);
  return { body: result.body, json: () => (result.body ? result.json() : {}) as { response_action?: string; errors?: Record<string, string>; view?: { private_metadata: string; blocks: { block_id?: string }[] } } };
}

/** `n` distinct Slack user ids nobody has met, short enough that 320 mentions fit in one command. */
function strangers(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `U${prefix}${i.toString(36).toUpperCase().padStart(3, '0')}`);
}

const mentions = (ids: readonly string[]) => ids.map((id) => `<@${id}>`).join(' ');
const usersInfoAbout = (ids: readonly string[]) => harness.slack.callsTo('users.info').filter((call) => ids.includes(String(call.args['user']))).length;
const usersInfoCalls = () => harness.slack.callsTo('users.info').length;

const readout = (text: string) => ({
  [IMPORT_INPUTS.meeting]: { [IMPORT_INPUTS.meeting]: textInput('Bounded meeting') },
  [IMPORT_INPUTS.date]: { [IMPORT_INPUTS.date]: { type: 'datepicker', selected_date: '2026-03-12' } },
  [IMPORT_INPUTS.text]: { [IMPORT_INPUTS.text]: textInput(text) },
});

beforeAll(async () => {
  harness.slack.options.users = { [ADMIN]: { is_admin: true } };
  // The admin's first request keeps their record: from here on, they cost Slack nothing.
  expect((await command('japan-korea')).text).toContain('JK-1');
});

describe('a forged import confirmation, for issue 23', () => {
  it('saves each proposal of its own draft once, whatever blocks and ticks the payload claims', async () => {
    const proposed = (await submit(VIEW_IDS.importText, { track: 'japan-korea' }, readout('The two sides agreed to hold a joint dialogue by 30 June 2026.'))).json();
    expect(proposed.response_action).toBe('update');
    const pickBlocks = proposed.view!.blocks.filter((b) => b.block_id?.startsWith(IMPORT_INPUTS.pick));
    expect(pickBlocks).toHaveLength(1);
    const before = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.length;
    // 60 checkbox groups, each ticking the draft's only proposal, one of them several times over.
    const forged: Record<string, unknown> = {};
    for (let k = 0; k < 60; k += 1) forged[`${IMPORT_INPUTS.pick}_${k}`] = { [IMPORT_INPUTS.pick]: ticked('0') };
    forged[`${IMPORT_INPUTS.pick}_0`] = { [IMPORT_INPUTS.pick]: ticked('0', '0', '0', '00', '1', '7', '-1', '1e1') };
    const saved = await submit(VIEW_IDS.importPick, JSON.parse(proposed.view!.private_metadata) as object, forged);
    expect(saved.body).toBe('');
    const after = (await harness.store().getReport(TEAM, 'japan-korea')).commitments;
    expect(after.length - before).toBe(1);
    expect(after.filter((c) => c.title === 'Hold a joint dialogue').length).toBeLessThanOrEqual(1);
    // The same form again creates nothing more.
    const again = await submit(VIEW_IDS.importPick, JSON.parse(proposed.view!.private_metadata) as object, forged);
    expect(JSON.stringify(again.json())).toMatch(/already saved or has expired/);
    expect((await harness.store().getReport(TEAM, 'japan-korea')).commitments.length - before).toBe(1);
  });

  it('takes a readout with more follow-ups than one form holds (25) into a form of 19, saying where to import the rest from', async () => {
    const sentences = Array.from({ length: 25 }, (_, i) => `Japan will host seminar number ${i + 1} on maritime safety by 30 June 2026.`).join('\n\n');
    const proposed = (await submit(VIEW_IDS.importText, { track: 'japan-korea' }, readout(sentences))).json();
    expect(JSON.stringify(proposed)).not.toMatch(VALIDATOR_WORDING);
    expect(proposed.response_action).toBe('update');
    expect(proposed.view!.blocks.length).toBeLessThanOrEqual(100);
    expect(proposed.view!.blocks.filter((b) => b.block_id?.startsWith(IMPORT_INPUTS.title(0).replace(/0$/, ''))).length).toBe(PROPOSALS_PER_IMPORT);
    expect(JSON.stringify(proposed.view!.blocks[0])).toContain(`Only the first ${PROPOSALS_PER_IMPORT} fit in one form: import the text from ¶20 on again for the rest.`);
  });
});

describe('the table requests of an import confirmation (cost audit)', () => {
  /** The DynamoDB requests of confirming a full form with its first `picks` proposals ticked as shown, after checking they were all saved. */
  async function confirmationRequests(picks: number): Promise<Record<string, number>> {
    const sentences = Array.from({ length: PROPOSALS_PER_IMPORT }, (_, i) => `Japan will host seminar number ${i + 1} on maritime safety by 30 June 2026.`).join('\n\n');
    const view = (await submit(VIEW_IDS.importText, { track: 'japan-korea' }, readout(sentences))).json().view as { private_metadata: string; blocks: { block_id?: string; element?: { initial_options?: { value: string }[] } }[] };
    const values: Record<string, unknown> = {};
    for (const block of view.blocks.filter((b) => b.block_id?.startsWith(IMPORT_INPUTS.pick))) {
      const shown = (block.element!.initial_options ?? []).filter((o) => Number(o.value) < picks);
      if (shown.length > 0) values[block.block_id!] = { [IMPORT_INPUTS.pick]: ticked(...shown.map((o) => o.value)) };
    }
    const before = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.length;
    harness.requests().reset();
    expect((await submit(VIEW_IDS.importPick, JSON.parse(view.private_metadata) as object, values)).body).toBe('');
    const counts = harness.requests().snapshot();
    expect((await harness.store().getReport(TEAM, 'japan-korea')).commitments.length - before).toBe(picks);
    return counts;
  }

  it(`saves a full form (${PROPOSALS_PER_IMPORT} follow-ups) with the requests one follow-up costs: one read of the counter and one transaction`, async () => {
    const one = await confirmationRequests(1);
    const all = await confirmationRequests(PROPOSALS_PER_IMPORT);
    expect(all).toEqual(one);
    expect(all['TransactWriteItems']).toBe(1);
  });
});

describe('people named in roles add and remove, for issue 23', () => {
  it('refuses 320 mentions plainly, asking Slack about none of them and changing nothing', async () => {
    const named = strangers('9A', 320);
    const before = await tableItems(harness);
    const calls = harness.slack.calls.length;
    for (const text of [`japan-korea roles add ${mentions(named)} viewer`, `japan-korea roles remove ${mentions(named)}`]) {
      const answer = await command(text);
      expect(answer.text).toMatch(/At most 20 people at a time; that names 320\. Nothing was changed\./);
      expect(answer.text).not.toMatch(VALIDATOR_WORDING);
    }
    expect(harness.slack.calls.slice(calls).filter((call) => !call.method.startsWith('response_url:'))).toEqual([]);
    expect(usersInfoAbout(named)).toBe(0);
    expect(await tableItems(harness)).toBe(before);
  });

  it('asks Slack about at most the bound of people a request, asks to send it again, and saves once all are known', async () => {
    const named = strangers('9B', 12);
    const before = await tableItems(harness);
    const text = `japan-korea roles add ${mentions(named)} viewer`;
    const perRequest: number[] = [];
    let answer = { text: '' };
    for (let round = 0; round < 4 && !/is now a viewer/.test(answer.text); round += 1) {
      const calls = usersInfoCalls();
      answer = await command(text);
      perRequest.push(usersInfoCalls() - calls);
      expect(answer.text).not.toMatch(VALIDATOR_WORDING);
      if (!/is now a viewer/.test(answer.text)) {
        expect(answer.text).toMatch(/send it again to go on/);
        expect(await tableItems(harness)).toBe(before);
      }
    }
    expect(perRequest).toEqual([5, 5, 2]);
    expect(answer.text).toMatch(/is now a viewer of japan-korea/);
    expect(usersInfoAbout(named)).toBe(12);
    const track = await harness.store().getTrack(TEAM, 'japan-korea');
    expect(named.every((id) => track.members[id] === 'viewer')).toBe(true);
  });

  it('asks Slack nothing when every person named is already known', async () => {
    const named = strangers('9B', 12);
    expect((await people().getMany(TEAM, named)).size).toBe(12);
    const calls = harness.slack.calls.length;
    harness.requests().reset();
    const answer = await command(`japan-korea roles add ${mentions(named)} editor`);
    expect(answer.text).toMatch(/is now an editor of japan-korea/);
    // The twelve records are read in one batch, not one by one; the other two batches are the
    // caller's records (theirs and the app manager's), for the command and for the Home redraw after it.
    const requests = harness.requests().snapshot();
    expect(requests['BatchGetItem']).toBe(3);
    expect(requests['GetItem'] ?? 0).toBeLessThan(named.length);
    expect(answer.callsBeforeAnswer.slice(calls).filter((call) => !call.method.startsWith('response_url:'))).toEqual([]);
    expect(usersInfoAbout(named)).toBe(12);
  });

  it('asks Slack about no more than the bound when a roles form names many new people', async () => {
    const named = strangers('9C', 40);
    const calls = usersInfoCalls();
    const track = await harness.store().getTrack(TEAM, 'japan-korea');
    const lists = { owner: [ADMIN], editor: [] as string[], viewer: named };
    const values = Object.fromEntries(
      (Object.keys(lists) as (keyof typeof lists)[]).map((role) => [ROLE_INPUTS[role], { [ROLE_INPUTS[role]]: { type: 'multi_users_select', selected_users: lists[role] } }]),
    );
    const answer = (await submit(VIEW_IDS.trackRoles, { track: 'japan-korea', version: track.version }, values)).json();
    expect(answer.response_action).toBe('errors');
    expect(JSON.stringify(answer)).not.toMatch(VALIDATOR_WORDING);
    expect(usersInfoCalls() - calls).toBeLessThanOrEqual(LOOKUP_BOUND);
  });
});

describe('oversized and forged lists, for issue 23', () => {
  it('opens the roles form with each people picker capped at the members a track may have', async () => {
    await command('japan-korea roles');
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { blocks: { element?: { type: string; max_selected_items?: number } }[] };
    const pickers = view.blocks.flatMap((b) => (b.element?.type === 'multi_users_select' ? [b.element] : []));
    expect(pickers).toHaveLength(3);
    for (const picker of pickers) expect(picker.max_selected_items).toBe(100);
  });

  const many = (n: number) => strangers('9D', n);
  const users = (ids: string[]) => ({ type: 'multi_users_select', selected_users: ids });
  const roleForm = (ids: string[]) => ({ [ROLE_INPUTS.owner]: { [ROLE_INPUTS.owner]: users([ADMIN]) }, [ROLE_INPUTS.viewer]: { [ROLE_INPUTS.viewer]: users(ids) } });

  it('answers each command with a plain sentence and writes nothing', async () => {
    const codes = Array.from({ length: 300 }, (_, i) => `Q${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);
    const commands = [
      `add japan-korea "Forty owners" owner ${mentions(many(40))}`,
      `edit JK-1 owner ${mentions(many(40))}`,
      `edit JK-1 parties ${codes.join(',')}`,
      `track add wide "Wide" parties ${codes.slice(0, 50).join(',')} tz UTC`,
      `japan-korea check-ins before ${Array.from({ length: 40 }, (_, i) => i + 1).join(',')}`,
    ];
    const before = await tableItems(harness);
    for (const text of commands) {
      const answer = await command(text);
      expect(answer.text, text).not.toBe('');
      expect(answer.text, text).not.toMatch(VALIDATOR_WORDING);
      expect(answer.text, text).toMatch(/at most \d+/i);
    }
    expect(await tableItems(harness)).toBe(before);
  });

  it('answers each form with a plain sentence beside its field and writes nothing', async () => {
    const track = await harness.store().getTrack(TEAM, 'japan-korea');
    const item = await harness.store().getCommitment(TEAM, 'JK-1');
    const forgedPicks: Record<string, unknown> = {};
    for (let k = 0; k < 200; k += 1) forgedPicks[`${IMPORT_INPUTS.pick}_${k}`] = { [IMPORT_INPUTS.pick]: ticked(...Array.from({ length: 10 }, (_, i) => String(k * 10 + i))) };
    const forms = [
      { name: 'roles form with 150 people', submit: () => submit(VIEW_IDS.trackRoles, { track: 'japan-korea', version: track.version }, roleForm(many(150))) },
      { name: 'add form with 30 owners', submit: () => submit(VIEW_IDS.addCommitment, { track: 'japan-korea' }, { [INPUTS.title]: { [INPUTS.title]: textInput('Thirty owners') }, [INPUTS.owners]: { [INPUTS.owners]: users(many(30)) } }) },
      {
        name: 'edit form with 30 owners',
        submit: () =>
          submit(VIEW_IDS.edit, { id: 'JK-1', version: item.version }, { [INPUTS.title]: { [INPUTS.title]: textInput(item.title) }, [INPUTS.owners]: { [INPUTS.owners]: users(many(30)) } }),
      },
      {
        name: 'edit form ticking 40 occurrences to remove',
        submit: () =>
          submit(VIEW_IDS.edit, { id: 'JK-1', version: item.version }, { [INPUTS.title]: { [INPUTS.title]: textInput(item.title) }, [INPUTS.unlog]: { [INPUTS.unlog]: ticked(...Array.from({ length: 40 }, (_, i) => String(i))) } }),
      },
      { name: 'import confirmation with 2,000 ticks', submit: () => submit(VIEW_IDS.importPick, { id: '00000000-0000-4000-8000-000000000000' }, forgedPicks) },
    ];
    const before = await tableItems(harness);
    for (const form of forms) {
      const answer = (await form.submit()).json();
      expect(answer.response_action, form.name).toBe('errors');
      expect(JSON.stringify(answer), form.name).not.toMatch(VALIDATOR_WORDING);
    }
    expect(await tableItems(harness)).toBe(before);
  });
});
