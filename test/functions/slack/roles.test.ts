import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '#shared/commands/registry';
import { ACTION_IDS, SHORTCUT_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { IMPORT_INPUTS } from '#shared/slack/render/import';
import { ROLE_INPUTS } from '#shared/slack/render/roles';
import { seedBusan } from '#shared/use-cases/seed';
import { commandEvent, eventCallback, interactionEvent } from '#local/slack-request';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { tableItems } from '../../support/slack-commands.ts';

const harness = useSlackHandler();
const TEAM = 'T0ROLES';
const PEOPLE = { owner: 'U0OWNER', editor: 'U0EDITOR', viewer: 'U0VIEWER', guest: 'U0GUEST', stranger: 'U0STRANGER', admin: 'U0ADMIN' } as const;
type Persona = keyof typeof PEOPLE;
const PERSONAS = Object.keys(PEOPLE) as Persona[];
/** What the roles table (docs/roles-and-privacy.md) says each persona may do with a track it holds that role on. */
const MAY: Record<'write' | 'manage' | 'create' | 'self' | 'app', readonly Persona[]> = {
  write: ['owner', 'editor', 'admin'],
  manage: ['owner', 'admin'],
  create: ['owner', 'editor', 'viewer', 'admin'],
  // Their own check-in preferences: guests too, not people from other organisations.
  self: ['owner', 'editor', 'viewer', 'guest', 'admin'],
  // Who manages the app besides them (`manager`): Slack's own admins and owners alone.
  app: ['admin'],
};
const REFUSAL = /Only the owners|Only Slack admins|Guests and people from other organisations|People from other organisations|There is no track called|No track uses the prefix|belongs to someone else/;
const READOUT = 'The two sides agreed to hold a joint dialogue by 30 June 2026.';
let sent = 0;

async function command(text: string, userId: string, channelId = 'C0GENERAL'): Promise<{ text?: string; blocks?: unknown[] }> {
  sent += 1;
  const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, channelId, responseUrl: harness.slack.responseUrl(`cmd${sent}`), triggerId: `t${sent}` }));
  expect(result.statusCode).toBe(200);
  return result.body ? (result.json()) : {};
}

function interaction(payload: Record<string, unknown>, userId: string) {
  sent += 1;
  return harness.send(interactionEvent({ team: { id: TEAM, domain: 'roles' }, user: { id: userId, team_id: TEAM }, api_app_id: 'A0COMMIT', trigger_id: `t${sent}`, ...payload }));
}

function button(actionId: string, value: string, userId: string) {
  return interaction(
    {
      type: 'block_actions',
      response_url: harness.slack.responseUrl(`btn${sent + 1}`),
      channel: { id: 'C0GENERAL', name: 'general' },
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: true },
      message: { type: 'message', ts: '1700000000.000100', text: 'report', blocks: [] },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'x' } }],
    },
    userId,
  );
}

function overflow(actionId: string, value: string, userId: string) {
  return interaction(
    {
      type: 'block_actions',
      response_url: harness.slack.responseUrl(`btn${sent + 1}`),
      channel: { id: 'C0GENERAL', name: 'general' },
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: true },
      message: { type: 'message', ts: '1700000000.000100', text: 'check-in', blocks: [] },
      actions: [{ type: 'overflow', action_id: actionId, block_id: 'b', selected_option: { value, text: { type: 'plain_text', text: 'x' } }, action_ts: '1700000001.000200' }],
    },
    userId,
  );
}

function submit(callbackId: string, metadata: object, values: Record<string, unknown>, userId: string) {
  return interaction(
    { type: 'view_submission', view: { id: 'V0FAKE', type: 'modal', callback_id: callbackId, private_metadata: JSON.stringify(metadata), state: { values }, hash: `h${sent}` } },
    userId,
  );
}

function shortcut(callbackId: string, userId: string) {
  return interaction(
    {
      type: 'message_action',
      callback_id: callbackId,
      channel: { id: 'C0GENERAL', name: 'general' },
      message_ts: '1773277200.000100',
      response_url: harness.slack.responseUrl(`sc${sent + 1}`),
      message: { type: 'message', user: 'U0BOB', ts: '1773277200.000100', text: READOUT },
    },
    userId,
  );
}


/** Side effects in Slack a refusal must not cause either. */
const slackEffects = () => ['views.open', 'files.completeUploadExternal', 'chat.postMessage'].map((m) => harness.slack.callsTo(m).length);

const text = (value: string) => ({ type: 'plain_text_input', value });
const itemVersion = async () => (await harness.store().getCommitment(TEAM, 'MX-1')).version;
/** MX-2 is owned by the viewer, who may answer its check-ins though the role only reads. */
const ownedValue = async () => `MX-2@${(await harness.store().getCommitment(TEAM, 'MX-2')).version}`;
const ownedMetadata = async () => ({ id: 'MX-2', version: (await harness.store().getCommitment(TEAM, 'MX-2')).version });
/** Who may answer a check-in about MX-2: the track's editors, and its owner the viewer. */
const MAY_ANSWER: readonly Persona[] = [...MAY.write, 'viewer'];
const trackVersion = async () => (await harness.store().getTrack(TEAM, 'mx')).version;

beforeAll(async () => {
  Object.assign(harness.slack.options, {
    teamId: TEAM,
    users: {
      U0GUEST: { is_restricted: true },
      U0UGUEST: { is_ultra_restricted: true },
      U0STRANGER: { is_stranger: true, team_id: 'T0OTHER' },
      U0ADMIN: { is_admin: true },
      U0BOT: { is_bot: true },
      U0GONE: { deleted: true },
      U0NOBODY: null,
    },
    fault: (call: { method: string; args: Record<string, unknown> }) =>
      call.method === 'users.info' && call.args['user'] === 'U0FLAKY' ? { kind: 'server-error', status: 503 } : undefined,
  });
  expect((await command('track add mx "Matrix" parties AA,BB tz UTC prefix MX', PEOPLE.owner)).text).toContain('Created track mx');
  expect((await command('mx roles add <@U0EDITOR> editor', PEOPLE.owner)).text).toContain('<@U0EDITOR> is now an editor of mx');
  expect((await command('mx roles add <@U0VIEWER> <@U0GUEST> viewer', PEOPLE.owner)).text).toContain('<@U0GUEST> is now a viewer of mx');
  expect((await command('add mx "First item"', PEOPLE.owner)).text).toContain('Added MX-1');
  expect((await command('add mx "The viewer’s item" owner <@U0VIEWER>', PEOPLE.owner)).text).toContain('Added MX-2');
});

/** A sample of each command that changes something, on the matrix track or its item MX-1. */
const SAMPLES: Record<string, (who: Persona) => string> = {
  'track-add': (who) => `track add mx-${who} "By ${who}" parties AA tz UTC prefix MX${who.slice(0, 1).toUpperCase()}`,
  add: (who) => `add mx "Item by ${who}"`,
  update: (who) => `update MX-1 in-progress "by ${who}"`,
  note: (who) => `note MX-1 "note by ${who}"`,
  done: () => 'done MX-1',
  edit: (who) => `edit MX-1 title "Retitled by ${who}"`,
  log: () => 'log MX-1 2026-01-13 "visit"',
  unlog: () => 'unlog MX-1 2026-01-13',
  archive: (who) => `archive MX-1 "by ${who}"`,
  unarchive: () => 'unarchive MX-1',
  subscribe: () => 'subscribe mx daily 09:00',
  unsubscribe: () => 'unsubscribe mx',
  assess: () => 'assess MX-1 AA +1',
  export: () => 'mx export',
  import: () => 'import mx',
  roles: () => 'mx roles add <@U0EXTRA> viewer',
  visibility: () => 'mx visibility workspace',
  link: () => 'mx link <#C0MATRIX>',
  me: () => 'me',
  'me-set': () => 'me days every day',
  'me-language': () => 'me language en',
  'check-ins-set': (who) => `mx check-ins escalate ${PERSONAS.indexOf(who) + 2}`,
  'settings-set': (who) => `mx settings fy ${PERSONAS.indexOf(who) + 2}`,
  manager: () => 'manager none',
};

const writing = COMMANDS.filter((d) => d.writes || d.need !== 'read');

describe('the authorization matrix', () => {
  it('has a sample for every command that writes or needs more than read', () => {
    expect(writing.map((d) => d.name).filter((name) => !SAMPLES[name])).toEqual([]);
  });

  const commandCases = writing.flatMap((d) => PERSONAS.map((who) => ({ name: d.name, need: d.need, targeted: d.target !== undefined, who })));
  it.each(commandCases)('$name by $who: allowed or refused as the roles table says', async ({ name, need, targeted, who }) => {
    const allowed = (need === 'self' ? MAY.self : targeted ? MAY[need === 'manage' ? 'manage' : 'write'] : need === 'manage' ? MAY.app : MAY.create).includes(who);
    const [before, effects] = [await tableItems(harness), slackEffects()];
    const reply = await command(SAMPLES[name]!(who), PEOPLE[who]);
    if (allowed) {
      expect(reply.text ?? '').not.toMatch(REFUSAL);
    } else {
      expect(reply.text).toMatch(REFUSAL);
      expect(await tableItems(harness)).toBe(before);
      expect(slackEffects()).toEqual(effects);
    }
  });

  let archivedItem: string | undefined;
  it.each(PERSONAS)('button Unarchive by %s unarchives only for editors', async (who) => {
    archivedItem ??= /Added (MX-\d+)/.exec((await command('add mx "Archived in the matrix"', PEOPLE.owner)).text ?? '')![1]!;
    const id = archivedItem;
    const item = async () => harness.store().getCommitment(TEAM, id);
    if (!(await item()).archived) expect((await command(`archive ${id} "matrix"`, PEOPLE.owner)).text).toContain(`Archived ${id}`);
    const [before, effects] = [await tableItems(harness), slackEffects()];
    const result = await button(ACTION_IDS.unarchive, `${id}@${(await item()).version}`, PEOPLE[who]);
    expect(result.statusCode).toBe(200);
    if (MAY.write.includes(who)) {
      expect((await item()).archived).toBeUndefined();
    } else {
      expect(JSON.stringify(harness.slack.calls.at(-1)?.args)).toMatch(REFUSAL);
      expect(slackEffects()).toEqual(effects);
      expect(await tableItems(harness)).toBe(before);
    }
  });

  const itemButtons = [ACTION_IDS.markDone, ACTION_IDS.update, ACTION_IDS.addNote, ACTION_IDS.edit];
  it.each(itemButtons.flatMap((action) => PERSONAS.map((who) => ({ action, who }))))('button $action by $who opens its form only for editors', async ({ action, who }) => {
    const [before, effects] = [await tableItems(harness), slackEffects()];
    const result = await button(action, 'MX-1', PEOPLE[who]);
    expect(result.statusCode).toBe(200);
    if (MAY.write.includes(who)) {
      expect(slackEffects()[0]).toBe(effects[0]! + 1);
    } else {
      expect(JSON.stringify(harness.slack.calls.at(-1)?.args)).toMatch(REFUSAL);
      expect(slackEffects()).toEqual(effects);
      expect(await tableItems(harness)).toBe(before);
    }
  });

  const answerNow = [ACTION_IDS.checkInOnTrack, ACTION_IDS.checkInSnooze];
  it.each(answerNow.flatMap((action) => PERSONAS.map((who) => ({ action, who }))))('check-in $action by $who answers only for the item’s owner and the editors', async ({ action, who }) => {
    const [before, effects] = [await tableItems(harness), slackEffects()];
    const result = action === ACTION_IDS.checkInSnooze ? await overflow(action, `day ${await ownedValue()}`, PEOPLE[who]) : await button(action, await ownedValue(), PEOPLE[who]);
    expect(result.statusCode).toBe(200);
    if (MAY_ANSWER.includes(who)) {
      expect(await tableItems(harness)).not.toBe(before);
      expect((await harness.store().getHistory(TEAM, 'MX-2')).at(-1)?.by).toBe(PEOPLE[who]);
    } else {
      expect(JSON.stringify(harness.slack.calls.at(-1)?.args)).toMatch(REFUSAL);
      expect(slackEffects()).toEqual(effects);
      expect(await tableItems(harness)).toBe(before);
    }
  });

  const checkInForms = [ACTION_IDS.checkInAtRisk, ACTION_IDS.checkInDone, ACTION_IDS.checkInNote, ACTION_IDS.checkInNotMine, ACTION_IDS.checkInSnooze];
  it.each(checkInForms.flatMap((action) => PERSONAS.map((who) => ({ action, who }))))('check-in $action by $who opens its form only for the item’s owner and the editors', async ({ action, who }) => {
    const [before, effects] = [await tableItems(harness), slackEffects()];
    const result = action === ACTION_IDS.checkInSnooze ? await overflow(action, `date ${await ownedValue()}`, PEOPLE[who]) : await button(action, await ownedValue(), PEOPLE[who]);
    expect(result.statusCode).toBe(200);
    if (MAY_ANSWER.includes(who)) {
      expect(slackEffects()[0]).toBe(effects[0]! + 1);
    } else {
      expect(JSON.stringify(harness.slack.calls.at(-1)?.args)).toMatch(REFUSAL);
      expect(slackEffects()).toEqual(effects);
    }
    expect(await tableItems(harness)).toBe(before);
  });

  const forms: { view: string; may: readonly Persona[]; submit: (who: Persona) => Promise<{ body: string }> }[] = [
    { view: VIEW_IDS.update, may: MAY.write, submit: async (who) => submit(VIEW_IDS.update, { id: 'MX-1', version: await itemVersion() }, { status: { status: { type: 'static_select', selected_option: { value: 'stalled' } } }, note: { note: text(`by ${who}`) } }, PEOPLE[who]) },
    { view: VIEW_IDS.addNote, may: MAY.write, submit: async (who) => submit(VIEW_IDS.addNote, { id: 'MX-1', version: await itemVersion() }, { note: { note: text(`by ${who}`) } }, PEOPLE[who]) },
    { view: VIEW_IDS.markDone, may: MAY.write, submit: async (who) => submit(VIEW_IDS.markDone, { id: 'MX-1', version: await itemVersion() }, { note: { note: text(`by ${who}`) } }, PEOPLE[who]) },
    {
      view: VIEW_IDS.edit,
      may: MAY.write,
      submit: async (who) =>
        submit(VIEW_IDS.edit, { id: 'MX-1', version: await itemVersion() }, { title: { title: text(`Form title by ${who}`) }, parties: { parties: text('AA, BB') }, reason: { reason: text(`by ${who}`) } }, PEOPLE[who]),
    },
    { view: VIEW_IDS.addCommitment, may: MAY.write, submit: (who) => submit(VIEW_IDS.addCommitment, { track: 'mx' }, { title: { title: text(`Form item by ${who}`) } }, PEOPLE[who]) },
    {
      view: VIEW_IDS.addTrack,
      may: MAY.create,
      submit: (who) =>
        submit(VIEW_IDS.addTrack, {}, { slug: { slug: text(`form-${who}`) }, title: { title: text('Form track') }, parties: { parties: text('AA') }, time_zone: { time_zone: text('UTC') }, prefix: { prefix: text(`FT${who.slice(0, 1).toUpperCase()}`) } }, PEOPLE[who]),
    },
    { view: VIEW_IDS.importText, may: MAY.write, submit: (who) => submit(VIEW_IDS.importText, { track: 'mx' }, readout(), PEOPLE[who]) },
    {
      view: VIEW_IDS.importPick,
      may: MAY.write,
      async submit(who) {
        // Each may confirm only a draft of their own; the others try the owner's.
        const author = MAY.write.includes(who) ? who : 'owner';
        const proposed = await submit(VIEW_IDS.importText, { track: 'mx' }, readout(), PEOPLE[author]);
        const draft = (JSON.parse(proposed.body) as { view: { private_metadata: string } }).view.private_metadata;
        return submit(VIEW_IDS.importPick, JSON.parse(draft) as object, { [`${IMPORT_INPUTS.pick}_0`]: { [IMPORT_INPUTS.pick]: { type: 'checkboxes', selected_options: [{ value: '0' }] } } }, PEOPLE[who]);
      },
    },
    {
      view: VIEW_IDS.trackRoles,
      may: MAY.manage,
      submit: async (who) =>
        submit(VIEW_IDS.trackRoles, { track: 'mx', version: await trackVersion() }, roleLists({ owner: ['U0OWNER'], editor: ['U0EDITOR'], viewer: ['U0VIEWER', 'U0GUEST', `U0EXTRA`] }), PEOPLE[who]),
    },
    { view: VIEW_IDS.checkInAtRisk, may: MAY_ANSWER, submit: async (who) => submit(VIEW_IDS.checkInAtRisk, await ownedMetadata(), { reason: { reason: text(`by ${who}`) } }, PEOPLE[who]) },
    { view: VIEW_IDS.checkInDone, may: MAY_ANSWER, submit: async (who) => submit(VIEW_IDS.checkInDone, await ownedMetadata(), { note: { note: text(`by ${who}`) } }, PEOPLE[who]) },
    { view: VIEW_IDS.checkInNote, may: MAY_ANSWER, submit: async (who) => submit(VIEW_IDS.checkInNote, await ownedMetadata(), { note: { note: text(`by ${who}`) } }, PEOPLE[who]) },
    {
      view: VIEW_IDS.checkInSnooze,
      may: MAY_ANSWER,
      submit: async (who) => submit(VIEW_IDS.checkInSnooze, await ownedMetadata(), { until: { until: { type: 'datepicker', selected_date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) } } }, PEOPLE[who]),
    },
    // Last: the viewer hands MX-2 on, and owns it no more; the editors are told they do not own it.
    {
      view: VIEW_IDS.checkInNotMine,
      may: MAY_ANSWER,
      submit: async (who) => submit(VIEW_IDS.checkInNotMine, await ownedMetadata(), { owner: { owner: { type: 'users_select', selected_user: 'U0NEXT' } } }, PEOPLE[who]),
    },
  ];

  it('covers every form', () => {
    expect(forms.map((f) => f.view).sort()).toEqual(Object.values(VIEW_IDS).sort());
  });

  it.each(forms.flatMap((form) => PERSONAS.map((who) => ({ form, view: form.view, who }))))('form $view submitted by $who: allowed or refused as the roles table says', async ({ form, who }) => {
    const allowed = form.may.includes(who);
    const before = await tableItems(harness);
    const result = await form.submit(who);
    if (allowed) {
      expect(result.body).not.toMatch(REFUSAL);
    } else {
      expect(result.body).toMatch(REFUSAL);
      // The import draft the owner's text made stays the owner's: compare from after it was made.
      if (form.view !== VIEW_IDS.importPick) expect(await tableItems(harness)).toBe(before);
    }
  });

  it('leaves a draft untouched when someone else submits it', async () => {
    const proposed = await submit(VIEW_IDS.importText, { track: 'mx' }, readout(), PEOPLE.owner);
    const metadata = JSON.parse((JSON.parse(proposed.body) as { view: { private_metadata: string } }).view.private_metadata) as object;
    const before = await tableItems(harness);
    const pick = { [`${IMPORT_INPUTS.pick}_0`]: { [IMPORT_INPUTS.pick]: { type: 'checkboxes', selected_options: [{ value: '0' }] } } };
    for (const who of ['viewer', 'guest', 'stranger', 'editor'] as const) expect((await submit(VIEW_IDS.importPick, metadata, pick, PEOPLE[who])).body).toMatch(REFUSAL);
    expect(await tableItems(harness)).toBe(before);
    expect((await submit(VIEW_IDS.importPick, metadata, pick, PEOPLE.owner)).body).toBe('');
  });

  it.each(Object.values(SHORTCUT_IDS).flatMap((id) => (['guest', 'stranger'] as const).map((who) => ({ id, who }))))('shortcut $id used by a $who opens nothing', async ({ id, who }) => {
    const effects = slackEffects();
    await shortcut(id, PEOPLE[who]);
    expect(slackEffects()).toEqual(effects);
    expect(JSON.stringify(harness.slack.calls.at(-1)?.args)).toMatch(/Guests and people from other organisations/);
  });

  it.each(Object.values(SHORTCUT_IDS))('shortcut %s opens its form for an editor, offering only tracks they may change', async (id) => {
    const opened = harness.slack.callsTo('views.open').length;
    await shortcut(id, PEOPLE.editor);
    expect(harness.slack.callsTo('views.open')).toHaveLength(opened + 1);
    const view = JSON.stringify(harness.slack.callsTo('views.open').at(-1)?.args['view']);
    expect(view).toContain('"mx"');
    expect(view).not.toContain('"mx-owner"');
  });
});

describe('who the caller is', () => {
  it('refuses with a clear message and writes nothing when users.info fails', async () => {
    const before = await tableItems(harness);
    expect((await command('note MX-1 "while Slack is down"', 'U0FLAKY')).text).toMatch(/Slack could not tell me who <@U0FLAKY> is \(http 503\)/);
    expect((await command('mx', 'U0FLAKY')).text).toMatch(/Slack could not tell me who/);
    const result = await submit(VIEW_IDS.addNote, { id: 'MX-1', version: await itemVersion() }, { note: { note: text('x') } }, 'U0FLAKY');
    expect(result.body).toMatch(/Slack could not tell me who/);
    expect(await tableItems(harness)).toBe(before);
  });

  it('lets an ultra-restricted guest with a viewer role read but never write', async () => {
    await command('mx roles add <@U0UGUEST> viewer', PEOPLE.owner);
    expect((await command('mx all', 'U0UGUEST')).text).toContain('Matrix — all items');
    expect((await command('show MX-1', 'U0UGUEST')).text).toContain('MX-1');
    expect((await command('note MX-1 "guest note"', 'U0UGUEST')).text).toMatch(/Guests and people from other organisations/);
  });

  it('tells an item’s owner who only views its track, refused a note by command or from the report, where they may answer about it', async () => {
    const id = /Added (MX-\d+)/.exec((await command('add mx "Owned by a viewer" owner <@U0VIEWER>', PEOPLE.owner)).text ?? '')![1]!;
    const [before, effects] = [await tableItems(harness), slackEffects()];
    const where = /Only the track’s owners and editors can change items of mx\. As an owner of this item, you can answer about it .* from your check-in message or the app’s Home tab/;
    expect((await command(`note ${id} "venue booked"`, PEOPLE.viewer)).text).toMatch(where);
    expect((await button(ACTION_IDS.addNote, id, PEOPLE.viewer)).statusCode).toBe(200);
    expect(JSON.stringify(harness.slack.calls.at(-1)?.args)).toMatch(where);
    expect(slackEffects()).toEqual(effects);
    expect(await tableItems(harness)).toBe(before);
  });
});

describe('role commands', () => {
  it.each([
    ['mx roles add <@U0BOT> editor', /<@U0BOT> is a bot; only people can hold a role/],
    ['mx roles add <@U0GONE> viewer', /<@U0GONE> is a deactivated account/],
    ['mx roles add <@U0STRANGER> editor', /can only be a viewer/],
    ['mx roles add <@U0NOBODY> viewer', /Slack could not tell me who <@U0NOBODY> is \(user_not_found\)/],
    ['mx roles remove <@U0OWNER>', /mx would have no owner left/],
    ['mx roles add <@U0OWNER> viewer', /mx would have no owner left/],
    ['mx roles add <@U0EDITOR> editor', /already so/],
    ['mx visibility private extra', /Nothing more was expected/],
  ])('answers "%s" clearly and writes nothing', async (input, expected) => {
    const before = await tableItems(harness);
    expect((await command(input, PEOPLE.owner)).text).toMatch(expected);
    expect(await tableItems(harness)).toBe(before);
  });

  it('records each change of roles, visibility and links as a history entry', async () => {
    const entries = (await harness.store().getTrackHistory(TEAM, 'mx')).length;
    await command('mx roles add <@U0LATER> editor', PEOPLE.owner);
    await command('mx roles remove <@U0LATER>', PEOPLE.owner);
    const history = await harness.store().getTrackHistory(TEAM, 'mx');
    expect(history.slice(entries).map((e) => e.changes)).toEqual([[{ type: 'role', userId: 'U0LATER', to: 'editor' }], [{ type: 'role', userId: 'U0LATER', from: 'editor' }]]);
    expect(history.at(-1)).toMatchObject({ by: PEOPLE.owner, version: await trackVersion() });
  });

  it('lets a workspace admin claim the Busan track from its roles form', async () => {
    await seedBusan(harness.store(), TEAM, new Date('2026-03-01T00:00:00Z'));
    expect((await command('japan-korea roles', 'U0MEMBER')).text).toMatch(/Only the owners of japan-korea or a workspace admin/);
    const opened = harness.slack.callsTo('views.open').length;
    await command('japan-korea roles', PEOPLE.admin);
    expect(harness.slack.callsTo('views.open')).toHaveLength(opened + 1);
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(VIEW_IDS.trackRoles);
    const result = await submit(VIEW_IDS.trackRoles, JSON.parse(view.private_metadata) as object, roleLists({ owner: [PEOPLE.admin], editor: ['U0MARIA'], viewer: [] }), PEOPLE.admin);
    expect(result.body).toBe('');
    expect((await harness.store().getTrack(TEAM, 'japan-korea')).members).toEqual({ U0ADMIN: 'owner', U0MARIA: 'editor' });
    // The form showed version 1; submitting it again is stale.
    expect((await submit(VIEW_IDS.trackRoles, JSON.parse(view.private_metadata) as object, roleLists({ owner: [PEOPLE.admin], editor: [], viewer: [] }), PEOPLE.admin)).body).toMatch(/since this form opened/);
  });
});

describe('a private track', () => {
  const OUTSIDER = 'U0OUTSIDER';
  beforeAll(async () => {
    await command('track add secret-talks "Secret" parties AA tz UTC prefix ST', PEOPLE.owner);
    await command('add secret-talks "Hidden item"', PEOPLE.owner);
    await command('subscribe secret-talks daily 09:00', PEOPLE.owner, 'C0OPEN');
    expect((await command('secret-talks visibility private', PEOPLE.owner)).text).toContain('secret-talks is now private');
    await command('secret-talks link <#C0LINKED>', PEOPLE.owner);
  });

  const missingAnswer = async (slug: string, suffix = '') => (await command(`${slug}${suffix}`, OUTSIDER)).text?.replaceAll(slug, '<slug>');

  it('answers its report and export for a non-member exactly as for a missing track', async () => {
    const uploads = harness.slack.callsTo('files.completeUploadExternal').length;
    expect(await missingAnswer('secret-talks')).toBe(await missingAnswer('nothing-here'));
    expect(await missingAnswer('secret-talks', ' export')).toBe(await missingAnswer('nothing-here', ' export'));
    expect(harness.slack.callsTo('files.completeUploadExternal')).toHaveLength(uploads);
    expect((await command('show ST-1', OUTSIDER)).text?.replaceAll('ST', 'XX')).toBe((await command('show XX-1', OUTSIDER)).text);
  });

  it('never suggests it or lists it to a non-member', async () => {
    expect((await command('secret-talk', OUTSIDER)).text).not.toContain('secret-talks');
    expect((await command('secret-talk', PEOPLE.owner)).text).toContain('Did you mean secret-talks?');
    expect((await command('', OUTSIDER)).text).not.toContain('secret-talks');
    expect((await command('', PEOPLE.owner)).text).toContain('secret-talks');
    expect((await command('subscriptions', OUTSIDER, 'C0OPEN')).text).not.toContain('secret-talks');
  });

  it('shows it in its linked channel and to its members, but not on a non-member’s Home tab', async () => {
    expect((await command('secret-talks all', OUTSIDER, 'C0LINKED')).text).toContain('Hidden item');
    expect((await command('secret-talks all', OUTSIDER, 'C0LINKED')).text).not.toMatch(REFUSAL);
    await harness.send(eventCallback(TEAM, { type: 'app_home_opened', user: OUTSIDER, channel: 'D0HOME', tab: 'home' }));
    expect(JSON.stringify(harness.slack.callsTo('views.publish').at(-1)?.args)).not.toContain('secret-talks');
    await harness.send(eventCallback(TEAM, { type: 'app_home_opened', user: PEOPLE.owner, channel: 'D0HOME', tab: 'home' }));
    expect(JSON.stringify(harness.slack.callsTo('views.publish').at(-1)?.args)).toContain('secret-talks');
  });

  it('is shared only in a linked channel', async () => {
    const posted = harness.slack.calls.length;
    const reply = await command('secret-talks share', PEOPLE.owner, 'C0ELSEWHERE') as { text?: string; response_type?: string };
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/secret-talks is private: link this channel first/) });
    expect(harness.slack.calls.slice(posted).filter((c) => c.method === 'chat.postMessage')).toEqual([]);
    expect(await command('secret-talks share', PEOPLE.owner, 'C0LINKED')).toMatchObject({ response_type: 'in_channel' });
  });

  it('is subscribed to only in a linked channel', async () => {
    expect((await command('subscribe secret-talks daily 09:00', PEOPLE.owner, 'C0ELSEWHERE')).text).toMatch(/secret-talks is private: link this channel first/);
    expect((await command('subscribe secret-talks daily 09:00', PEOPLE.owner, 'C0LINKED')).text).toMatch(/Subscribed/);
  });
});

describe('the authorization matrix: owners must see the track', () => {
  // Issue 23: an owner who may not read an item's track would be sent its title, due date and
  // notes by every check-in; each way of making someone an owner accepts only readers.
  const OUTSIDER = 'U0NOROLE';
  const ROLELESS_GUEST = 'U0RGUEST';
  /** Who may be made an owner, per track: readers (a role, a workspace track's members, admins) may, the rest may not. */
  const CANDIDATES: { slug: 'ow' | 'mx'; userId: string; sees: boolean; why: string }[] = [
    { slug: 'ow', userId: PEOPLE.viewer, sees: true, why: 'a viewer of the private track' },
    { slug: 'ow', userId: PEOPLE.admin, sees: true, why: 'a workspace admin with no role' },
    { slug: 'ow', userId: OUTSIDER, sees: false, why: 'a member with no role on the private track' },
    { slug: 'ow', userId: PEOPLE.stranger, sees: false, why: 'someone from another organisation with no role' },
    { slug: 'mx', userId: 'U0NEXT', sees: true, why: 'a member, on a workspace track' },
    { slug: 'mx', userId: ROLELESS_GUEST, sees: false, why: 'a guest with no role, on a workspace track' },
    { slug: 'mx', userId: PEOPLE.stranger, sees: false, why: 'someone from another organisation with no role, on a workspace track' },
  ];
  let made = 0;

  beforeAll(async () => {
    Object.assign(harness.slack.options.users!, { [ROLELESS_GUEST]: { is_restricted: true } });
    expect((await command('track add ow "Owners" parties AA,BB tz UTC prefix OW', PEOPLE.owner)).text).toContain('Created track ow');
    expect((await command('ow roles add <@U0VIEWER> viewer', PEOPLE.owner)).text).toContain('is now a viewer of ow');
    expect((await command('ow visibility private', PEOPLE.owner)).text).toContain('ow is now private');
  });

  const idIn = (answer: string | undefined) => /Added \*?([A-Z]+-\d+)/.exec(answer ?? '')?.[1];
  /** A new item of `slug` for one case, added by the track's owner; `holder` owns it. */
  async function newItem(slug: string, holder?: string): Promise<string> {
    made += 1;
    return idIn((await command(`add ${slug} "Handoff case ${made}"${holder ? ` owner <@${holder}>` : ''}`, PEOPLE.owner)).text)!;
  }
  const version = async (id: string) => (await harness.store().getCommitment(TEAM, id)).version;
  const owners = async (id: string) => (await harness.store().getCommitment(TEAM, id)).owners.map((o) => o.slackUserId ?? o.label);
  const users = (ids: string[]) => ({ type: 'multi_users_select', selected_users: ids });
  const editValues = (extra: Record<string, unknown>) => ({ title: { title: text(`Handoff case ${made}`) }, parties: { parties: text('AA, BB') }, reason: { reason: text('new owner') }, ...extra });

  /**
   * Each way of making someone an owner: `setUp` makes the item it works on (written before the
   * count), `hand` makes `userId` an owner and returns the answer and the item it set owners on.
   */
  const PATHS: Record<string, { setUp?: (slug: string) => Promise<string>; hand: (slug: string, userId: string, id?: string) => Promise<{ answer: string; id?: string }> }> = {
    'command add': {
      async hand(slug, userId) {
        const answer = (await command(`add ${slug} "Added for ${userId}" owner <@${userId}>`, PEOPLE.owner)).text ?? '';
        const id = idIn(answer);
        return { answer, ...(id ? { id } : {}) };
      },
    },
    'command edit owner': {
      setUp: (slug) => newItem(slug),
      hand: async (_, userId, id) => ({ answer: (await command(`edit ${id} owner <@${userId}>`, PEOPLE.owner)).text ?? '', id: id! }),
    },
    'add form': {
      async hand(slug, userId) {
        const title = `Form item for ${userId}`;
        const answer = (await submit(VIEW_IDS.addCommitment, { track: slug }, { title: { title: text(title) }, owners: { owners: users([userId]) } }, PEOPLE.owner)).body;
        const id = (await harness.store().getReport(TEAM, slug)).commitments.find((item) => item.title === title)?.id;
        return { answer, ...(id ? { id } : {}) };
      },
    },
    'Edit form': {
      setUp: (slug) => newItem(slug),
      hand: async (_, userId, id) => ({ answer: (await submit(VIEW_IDS.edit, { id, version: await version(id!) }, editValues({ owners: { owners: users([userId]) } }), PEOPLE.owner)).body, id: id! }),
    },
    'Not mine button and form': {
      // The viewer owns the item and hands it on from their check-in.
      setUp: (slug) => newItem(slug, PEOPLE.viewer),
      async hand(_, userId, id) {
        const opened = harness.slack.callsTo('views.open').length;
        expect((await button(ACTION_IDS.checkInNotMine, `${id}@${await version(id!)}`, PEOPLE.viewer)).statusCode).toBe(200);
        expect(harness.slack.callsTo('views.open')).toHaveLength(opened + 1);
        const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; private_metadata: string };
        expect(view.callback_id).toBe(VIEW_IDS.checkInNotMine);
        const answer = (await submit(VIEW_IDS.checkInNotMine, JSON.parse(view.private_metadata) as object, { owner: { owner: { type: 'users_select', selected_user: userId } } }, PEOPLE.viewer)).body;
        return { answer, id: id! };
      },
    },
  };

  it('has a path for every command and form that sets owners', () => {
    const setsOwners = COMMANDS.filter((d) => d.usage.includes('owner @user')).map((d) => d.name);
    expect(setsOwners.sort()).toEqual(['add', 'edit']);
    expect(Object.keys(PATHS)).toEqual(['command add', 'command edit owner', 'add form', 'Edit form', 'Not mine button and form']);
  });

  const cases = Object.keys(PATHS).flatMap((path) => CANDIDATES.map((candidate) => ({ path, ...candidate })));
  it.each(cases)('$path on $slug making $userId ($why) an owner: allowed only if they can see the track', async ({ path, slug, userId, sees }) => {
    const { setUp, hand } = PATHS[path]!;
    const id = setUp ? await setUp(slug) : undefined;
    const before = await tableItems(harness);
    const result = await hand(slug, userId, id);
    if (sees) {
      expect(result.answer).not.toMatch(/give them a role|cannot see/);
      expect(await owners(result.id!)).toContain(userId);
    } else {
      // A form's field error is plain text: the person shows by name (the stand-in's is the lower-case id), elsewhere as a mention.
      expect(result.answer).toMatch(new RegExp(`(${userId}|@${userId.toLowerCase()})\\b.* cannot see ${slug}\\b.*give them a role on it first`));
      expect(await tableItems(harness)).toBe(before);
    }
  });

  const INACTIVE = Object.keys(PATHS).flatMap((path) => [
    { path, userId: 'U0GONE', what: 'a deactivated account' },
    { path, userId: 'U0BOT', what: 'a bot' },
  ]);
  it.each(INACTIVE)('$path making $userId ($what) an owner: refused in the words Not mine uses, nothing written', async ({ path, userId, what }) => {
    const { setUp, hand } = PATHS[path]!;
    const id = setUp ? await setUp('mx') : undefined;
    const before = await tableItems(harness);
    const result = await hand('mx', userId, id);
    expect(result.answer).toMatch(new RegExp(`(${userId}|@${userId.toLowerCase()})\\b.* is ${what}; only a person with an active account can own (an item|${id ?? '-'})\\. Nothing was changed`));
    expect(await tableItems(harness)).toBe(before);
  });

  it.each(['command add', 'command edit owner', 'Edit form'])('%s keeps an owner given by name on a private track', async (path) => {
    const id = path === 'command add' ? idIn((await command('add ow "Named owner" owner "Foreign Ministry"', PEOPLE.owner)).text)! : await newItem('ow');
    if (path === 'command edit owner') expect((await command(`edit ${id} owner "Foreign Ministry"`, PEOPLE.owner)).text).toContain('Changed the owners');
    if (path === 'Edit form') expect((await submit(VIEW_IDS.edit, { id, version: await version(id) }, editValues({ owner_names: { owner_names: text('Foreign Ministry') } }), PEOPLE.owner)).body).toBe('');
    expect(await owners(id)).toEqual(['Foreign Ministry']);
  });
});

function readout() {
  return {
    [IMPORT_INPUTS.meeting]: { [IMPORT_INPUTS.meeting]: text('Matrix meeting') },
    [IMPORT_INPUTS.date]: { [IMPORT_INPUTS.date]: { type: 'datepicker', selected_date: '2026-03-12' } },
    [IMPORT_INPUTS.text]: { [IMPORT_INPUTS.text]: text(READOUT) },
  };
}

function roleLists(lists: { owner: string[]; editor: string[]; viewer: string[] }) {
  return Object.fromEntries(
    (Object.keys(lists) as (keyof typeof lists)[]).map((role) => [ROLE_INPUTS[role], { [ROLE_INPUTS[role]]: { type: 'multi_users_select', selected_users: lists[role] } }]),
  );
}
