import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FRESHNESS } from '#shared/domain/person';
import { createPeopleStore } from '#shared/store/people';
import { commandEvent, eventCallback, signedEvent, type HttpApiEvent } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';

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
    expect(await command('ox visibility private', LEAVER)).toMatch(/Only the owners of ox or a workspace admin can change who may use it/);
    expect((await harness.store().getTrack(TEAM, 'ox')).visibility).toBe('workspace');
    expect(harness.slack.callsTo('usergroups.list')).toHaveLength(listed + 1);
    expect((await people().getGroups(TEAM, [OWNERS])).get(OWNERS)).toMatchObject({ users: [] });
  });
});
