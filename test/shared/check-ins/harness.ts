import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createStore, type Store } from '#shared/store/store';
import { createCheckInStore, type CheckInStore } from '#shared/store/check-ins';
import { createPreferencesStore, type PreferencesStore } from '#shared/store/preferences';
import { createPeopleStore, type PeopleStore } from '#shared/store/people';
import { createSlackWeb } from '#shared/slack/web-api';
import { CHECK_IN_EVENT_TYPE, runCheckInSweep, type CheckInSweepDeps, type CheckInSweepSummary } from '#shared/check-ins/sweep';
import type { FakeSlack } from '#local/fake-slack';
import { SlackUserSchema } from '#shared/domain/access';
import { FAST, silent } from '../reminders/harness.ts';

export interface CheckInHarness {
  store: Store;
  checkIns: CheckInStore;
  preferences: PreferencesStore;
  people: PeopleStore;
  deps(overrides?: Partial<CheckInSweepDeps>): CheckInSweepDeps;
  sweep(now: Date, overrides?: Partial<CheckInSweepDeps>): Promise<CheckInSweepSummary>;
}

export function checkInHarness(table: { client: DynamoDBClient; tableName: string }, slack: () => FakeSlack): CheckInHarness {
  const store = createStore(table);
  const checkIns = createCheckInStore(table);
  const preferences = createPreferencesStore(table);
  const people = createPeopleStore(table);
  const deps = (overrides: Partial<CheckInSweepDeps> = {}): CheckInSweepDeps => ({
    checkIns,
    preferences,
    people,
    slack: createSlackWeb({ apiUrl: slack().apiUrl, token: 'xoxb-test', retryAfterUnitMs: 10 }),
    log: silent,
    settings: FAST,
    ...overrides,
  });
  return { store, checkIns, preferences, people, deps, sweep: (now, overrides) => runCheckInSweep(deps(overrides), { now, remainingMs: () => 60_000 }) };
}

/** The check-in messages the fake received, for one owner or all. */
export function checkInsTo(slack: FakeSlack, userId?: string) {
  return slack.messagesWithMetadata(CHECK_IN_EVENT_TYPE).filter((m) => !userId || String(m.metadata.event_payload['slot_id']).split('/')[1] === userId);
}

/**
 * A person record as Slack's lookups and events leave it: the zone and flags given, the facts as
 * of `asOf`, and a kept DM channel when `dm` is given.
 */
export async function seedPerson(
  people: PeopleStore,
  person: { teamId: string; userId: string; asOf: Date; tz?: string; deleted?: boolean; dm?: string },
): Promise<void> {
  const user = SlackUserSchema.parse({ id: person.userId, ...(person.tz ? { tz: person.tz } : {}), deleted: person.deleted ?? false });
  await people.save({ teamId: person.teamId, userId: person.userId, user, fetchedAt: person.asOf.toISOString(), asOf: person.asOf.getTime() });
  if (person.dm) await people.setDmChannel(person.teamId, person.userId, person.dm);
}

/** A one-off item owned by a Slack user. */
export { ownedItem as owned } from '#local/bulk-items';
