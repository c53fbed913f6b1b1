import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Commitment } from '#shared/domain/schemas';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { checkInActions, snoozeValue } from '#shared/slack/render/check-in';
import { createSlackWeb } from '#shared/slack/web-api';
import { eventCallback, interactionEvent, viewSubmission } from '#local/slack-request';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { commandSender, tableItems as tableItemsOf, textInput } from '../../support/slack-commands.ts';

const NOW = new Date('2026-11-26T01:00:00Z'); // Thu 26 Nov, 10:00 in Tokyo
const harness = useSlackHandler();
const TEAM = 'T0CHECKIN';
const MARIA = 'U0MARIA';
const DM = 'D0MARIA';

const command = commandSender(harness, TEAM);
const tableItems = () => tableItemsOf(harness);
const item = (id: string) => harness.store().getCommitment(TEAM, id);
const history = (id: string) => harness.store().getHistory(TEAM, id);

type Block = Record<string, unknown> & { block_id?: string };
let sent = 0;

/** A check-in direct message as the sweep draws it: each item's summary, then its buttons. */
async function postCheckIn(ids: string[]): Promise<{ ts: string; blocks: Block[] }> {
  const blocks: types.KnownBlock[] = [{ type: 'section', block_id: 'checkin-header', text: { type: 'mrkdwn', text: 'Some items need you today.' } }];
  for (const id of ids) {
    const current = await item(id);
    const actions = checkInActions(current);
    blocks.push({ type: 'section', block_id: `checkin-item:${id}`, text: { type: 'mrkdwn', text: `*${id}* ${current.title}` } }, ...(actions ? [actions] : []));
  }
  const web = createSlackWeb({ apiUrl: harness.slack.apiUrl, token: 'xoxb-test-token' });
  const reply = await web.call('chat.postMessage', { channel: DM, text: 'Check-in', blocks });
  if (reply.kind !== 'ok') throw new Error('could not post the check-in');
  return { ts: reply.body.ts!, blocks: JSON.parse(JSON.stringify(blocks)) as Block[] };
}

/** A press on a check-in's button (or its Snooze menu) in the direct message, as Slack sends it. */
function press(actionId: string, value: string, dm: { ts: string; blocks: Block[] } | 'home', userId = MARIA) {
  sent += 1;
  const action =
    actionId === ACTION_IDS.checkInSnooze
      ? { type: 'overflow', action_id: actionId, block_id: 'b', selected_option: { value, text: { type: 'plain_text', text: 'Snooze' } }, action_ts: '1700000001.000200' }
      : { type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'x' } };
  const where =
    dm === 'home'
      ? { container: { type: 'view', view_id: 'V0HOME' }, view: { id: 'V0HOME', type: 'home', callback_id: '', hash: 'h', private_metadata: '', state: { values: {} }, blocks: [] } }
      : {
          response_url: harness.slack.responseUrl(`press${sent}`),
          container: { type: 'message', message_ts: dm.ts, channel_id: DM, is_ephemeral: false },
          channel: { id: DM, name: 'directmessage' },
          message: { type: 'message', ts: dm.ts, text: 'Check-in', blocks: dm.blocks },
        };
  return harness.send(
    interactionEvent({ type: 'block_actions', team: { id: TEAM, domain: 'test' }, user: { id: userId, team_id: TEAM }, api_app_id: 'A0COMMIT', trigger_id: `t${sent}`, ...where, actions: [action] }),
  );
}

/** The form the last press opened. */
function openedForm(): { callback_id: string; private_metadata: string; blocks: Block[] } {
  return harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; private_metadata: string; blocks: Block[] };
}

async function submit(callbackId: string, metadata: string, values: Record<string, unknown>, userId = MARIA) {
  const result = await harness.send(interactionEvent(viewSubmission(TEAM, callbackId, metadata, values, userId)));
  return result.body ? (JSON.parse(result.body) as { errors?: Record<string, string> }) : {};
}

/** The direct message as the last chat.update left it. */
function updated(): { channel: string; ts: string; blocks: Block[] } {
  const args = harness.slack.callsTo('chat.update').at(-1)!.args;
  const blocks = typeof args['blocks'] === 'string' ? (JSON.parse(args['blocks']) as Block[]) : (args['blocks'] as Block[]);
  return { channel: String(args['channel']), ts: String(args['ts']), blocks };
}

const itemBlocks = (blocks: Block[], id: string) => blocks.filter((b) => b.block_id === `checkin-item:${id}` || b.block_id === `checkin:${id}`);
const value = (current: Pick<Commitment, 'id' | 'version'>) => `${current.id}@${current.version}`;

beforeAll(async () => {
  Object.assign(harness.slack.options, { teamId: TEAM, users: { U0ROBOT: { is_bot: true }, U0GONE: { deleted: true } } });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  expect((await command('track add ci "Check-ins" parties AA,BB tz Asia/Tokyo prefix CI')).text).toContain('Created track ci');
  expect((await command(`ci roles add <@${MARIA}> viewer`)).text).toContain('viewer');
  for (let n = 1; n <= 9; n++) expect((await command(`add ci "Item ${n}" due 2026-12-31 owner <@${MARIA}>`)).text).toContain(`Added CI-${n}`);
  expect((await command(`add ci "Shared item" due 2026-12-31 owner <@${MARIA}>, <@U0PEDRO>`)).text).toContain('Added CI-10');
}, 60_000);

afterAll(() => {
  vi.useRealTimers();
});

describe('check-in answers', () => {
  it('On track moves the item to in progress with the note, by the owner, once; the message shows the answer and keeps the other items', async () => {
    const dm = await postCheckIn(['CI-1', 'CI-2', 'CI-3']);
    const before = await item('CI-1');
    const published = harness.slack.callsTo('views.publish').length;
    expect((await press(ACTION_IDS.checkInOnTrack, value(before), dm)).statusCode).toBe(200);
    const after = await item('CI-1');
    expect(after).toMatchObject({ status: 'in-progress', version: before.version + 1 });
    expect(after.notes.at(-1)).toMatchObject({ text: 'on track', by: MARIA });
    expect((await history('CI-1')).at(-1)).toMatchObject({ by: MARIA, change: { type: 'status', from: 'not-started', to: 'in-progress', note: 'on track' } });
    const message = updated();
    expect(message).toMatchObject({ channel: DM, ts: dm.ts });
    expect(JSON.stringify(message.blocks)).toContain('On track — you said so on 26 Nov');
    expect(itemBlocks(message.blocks, 'CI-1')).toEqual([]);
    expect(message.blocks.slice(2)).toEqual(dm.blocks.slice(3));
    expect(message.blocks[0]).toEqual(dm.blocks[0]);
    expect(harness.slack.callsTo('views.publish').length).toBe(published + 1);
  });

  it('changes nothing on a button older than the item, and shows the item as it now stands with fresh buttons', async () => {
    const dm = await postCheckIn(['CI-1', 'CI-2']);
    const old = { id: 'CI-1', version: (await item('CI-1')).version - 1 };
    const before = await tableItems();
    await press(ACTION_IDS.checkInOnTrack, value(old), dm);
    await press(ACTION_IDS.checkInDone, value(old), dm);
    expect(await tableItems()).toBe(before);
    const current = await item('CI-1');
    const shown = itemBlocks(updated().blocks, 'CI-1');
    expect(JSON.stringify(shown[0])).toContain('Changed since this message: now In progress');
    expect(shown[1]).toEqual(checkInActions(current));
    expect(updated().blocks.slice(3)).toEqual(dm.blocks.slice(3));
  });

  it('At risk asks why, then stalls the item with the reason as its note; the message shows it in place', async () => {
    const dm = await postCheckIn(['CI-2', 'CI-3']);
    const before = await item('CI-2');
    await press(ACTION_IDS.checkInAtRisk, value(before), dm);
    const form = openedForm();
    expect(form.callback_id).toBe(VIEW_IDS.checkInAtRisk);
    expect(await submit(form.callback_id, form.private_metadata, { reason: { reason: textInput('Waiting for the budget') } })).toEqual({});
    const after = await item('CI-2');
    expect(after).toMatchObject({ status: 'stalled', version: before.version + 1 });
    expect((await history('CI-2')).at(-1)).toMatchObject({ by: MARIA, change: { type: 'status', to: 'stalled', note: 'Waiting for the budget' } });
    expect(JSON.stringify(updated().blocks)).toContain('At risk — you marked it stalled on 26 Nov: “Waiting for the budget”');
    expect(updated().blocks.slice(2)).toEqual(dm.blocks.slice(3));
  });

  it('Done marks the item done with the optional note', async () => {
    const dm = await postCheckIn(['CI-3']);
    await press(ACTION_IDS.checkInDone, value(await item('CI-3')), dm);
    const form = openedForm();
    expect(form.callback_id).toBe(VIEW_IDS.checkInDone);
    expect(await submit(form.callback_id, form.private_metadata, { note: { note: textInput('Signed in Seoul') } })).toEqual({});
    expect(await item('CI-3')).toMatchObject({ status: 'done' });
    expect((await history('CI-3')).at(-1)).toMatchObject({ by: MARIA, change: { type: 'status', to: 'done', note: 'Signed in Seoul' } });
    expect(JSON.stringify(updated().blocks)).toContain('Done — you marked it done on 26 Nov');
  });

  it('Add note adds the note', async () => {
    const dm = await postCheckIn(['CI-4']);
    await press(ACTION_IDS.checkInNote, value(await item('CI-4')), dm);
    const form = openedForm();
    expect(form.callback_id).toBe(VIEW_IDS.checkInNote);
    expect(await submit(form.callback_id, form.private_metadata, { note: { note: textInput('Draft sent to Tokyo') } })).toEqual({});
    expect((await history('CI-4')).at(-1)).toMatchObject({ by: MARIA, change: { type: 'note', text: 'Draft sent to Tokyo' } });
    expect(JSON.stringify(updated().blocks)).toContain('Noted on 26 Nov: “Draft sent to Tokyo”');
  });

  it('Snooze 1 day and 1 week snooze from today in the track’s zone; until a date asks for the day', async () => {
    let dm = await postCheckIn(['CI-5', 'CI-6']);
    await press(ACTION_IDS.checkInSnooze, snoozeValue('week', await item('CI-5')), dm);
    expect(await item('CI-5')).toMatchObject({ snoozedUntil: '2026-12-03' });
    expect((await history('CI-5')).at(-1)).toMatchObject({ by: MARIA, change: { type: 'snooze', until: '2026-12-03' } });
    expect(JSON.stringify(updated().blocks)).toContain('Snoozed until 3 Dec');
    await press(ACTION_IDS.checkInSnooze, snoozeValue('day', await item('CI-6')), dm);
    expect(await item('CI-6')).toMatchObject({ snoozedUntil: '2026-11-27' });

    dm = await postCheckIn(['CI-7']);
    await press(ACTION_IDS.checkInSnooze, snoozeValue('date', await item('CI-7')), dm);
    const form = openedForm();
    expect(form.callback_id).toBe(VIEW_IDS.checkInSnooze);
    expect(await submit(form.callback_id, form.private_metadata, { until: { until: { type: 'datepicker', selected_date: '2027-01-15' } } })).toEqual({});
    expect(await item('CI-7')).toMatchObject({ snoozedUntil: '2027-01-15' });
    expect(JSON.stringify(updated().blocks)).toContain('Snoozed until 15 Jan');
  });

  it('Not mine hands the owner’s place to the person chosen, as one owners change by the owner', async () => {
    const dm = await postCheckIn(['CI-8']);
    await press(ACTION_IDS.checkInNotMine, value(await item('CI-8')), dm);
    const form = openedForm();
    expect(form.callback_id).toBe(VIEW_IDS.checkInNotMine);
    expect(await submit(form.callback_id, form.private_metadata, { owner: { owner: { type: 'users_select', selected_user: 'U0PEDRO' } } })).toEqual({});
    expect((await item('CI-8')).owners).toEqual([{ label: '<@U0PEDRO>', slackUserId: 'U0PEDRO' }]);
    expect((await history('CI-8')).at(-1)).toMatchObject({ by: MARIA, change: { type: 'field', field: 'owners', from: `<@${MARIA}>`, to: '<@U0PEDRO>' } });
    expect(JSON.stringify(updated().blocks)).toContain('Handed to <@U0PEDRO>');
  });

  it('shows the item as it now stands, and changes nothing, when a form is sent after the item changed', async () => {
    const dm = await postCheckIn(['CI-9']);
    await press(ACTION_IDS.checkInNote, value(await item('CI-9')), dm);
    const form = openedForm();
    await command('note CI-9 "meanwhile"');
    const before = await tableItems();
    expect(await submit(form.callback_id, form.private_metadata, { note: { note: textInput('late') } })).toEqual({});
    expect(await tableItems()).toBe(before);
    expect(JSON.stringify(updated().blocks)).toContain('Changed since this message: now Not started');
  });
});

describe('bad input to a check-in', () => {
  const formFor = async (actionId: string, id: string, pressValue?: string) => {
    const dm = await postCheckIn([id]);
    await press(actionId, pressValue ?? value(await item(id)), dm);
    return openedForm();
  };

  it.each([
    ['today', '2026-11-26', /Thu 26 Nov 2026 is today: snooze until a day after today/],
    ['a day in the past', '2026-11-20', /Fri 20 Nov 2026 is in the past/],
    ['more than a year ahead', '2027-12-01', /more than a year away/],
  ])('refuses a snooze until %s in the form, writing nothing', async (_, date, answer) => {
    const form = await formFor(ACTION_IDS.checkInSnooze, 'CI-9', snoozeValue('date', await item('CI-9')));
    const before = await tableItems();
    const reply = await submit(form.callback_id, form.private_metadata, { until: { until: { type: 'datepicker', selected_date: date } } });
    expect(reply.errors?.['until']).toMatch(answer);
    expect(await tableItems()).toBe(before);
  });

  it.each([
    ['a bot', 'U0ROBOT', /^@u0robot is a bot/],
    ['a deactivated account', 'U0GONE', /is a deactivated account/],
    ['the same person', MARIA, /That is you/],
    ['someone already an owner', 'U0PEDRO', /already owns CI-10/],
  ])('refuses handing an item to %s in the form, writing nothing', async (_, to, answer) => {
    const form = await formFor(ACTION_IDS.checkInNotMine, 'CI-10');
    const before = await tableItems();
    const reply = await submit(form.callback_id, form.private_metadata, { owner: { owner: { type: 'users_select', selected_user: to } } });
    expect(reply.errors?.['owner']).toMatch(answer);
    expect(await tableItems()).toBe(before);
  });

  it('refuses a reason over the limit, and an empty one, writing nothing', async () => {
    const form = await formFor(ACTION_IDS.checkInAtRisk, 'CI-10');
    const before = await tableItems();
    expect((await submit(form.callback_id, form.private_metadata, { reason: { reason: textInput('r'.repeat(1001)) } })).errors?.['reason']).toMatch(/The reason is 1,001 characters long; the limit is 1,000/);
    expect((await submit(form.callback_id, form.private_metadata, { reason: { reason: textInput('  ') } })).errors?.['reason']).toMatch(/Say what holds it up/);
    expect(await tableItems()).toBe(before);
  });

  it('refuses every answer on an archived item with a clear answer, writing nothing', async () => {
    const dm = await postCheckIn(['CI-6']);
    await command('archive CI-6 "superseded"');
    const current = await item('CI-6');
    const before = await tableItems();
    for (const [actionId, pressed] of [
      [ACTION_IDS.checkInOnTrack, value(current)],
      [ACTION_IDS.checkInNotMine, value(current)],
      [ACTION_IDS.checkInSnooze, snoozeValue('week', current)],
    ] as const) {
      const opened = harness.slack.callsTo('views.open').length;
      await press(actionId, pressed, dm);
      expect(JSON.stringify(harness.slack.calls.at(-1)?.args)).toMatch(/CI-6 is archived: nothing about it can change until it is unarchived/);
      expect(harness.slack.callsTo('views.open')).toHaveLength(opened);
    }
    expect(await tableItems()).toBe(before);
    await command('unarchive CI-6');
  });

  it('refuses someone who neither owns the item nor edits the track, writing nothing', async () => {
    const dm = await postCheckIn(['CI-10']);
    const before = await tableItems();
    await command('ci roles add <@U0VIEWS> viewer');
    const roles = await tableItems();
    expect(roles).not.toBe(before);
    await press(ACTION_IDS.checkInOnTrack, value(await item('CI-10')), dm, 'U0VIEWS');
    expect(JSON.stringify(harness.slack.calls.at(-1)?.args)).toMatch(/Only the owners and editors of ci can change it/);
    expect(await tableItems()).toBe(roles);
  });
});

describe('check-ins on Home', () => {
  it('gives the viewer’s own open items the check-in buttons, and an answer there draws Home again', async () => {
    await harness.send(eventCallback(TEAM, { type: 'app_home_opened', user: MARIA, channel: 'D0HOME', tab: 'home', event_ts: '1.1' }));
    const view = JSON.stringify(harness.slack.callsTo('views.publish').at(-1)!.args['view']);
    const current = await item('CI-4');
    expect(view).toContain(ACTION_IDS.checkInOnTrack);
    expect(view).toContain(`"${value(current)}"`);
    const published = harness.slack.callsTo('views.publish').length;
    const updates = harness.slack.callsTo('chat.update').length;
    await press(ACTION_IDS.checkInOnTrack, value(current), 'home');
    expect(await item('CI-4')).toMatchObject({ status: 'in-progress', version: current.version + 1 });
    expect(harness.slack.callsTo('views.publish')).toHaveLength(published + 1);
    expect(harness.slack.callsTo('chat.update')).toHaveLength(updates);
    expect(JSON.stringify(harness.slack.callsTo('views.publish').at(-1)!.args['view'])).toContain(`"CI-4@${current.version + 1}"`);
  });
});
