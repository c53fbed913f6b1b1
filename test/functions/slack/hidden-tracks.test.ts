import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { commandEvent, interactionEvent } from '#local/slack-request';
import { commitmentWithAsks, ownedItem } from '#local/bulk-items';
import { load } from '#local/bulk-subscriptions';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { tableItems } from '../../support/slack-commands.ts';

// Issue 23, finding 2: to someone who may not see a track, its item ids (existing or not), its
// slug and its id prefix answer exactly as ones no track uses, and its report costs what a
// missing one does.
const harness = useSlackHandler({ countRequests: true });
const TEAM = 'T0HIDDEN';
const OWNER = 'U0OWNER';
const OUTSIDER = 'U0OUTSIDER';
/** Items of the big hidden track: enough that reading them would dwarf a missing track's cost. */
const BIG = 2_000;
let sent = 0;

async function command(text: string, userId = OUTSIDER): Promise<string> {
  sent += 1;
  const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, channelId: 'C0GENERAL', responseUrl: harness.slack.responseUrl(`cmd${sent}`), triggerId: `t${sent}` }));
  expect(result.statusCode).toBe(200);
  return result.body;
}

function interaction(payload: Record<string, unknown>) {
  sent += 1;
  return harness.send(interactionEvent({ team: { id: TEAM, domain: 'hidden' }, user: { id: OUTSIDER, team_id: TEAM }, api_app_id: 'A0COMMIT', trigger_id: `t${sent}`, ...payload }));
}

/** What a forged button press by the outsider makes the bot say: its answer and every Slack call it makes. */
async function pressed(actionId: string, value: string): Promise<string> {
  const calls = harness.slack.calls.length;
  const result = await interaction({
    type: 'block_actions',
    response_url: harness.slack.responseUrl('btn'),
    channel: { id: 'C0GENERAL', name: 'general' },
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: true },
    message: { type: 'message', ts: '1700000000.000100', text: 'report', blocks: [] },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'x' } }],
  });
  expect(result.statusCode).toBe(200);
  return JSON.stringify([result.body, harness.slack.calls.slice(calls).map((c) => [c.method, c.args])]);
}

/** What a forged form submission by the outsider is answered. */
async function submitted(callbackId: string, metadata: object, values: Record<string, unknown>): Promise<string> {
  const result = await interaction({ type: 'view_submission', view: { id: 'V0FAKE', type: 'modal', callback_id: callbackId, private_metadata: JSON.stringify(metadata), state: { values }, hash: `h${sent}` } });
  expect(result.statusCode).toBe(200);
  return result.body;
}

/** A command's answer, the DynamoDB requests (by operation) it cost, their round trips and the bytes DynamoDB answered. */
async function costOf(text: string, userId = OUTSIDER) {
  await command(text, userId); // the first of a kind fills the container's caches
  harness.requests().reset();
  const answer = await command(text, userId);
  return { answer, requests: harness.requests().snapshot(), bytes: harness.requests().bytes(), rounds: harness.requests().rounds() };
}

/** The reports of a hidden slug and a missing one, which must not be told apart: the same words (each slug read as `<slug>`), requests and round trips. */
async function reportsAlike(hiddenSlug: string, missingSlug: string) {
  const hidden = await costOf(hiddenSlug);
  const missing = await costOf(missingSlug);
  expect(hidden.answer.replaceAll(hiddenSlug, '<slug>')).toBe(missing.answer.replaceAll(missingSlug, '<slug>'));
  expect(hidden.requests).toEqual(missing.requests);
  expect(hidden.rounds).toBe(missing.rounds);
  return { hidden, missing };
}

/** `ST`, the hidden track's prefix, read as `QZ`, which no track uses. */
const asUnused = (answer: string) => answer.replaceAll('ST', 'QZ');

beforeAll(async () => {
  expect(await command('track add secret-talks "Secret" parties AA tz UTC prefix ST', OWNER)).toContain('Created track');
  expect(await command('add secret-talks "Hidden item"', OWNER)).toContain('Added ST-1');
  expect(await command('add secret-talks "Another hidden item"', OWNER)).toContain('Added ST-2');
  expect(await command('secret-talks visibility private', OWNER)).toContain('secret-talks is now private');
  expect(await command('track add open-talks "Open" parties AA tz UTC prefix OT', OWNER)).toContain('Created track');
  // The outsider, a member, sees the open track only.
  expect(await command('', OUTSIDER)).not.toContain('secret-talks');
});

describe('item ids of a hidden track', () => {
  const COMMANDS = [
    'show {id}',
    'history {id}',
    'note {id} "probe"',
    'done {id}',
    'update {id} in-progress',
    'edit {id} title "probe"',
    'assess {id} AA +1',
    'log {id} 2026-01-13',
    'unlog {id} 2026-01-13',
    'archive {id} "probe"',
    'unarchive {id}',
  ];

  it.each(COMMANDS)('`%s` answers an existing and a missing id exactly as an unknown prefix, and writes nothing', async (template) => {
    const before = await tableItems(harness);
    for (const seq of [1, 99]) {
      const hidden = await command(template.replace('{id}', `ST-${seq}`));
      const unknown = await command(template.replace('{id}', `QZ-${seq}`));
      expect(unknown).toMatch(/No track uses the prefix QZ/);
      expect(asUnused(hidden)).toBe(unknown);
    }
    expect(await tableItems(harness)).toBe(before);
  });

  it('still tells someone who sees the track that a missing id is missing', async () => {
    expect(await command('show ST-99', OWNER)).toMatch(/There is no ST-99/);
  });

  const BUTTONS = [ACTION_IDS.markDone, ACTION_IDS.update, ACTION_IDS.addNote, ACTION_IDS.edit];
  it.each(BUTTONS)('a forged %s button on an existing or a missing id is answered as on an unknown prefix', async (action) => {
    const before = await tableItems(harness);
    for (const seq of [1, 99]) expect(asUnused(await pressed(action, `ST-${seq}`))).toBe(await pressed(action, `QZ-${seq}`));
    expect(await tableItems(harness)).toBe(before);
  });

  it.each(['<@U0VICTIM>', `${'A'.repeat(1_500)}-1`, 'ST-1@7'])('a forged item button whose value is no item id (%#) reads nothing of a track and says back nothing', async (value) => {
    harness.requests().reset();
    const answer = await pressed(ACTION_IDS.markDone, value);
    expect(answer).toContain('not one this app drew');
    expect(answer).not.toContain('U0VICTIM');
    expect(answer).not.toContain('AAAA');
    // The presser's own records and the press's replay claim: nothing named by the value.
    expect(harness.requests().snapshot()).toEqual({ BatchGetItem: 1, PutItem: 1 });
  });

  it('a forged check-in answer or Unarchive on a missing id is answered as on an unknown prefix', async () => {
    const before = await tableItems(harness);
    for (const action of [ACTION_IDS.checkInOnTrack, ACTION_IDS.unarchive]) {
      for (const seq of [1, 99]) expect(asUnused(await pressed(action, `ST-${seq}@1`))).toBe(await pressed(action, `QZ-${seq}@1`));
    }
    expect(await tableItems(harness)).toBe(before);
  });

  const note = { note: { note: { type: 'plain_text_input', value: 'probe' } } };
  const FORMS: [string, Record<string, unknown>][] = [
    [VIEW_IDS.addNote, note],
    [VIEW_IDS.markDone, note],
    [VIEW_IDS.update, { status: { status: { type: 'static_select', selected_option: { value: 'stalled' } } }, ...note }],
    [VIEW_IDS.checkInNote, note],
    [VIEW_IDS.checkInDone, note],
  ];
  it.each(FORMS)('a forged %s form on an existing or a missing id is answered as on an unknown prefix', async (view, values) => {
    const before = await tableItems(harness);
    for (const seq of [1, 99]) {
      const hidden = await submitted(view, { id: `ST-${seq}`, version: 1 }, values);
      expect(hidden).toMatch(/No track uses the prefix/);
      expect(asUnused(hidden)).toBe(await submitted(view, { id: `QZ-${seq}`, version: 1 }, values));
    }
    expect(await tableItems(harness)).toBe(before);
  });
});

describe('track add beside a hidden track', () => {
  it('refuses a slug a hidden track holds with the same sentence as one a visible track holds, naming no track', async () => {
    const hidden = await command('track add secret-talks "Mine" parties AA tz UTC prefix QA');
    const visible = await command('track add open-talks "Mine" parties AA tz UTC prefix QB');
    expect(hidden.replaceAll('secret-talks', '<slug>')).toBe(visible.replaceAll('open-talks', '<slug>'));
    expect(hidden).not.toMatch(/exists|track called|another track/i);
    expect(await command('', OUTSIDER)).not.toMatch(/Mine/);
  });

  it('picks a free prefix when the slug’s initials belong to a hidden track, and says which', async () => {
    const answer = await command('track add sea-tales "Sea tales" parties AA tz UTC');
    expect(answer).toContain('Created track *sea-tales*');
    const track = await harness.store().getTrack(TEAM, 'sea-tales');
    expect(track.idPrefix).not.toBe('ST');
    expect(track.idPrefix).toMatch(/^ST[A-Z]$/);
    expect(answer).toContain(`${track.idPrefix}-1`);
    // The same for initials a visible track holds: nothing tells the two apart.
    const open = await command('track add odd-tales "Odd tales" parties AA tz UTC');
    expect(open.replaceAll('odd-tales', '<slug>').replaceAll('Odd', 'X').replaceAll('OT', 'ST')).toBe(answer.replaceAll('sea-tales', '<slug>').replaceAll('Sea', 'X'));
  });

  it('refuses an explicit prefix a hidden track holds with the words it uses for a visible one, naming no track', async () => {
    const before = await tableItems(harness);
    const hidden = await command('track add new-one "New" parties AA tz UTC prefix ST');
    const visible = await command('track add new-one "New" parties AA tz UTC prefix OT');
    expect(hidden.replaceAll('ST', 'OT')).toBe(visible);
    expect(hidden).toMatch(/ST/);
    expect(hidden).not.toMatch(/track|exists/i);
    expect(await tableItems(harness)).toBe(before);
  });
});

describe('the cost of a hidden track’s report', () => {
  beforeAll(async () => {
    expect(await command('track add big-secret "Big" parties JP,KR tz UTC prefix BIG', OWNER)).toContain('Created track');
    expect(await command('big-secret visibility private', OWNER)).toContain('now private');
    const track = await harness.store().getTrack(TEAM, 'big-secret');
    const created = new Date('2026-03-01T00:00:00Z');
    await load(harness.table.client, harness.table.tableName, Array.from({ length: BIG }, (_, i) => commitmentWithAsks(track, i + 1, ownedItem(`Item ${i + 1}`, OWNER, '2026-06-30'), created)).flat());
  });

  it('answers an id of a hidden track with the same requests to the table as an unknown prefix', async () => {
    const unknown = await costOf('show QZ-1');
    // The caller's records with the prefix's claim, then the team's tracks (no track here names a user group).
    expect(unknown.requests).toEqual({ BatchGetItem: 1, Query: 1 });
    expect(unknown.rounds).toBe(2);
    for (const id of ['ST-1', 'ST-99']) {
      const hidden = await costOf(`show ${id}`);
      expect(hidden.requests).toEqual(unknown.requests);
      expect(hidden.rounds).toBe(unknown.rounds);
    }
  });

  it('reads no history of a hidden item: its id costs what an unknown prefix does', async () => {
    const unknown = await costOf('history QZ-1');
    for (const id of ['ST-1', 'ST-99']) expect((await costOf(`history ${id}`)).requests).toEqual(unknown.requests);
  });

  it('reads no item of a hidden 2,000-item track: the same requests as a missing slug, and no more than a track record’s bytes more', async () => {
    const { hidden, missing } = await reportsAlike('big-secret', 'no-such-track');
    expect(hidden.bytes).toBeLessThanOrEqual(missing.bytes + 2_000);
    // The measure sees the items when they are read: the owner's report of the same track.
    const owner = await costOf('big-secret', OWNER);
    expect(owner.answer).toContain('BIG-1');
    expect(owner.bytes).toBeGreaterThan(missing.bytes + 100 * BIG);
  });
});

describe('managing a hidden track on a standing over an hour old', () => {
  const HOUR = 3_600_000;
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterAll(() => vi.useRealTimers());

  /** Two hours on, so the outsider's record is too old to manage with: their answer, Slack calls and table requests. */
  async function later(text: string) {
    vi.setSystemTime(Date.now() + 2 * HOUR);
    const calls = harness.slack.calls.length;
    harness.requests().reset();
    const answer = await command(text);
    return { answer, slack: harness.slack.calls.slice(calls).map((call) => call.method), requests: harness.requests().snapshot(), rounds: harness.requests().rounds() };
  }

  it('asks Slack who is asking about a missing slug as about a hidden one, and answers both alike', async () => {
    const hidden = await later('secret-talks visibility workspace');
    const missing = await later('no-such-talks visibility workspace');
    expect(hidden.answer.replaceAll('secret-talks', '<slug>')).toBe(missing.answer.replaceAll('no-such-talks', '<slug>'));
    expect(hidden.slack).toEqual(['users.info']);
    expect(missing.slack).toEqual(hidden.slack);
    expect(missing.requests).toEqual(hidden.requests);
    expect(missing.rounds).toBe(hidden.rounds);
  });
});

describe('a hidden track that gives a user group a role', () => {
  beforeAll(async () => {
    harness.slack.options.userGroups = { S0CIRCLE: { handle: 'inner-circle', users: [OWNER] } };
    expect(await command('track add circle-talks "Circle" parties AA tz UTC prefix CT', OWNER)).toContain('Created track');
    expect(await command('add circle-talks "Circle item"', OWNER)).toContain('Added CT-1');
    expect(await command('circle-talks roles add <!subteam^S0CIRCLE> editor', OWNER)).toContain('is now an editor of circle-talks');
    expect(await command('circle-talks visibility private', OWNER)).toContain('now private');
  });

  it('answers its ids, existing or not, with the requests an unknown prefix costs: its groups are read for both', async () => {
    for (const seq of [1, 99]) {
      const unknown = await costOf(`show QZ-${seq}`);
      expect(unknown.requests).toEqual({ BatchGetItem: 2, Query: 1 });
      const hidden = await costOf(`show CT-${seq}`);
      expect(hidden.answer.replaceAll('CT', 'QZ')).toBe(unknown.answer);
      expect(hidden.requests).toEqual(unknown.requests);
      expect(hidden.rounds).toBe(unknown.rounds);
    }
  });

  it('answers its report with the requests a missing slug costs', async () => {
    await reportsAlike('circle-talks', 'no-such-talks');
  });
});
