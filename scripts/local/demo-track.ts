import { AlreadyExistsError, ConflictError } from '#shared/errors';
import { addLocalDays, localDate } from '#shared/dates/flags';
import type { CommitmentDraft, TeamId, TrackInput } from '#shared/domain/schemas';
import { CheckInPreferencesSchema } from '#shared/domain/check-ins';
import type { Store } from '#shared/store/store';
import type { createPreferencesStore } from '#shared/store/preferences';
import { findPersona, type Persona } from './personas.ts';

/**
 * `npm start`'s demo track (never `npm run seed`'s): items owned by the local people, written a
 * month back and due around today, so the first sweep asks their owners at once, one of them a
 * guest with a role, one from another organisation without one, one deactivated.
 */
export const DEMO_SLUG = 'demo';
const TIME_ZONE = 'Asia/Tokyo';
/** When the items were written down: far enough back that every one of them needs its owner today. */
const WRITTEN_DAYS_AGO = 30;

const person = (name: string): Persona => findPersona(name)!;
const ownedBy = (...names: string[]): CommitmentDraft['owners'] => names.map((name) => ({ label: person(name).realName, slackUserId: person(name).id }));

function track(writtenOn: string): Omit<TrackInput, 'teamId' | 'createdAt' | 'createdBy'> {
  return {
    slug: DEMO_SLUG,
    title: 'Demo (local only): check-ins with the local people',
    parties: [
      { code: 'JP', name: 'Japan' },
      { code: 'KR', name: 'South Korea' },
    ],
    timeZone: TIME_ZONE,
    idPrefix: 'DEMO',
    // The guest may read it, so she is asked; the person from another organisation has no role, so his ask is paused.
    members: { [person('grace').id]: 'viewer' },
    meetings: [{ name: 'Demo kick-off call', date: writtenOn }],
    // One day without an answer flags the item, so escalation shows after a sweep a day on.
    checkIns: { beforeDueDays: [7, 1], escalateAfterDays: 1 },
  };
}

/**
 * In order, so they become DEMO-1 … DEMO-6. Due dates count from today in Tokyo, which is ahead of
 * every local person's zone, so each ask falls on or before its owner's own today: DEMO-2's first
 * reminder (7 days before) is yesterday in Tokyo.
 */
function items(today: string, writtenOn: string): CommitmentDraft[] {
  const source = { meeting: 'Demo kick-off call', date: writtenOn };
  const oneOff = (days: number) => ({ type: 'one-off' as const, due: addLocalDays(today, days) });
  const both = ['JP', 'KR'];
  return [
    { title: 'Circulate the draft joint statement', parties: both, owners: ownedBy('maria'), source, kind: oneOff(1), status: 'in-progress' },
    { title: 'Book the venue for the working-level meeting', parties: both, owners: ownedBy('maria', 'minjun'), source, kind: oneOff(6), status: 'not-started' },
    { title: 'Send the revised budget figures', parties: ['JP'], owners: ownedBy('tom'), source, kind: oneOff(-3), status: 'in-progress' },
    { title: 'Share the monthly shipping statistics', parties: ['KR'], owners: ownedBy('grace'), source, kind: { type: 'ongoing', updateEveryDays: 14 }, status: 'in-progress' },
    { title: "Confirm the partner ministry's delegation list", parties: ['KR'], owners: ownedBy('kenji'), source, kind: oneOff(1), status: 'not-started' },
    { title: 'Update the press contacts sheet', parties: ['JP'], owners: ownedBy('hiro'), source, kind: oneOff(1), status: 'not-started' },
  ];
}

/** The demo's people are asked every day from midnight in their own zone: a sweep at any hour reaches them. */
const ASKED_PEOPLE = ['maria', 'minjun', 'tom', 'grace', 'kenji', 'hiro'];

export interface DemoSeedResult {
  created: string[];
}

/**
 * Writes the demo track, its items and its people's check-in times for one team; whatever is
 * there already (a second start, or a person's own `me` settings) is kept.
 */
export async function seedDemo(store: Store, preferences: ReturnType<typeof createPreferencesStore>, teamId: TeamId, now: Date): Promise<DemoSeedResult> {
  const written = new Date(now.getTime() - WRITTEN_DAYS_AGO * 86_400_000);
  const today = localDate(now, TIME_ZONE);
  const writtenOn = localDate(written, TIME_ZONE);
  try {
    await store.createTrack({ ...track(writtenOn), teamId, createdAt: written.toISOString(), createdBy: 'seed' });
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
  }
  const demo = await store.getTrack(teamId, DEMO_SLUG);
  const created: string[] = [];
  for (const [index, draft] of items(today, writtenOn).entries()) {
    try {
      created.push((await store.createCommitment(teamId, DEMO_SLUG, draft, 'seed', written, { seq: index + 1, track: demo })).id);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
  }
  for (const name of ASKED_PEOPLE) {
    try {
      await preferences.put(CheckInPreferencesSchema.parse({ teamId, userId: person(name).id, time: '00:00', days: [0, 1, 2, 3, 4, 5, 6] }), undefined);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return { created };
}
