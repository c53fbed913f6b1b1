import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { MEMBERS_PER_GROUP } from '#shared/domain/bounds';
import type { GroupRecordInput } from '#shared/domain/person';
import { createPeopleStore, type PeopleStore } from '#shared/store/people';
import { groupKey } from '#shared/store/people-params';
import { applyGroupMembersChange, keepGroupFromEvent, keepPersonFromEvent, type PeopleEventDeps } from '#shared/use-cases/people-events';
import { useTestTable } from '../../support/dynamodb.ts';

const table = useTestTable();
const TEAM = 'T0EVENTS';
const NOW = new Date('2026-03-25T01:00:00Z');
const clock = () => NOW;
const people = () => createPeopleStore({ client: table.client, tableName: table.tableName });

/** The real store, with `meanwhile` run after each of the first `times` group reads: another writer winning the race. */
function racedBy(meanwhile: (store: PeopleStore) => Promise<unknown>, times = 1): PeopleEventDeps {
  const store = people();
  let left = times;
  return {
    clock,
    people: {
      ...store,
      async getGroups(teamId, ids) {
        const read = await store.getGroups(teamId, ids);
        if (left-- > 0) await meanwhile(store);
        return read;
      },
    },
  };
}

const groupRecord = (groupId: string, asOfSeconds: number, users: string[]): GroupRecordInput => ({
  teamId: TEAM,
  groupId,
  handle: groupId.toLowerCase(),
  users,
  disabled: false,
  fetchedAt: NOW.toISOString(),
  asOf: asOfSeconds * 1000,
});

const change = (groupId: string, previous: number, update: number, added: string[] = [], removed: string[] = []) => ({
  subteam_id: groupId,
  team_id: TEAM,
  date_previous_update: previous,
  date_update: update,
  added_users: added,
  removed_users: removed,
});

const group = async (groupId: string) => (await people().getGroups(TEAM, [groupId])).get(groupId);

describe('applyGroupMembersChange', () => {
  it('reads again and applies the change over a record another write moved meanwhile', async () => {
    await people().saveGroup(groupRecord('S0RACE', 100, ['U0A']));
    const deps = racedBy((store) => store.saveGroup(groupRecord('S0RACE', 150, ['U0A', 'U0B'])));
    expect(await applyGroupMembersChange(deps, { teamId: TEAM, change: change('S0RACE', 150, 200, ['U0C'], ['U0A']) })).toBe('saved');
    expect(await group('S0RACE')).toMatchObject({ users: ['U0B', 'U0C'], asOf: 200_000 });
  });

  it('changes nothing when the write that won meanwhile is newer than the change', async () => {
    await people().saveGroup(groupRecord('S0NEWER', 100, ['U0A']));
    const deps = racedBy((store) => store.saveGroup(groupRecord('S0NEWER', 300, ['U0Z'])));
    expect(await applyGroupMembersChange(deps, { teamId: TEAM, change: change('S0NEWER', 100, 200, ['U0C']) })).toBe('unchanged');
    expect(await group('S0NEWER')).toMatchObject({ users: ['U0Z'], asOf: 300_000 });
  });

  it('gives up after losing the race twice, leaving the winners’ record', async () => {
    await people().saveGroup(groupRecord('S0BUSY', 100, ['U0A']));
    let at = 100;
    const deps = racedBy((store) => store.saveGroup(groupRecord('S0BUSY', (at += 10), ['U0A', `U0W${at}`])), 2);
    expect(await applyGroupMembersChange(deps, { teamId: TEAM, change: change('S0BUSY', 100, 200, ['U0C']) })).toBe('raced');
    expect(await group('S0BUSY')).toMatchObject({ users: ['U0A', 'U0W120'], asOf: 120_000 });
  });

  it('after a missed change, stays a moment short of this one, so its full list (subteam_updated) still replaces the guess', async () => {
    await people().saveGroup(groupRecord('S0GAP', 100, ['U0A']));
    expect(await applyGroupMembersChange({ people: people(), clock }, { teamId: TEAM, change: change('S0GAP', 200, 300, ['U0C']) })).toBe('saved');
    expect(await group('S0GAP')).toMatchObject({ users: ['U0A', 'U0C'], asOf: 300_000 - 1 });
    const full = { id: 'S0GAP', handle: 's0gap', users: ['U0B', 'U0C'], date_update: 300 };
    expect(await keepGroupFromEvent({ people: people(), clock }, { teamId: TEAM, subteam: full })).toBe('saved');
    expect(await group('S0GAP')).toMatchObject({ users: ['U0B', 'U0C'], asOf: 300_000 });
    expect(await applyGroupMembersChange({ people: people(), clock }, { teamId: TEAM, change: change('S0GAP', 200, 300, ['U0C']) })).toBe('unchanged');
  });

  it('does not undo a disable written while the change was applied', async () => {
    await people().saveGroup(groupRecord('S0OFF', 100, ['U0A']));
    const disable = { id: 'S0OFF', handle: 'gone', date_update: 150, date_delete: 150 };
    const deps = racedBy((store) => keepGroupFromEvent({ people: store, clock }, { teamId: TEAM, subteam: disable }));
    expect(await applyGroupMembersChange(deps, { teamId: TEAM, change: change('S0OFF', 100, 200, ['U0C']) })).toBe('saved');
    expect(await group('S0OFF')).toMatchObject({ handle: 'gone', disabled: true, users: ['U0A', 'U0C'], asOf: 200_000 });
  });

  it('keeps no members once a change takes the group past the member bound, so its role reaches nobody', async () => {
    const members = Array.from({ length: MEMBERS_PER_GROUP }, (_, i) => `U0M${i}`);
    await people().saveGroup(groupRecord('S0GROWS', 100, members));
    expect(await applyGroupMembersChange({ people: people(), clock }, { teamId: TEAM, change: change('S0GROWS', 100, 200, ['U0ONEMORE']) })).toBe('saved');
    expect(await group('S0GROWS')).toMatchObject({ users: [], tooLarge: true, asOf: 200_000 });
  });

  it('answers an event not in the shape Slack documents as unreadable and writes nothing', async () => {
    await people().saveGroup(groupRecord('S0ODD', 100, ['U0A']));
    expect(await applyGroupMembersChange({ people: people(), clock }, { teamId: TEAM, change: { subteam_id: 'S0ODD', added_users: ['U0C'] } })).toBe('unreadable');
    expect(await applyGroupMembersChange({ people: people(), clock }, { teamId: 'not a team', change: change('S0ODD', 100, 200, ['U0C']) })).toBe('unreadable');
    expect(await group('S0ODD')).toMatchObject({ users: ['U0A'], asOf: 100_000 });
  });
});

describe('keepGroupFromEvent', () => {
  it('keeps the recorded members, and their time, when Slack leaves the list out', async () => {
    await people().saveGroup(groupRecord('S0RENAME', 100, ['U0A', 'U0B']));
    expect(await keepGroupFromEvent({ people: people(), clock }, { teamId: TEAM, subteam: { id: 'S0RENAME', handle: 'renamed', date_update: 200 } })).toBe('saved');
    expect(await group('S0RENAME')).toMatchObject({ handle: 'renamed', users: ['U0A', 'U0B'], asOf: 100_000 });
  });

  it('still applies an earlier leave that arrives after a rename without members: the person loses the role', async () => {
    await people().saveGroup(groupRecord('S0LATE', 100, ['U0A', 'U0B']));
    expect(await keepGroupFromEvent({ people: people(), clock }, { teamId: TEAM, subteam: { id: 'S0LATE', handle: 'renamed', date_update: 300 } })).toBe('saved');
    expect(await applyGroupMembersChange({ people: people(), clock }, { teamId: TEAM, change: change('S0LATE', 100, 200, [], ['U0A']) })).toBe('saved');
    expect(await group('S0LATE')).toMatchObject({ handle: 'renamed', users: ['U0B'], asOf: 200_000 });
  });

  it('takes the members of an earlier full list that arrives after a disable, and keeps the group disabled', async () => {
    await people().saveGroup(groupRecord('S0ORDER', 100, ['U0A']));
    const at = (seconds: number, fields: object) => keepGroupFromEvent({ people: people(), clock }, { teamId: TEAM, subteam: { id: 'S0ORDER', date_update: seconds, ...fields } });
    expect(await at(300, { handle: 'closed', date_delete: 300 })).toBe('saved');
    expect(await at(200, { handle: 'older' })).toBe('unchanged');
    expect(await at(250, { handle: 'older', users: ['U0A', 'U0B'] })).toBe('saved');
    expect(await group('S0ORDER')).toMatchObject({ handle: 'closed', disabled: true, users: ['U0A', 'U0B'], asOf: 250_000 });
    expect(await at(250, { handle: 'older', users: ['U0Z'] })).toBe('unchanged');
  });

  it('orders a disable by the one time a record kept before settings had their own, after a members change moved it', async () => {
    // As a group record was written before `settingsAsOf`: one time for members and settings.
    const before = { ...groupKey(TEAM, 'S0KEPT'), ...marshall({ type: 'group', ...groupRecord('S0KEPT', 100, ['U0A']) }) };
    await table.client.send(new PutItemCommand({ TableName: table.tableName, Item: before }));
    expect(await applyGroupMembersChange({ people: people(), clock }, { teamId: TEAM, change: change('S0KEPT', 100, 200, ['U0B']) })).toBe('saved');
    expect(await keepGroupFromEvent({ people: people(), clock }, { teamId: TEAM, subteam: { id: 'S0KEPT', date_update: 150, date_delete: 150 } })).toBe('saved');
    expect(await group('S0KEPT')).toMatchObject({ handle: 's0kept', disabled: true, users: ['U0A', 'U0B'], asOf: 200_000 });
  });

  it('writes nothing for a group with no record (no track names it), with its members or without', async () => {
    expect(await keepGroupFromEvent({ people: people(), clock }, { teamId: TEAM, subteam: { id: 'S0UNNAMED', handle: 'x', users: ['U0A'], date_update: 200 } })).toBe('unchanged');
    expect(await keepGroupFromEvent({ people: people(), clock }, { teamId: TEAM, subteam: { id: 'S0UNNAMED', handle: 'x', date_update: 300 } })).toBe('unchanged');
    expect(await group('S0UNNAMED')).toBeUndefined();
  });

  it('keeps no members of a group past the member bound, so its role reaches nobody', async () => {
    await people().saveGroup(groupRecord('S0HUGE', 100, ['U0A']));
    const users = Array.from({ length: MEMBERS_PER_GROUP + 1 }, (_, i) => `U0M${i}`);
    expect(await keepGroupFromEvent({ people: people(), clock }, { teamId: TEAM, subteam: { id: 'S0HUGE', handle: 'everyone', users, date_update: 200 } })).toBe('saved');
    expect(await group('S0HUGE')).toMatchObject({ handle: 'everyone', users: [], asOf: 200_000 });
  });

  it('applies no members change to a group kept without members for its size: someone who joins it gets no role until a full list under the bound', async () => {
    await people().saveGroup(groupRecord('S0BIG', 100, ['U0A']));
    const users = Array.from({ length: MEMBERS_PER_GROUP + 1 }, (_, i) => `U0M${i}`);
    const subteam = (seconds: number, members: string[]) => keepGroupFromEvent({ people: people(), clock }, { teamId: TEAM, subteam: { id: 'S0BIG', handle: 'big', users: members, date_update: seconds } });
    expect(await subteam(200, users)).toBe('saved');
    // Slack sends both events for one join: the change, then the group with its full list.
    expect(await applyGroupMembersChange({ people: people(), clock }, { teamId: TEAM, change: change('S0BIG', 200, 300, ['U0JOINER']) })).toBe('unchanged');
    expect(await group('S0BIG')).toMatchObject({ users: [], tooLarge: true, asOf: 200_000 });
    expect(await subteam(300, [...users, 'U0JOINER'])).toBe('saved');
    expect(await group('S0BIG')).toMatchObject({ users: [], tooLarge: true, asOf: 300_000 });
    expect(await subteam(400, ['U0A', 'U0JOINER'])).toBe('saved');
    expect(await group('S0BIG')).toMatchObject({ users: ['U0A', 'U0JOINER'], tooLarge: false, asOf: 400_000 });
  });

  it('answers a group with no time as unreadable: it could not be ordered against others', async () => {
    expect(await keepGroupFromEvent({ people: people(), clock }, { teamId: TEAM, subteam: { id: 'S0TIMELESS', handle: 'x', users: ['U0A'] } })).toBe('unreadable');
    expect(await group('S0TIMELESS')).toBeUndefined();
  });
});

describe('keepPersonFromEvent', () => {
  it('keeps the person under the envelope’s workspace, and under their own team when an org-wide delivery names none', async () => {
    const deps = { people: people(), clock };
    const user = { id: 'U0GRID', team_id: 'T0HOME', is_admin: true };
    expect(await keepPersonFromEvent(deps, { teamId: TEAM, user, eventTime: 1_774_400_000, create: true })).toBe('saved');
    expect(await keepPersonFromEvent(deps, { teamId: undefined, user, eventTime: 1_774_400_000, create: true })).toBe('saved');
    expect(await people().get(TEAM, 'U0GRID')).toMatchObject({ user: { is_admin: true }, asOf: 1_774_400_000_000 });
    expect(await people().get('T0HOME', 'U0GRID')).toMatchObject({ user: { is_admin: true }, asOf: 1_774_400_000_000 });
  });

  it('answers a user it cannot read, or a missing event time, as unreadable and writes nothing', async () => {
    const deps = { people: people(), clock };
    expect(await keepPersonFromEvent(deps, { teamId: TEAM, user: { name: 'no id' }, eventTime: 1_774_400_000, create: true })).toBe('unreadable');
    expect(await keepPersonFromEvent(deps, { teamId: TEAM, user: { id: 'U0NOTIME' }, eventTime: Number.NaN, create: true })).toBe('unreadable');
    expect(await people().get(TEAM, 'U0NOTIME')).toBeUndefined();
  });
});
