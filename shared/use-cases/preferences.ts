import { localDate } from '#shared/dates/flags';
import { formatLocalDate } from '#shared/dates/natural';
import { defaultPreferences, type CheckInPreferences } from '#shared/domain/check-ins';
import type { PreferenceChange, PreferencesView } from '#shared/domain/preferences';
import { TimeZoneSchema } from '#shared/domain/schemas';
import { InvalidInputError } from '#shared/errors';
import { resolveDate, type Caller, type Deps } from '#shared/use-cases/commitments';

/** The caller's preferences (the defaults when they never set any), in their Slack time zone. */
export async function showPreferences(deps: Deps, caller: Caller): Promise<PreferencesView> {
  const [prefs, timeZone] = await Promise.all([deps.preferences.get(caller.teamId, caller.userId), zoneOf(deps, caller)]);
  return { prefs, timeZone };
}

/**
 * Changes the caller's own check-in preferences, in steps:
 * 1. read what they saved (or the defaults) and their time zone from Slack;
 * 2. apply the change: a pause date is read in their zone and must not have passed; resume
 *    clears a pause and a stop; a change that changes nothing is refused;
 * 3. save, guarded by the version read (a first save only where none exists).
 */
export async function changePreferences(deps: Deps, caller: Caller, change: PreferenceChange): Promise<PreferencesView> {
  const [saved, timeZone] = await Promise.all([deps.preferences.getSaved(caller.teamId, caller.userId), zoneOf(deps, caller)]);
  const before = saved ?? defaultPreferences(caller.teamId, caller.userId);
  const after = apply(before, change, timeZone, caller.now);
  const prefs = await deps.preferences.put(after, saved?.version);
  return { prefs, timeZone, change };
}

function apply(prefs: CheckInPreferences, change: PreferenceChange, timeZone: string, now: Date): CheckInPreferences {
  switch (change.type) {
    case 'time':
      if (prefs.time === change.time) throw new InvalidInputError(`Your check-ins already come at ${change.time}; nothing was changed.`);
      return { ...prefs, time: change.time };
    case 'days':
      if (prefs.days.join() === change.days.join()) throw new InvalidInputError('Those are already your check-in days; nothing was changed.');
      return { ...prefs, days: change.days };
    case 'pause': {
      const until = resolveDate(change.untilText, { timeZone }, now);
      if (until < localDate(now, timeZone)) {
        throw new InvalidInputError(`${formatLocalDate(until)} has already passed; pause until today or a later date.`);
      }
      return { ...prefs, pausedUntil: until };
    }
    case 'resume': {
      if (!prefs.pausedUntil && !prefs.stopped) throw new InvalidInputError('Your check-ins are not paused or stopped; nothing was changed.');
      const { pausedUntil: _, stopped: __, ...rest } = prefs;
      return rest;
    }
  }
}

/** The person's own zone from their record, else UTC. */
async function zoneOf(deps: Deps, caller: Caller): Promise<string> {
  const { user } = await deps.directory.person(caller.teamId, caller.userId);
  return TimeZoneSchema.safeParse(user.tz).success && user.tz ? user.tz : 'UTC';
}
