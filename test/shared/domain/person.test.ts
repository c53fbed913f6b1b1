import { describe, expect, it } from 'vitest';
import { lookupAsOf, personFromSlack, zoneOf } from '#shared/domain/person';
import { standingOf } from '#shared/domain/access';
import { createPeopleStore } from '#shared/store/people';
import { keepPersonFromEvent } from '#shared/use-cases/people-events';
import { useTestTable } from '../../support/dynamodb.ts';

const table = useTestTable();
const TEAM = 'T0SECOND';
const people = () => createPeopleStore({ client: table.client, tableName: table.tableName });
/** Half a second into a whole second of Slack time. */
const ASKED = new Date('2026-03-25T01:00:00.500Z');
const SECOND = Math.floor(ASKED.getTime() / 1000);

/** A record as a lookup at ASKED leaves it: an admin. */
async function lookedUp(userId: string): Promise<void> {
  const person = personFromSlack(TEAM, userId, { id: userId, is_admin: true }, ASKED, ASKED);
  expect(await people().save(person!)).toBe(true);
}

const demoted = (userId: string, eventTime: number) =>
  keepPersonFromEvent({ people: people(), clock: () => ASKED }, { teamId: TEAM, user: { id: userId, is_admin: false, is_restricted: true }, eventTime, create: false });

describe('a lookup and an event timed in the same second', () => {
  it('counts a lookup as of just before the second it was asked in', () => {
    expect(lookupAsOf(ASKED)).toBe(SECOND * 1000 - 1);
    expect(lookupAsOf(new Date(SECOND * 1000))).toBe(SECOND * 1000 - 1);
  });

  it('writes a demotion from the lookup’s own second over what the lookup saw', async () => {
    await lookedUp('U0SAME');
    expect(await demoted('U0SAME', SECOND)).toBe('saved');
    expect(await people().get(TEAM, 'U0SAME')).toMatchObject({ user: { is_admin: false, is_restricted: true }, asOf: SECOND * 1000 });
  });

  it('keeps the lookup over an event from an earlier second', async () => {
    await lookedUp('U0EARLIER');
    expect(await demoted('U0EARLIER', SECOND - 1)).toBe('unchanged');
    expect(await people().get(TEAM, 'U0EARLIER')).toMatchObject({ user: { is_admin: true } });
  });
});

describe('a user Slack describes with null for a text field', () => {
  it('is kept as one without it: a member, on UTC, not an unreadable stranger', () => {
    const person = personFromSlack(TEAM, 'U0NULLS', { id: 'U0NULLS', team_id: TEAM, tz: null, name: 'nulls', real_name: null, profile: { display_name: null, real_name: null } }, ASKED, ASKED);
    expect(person && { standing: standingOf(person.user, TEAM), zone: zoneOf(person.user), tz: 'tz' in person.user ? person.user.tz : 'absent' }).toEqual({ standing: 'member', zone: 'UTC', tz: undefined });
  });
});
