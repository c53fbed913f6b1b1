import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FRESHNESS } from '#shared/domain/person';
import { createPeopleStore } from '#shared/store/people';
import { commandEvent, eventCallback, signedEvent, type HttpApiEvent } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { captureLogLines } from '../../support/log-lines.ts';

const harness = useSlackHandler({ countRequests: true });
const TEAM = 'T0EVTIMES';
const NOW = new Date('2026-03-25T01:00:00Z');
useBusanAt(harness, TEAM, NOW);

const ADMIN = 'U0TADMIN';
const OWNER = 'U0TOWNER';
const LEAVER = 'U0TLEAVER';
const GROUP = 'S0TOWNERS';
/** Ten years ahead of the clock: a time no change can have happened at. */
const FAR_AHEAD_S = 10 * 365 * 86_400;
let sent = 0;
let clock = NOW.getTime();

const people = () => createPeopleStore({ client: harness.table.client, tableName: harness.table.tableName });

function tick(seconds = 60): number {
  clock += seconds * 1000;
  vi.setSystemTime(clock);
  return clock / 1000;
}

async function command(text: string, userId: string): Promise<string> {
  sent += 1;
  const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, channelId: 'C0GENERAL', responseUrl: harness.slack.responseUrl(`et${sent}`), triggerId: `t${sent}` }));
  expect(result.statusCode).toBe(200);
  return result.body ? String(result.json()['text'] ?? '') : '';
}

function deliveredNow(event: Record<string, unknown>, eventTime: number): HttpApiEvent {
  const envelope = JSON.parse(eventCallback(TEAM, event).body) as Record<string, unknown>;
  return signedEvent(JSON.stringify({ ...envelope, event_time: eventTime }), { contentType: 'application/json' });
}

async function deliver(event: Record<string, unknown>, eventTime: number): Promise<void> {
  const result = await harness.send(deliveredNow(event, eventTime));
  expect(result.statusCode).toBe(200);
}

const userChange = (id: string, standing: Record<string, boolean> = {}) => ({
  type: 'user_change',
  user: { id, team_id: TEAM, name: id.toLowerCase(), real_name: `Person ${id}`, tz: 'Asia/Tokyo', profile: { display_name: id.toLowerCase(), real_name: `Person ${id}` }, ...standing },
  cache_ts: clock / 1000,
  event_ts: `${clock / 1000}.000100`,
});

beforeAll(() => {
  Object.assign(harness.slack.options, {
    teamId: TEAM,
    users: { [ADMIN]: { is_admin: true } },
    userGroups: { [GROUP]: { handle: 'towners', users: [LEAVER] } },
  });
});

describe('an event timed far ahead of the clock', () => {
  it('does not freeze a person record: a later demotion applies, and Slack is asked again once the record is old', async () => {
    tick();
    expect(await command(`japan-korea roles add <@${OWNER}> owner`, ADMIN)).toContain(`<@${OWNER}> is now an owner of japan-korea`);
    // A user_change whose event_time is years ahead (a clock or a sender gone wrong).
    await deliver(userChange(ADMIN, { is_admin: true }), tick() + FAR_AHEAD_S);
    // Slack demotes them now: the event of it, at the right time, and users.info both say so.
    harness.slack.options.users = { ...harness.slack.options.users, [ADMIN]: { is_admin: false, is_restricted: true } };
    await deliver(userChange(ADMIN, { is_admin: false, is_restricted: true }), tick());
    tick(FRESHNESS.manageMs / 1000 + 60);
    expect(await command('japan-korea visibility private', ADMIN)).toContain('There is no track called "japan-korea"');
    expect((await harness.store().getTrack(TEAM, 'japan-korea')).visibility).toBe('workspace');
    expect((await people().get(TEAM, ADMIN))?.user.is_admin).toBe(false);
  });

  it('does not freeze a user group’s members: someone who left it no longer owns the track through it', async () => {
    tick();
    expect(await command('track add timed "Timed" parties AA tz UTC prefix TM', OWNER)).toContain('Created track timed');
    expect(await command(`timed roles add <!subteam^${GROUP}|@towners> owner`, OWNER)).toContain(`is now an owner of timed`);
    const ahead = tick() + FAR_AHEAD_S;
    await deliver(
      { type: 'subteam_updated', subteam: { id: GROUP, team_id: TEAM, is_usergroup: true, name: 'Owners', handle: 'towners', date_create: 1, date_update: ahead, date_delete: 0, users: [LEAVER], user_count: 1 }, event_ts: `${clock / 1000}.000300` },
      clock / 1000,
    );
    // The leaver is out of the group in Slack; the members change saying so arrives with the right times.
    harness.slack.options.userGroups = { [GROUP]: { handle: 'towners', users: [] } };
    const at = tick();
    await deliver(
      { type: 'subteam_members_changed', subteam_id: GROUP, team_id: TEAM, date_previous_update: at - 60, date_update: at, added_users: [], added_users_count: '0', removed_users: [LEAVER], removed_users_count: '1', event_ts: `${at}.000200` },
      at,
    );
    tick(FRESHNESS.manageMs / 1000 + 60);
    expect(await command('timed visibility private', LEAVER)).toMatch(/Only the owners of timed or a workspace admin can change who may use it/);
    expect((await harness.store().getTrack(TEAM, 'timed')).visibility).toBe('workspace');
  });
});

describe('a name Slack gives in a user_change', () => {
  it('shows in an export without invisible or direction-changing characters', async () => {
    tick();
    expect(await command('track add named "Named" parties AA tz UTC prefix NM', OWNER)).toContain('Created track named');
    expect(await command(`add named "First item" owner <@${OWNER}|o>`, OWNER)).toContain('Added NM-1');
    // The owner renames themselves in Slack: a right-to-left override and zero-width marks in their display name.
    const at = tick();
    await deliver({ type: 'user_change', user: { id: OWNER, team_id: TEAM, name: 'owner', real_name: 'Owner', profile: { display_name: 'Maria\u202Egnp.exe\u200B\u2066', real_name: 'Owner' } }, event_ts: `${at}.5` }, at);
    expect((await people().get(TEAM, OWNER))?.user.profile?.display_name).toContain('\u202E');
    const before = harness.slack.uploadedFiles().length;
    tick();
    await command('named export', OWNER);
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
    await command('list', OWNER);
    const at = tick();
    const envelope = JSON.parse(eventCallback(TEAM, { type: 'user_change', user: { id: OWNER, team_id: TEAM, name: 'n'.repeat(420_000), is_admin: true }, event_ts: `${at}.7` }, { eventId: 'Ev0TFAILS' }).body) as Record<string, unknown>;
    const logs = captureLogLines();
    const result = await harness.send(signedEvent(JSON.stringify({ ...envelope, event_time: at }), { contentType: 'application/json' })).finally(() => logs.restore());
    expect(logs.lines.filter((line) => line['level'] === 'ERROR').map((line) => line['message'])).toEqual(['unhandled listener error']);
    const { Item } = await harness.table.client.send(new GetItemCommand({ TableName: harness.table.tableName, Key: { pk: { S: `${TEAM}#EVENT` }, sk: { S: 'Ev0TFAILS' } } }));
    expect({ status: result.statusCode >= 500, claimKept: Item !== undefined }).toEqual({ status: true, claimKept: false });
  });
});

describe('an event whose user text looks like a form field', () => {
  const poison = (teamId: string) => `R&D&payload=${encodeURIComponent(JSON.stringify({ team: { id: teamId } }))}&x=`;
  const change = (title: string, restricted: boolean) => ({ type: 'user_change', user: { id: OWNER, team_id: TEAM, name: 'owner', is_restricted: restricted, profile: { display_name: 'owner', real_name: 'Owner', title } }, event_ts: `${clock / 1000}.9` });

  it('writes nothing under another workspace’s key', async () => {
    tick();
    await command('list', OWNER);
    await deliver(change(poison('T0VICTIM'), false), tick());
    const { Items = [] } = await harness.table.client.send(new QueryCommand({ TableName: harness.table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'T0VICTIM#SEEN' } }, ConsistentRead: true }));
    expect(Items).toHaveLength(0);
  });

  it('is applied: a profile title cannot make the event that demotes its owner fail', async () => {
    tick();
    const result = await harness.send(deliveredNow(change(poison(`T${'A'.repeat(3000)}`), true), tick()));
    expect({ status: result.statusCode, restricted: (await people().get(TEAM, OWNER))?.user.is_restricted }).toEqual({ status: 200, restricted: true });
  });
});
