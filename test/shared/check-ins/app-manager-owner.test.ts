import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestTable } from '../../support/dynamodb.ts';
import { FakeSlack } from '#local/fake-slack';
import { SlackUserSchema } from '#shared/domain/access';
import { track } from '../reminders/harness.ts';
import { checkInHarness, checkInsTo, owned } from './harness.ts';

// Issue 23: the app manager reads every track as Slack's admins do, so the sweep asks them about
// an item they own on a private track they hold no role on; the one who installed last does not.
const table = useTestTable();
let slack: FakeSlack;
const h = checkInHarness(table, () => slack);
const created = new Date('2026-03-01T00:00:00Z');
/** Tuesday 10 March, 09:00 UTC: items due on the 17th are asked. */
const morning = new Date('2026-03-10T09:00:30Z');
const TEAM = 'T0MGR';

beforeAll(async () => {
  slack = await new FakeSlack({}).start();
});
afterAll(() => slack.stop());

async function seed(userId: string) {
  const user = SlackUserSchema.parse({ id: userId, tz: 'UTC' });
  await h.people.save({ teamId: TEAM, userId, user, fetchedAt: morning.toISOString(), asOf: morning.getTime() - 3_600_000 });
}

describe('check-ins of the app manager', () => {
  it('asks the app manager about an item of a private track they hold no role on, and pauses another member’s ask', async () => {
    await h.store.createTrack({ ...track(TEAM, 'secret-talks', 'ST', 'UTC', created), visibility: 'private', members: { U0KEEPER: 'owner' } });
    await h.store.createCommitment(TEAM, 'secret-talks', owned('Kept by the app manager', 'U0MANAGER', '2026-03-17'), 'U0KEEPER', created);
    await h.store.createCommitment(TEAM, 'secret-talks', owned('Kept by a member with no role', 'U0MEMBER', '2026-03-17'), 'U0KEEPER', created);
    for (const userId of ['U0MANAGER', 'U0MEMBER']) await seed(userId);
    expect(await h.people.recordFirstManager({ teamId: TEAM, userId: 'U0MANAGER', setBy: 'install', setAt: created.toISOString() })).toBe(true);

    expect(await h.sweep(morning)).toMatchObject({ dueAsks: 2, sent: 1, paused: 1 });
    expect(checkInsTo(slack, 'U0MANAGER')).toHaveLength(1);
    expect(checkInsTo(slack, 'U0MEMBER')).toHaveLength(0);
  });
});
