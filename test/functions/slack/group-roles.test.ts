import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MEMBERS_PER_GROUP } from '#shared/domain/bounds';
import { createPeopleStore } from '#shared/store/people';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { ROLE_INPUTS } from '#shared/slack/render/roles';
import { commandEvent, eventCallback, interactionEvent } from '#local/slack-request';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { tableItems } from '../../support/slack-commands.ts';

const harness = useSlackHandler();
const TEAM = 'T0GROUPS';
/** A team whose groups Slack cannot list once a track names one. */
const DOWN_TEAM = 'T0GROUPSDOWN';
const OWNER = 'U0OWNER';
const GROUPS = {
  S0EDITORS: { handle: 'gov-affairs', users: ['U0INEDITORS', 'U0GUEST', 'U0BOTH'] },
  S0VIEWERS: { handle: 'observers', users: ['U0INVIEWERS', 'U0BOTH'] },
};
let sent = 0;
let groupsDown = false;

async function command(text: string, userId: string, teamId = TEAM): Promise<string> {
  sent += 1;
  const result = await harness.send(commandEvent(text, { teamId, userId, channelId: 'C0GENERAL', responseUrl: harness.slack.responseUrl(`grp${sent}`), triggerId: `t${sent}` }));
  expect(result.statusCode).toBe(200);
  return result.body ? String(result.json()['text'] ?? '') : '';
}


beforeAll(async () => {
  Object.assign(harness.slack.options, {
    users: { U0GUEST: { is_restricted: true } },
    userGroups: GROUPS,
    fault: (call: { method: string }) => (groupsDown && call.method === 'usergroups.list' ? { kind: 'server-error', status: 503 } : undefined),
  });
  expect(await command('track add gx "Groups" parties AA tz UTC prefix GX', OWNER)).toContain('Created track gx');
  expect(await command('add gx "First item"', OWNER)).toContain('Added GX-1');
  expect(await command('gx roles add <!subteam^S0EDITORS|@gov-affairs> editor', OWNER)).toContain('<!subteam^S0EDITORS> is now an editor of gx');
  expect(await command('gx roles add <!subteam^S0VIEWERS> viewer', OWNER)).toContain('<!subteam^S0VIEWERS> is now a viewer of gx');
});

describe('a user group with a role', () => {
  it('lets a member of an editor group change items', async () => {
    const version = (await harness.store().getCommitment(TEAM, 'GX-1')).version;
    expect(await command('note GX-1 "from the editors"', 'U0INEDITORS')).not.toMatch(/Only the owners/);
    expect((await harness.store().getCommitment(TEAM, 'GX-1')).version).toBe(version + 1);
  });

  it('gives someone in two groups the stronger role', async () => {
    const version = (await harness.store().getCommitment(TEAM, 'GX-1')).version;
    expect(await command('note GX-1 "from both"', 'U0BOTH')).not.toMatch(/Only the owners/);
    expect((await harness.store().getCommitment(TEAM, 'GX-1')).version).toBe(version + 1);
  });

  it('lets a member of a viewer group read but not change items', async () => {
    const before = await tableItems(harness);
    expect(await command('gx all', 'U0INVIEWERS')).toContain('Groups — all items');
    expect(await command('note GX-1 "from a viewer"', 'U0INVIEWERS')).toMatch(/Only the owners and editors of gx can change it/);
    expect(await tableItems(harness)).toBe(before);
  });

  it('gives nothing to someone in none of its groups', async () => {
    const before = await tableItems(harness);
    expect(await command('note GX-1 "from outside"', 'U0NOGROUP')).toMatch(/Only the owners and editors of gx can change it/);
    expect(await tableItems(harness)).toBe(before);
  });

  it('keeps a guest in an editor group read-only', async () => {
    const before = await tableItems(harness);
    expect(await command('show GX-1', 'U0GUEST')).toContain('GX-1');
    expect(await command('note GX-1 "from a guest"', 'U0GUEST')).toMatch(/Guests and people from other organisations can read gx but not change it/);
    expect(await tableItems(harness)).toBe(before);
  });

  it('does not let an editor group’s members manage the track', async () => {
    expect(await command('gx roles add <@U0INEDITORS> viewer', 'U0INEDITORS')).toMatch(/Only the owners of gx/);
  });
});

describe('item buttons', () => {
  /** Whether what `userId` is shown carries an item's Mark done button: the answer to `text`, or their Home tab. */
  async function hasButtons(userId: string, text?: string): Promise<boolean> {
    sent += 1;
    if (text === undefined) {
      const before = harness.slack.calls.length;
      await harness.send(eventCallback(TEAM, { type: 'app_home_opened', user: userId, channel: 'D0HOME', tab: 'home', event_ts: `${sent}.1` }, { eventId: `Ev0GRPHOME${sent}` }));
      const home = harness.slack.calls.slice(before).filter((c) => c.method === 'views.publish').at(-1);
      expect(JSON.stringify(home?.args)).toContain('GX-1');
      return JSON.stringify(home?.args).includes(ACTION_IDS.markDone);
    }
    const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, channelId: 'C0GENERAL', responseUrl: harness.slack.responseUrl(`grp${sent}`), triggerId: `t${sent}` }));
    const blocks = JSON.stringify(result.json()['blocks']);
    expect(blocks).toContain('GX-1');
    return blocks.includes(ACTION_IDS.markDone);
  }

  it('are drawn only for those who may change items (an editor group’s member, not a viewer group’s, a member with no role or a guest), and on a report shared to the channel', async () => {
    // Overdue, so the Home tab lists it with its buttons too.
    expect(await command('edit GX-1 due yesterday "moved to yesterday"', OWNER)).toMatch(/already overdue/);
    for (const where of ['gx all', 'show GX-1', undefined]) {
      expect(await hasButtons('U0INEDITORS', where)).toBe(true);
      expect(await hasButtons('U0INVIEWERS', where)).toBe(false);
      expect(await hasButtons('U0NOGROUP', where)).toBe(false);
      expect(await hasButtons('U0GUEST', where)).toBe(false);
    }
    // Posted to the channel, a report keeps them: whoever presses one there is checked then.
    expect(await hasButtons('U0INVIEWERS', 'gx all share')).toBe(true);
  });
});

describe('role commands with user groups', () => {
  it('records adding and removing a group as history entries', async () => {
    const entries = (await harness.store().getTrackHistory(TEAM, 'gx')).length;
    expect(await command('gx roles add <!subteam^S0VIEWERS|@observers> editor', OWNER)).toContain('<!subteam^S0VIEWERS> is now an editor of gx');
    expect(await command('gx roles remove <!subteam^S0VIEWERS|@observers>', OWNER)).toContain('<!subteam^S0VIEWERS> no longer has a role on gx');
    const history = await harness.store().getTrackHistory(TEAM, 'gx');
    expect(history.slice(entries).map((e) => e.changes)).toEqual([
      [{ type: 'role', userId: 'S0VIEWERS', from: 'viewer', to: 'editor' }],
      [{ type: 'role', userId: 'S0VIEWERS', from: 'editor' }],
    ]);
    expect(history.at(-1)).toMatchObject({ by: OWNER });
    await command('gx roles add <!subteam^S0VIEWERS> viewer', OWNER);
  });

  it('refuses an unknown group and writes nothing', async () => {
    const before = await tableItems(harness);
    expect(await command('gx roles add <!subteam^S0NOSUCH|@nobody> editor', OWNER)).toMatch(/Slack knows no user group &lt;!subteam\^S0NOSUCH&gt;/);
    expect(await tableItems(harness)).toBe(before);
  });

  it('refuses a group past the member bound, saying so, and writes nothing', async () => {
    const everyone = Array.from({ length: MEMBERS_PER_GROUP + 1 }, (_, i) => `U0M${i}`);
    harness.slack.options.userGroups = { ...GROUPS, S0HUGE: { handle: 'everyone', users: everyone } };
    const before = await tableItems(harness);
    expect(await command('gx roles add <!subteam^S0HUGE|@everyone> viewer', OWNER)).toMatch(/&lt;!subteam\^S0HUGE&gt; has 1,001 members; a user group with a role may have at most 1,000\./);
    expect(await tableItems(harness)).toBe(before);
  });

  it('refuses and writes nothing when Slack cannot list the groups', async () => {
    const before = await tableItems(harness);
    groupsDown = true;
    try {
      expect(await command('gx roles add <!subteam^S0EDITORS> owner', OWNER)).toMatch(/Slack could not tell me who is in which user group \(http 503\)/);
    } finally {
      groupsDown = false;
    }
    expect(await tableItems(harness)).toBe(before);
  });

  it('does not count a group owner as the last owner', async () => {
    await command('gx roles add <!subteam^S0EDITORS> owner', OWNER);
    const before = await tableItems(harness);
    expect(await command('gx roles remove <@U0OWNER>', OWNER)).toMatch(/gx would have no owner left \(a user group does not count\)/);
    expect(await tableItems(harness)).toBe(before);
    await command('gx roles add <!subteam^S0EDITORS> editor', OWNER);
  });

  it('shows the groups in the roles form and keeps them when it is saved', async () => {
    const opened = harness.slack.callsTo('views.open').length;
    await command('gx roles', OWNER);
    expect(harness.slack.callsTo('views.open')).toHaveLength(opened + 1);
    const view = JSON.stringify(harness.slack.callsTo('views.open').at(-1)?.args['view']);
    expect(view).toContain('Groups: <!subteam^S0EDITORS> (editor), <!subteam^S0VIEWERS> (viewer) — change with /commitments gx roles add|remove @group');
    expect(view).not.toMatch(/initial_users[^\]]*S0/);
    const metadata = JSON.parse((harness.slack.callsTo('views.open').at(-1)?.args['view'] as { private_metadata: string }).private_metadata) as object;
    const picked = (role: keyof typeof ROLE_INPUTS, users: string[]) => [ROLE_INPUTS[role], { [ROLE_INPUTS[role]]: { type: 'multi_users_select', selected_users: users } }];
    const values = Object.fromEntries([picked('owner', [OWNER]), picked('editor', ['U0MARIA']), picked('viewer', [])]);
    sent += 1;
    const result = await harness.send(
      interactionEvent({
        type: 'view_submission',
        team: { id: TEAM, domain: 'groups' },
        user: { id: OWNER, team_id: TEAM },
        api_app_id: 'A0COMMIT',
        trigger_id: `t${sent}`,
        view: { id: 'V0FAKE', type: 'modal', callback_id: VIEW_IDS.trackRoles, private_metadata: JSON.stringify(metadata), state: { values }, hash: `h${sent}` },
      }),
    );
    expect(result.body).toBe('');
    expect((await harness.store().getTrack(TEAM, 'gx')).members).toEqual({ U0OWNER: 'owner', U0MARIA: 'editor', S0EDITORS: 'editor', S0VIEWERS: 'viewer' });
  });
});

describe('the group lookup when a track names a group', () => {
  it('refuses with a clear message and writes nothing when Slack cannot answer', async () => {
    expect(await command('track add dx "Down" parties AA tz UTC prefix DX', OWNER, DOWN_TEAM)).toContain('Created track dx');
    expect(await command('add dx "First item"', OWNER, DOWN_TEAM)).toContain('Added DX-1');
    // Written directly: through the command, Slack would have answered and the answer been cached.
    const track = await harness.store().getTrack(DOWN_TEAM, 'dx');
    await harness.store().saveTrackAccess(track, { ...track, members: { ...track.members, S0EDITORS: 'editor' } }, [{ type: 'role', userId: 'S0EDITORS', to: 'editor' }], OWNER, new Date());
    const before = await tableItems(harness);
    groupsDown = true;
    try {
      expect(await command('note DX-1 "while Slack is down"', 'U0INEDITORS', DOWN_TEAM)).toMatch(/Slack could not tell me who is in which user group \(http 503\)/);
    } finally {
      groupsDown = false;
    }
    expect(await tableItems(harness)).toBe(before);
    expect(await command('note DX-1 "once Slack is back"', 'U0INEDITORS', DOWN_TEAM)).not.toMatch(/could not|Only the owners/);
  });
});

describe('group records past a day old', () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterAll(() => vi.useRealTimers());

  it('serve the request as they are, and are listed again after the answer', async () => {
    vi.setSystemTime(Date.now() + 2 * 86_400_000);
    const version = (await harness.store().getCommitment(TEAM, 'GX-1')).version;
    sent += 1;
    const before = harness.slack.calls.length;
    const result = await harness.send(commandEvent('note GX-1 "two days on"', { teamId: TEAM, userId: 'U0INEDITORS', channelId: 'C0GENERAL', responseUrl: harness.slack.responseUrl(`grp${sent}`), triggerId: `t${sent}` }));
    expect(result.callsBeforeAnswer.slice(before).map((call) => call.method)).not.toContain('usergroups.list');
    expect((await harness.store().getCommitment(TEAM, 'GX-1')).version).toBe(version + 1);
    // harness.send waits for the work after the answer.
    const records = await createPeopleStore({ client: harness.table.client, tableName: harness.table.tableName }).getGroups(TEAM, ['S0EDITORS', 'S0VIEWERS']);
    for (const record of records.values()) expect(Date.now() - record.asOf).toBeLessThan(60_000);
  });
});
