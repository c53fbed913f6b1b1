import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FRESHNESS } from '#shared/domain/person';
import { createPeopleStore } from '#shared/store/people';
import { commandEvent, eventCallback, signedEvent, type HttpApiEvent } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { captureLogLines } from '../../support/log-lines.ts';

const harness = useSlackHandler({ countRequests: true });
const TEAM = 'T0PEOPLE';
const NOW = new Date('2026-03-25T01:00:00Z');
useBusanAt(harness, TEAM, NOW);

const ADMIN = 'U0ADMIN';
const MEMBER = 'U0MEMBER';
const OWNER = 'U0OWNER';
const IN_GROUP = 'U0INGROUP';
const JOINS_GROUP = 'U0JOINSGROUP';
const GROUP = 'S0GOV';
/** The cases of times ahead, names and failed deliveries, apart from the others'. */
const EDGE_ADMIN = 'U0EADMIN';
const EDGE_OWNER = 'U0EOWNER';
const EDGE_LEAVER = 'U0ELEAVER';
const EDGE_GROUP = 'S0EOWNERS';
/** Ten years ahead of the clock: a time no change can have happened at. */
const FAR_AHEAD_S = 10 * 365 * 86_400;
let sent = 0;
let clock = NOW.getTime();

const people = () => createPeopleStore({ client: harness.table.client, tableName: harness.table.tableName });
const infoCalls = (user: string) => harness.slack.callsTo('users.info').filter((call) => call.args['user'] === user).length;

/** Moves the frozen clock on by `seconds` and answers the new time in Slack's event seconds. */
function tick(seconds = 60): number {
  clock += seconds * 1000;
  vi.setSystemTime(clock);
  return clock / 1000;
}

async function command(text: string, userId: string): Promise<string> {
  sent += 1;
  const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, channelId: 'C0GENERAL', responseUrl: harness.slack.responseUrl(`pe${sent}`), triggerId: `t${sent}` }));
  expect(result.statusCode).toBe(200);
  return result.body ? String(result.json()['text'] ?? '') : '';
}

/**
 * An event as Slack delivers it now, about a change at `eventTime` (seconds): a late or retried
 * delivery carries its original time, signed at the time it is sent.
 */
function deliveredNow(event: Record<string, unknown>, eventTime: number, eventId?: string): HttpApiEvent {
  const envelope = JSON.parse(eventCallback(TEAM, event, eventId ? { eventId } : {}).body) as Record<string, unknown>;
  return signedEvent(JSON.stringify({ ...envelope, event_time: eventTime }), { contentType: 'application/json' });
}

async function deliver(event: Record<string, unknown>, eventTime: number, eventId?: string): Promise<void> {
  const result = await harness.send(deliveredNow(event, eventTime, eventId));
  expect(result.statusCode).toBe(200);
}

const userChange = (id: string, standing: Record<string, boolean> = {}) => ({
  type: 'user_change',
  user: { id, team_id: TEAM, name: id.toLowerCase(), real_name: `Person ${id}`, tz: 'Asia/Tokyo', profile: { display_name: id.toLowerCase(), real_name: `Person ${id}` }, ...standing },
  cache_ts: clock / 1000,
  event_ts: `${clock / 1000}.000100`,
});

const subteam = (dateUpdate: number, users: string[], dateDelete = 0) => ({
  id: GROUP,
  team_id: TEAM,
  is_usergroup: true,
  name: 'Government affairs',
  handle: 'gov-affairs',
  date_create: NOW.getTime() / 1000 - 86_400,
  date_update: dateUpdate,
  date_delete: dateDelete,
  users,
  user_count: users.length,
});

const membersChanged = (previous: number, dateUpdate: number, change: { added?: string[]; removed?: string[] }) => ({
  type: 'subteam_members_changed',
  subteam_id: GROUP,
  team_id: TEAM,
  date_previous_update: previous,
  date_update: dateUpdate,
  added_users: change.added ?? [],
  added_users_count: String(change.added?.length ?? 0),
  removed_users: change.removed ?? [],
  removed_users_count: String(change.removed?.length ?? 0),
  event_ts: `${dateUpdate}.000200`,
});

beforeAll(() => {
  Object.assign(harness.slack.options, {
    teamId: TEAM,
    users: { [ADMIN]: { is_admin: true } },
    userGroups: { [GROUP]: { handle: 'gov-affairs', users: [IN_GROUP] } },
  });
});

describe('user_change', () => {
  it('makes an admin turned guest a guest on the next request of a warm container, without asking Slack', async () => {
    expect(await command(`japan-korea roles add <@${OWNER}> owner`, ADMIN)).toContain(`<@${OWNER}> is now an owner of japan-korea`);
    const lookups = infoCalls(ADMIN);
    // This container has answered them from their record since: no copy of it may outlive that request.
    tick();
    expect(await command('japan-korea', ADMIN)).toContain('JK-1');
    await deliver(userChange(ADMIN, { is_admin: false, is_restricted: true }), tick());
    tick();
    // Slack's users.info still says admin: only the event can have made this a refusal.
    expect(await command('japan-korea visibility private', ADMIN)).toContain('There is no track called "japan-korea"');
    expect((await harness.store().getTrack(TEAM, 'japan-korea')).visibility).toBe('workspace');
    expect(infoCalls(ADMIN)).toBe(lookups);
  });

  it('keeps a newer change when an older one arrives after it, and keeps the language the lookup gave', async () => {
    await command('list', MEMBER);
    expect(await people().get(TEAM, MEMBER)).toMatchObject({ locale: 'en-US', user: { is_restricted: false } });
    const older = tick();
    const newer = tick();
    await deliver(userChange(MEMBER, { is_restricted: true }), newer);
    const kept = await people().get(TEAM, MEMBER);
    expect(kept).toMatchObject({ asOf: newer * 1000, locale: 'en-US', user: { is_restricted: true, tz: 'Asia/Tokyo' } });
    tick();
    await deliver(userChange(MEMBER, { is_restricted: false }), older);
    expect(await people().get(TEAM, MEMBER)).toEqual(kept);
  });

  it('runs a repeated delivery (same event id) once, and changes nothing for another event of the same time', async () => {
    const at = tick();
    await deliver(userChange(MEMBER, { is_restricted: false }), at, 'Ev0PEOPLEDUP');
    const kept = await people().get(TEAM, MEMBER);
    expect(kept).toMatchObject({ asOf: at * 1000, user: { is_restricted: false } });
    tick();
    await deliver(userChange(MEMBER, { is_restricted: true }), at + 1, 'Ev0PEOPLEDUP');
    expect(await people().get(TEAM, MEMBER)).toEqual(kept);
    tick();
    await deliver(userChange(MEMBER, { is_restricted: true }), at, 'Ev0PEOPLESAMETIME');
    expect(await people().get(TEAM, MEMBER)).toEqual(kept);
  });

  it('writes nothing for a person the bot has never met, at the cost of one conditional write besides the event claim', async () => {
    harness.requests().reset();
    await deliver(userChange('U0STRANGE', { is_admin: true }), tick());
    expect(await people().get(TEAM, 'U0STRANGE')).toBeUndefined();
    expect(harness.requests().snapshot()).toEqual({ PutItem: 1, UpdateItem: 1 });
  });
});

describe('team_join', () => {
  it('keeps a record of someone who joins, so their first request asks Slack nothing', async () => {
    await deliver({ ...userChange('U0NEWCOMER'), type: 'team_join' }, tick());
    expect(await people().get(TEAM, 'U0NEWCOMER')).toMatchObject({ user: { id: 'U0NEWCOMER', is_restricted: false }, asOf: clock });
    tick();
    await command('list', 'U0NEWCOMER');
    expect(infoCalls('U0NEWCOMER')).toBe(0);
  });
});

describe('user group events', () => {
  const group = async () => (await people().getGroups(TEAM, [GROUP])).get(GROUP);
  const note = (who: string) => command(`note GX-1 "from ${who}"`, who);

  beforeAll(async () => {
    tick();
    expect(await command('track add gx "Groups" parties AA tz UTC prefix GX', OWNER)).toContain('Created track gx');
    expect(await command('add gx "First item"', OWNER)).toContain('Added GX-1');
    expect(await command(`gx roles add <!subteam^${GROUP}|@gov-affairs> editor`, OWNER)).toContain(`<!subteam^${GROUP}> is now an editor of gx`);
  });

  it('applies a members change to the group record, and its role follows on the next request', async () => {
    expect(await note(IN_GROUP)).not.toMatch(/Only the owners/);
    expect(await note(JOINS_GROUP)).toMatch(/Only the owners and editors of gx can change it/);
    const listed = harness.slack.callsTo('usergroups.list').length;
    // The group's previous update, which the listing saw: a second before the one it was asked in.
    const before = Math.floor((await group())!.asOf / 1000);
    const at = tick();
    await deliver(membersChanged(before, at, { added: [JOINS_GROUP], removed: [IN_GROUP] }), at);
    expect(await group()).toMatchObject({ users: [JOINS_GROUP], asOf: at * 1000 });
    tick();
    expect(await note(JOINS_GROUP)).not.toMatch(/Only the owners/);
    expect(await note(IN_GROUP)).toMatch(/Only the owners and editors of gx can change it/);
    expect(harness.slack.callsTo('usergroups.list')).toHaveLength(listed);
  });

  it('changes nothing for a repeated or older members change', async () => {
    const kept = await group();
    const at = kept!.asOf / 1000;
    tick();
    await deliver(membersChanged(at - 60, at, { added: [JOINS_GROUP], removed: [IN_GROUP] }), at);
    expect(await group()).toEqual(kept);
    await deliver(membersChanged(at - 120, at - 60, { added: [IN_GROUP], removed: [JOINS_GROUP] }), at - 60);
    expect(await group()).toEqual(kept);
  });

  it('replaces the members with a newer subteam_updated, ignores an older one, and a disabled group gives nobody its role', async () => {
    const at = tick();
    await deliver({ type: 'subteam_updated', subteam: subteam(at, [IN_GROUP, JOINS_GROUP]), event_ts: `${at}.000300` }, at);
    expect(await group()).toMatchObject({ users: [IN_GROUP, JOINS_GROUP], disabled: false, asOf: at * 1000 });
    const kept = await group();
    tick();
    await deliver({ type: 'subteam_updated', subteam: subteam(at - 30, []), event_ts: `${at - 30}.000300` }, at - 30);
    expect(await group()).toEqual(kept);
    expect(await note(IN_GROUP)).not.toMatch(/Only the owners/);
    const disabledAt = tick();
    await deliver({ type: 'subteam_updated', subteam: subteam(disabledAt, [IN_GROUP, JOINS_GROUP], disabledAt), event_ts: `${disabledAt}.000300` }, disabledAt);
    expect(await group()).toMatchObject({ disabled: true, asOf: disabledAt * 1000 });
    tick();
    expect(await note(IN_GROUP)).toMatch(/Only the owners and editors of gx can change it/);
  });

  it('keeps no record of a group no track names, at the cost of one conditional write besides the event claim, and leaves a members change of a group without a record to its first lookup', async () => {
    const at = tick();
    harness.requests().reset();
    await deliver({ type: 'subteam_created', subteam: { ...subteam(at, [MEMBER]), id: 'S0NEW', handle: 'new-group' }, event_ts: `${at}.000400` }, at);
    expect((await people().getGroups(TEAM, ['S0NEW'])).size).toBe(0);
    expect(harness.requests().snapshot()).toEqual({ PutItem: 1, UpdateItem: 1 });
    const later = tick();
    await deliver({ ...membersChanged(0, later, { added: [MEMBER] }), subteam_id: 'S0UNSEEN' }, later);
    expect((await people().getGroups(TEAM, ['S0UNSEEN'])).size).toBe(0);
  });
});

describe('a user group that owns a track', () => {
  const OWNERS = 'S0OWNERS';
  const LEAVER = 'U0LEAVER';

  beforeAll(async () => {
    harness.slack.options.userGroups = { ...harness.slack.options.userGroups, [OWNERS]: { handle: 'owners', users: [LEAVER] } };
    tick();
    expect(await command('track add ox "Owned by a group" parties AA tz UTC prefix OX', OWNER)).toContain('Created track ox');
    expect(await command(`ox roles add <!subteam^${OWNERS}|@owners> owner`, OWNER)).toContain(`<!subteam^${OWNERS}> is now an owner of ox`);
  });

  it('is not asked about when the caller owns the track by name: the group decides nothing for them', async () => {
    const listed = harness.slack.callsTo('usergroups.list').length;
    tick(FRESHNESS.manageMs / 1000 + 60);
    expect(await command('ox link <#C0OXDESK|ox-desk>', OWNER)).toContain('<#C0OXDESK> is linked to ox');
    expect(harness.slack.callsTo('usergroups.list')).toHaveLength(listed);
  });

  it('is asked of Slack again to manage once its record is an hour old, so someone who left it (the event lost) manages nothing', async () => {
    // The leaver is out of the group in Slack; its subteam_members_changed never arrives.
    harness.slack.options.userGroups = { ...harness.slack.options.userGroups, [OWNERS]: { handle: 'owners', users: [] } };
    const listed = harness.slack.callsTo('usergroups.list').length;
    tick(FRESHNESS.manageMs / 1000 + 60);
    expect(await command('ox visibility private', LEAVER)).toMatch(/Only the owners of ox or a workspace admin can change its settings or who may use it/);
    expect((await harness.store().getTrack(TEAM, 'ox')).visibility).toBe('workspace');
    expect(harness.slack.callsTo('usergroups.list')).toHaveLength(listed + 1);
    expect((await people().getGroups(TEAM, [OWNERS])).get(OWNERS)).toMatchObject({ users: [] });
  });
});

describe('an event timed far ahead of the clock', () => {
  beforeAll(() => {
    harness.slack.options.users = { ...harness.slack.options.users, [EDGE_ADMIN]: { is_admin: true } };
    harness.slack.options.userGroups = { ...harness.slack.options.userGroups, [EDGE_GROUP]: { handle: 'towners', users: [EDGE_LEAVER] } };
  });

  it('does not freeze a person record: a later demotion applies, and Slack is asked again once the record is old', async () => {
    tick();
    expect(await command(`japan-korea roles add <@${EDGE_OWNER}> owner`, EDGE_ADMIN)).toContain(`<@${EDGE_OWNER}> is now an owner of japan-korea`);
    // A user_change whose event_time is years ahead (a clock or a sender gone wrong).
    await deliver(userChange(EDGE_ADMIN, { is_admin: true }), tick() + FAR_AHEAD_S);
    // Slack demotes them now: the event of it, at the right time, and users.info both say so.
    harness.slack.options.users = { ...harness.slack.options.users, [EDGE_ADMIN]: { is_admin: false, is_restricted: true } };
    await deliver(userChange(EDGE_ADMIN, { is_admin: false, is_restricted: true }), tick());
    tick(FRESHNESS.manageMs / 1000 + 60);
    expect(await command('japan-korea visibility private', EDGE_ADMIN)).toContain('There is no track called "japan-korea"');
    expect((await harness.store().getTrack(TEAM, 'japan-korea')).visibility).toBe('workspace');
    expect((await people().get(TEAM, EDGE_ADMIN))?.user.is_admin).toBe(false);
  });

  it('does not freeze a user group’s members: someone who left it no longer owns the track through it', async () => {
    tick();
    expect(await command('track add timed "Timed" parties AA tz UTC prefix TM', EDGE_OWNER)).toContain('Created track timed');
    expect(await command(`timed roles add <!subteam^${EDGE_GROUP}|@towners> owner`, EDGE_OWNER)).toContain(`is now an owner of timed`);
    const ahead = tick() + FAR_AHEAD_S;
    await deliver(
      { type: 'subteam_updated', subteam: { id: EDGE_GROUP, team_id: TEAM, is_usergroup: true, name: 'Owners', handle: 'towners', date_create: 1, date_update: ahead, date_delete: 0, users: [EDGE_LEAVER], user_count: 1 }, event_ts: `${clock / 1000}.000300` },
      clock / 1000,
    );
    // The leaver is out of the group in Slack; the members change saying so arrives with the right times.
    harness.slack.options.userGroups = { ...harness.slack.options.userGroups, [EDGE_GROUP]: { handle: 'towners', users: [] } };
    const at = tick();
    await deliver(
      { type: 'subteam_members_changed', subteam_id: EDGE_GROUP, team_id: TEAM, date_previous_update: at - 60, date_update: at, added_users: [], added_users_count: '0', removed_users: [EDGE_LEAVER], removed_users_count: '1', event_ts: `${at}.000200` },
      at,
    );
    tick(FRESHNESS.manageMs / 1000 + 60);
    expect(await command('timed visibility private', EDGE_LEAVER)).toMatch(/Only the owners of timed or a workspace admin can change its settings or who may use it/);
    expect((await harness.store().getTrack(TEAM, 'timed')).visibility).toBe('workspace');
  });
});

describe('a name Slack gives in a user_change', () => {
  it('shows in an export without invisible or direction-changing characters', async () => {
    tick();
    expect(await command('track add named "Named" parties AA tz UTC prefix NM', EDGE_OWNER)).toContain('Created track named');
    expect(await command(`add named "First item" owner <@${EDGE_OWNER}|o>`, EDGE_OWNER)).toContain('Added NM-1');
    // The owner renames themselves in Slack: a right-to-left override and zero-width marks in their display name.
    const at = tick();
    await deliver({ type: 'user_change', user: { id: EDGE_OWNER, team_id: TEAM, name: 'owner', real_name: 'Owner', profile: { display_name: 'Maria\u202Egnp.exe\u200B\u2066', real_name: 'Owner' } }, event_ts: `${at}.5` }, at);
    expect((await people().get(TEAM, EDGE_OWNER))?.user.profile?.display_name).toContain('\u202E');
    const before = harness.slack.uploadedFiles().length;
    tick();
    await command('named export', EDGE_OWNER);
    const files = harness.slack.uploadedFiles().slice(before);
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file.content).toContain('Maria');
      expect(file.content).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
    }
  });
});

describe('a delivery whose listener fails', () => {
  it('is answered with an error and its event id given back, so Slack’s retry runs it (as serveEventOnce promises)', async () => {
    // Any failure of the listener's write stands here: DynamoDB refuses an item past 400 KB.
    tick();
    await command('list', EDGE_OWNER);
    const at = tick();
    const envelope = JSON.parse(eventCallback(TEAM, { type: 'user_change', user: { id: EDGE_OWNER, team_id: TEAM, name: 'n'.repeat(420_000), is_admin: true }, event_ts: `${at}.7` }, { eventId: 'Ev0TFAILS' }).body) as Record<string, unknown>;
    const logs = captureLogLines();
    const result = await harness.send(signedEvent(JSON.stringify({ ...envelope, event_time: at }), { contentType: 'application/json' })).finally(() => logs.restore());
    expect(logs.lines.filter((line) => line['level'] === 'ERROR').map((line) => line['message'])).toEqual(['unhandled listener error']);
    const { Item } = await harness.table.client.send(new GetItemCommand({ TableName: harness.table.tableName, Key: { pk: { S: `${TEAM}#EVENT` }, sk: { S: 'Ev0TFAILS' } } }));
    expect({ status: result.statusCode >= 500, claimKept: Item !== undefined }).toEqual({ status: true, claimKept: false });
  });
});

describe('an event whose user text looks like a form field', () => {
  const poison = (teamId: string) => `R&D&payload=${encodeURIComponent(JSON.stringify({ team: { id: teamId } }))}&x=`;
  const change = (title: string, restricted: boolean) => ({ type: 'user_change', user: { id: EDGE_OWNER, team_id: TEAM, name: 'owner', is_restricted: restricted, profile: { display_name: 'owner', real_name: 'Owner', title } }, event_ts: `${clock / 1000}.9` });

  it('writes nothing under another workspace’s key', async () => {
    tick();
    await command('list', EDGE_OWNER);
    await deliver(change(poison('T0VICTIM'), false), tick());
    const { Items = [] } = await harness.table.client.send(new QueryCommand({ TableName: harness.table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'T0VICTIM#SEEN' } }, ConsistentRead: true }));
    expect(Items).toHaveLength(0);
  });

  it('is applied: a profile title cannot make the event that demotes its owner fail', async () => {
    tick();
    const result = await harness.send(deliveredNow(change(poison(`T${'A'.repeat(3000)}`), true), tick()));
    expect({ status: result.statusCode, restricted: (await people().get(TEAM, EDGE_OWNER))?.user.is_restricted }).toEqual({ status: 200, restricted: true });
  });
});
