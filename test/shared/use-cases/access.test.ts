import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '#local/fake-slack';
import { createTtlCache } from '#shared/ttl-cache';
import { createSlackDirectory, DirectoryError, PROFILE_TTL_MS } from '#shared/use-cases/access';

const slack = new FakeSlack({ teamId: 'T0DIR', users: { U0ADMIN: { is_admin: true }, U0GONE: null }, userGroups: { S0GOV: { handle: 'gov-affairs', users: ['U0MARIA'] } } });
let groupsDown = false;
slack.options.fault = (call) => (groupsDown && call.method === 'usergroups.list' ? { kind: 'server-error', status: 503 } : undefined);
beforeAll(() => slack.start());
afterAll(() => slack.stop());

describe('the Slack directory', () => {
  it('asks users.info once per user for a few minutes, then again', async () => {
    let now = new Date('2026-03-01T00:00:00Z');
    const directory = createSlackDirectory({ apiUrl: slack.apiUrl, token: async () => 'xoxb-dir', clock: () => now });
    expect(await directory.user('T0DIR', 'U0ADMIN')).toMatchObject({ id: 'U0ADMIN', is_admin: true, team_id: 'T0DIR' });
    await directory.user('T0DIR', 'U0ADMIN');
    expect(slack.callsTo('users.info')).toHaveLength(1);
    expect(slack.callsTo('users.info')[0]?.token).toBe('xoxb-dir');
    now = new Date(now.getTime() + PROFILE_TTL_MS);
    await directory.user('T0DIR', 'U0ADMIN');
    expect(slack.callsTo('users.info')).toHaveLength(2);
  });

  it('refuses with a clear message when Slack cannot say who someone is, and caches no failure', async () => {
    const directory = createSlackDirectory({ apiUrl: slack.apiUrl, token: async () => 'xoxb-dir', clock: () => new Date() });
    await expect(directory.user('T0DIR', 'U0GONE')).rejects.toThrow(DirectoryError);
    await expect(directory.user('T0DIR', 'U0GONE')).rejects.toThrow(/Slack could not tell me who <@U0GONE> is \(user_not_found\)/);
    expect(slack.callsTo('users.info').filter((c) => c.args['user'] === 'U0GONE')).toHaveLength(2);
  });
});

describe('the Slack directory’s user groups', () => {
  it('lists them with their members once per team for a few minutes, unless asked fresh', async () => {
    let now = new Date('2026-03-01T00:00:00Z');
    const directory = createSlackDirectory({ apiUrl: slack.apiUrl, token: async () => 'xoxb-dir', clock: () => now });
    const calls = () => slack.callsTo('usergroups.list').length;
    const before = calls();
    expect([...(await directory.userGroups('T0DIR')).values()]).toEqual([{ id: 'S0GOV', handle: 'gov-affairs', users: ['U0MARIA'] }]);
    await directory.userGroups('T0DIR');
    expect(calls()).toBe(before + 1);
    await directory.userGroups('T0DIR', { fresh: true });
    expect(calls()).toBe(before + 2);
    now = new Date(now.getTime() + PROFILE_TTL_MS);
    await directory.userGroups('T0DIR');
    expect(calls()).toBe(before + 3);
  });

  it('refuses with a clear message when Slack cannot list them, and caches no failure', async () => {
    const directory = createSlackDirectory({ apiUrl: slack.apiUrl, token: async () => 'xoxb-dir', clock: () => new Date() });
    groupsDown = true;
    try {
      await expect(directory.userGroups('T0DIR')).rejects.toThrow(DirectoryError);
    } finally {
      groupsDown = false;
    }
    expect((await directory.userGroups('T0DIR')).has('S0GOV')).toBe(true);
  });
});

describe('the TTL cache', () => {
  it('forgets an entry at its expiry and the oldest beyond its size', () => {
    let now = new Date(0);
    const cache = createTtlCache<number>({ ttlMs: 10, clock: () => now, maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
    now = new Date(10);
    expect(cache.get('b')).toBeUndefined();
  });
});
