import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '#local/fake-slack';
import type { AfterAnswerJob } from '#shared/domain/after-answer';
import { MEMBERS_PER_GROUP } from '#shared/domain/bounds';
import { FRESHNESS, lookupAsOf } from '#shared/domain/person';
import { createPeopleStore } from '#shared/store/people';
import { createPeopleDirectory, DirectoryError } from '#shared/use-cases/access';
import { keepPersonFromEvent } from '#shared/use-cases/people-events';
import { translatorFor } from '#shared/i18n/translator';
import { useTestTable } from '../../support/dynamodb.ts';

const table = useTestTable();
const slack = new FakeSlack({ teamId: 'T0DIR', users: { U0ADMIN: { is_admin: true }, U0GONE: null }, userGroups: { S0GOV: { handle: 'gov-affairs', users: ['U0MARIA'] } } });
let groupsDown = false;
let slow: Promise<void> | undefined;
slack.options.fault = (call) => (groupsDown && call.method === 'usergroups.list' ? { kind: 'server-error', status: 503 } : undefined);
slack.options.hold = (call) => (call.method === 'users.info' || call.method === 'usergroups.list' ? slow : undefined);
beforeAll(() => slack.start());
afterAll(() => slack.stop());

function directoryAt(clock: () => Date, jobs: AfterAnswerJob[] = [], waitMs?: number) {
  const people = createPeopleStore({ client: table.client, tableName: table.tableName });
  const directory = createPeopleDirectory({ people, apiUrl: slack.apiUrl, token: async () => 'xoxb-dir', clock, later: (job) => jobs.push(job), ...(waitMs ? { waitMs } : {}) });
  return { directory, people };
}

const infoCalls = (user: string) => slack.callsTo('users.info').filter((c) => c.args['user'] === user).length;
const listCalls = () => slack.callsTo('usergroups.list').length;

describe('the people directory', () => {
  it('asks Slack about a person once, then answers from their record until it is a day old, then refreshes it after the answer', async () => {
    let now = new Date('2026-03-01T00:00:00Z');
    const jobs: AfterAnswerJob[] = [];
    const { directory } = directoryAt(() => now, jobs);
    expect((await directory.person('T0DIR', 'U0ADMIN')).user).toMatchObject({ id: 'U0ADMIN', is_admin: true, team_id: 'T0DIR' });
    expect(slack.callsTo('users.info').at(-1)).toMatchObject({ token: 'xoxb-dir', args: { include_locale: 'true' } });
    // A day from the time the record counts as of: just before the second Slack was asked in.
    now = new Date(lookupAsOf(now) + FRESHNESS.serveMs);
    await directory.person('T0DIR', 'U0ADMIN');
    expect(jobs).toEqual([]);
    now = new Date(now.getTime() + 1);
    await directory.person('T0DIR', 'U0ADMIN');
    expect(infoCalls('U0ADMIN')).toBe(1);
    expect(jobs).toEqual([{ kind: 'person', team: { id: 'T0DIR', enterpriseInstall: false }, userId: 'U0ADMIN' }]);
  });

  it('asks Slack first about a record older than a week, or than the age asked for (an hour, to manage)', async () => {
    // The ages, not the constants: a change to those must fail here.
    const minutes = (n: number) => n * 60_000;
    let now = new Date('2026-03-01T00:00:00Z');
    const { directory } = directoryAt(() => now);
    await directory.person('T0DIR', 'U0WEEK');
    now = new Date(now.getTime() + minutes(61));
    await directory.person('T0DIR', 'U0WEEK');
    expect(infoCalls('U0WEEK')).toBe(1);
    await directory.person('T0DIR', 'U0WEEK', { maxAgeMs: FRESHNESS.manageMs });
    expect(infoCalls('U0WEEK')).toBe(2);
    now = new Date(now.getTime() + minutes(6 * 24 * 60));
    await directory.person('T0DIR', 'U0WEEK');
    expect(infoCalls('U0WEEK')).toBe(2);
    now = new Date(now.getTime() + minutes(2 * 24 * 60));
    await directory.person('T0DIR', 'U0WEEK');
    expect(infoCalls('U0WEEK')).toBe(3);
  });

  it('keeps what an event said over a lookup Slack answered after it: the lookup counts as of when it was asked', async () => {
    slack.options.users = { ...slack.options.users, U0RACE: { is_admin: true } };
    let release = () => {};
    slow = new Promise((resolve) => (release = resolve));
    const asked = new Date('2026-03-02T00:00:00.200Z');
    const { directory, people } = directoryAt(() => asked, [], 5_000);
    try {
      const lookup = directory.person('T0DIR', 'U0RACE');
      // While Slack is answering, an event from a second after the ask says they are a guest.
      await expect.poll(() => infoCalls('U0RACE')).toBe(1);
      const eventTime = Math.floor(asked.getTime() / 1000) + 1;
      const demoted = await keepPersonFromEvent({ people, clock: () => asked }, { teamId: 'T0DIR', user: { id: 'U0RACE', is_admin: false, is_restricted: true }, eventTime, create: true });
      expect(demoted).toBe('saved');
      release();
      await lookup;
      expect(await people.get('T0DIR', 'U0RACE')).toMatchObject({ user: { is_admin: false, is_restricted: true }, asOf: eventTime * 1000 });
    } finally {
      release();
      slow = undefined;
    }
  });

  it('refuses with a clear message when Slack cannot say who someone is, and keeps no record of it', async () => {
    const { directory, people } = directoryAt(() => new Date());
    await expect(directory.person('T0DIR', 'U0GONE')).rejects.toThrow(DirectoryError);
    await expect(directory.person('T0DIR', 'U0GONE')).rejects.toThrow(/Slack could not tell me who <@U0GONE> is \(user_not_found\)/);
    expect(infoCalls('U0GONE')).toBe(2);
    expect(await people.get('T0DIR', 'U0GONE')).toBeUndefined();
  });

  it('says Slack is slow after its wait, leaves the lookup for after the answer, and the record it then keeps answers the retry', async () => {
    const jobs: AfterAnswerJob[] = [];
    const { directory } = directoryAt(() => new Date(), jobs, 50);
    let release!: () => void;
    slow = new Promise((resolve) => (release = resolve));
    try {
      await expect(directory.person('T0DIR', 'U0SLOW')).rejects.toThrow(/Slack is slow to tell me who <@U0SLOW> is, so nothing was read or changed/);
      expect(jobs).toEqual([{ kind: 'person', team: { id: 'T0DIR', enterpriseInstall: false }, userId: 'U0SLOW' }]);
      // The job finds the lookup under way and waits for it rather than asking again.
      const refreshed = directory.refresh('T0DIR', 'U0SLOW');
      release();
      expect((await refreshed).userId).toBe('U0SLOW');
    } finally {
      slow = undefined;
    }
    expect((await directory.person('T0DIR', 'U0SLOW')).user.id).toBe('U0SLOW');
    expect(infoCalls('U0SLOW')).toBe(1);
  });
});

describe('the people directory’s user groups', () => {
  it('reads groups from their records, asking Slack once for groups it has no record of (unknown ones too)', async () => {
    const { directory } = directoryAt(() => new Date());
    const calls = () => slack.callsTo('usergroups.list').length;
    const before = calls();
    expect([...(await directory.groups('T0DIR', ['S0GOV', 'S0NONE'])).values()]).toEqual([{ id: 'S0GOV', handle: 'gov-affairs', users: ['U0MARIA'] }]);
    expect(calls()).toBe(before + 1);
    expect([...(await directory.groups('T0DIR', ['S0GOV', 'S0NONE'])).keys()]).toEqual(['S0GOV']);
    expect(calls()).toBe(before + 1);
    // Managing roles lists them from Slack itself.
    expect((await directory.userGroups('T0DIR', ['S0GOV'])).has('S0GOV')).toBe(true);
    expect(calls()).toBe(before + 2);
  });

  it('keeps records only of the groups asked about, one past the member bound with no members', async () => {
    const everyone = Array.from({ length: MEMBERS_PER_GROUP + 1 }, (_, i) => `U0M${i}`);
    slack.options.userGroups = { ...slack.options.userGroups, S0OTHER: { handle: 'other', users: ['U0MARIA'] }, S0HUGE: { handle: 'everyone', users: everyone } };
    const { directory, people } = directoryAt(() => new Date());
    const found = await directory.groups('T0KEEP', ['S0GOV', 'S0HUGE']);
    expect(found.get('S0HUGE')).toEqual({ id: 'S0HUGE', handle: 'everyone', users: [] });
    expect([...(await people.getGroups('T0KEEP', ['S0GOV', 'S0OTHER', 'S0HUGE'])).keys()].sort()).toEqual(['S0GOV', 'S0HUGE']);
    // Giving a role asks Slack now, and sees the whole group.
    expect((await directory.userGroups('T0KEEPROLE', ['S0HUGE'])).get('S0HUGE')?.users).toHaveLength(MEMBERS_PER_GROUP + 1);
    expect([...(await people.getGroups('T0KEEPROLE', ['S0GOV', 'S0OTHER', 'S0HUGE'])).keys()]).toEqual(['S0HUGE']);
  });

  it('answers from a group record until it is a day old, then refreshes it after the answer', async () => {
    let now = new Date('2026-03-01T00:00:00Z');
    const jobs: AfterAnswerJob[] = [];
    const { directory } = directoryAt(() => now, jobs);
    await directory.groups('T0GAGE', ['S0GOV']);
    const listed = listCalls();
    now = new Date(lookupAsOf(now) + FRESHNESS.serveMs);
    await directory.groups('T0GAGE', ['S0GOV']);
    expect(jobs).toEqual([]);
    now = new Date(now.getTime() + 1);
    expect((await directory.groups('T0GAGE', ['S0GOV'])).has('S0GOV')).toBe(true);
    expect(listCalls()).toBe(listed);
    expect(jobs).toEqual([{ kind: 'groups', team: { id: 'T0GAGE', enterpriseInstall: false }, groupIds: ['S0GOV'] }]);
    await directory.refreshGroups('T0GAGE', ['S0GOV']);
    await directory.groups('T0GAGE', ['S0GOV']);
    expect(listCalls()).toBe(listed + 1);
    expect(jobs).toHaveLength(1);
  });

  it('asks Slack first about a group record older than a week, or than the age asked for (an hour, to manage)', async () => {
    let now = new Date('2026-03-01T00:00:00Z');
    const { directory } = directoryAt(() => now);
    await directory.groups('T0GWEEK', ['S0GOV']);
    const listed = listCalls();
    now = new Date(now.getTime() + FRESHNESS.manageMs + 1);
    await directory.groups('T0GWEEK', ['S0GOV']);
    expect(listCalls()).toBe(listed);
    await directory.groups('T0GWEEK', ['S0GOV'], { maxAgeMs: FRESHNESS.manageMs });
    expect(listCalls()).toBe(listed + 1);
    now = new Date(now.getTime() + FRESHNESS.staleMs + 1);
    await directory.groups('T0GWEEK', ['S0GOV']);
    expect(listCalls()).toBe(listed + 2);
  });

  it('says Slack is slow to list the groups after its wait, leaves the listing for after the answer, and the records it keeps answer the retry', async () => {
    const jobs: AfterAnswerJob[] = [];
    const { directory } = directoryAt(() => new Date(), jobs, 50);
    const listed = listCalls();
    let release!: () => void;
    slow = new Promise((resolve) => (release = resolve));
    try {
      await expect(directory.groups('T0GSLOW', ['S0GOV'])).rejects.toThrow(/Slack is slow to tell me who is in which user group, so nothing was read or changed/);
      expect(jobs).toEqual([{ kind: 'groups', team: { id: 'T0GSLOW', enterpriseInstall: false }, groupIds: ['S0GOV'] }]);
      // The job finds the listing under way and waits for it rather than asking again.
      const refreshed = directory.refreshGroups('T0GSLOW', ['S0GOV']);
      release();
      await refreshed;
    } finally {
      slow = undefined;
    }
    expect((await directory.groups('T0GSLOW', ['S0GOV'])).has('S0GOV')).toBe(true);
    expect(listCalls()).toBe(listed + 1);
  });

  it('refuses with a clear message when Slack cannot list them', async () => {
    const { directory } = directoryAt(() => new Date());
    groupsDown = true;
    try {
      await expect(directory.userGroups('T0DIR', ['S0GOV'])).rejects.toThrow(/Slack could not tell me who is in which user group \(http 503\)/);
    } finally {
      groupsDown = false;
    }
    expect((await directory.userGroups('T0DIR', ['S0GOV'])).has('S0GOV')).toBe(true);
  });

  it('says what went wrong in Japanese and Korean words, and Slack’s own code as it is', async () => {
    const { directory } = directoryAt(() => new Date());
    const [ja, ko] = await Promise.all([translatorFor('ja'), translatorFor('ko')]);
    const refusal = (promise: Promise<unknown>) => promise.then(() => expect.unreachable(), (error: DirectoryError) => ({ text: error.message, say: error.say }));
    groupsDown = true;
    const down = await refusal(directory.userGroups('T0DIR', ['S0GOV'])).finally(() => (groupsDown = false));
    expect(ja.say(down)).toBe('Slack からユーザーグループのメンバーを確認できなかったため(Slack 側のエラー、http 503)、何も読み取らず、変更もしていません。少し待ってから、もう一度お試しください。');
    expect(ko.say(down)).toContain('사용자 그룹의 구성원을 확인하지 못해(Slack 측 오류, http 503)');
    const gone = await refusal(directory.person('T0DIR', 'U0GONE'));
    expect(ja.say(gone)).toContain('Slack から <@U0GONE> が誰かを確認できなかったため(Slack の応答: user_not_found)');
    expect(ko.say(gone)).toContain('Slack에서 <@U0GONE>이(가) 누구인지 확인하지 못해(Slack 응답: user_not_found)');
  });
});

describe('many people named in one request (issue 23)', () => {
  const named = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `U0${prefix}${i}`);
  const infoAbout = (ids: string[]) => ids.reduce((sum, id) => sum + infoCalls(id), 0);

  it('asks Slack about at most five people it has not met a call, refusing until it knows them all', async () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const { directory } = directoryAt(() => now);
    const ids = named('NEW', 7);
    await expect(directory.people('T0DIR', ids)).rejects.toThrow(/I had not met 7 of the people named, and ask Slack about at most 5 at a time: I know 5 more of them now\. Nothing was changed; send it again to go on\./);
    expect(infoAbout(ids)).toBe(5);
    const found = await directory.people('T0DIR', [...ids, ids[0]!]);
    expect([...found.keys()]).toEqual(ids);
    expect(infoAbout(ids)).toBe(7);
    // Known now: none of them costs a call.
    await directory.people('T0DIR', ids);
    expect(infoAbout(ids)).toBe(7);
  });

  it('asks again only about records older than the age asked for, within the same bound', async () => {
    let now = new Date('2026-03-01T00:00:00Z');
    const { directory } = directoryAt(() => now);
    const ids = named('AGE', 3);
    await directory.people('T0DIR', ids);
    now = new Date(now.getTime() + FRESHNESS.manageMs + 1);
    await directory.people('T0DIR', ids);
    expect(infoAbout(ids)).toBe(3);
    await directory.people('T0DIR', ids, { maxAgeMs: FRESHNESS.manageMs });
    expect(infoAbout(ids)).toBe(6);
  });

  it('refuses when Slack cannot say who one of them is, keeping the records of the others', async () => {
    const { directory, people } = directoryAt(() => new Date());
    const ids = ['U0GONE', ...named('OK', 2)];
    await expect(directory.people('T0DIR', ids)).rejects.toThrow(/Slack could not tell me who <@U0GONE> is \(user_not_found\)/);
    expect((await people.getMany('T0DIR', ids)).size).toBe(2);
  });
});
