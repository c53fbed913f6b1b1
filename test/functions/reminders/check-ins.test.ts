import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHECK_IN_EVENT_TYPE } from '#shared/check-ins/sweep';
import { ownedItem } from '#local/bulk-items';
import { createPeopleStore } from '#shared/store/people';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { loadRemindersHandler, type RemindersHandler } from './reminders-handler.ts';

// The real reminders handler, with the clock set to each sweep's instant (only Date is faked).
const slackHarness = useSlackHandler();
const TEAM = 'T0TEST';
let logs: RemindersHandler['logs'];
let sweepAt: RemindersHandler['sweepAt'];

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const created = new Date('2026-03-01T00:00:00Z');
  const store = slackHarness.store();
  await store.createTrack({
    teamId: TEAM,
    slug: 'private-talks',
    title: 'Private talks',
    parties: [{ code: 'JP', name: 'Japan' }],
    timeZone: 'Asia/Tokyo',
    idPrefix: 'PT',
    visibility: 'private',
    // The owner of the item may read the track: only then is an owner asked (issue 23).
    members: { U0OWNER: 'viewer' },
    createdAt: created.toISOString(),
    createdBy: 'U0ADMIN',
  });
  await store.createCommitment(TEAM, 'private-talks', { ...ownedItem('Draft the joint paper', 'U0OWNER', '2026-03-17'), parties: ['JP'] }, 'U0ADMIN', created);
  ({ logs, sweepAt } = await loadRemindersHandler());
});
afterAll(() => {
  logs.restore();
  vi.restoreAllMocks();
  vi.useRealTimers();
});


describe('reminders handler check-ins', () => {
  it('asks the owner of an item in a private track they may read after the digests, logs the counts and publishes CheckInsSent', async () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    // The fake gives the owner no time zone: UTC, so 09:00Z on Tuesday 10 March, 7 days before the due date.
    await sweepAt('2026-03-10T08:59:00Z');
    expect(slackHarness.slack.messagesWithMetadata(CHECK_IN_EVENT_TYPE)).toHaveLength(0);
    logs.lines.length = 0;
    await sweepAt('2026-03-10T09:00:30Z');
    await sweepAt('2026-03-10T09:05:30Z');
    vi.unstubAllEnvs();

    const sent = slackHarness.slack.messagesWithMetadata(CHECK_IN_EVENT_TYPE);
    expect(sent.map((m) => [m.channel, m.metadata.event_payload['slot_id']])).toEqual([['D0OWNER', `${TEAM}/U0OWNER/2026-03-10`]]);
    const logged = logs.lines.filter((line) => line['message'] === 'check-in sweep');
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ level: 'INFO', service: 'commitments-reminders', dueAsks: 1, owners: 1, sent: 1 });
    expect(logged[1]).toMatchObject({ dueAsks: 0, sent: 0 });
    expect(logs.lines.filter((line) => '_aws' in line)).toEqual([expect.objectContaining({ service: 'commitments-reminders', CheckInsSent: 1 })]);
    // The owner was new to the bot: looked up once, by the 08:59 sweep, whose record the 09:00 one
    // served; kept with their DM channel for the next check-in.
    expect(slackHarness.slack.callsTo('users.info').filter((call) => call.args['user'] === 'U0OWNER')).toHaveLength(1);
    expect(logged[0]).toMatchObject({ lookedUp: 0, refreshed: 0, reopened: 0 });
    const people = createPeopleStore({ client: slackHarness.table.client, tableName: slackHarness.table.tableName });
    expect(await people.get(TEAM, 'U0OWNER')).toMatchObject({ user: { id: 'U0OWNER' }, dmChannelId: 'D0OWNER' });
  });
});
