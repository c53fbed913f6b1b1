import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestTable } from '../../support/dynamodb.ts';
import { FakeSlack } from '#local/fake-slack';
import { SlackUserSchema } from '#shared/domain/access';
import { lookupAsOf } from '#shared/domain/person';
import { renderReport } from '#shared/slack/render/report';
import { track } from '../reminders/harness.ts';
import { checkInHarness, checkInsTo, owned } from './harness.ts';

// Issue 23: the sweep asks an owner only while they may read the item's track; the others'
// asks are paused with the reason, which the track's report shows, and they are sent nothing.
const table = useTestTable();
let slack: FakeSlack;
const h = checkInHarness(table, () => slack);
const created = new Date('2026-03-01T00:00:00Z');
/** Tuesday 10 March, 09:00 UTC: items due on the 17th are asked. */
const morning = new Date('2026-03-10T09:00:30Z');
const nextMorning = new Date('2026-03-11T09:00:30Z');
const TEAM = 'T0SEE';

beforeAll(async () => {
  slack = await new FakeSlack({}).start();
});
afterAll(() => slack.stop());

/** A person record as Slack's events leave it, fresh at `morning`. */
async function seed(teamId: string, userId: string, flags: { is_restricted?: boolean; is_stranger?: boolean } = {}) {
  const user = SlackUserSchema.parse({ id: userId, tz: 'UTC', ...flags });
  await h.people.save({ teamId, userId, user, fetchedAt: morning.toISOString(), asOf: morning.getTime() - 3_600_000 });
}

/** What Slack was asked about or sent to one person. */
const slackCallsAbout = (userId: string) => slack.calls.filter((call) => JSON.stringify(call.args).includes(userId));

const reportText = async (slug: string, now: Date, teamId = TEAM) => renderReport(await h.store.getReport(teamId, slug), { filter: 'all', page: 0, now });

describe('check-ins and who may see the track', () => {
  it('asks the owners who may read a private track, pauses the ask of one who may not with the reason in the report, and asks them once they are given a role', async () => {
    const secret = await h.store.createTrack({ ...track(TEAM, 'secret-talks', 'ST', 'UTC', created), visibility: 'private', members: { U0KEEPER: 'owner', S0TEAM: 'viewer' } });
    await h.people.saveGroup({ teamId: TEAM, groupId: 'S0TEAM', handle: 'negotiators', users: ['U0INGROUP'], disabled: false, fetchedAt: morning.toISOString(), asOf: morning.getTime() - 3_600_000 });
    await h.store.createCommitment(TEAM, 'secret-talks', owned('Kept by a track owner', 'U0KEEPER', '2026-03-17'), 'U0KEEPER', created);
    await h.store.createCommitment(TEAM, 'secret-talks', owned('Handed to an outsider', 'U0OUTSIDE', '2026-03-17'), 'U0KEEPER', created);
    await h.store.createCommitment(TEAM, 'secret-talks', owned('Kept by a viewer through a group', 'U0INGROUP', '2026-03-17'), 'U0KEEPER', created);
    for (const userId of ['U0KEEPER', 'U0OUTSIDE', 'U0INGROUP']) await seed(TEAM, userId);

    const summary = await h.sweep(morning);
    expect(summary).toMatchObject({ dueAsks: 3, owners: 3, sent: 2, paused: 1 });
    expect(checkInsTo(slack, 'U0KEEPER')).toHaveLength(1);
    expect(checkInsTo(slack, 'U0INGROUP')).toHaveLength(1);
    // Nothing about the track reaches the outsider: no DM opened, nothing posted, nobody looked up.
    expect(checkInsTo(slack, 'U0OUTSIDE')).toHaveLength(0);
    expect(slackCallsAbout('U0OUTSIDE')).toEqual([]);
    expect(JSON.stringify(slack.callsTo('chat.postMessage'))).not.toContain('Handed to an outsider');

    const paused = await reportText('secret-talks', morning);
    expect(paused.text).toContain('paused: <@U0OUTSIDE> cannot see this private track');
    expect(JSON.stringify(paused.blocks)).toContain('paused: <@U0OUTSIDE> cannot see this private track');
    expect(paused.text.match(/paused:/g)).toHaveLength(1);

    // The next morning: still no role, still paused, still nothing sent.
    expect(await h.sweep(nextMorning)).toMatchObject({ paused: 1 });
    expect(checkInsTo(slack, 'U0OUTSIDE')).toHaveLength(0);

    // Given a role, they are asked at their next check-in, and the pause is gone from the report.
    await h.store.saveTrackAccess(secret, { ...secret, members: { ...secret.members, U0OUTSIDE: 'viewer' } }, [{ type: 'role', userId: 'U0OUTSIDE', to: 'viewer' }], 'U0KEEPER', nextMorning);
    const dayAfter = new Date('2026-03-12T09:00:30Z');
    expect(await h.sweep(dayAfter)).toMatchObject({ paused: 0 });
    expect(checkInsTo(slack, 'U0OUTSIDE')).toHaveLength(1);
    expect((await reportText('secret-talks', dayAfter)).text).not.toContain('paused:');
  });

  it('pauses the ask of a guest with no role on a workspace track, and asks its members', async () => {
    const OTHER = 'T0SEEWS';
    await h.store.createTrack(track(OTHER, 'open-talks', 'OT', 'UTC', created));
    await h.store.createCommitment(OTHER, 'open-talks', owned('Kept by a member', 'U0MEMBER', '2026-03-17'), 'U0KEEPER', created);
    await h.store.createCommitment(OTHER, 'open-talks', owned('Handed to a guest', 'U0GUESTX', '2026-03-17'), 'U0KEEPER', created);
    await seed(OTHER, 'U0MEMBER');
    await seed(OTHER, 'U0GUESTX', { is_restricted: true });

    await h.sweep(morning);
    expect(checkInsTo(slack, 'U0MEMBER')).toHaveLength(1);
    expect(checkInsTo(slack, 'U0GUESTX')).toHaveLength(0);
    expect(slackCallsAbout('U0GUESTX')).toEqual([]);
    expect((await reportText('open-talks', morning, OTHER)).text).toContain('paused: <@U0GUESTX> is a guest or from another organisation with no role on this track');
  });

  it('asks someone from another organisation with a role without sending them to /commitments me, which refuses them', async () => {
    const PARTNER = 'T0SEEPT';
    await h.store.createTrack({ ...track(PARTNER, 'partner-talks', 'PT', 'UTC', created), members: { U0KEEPER: 'owner', U0KENJI: 'viewer' } });
    await h.store.createCommitment(PARTNER, 'partner-talks', owned('Share the delegation list', 'U0KENJI', '2026-03-17'), 'U0KEEPER', created);
    await seed(PARTNER, 'U0KENJI', { is_stranger: true });

    await h.sweep(morning);
    const [asked] = checkInsTo(slack, 'U0KENJI').filter((m) => String(m.metadata.event_payload['slot_id']).startsWith(PARTNER));
    expect(JSON.stringify(asked?.blocks)).toContain('ask the track’s owners');
    expect(JSON.stringify(asked?.blocks)).not.toContain('/commitments me');
  });

  it('asks through a group whose record is days old and lists it again after the posts; past a week the group gives no role until it is listed again', async () => {
    const OLD = 'T0SEEOLD';
    const day = 86_400_000;
    slack.options.userGroups = { S0DAYS: { handle: 'days', users: ['U0DAYS'] }, S0WEEKS: { handle: 'weeks', users: ['U0WEEKS'] } };
    try {
      await h.store.createTrack({ ...track(OLD, 'quiet-talks', 'QT', 'UTC', created), visibility: 'private', members: { U0KEEPER: 'owner', S0DAYS: 'viewer', S0WEEKS: 'viewer' } });
      const group = (groupId: string, users: string[], age: number) => h.people.saveGroup({ teamId: OLD, groupId, handle: groupId.toLowerCase(), users, disabled: false, fetchedAt: morning.toISOString(), asOf: morning.getTime() - age });
      await group('S0DAYS', ['U0DAYS'], 3 * day);
      await group('S0WEEKS', ['U0WEEKS'], 8 * day);
      await h.store.createCommitment(OLD, 'quiet-talks', owned('Kept through a group three days old', 'U0DAYS', '2026-03-17'), 'U0KEEPER', created);
      await h.store.createCommitment(OLD, 'quiet-talks', owned('Kept through a group eight days old', 'U0WEEKS', '2026-03-17'), 'U0KEEPER', created);
      for (const userId of ['U0DAYS', 'U0WEEKS']) await seed(OLD, userId);
      const listed = slack.callsTo('usergroups.list').length;

      await h.sweep(morning);
      expect(checkInsTo(slack, 'U0DAYS')).toHaveLength(1);
      expect(checkInsTo(slack, 'U0WEEKS')).toHaveLength(0);
      expect((await reportText('quiet-talks', morning, OLD)).text).toContain('paused: <@U0WEEKS> cannot see this private track');
      // One listing, after the post, keeps both records again.
      expect(slack.callsTo('usergroups.list')).toHaveLength(listed + 1);
      const posted = slack.callsTo('chat.postMessage').at(-1)!;
      expect(slack.calls.indexOf(slack.callsTo('usergroups.list').at(-1)!)).toBeGreaterThan(slack.calls.indexOf(posted));
      for (const record of (await h.people.getGroups(OLD, ['S0DAYS', 'S0WEEKS'])).values()) expect(record.asOf).toBeGreaterThanOrEqual(lookupAsOf(morning));

      await h.sweep(nextMorning);
      expect(checkInsTo(slack, 'U0WEEKS')).toHaveLength(1);
    } finally {
      delete slack.options.userGroups;
    }
  });
});
