import { localDate } from '#shared/dates/flags';
import { defaultPreferences, type CheckInPreferences } from '#shared/domain/check-ins';
import type { PreferenceChange, PreferencesView } from '#shared/domain/preferences';
import { zoneOf } from '#shared/domain/person';
import { InvalidInputError, type Say } from '#shared/errors';
import { EN, spoken, type Translator } from '#shared/i18n/translator';
import { resolveDate, type Caller, type Deps } from '#shared/use-cases/commitments';

/** The caller's preferences (the defaults when they never set any), in their Slack time zone. */
export async function showPreferences(deps: Deps, caller: Caller): Promise<PreferencesView> {
  const [prefs, timeZone] = await Promise.all([deps.preferences.get(caller.teamId, caller.userId), callerZone(deps, caller)]);
  return { prefs, timeZone };
}

/**
 * Changes the caller's own check-in preferences, in steps:
 * 1. read what they saved (or the defaults) and their time zone from Slack;
 * 2. apply the change: a pause date is read in their zone and must not have passed; resume
 *    clears a pause and a stop; a change that changes nothing is refused;
 * 3. save, guarded by the version read (a first save only where none exists).
 */
export async function changePreferences(deps: Deps, caller: Caller, change: PreferenceChange, t: Translator = EN): Promise<PreferencesView> {
  const [saved, timeZone] = await Promise.all([deps.preferences.getSaved(caller.teamId, caller.userId), callerZone(deps, caller)]);
  const before = saved ?? defaultPreferences(caller.teamId, caller.userId);
  const after = apply(before, change, timeZone, caller.now, t);
  const prefs = await deps.preferences.put(after, saved?.version);
  return { prefs, timeZone, change };
}

/** A refusal of the change: its English text for the log, its key and values for the caller's answer. */
function refusal({ text, say }: { text: string; say: Say }): InvalidInputError {
  return new InvalidInputError(text, undefined, { say });
}

function apply(prefs: CheckInPreferences, change: PreferenceChange, timeZone: string, now: Date, t: Translator): CheckInPreferences {
  switch (change.type) {
    case 'time':
      if (prefs.time === change.time) throw refusal(spoken('me.alreadyAt', { time: change.time }));
      return { ...prefs, time: change.time };
    case 'days':
      if (prefs.days.join() === change.days.join()) throw refusal(spoken('me.alreadyDays'));
      return { ...prefs, days: change.days };
    case 'pause': {
      const until = resolveDate(change.untilText, { timeZone }, now);
      if (until < localDate(now, timeZone)) {
        // The date goes in written the caller's way; the log keeps it in English.
        throw refusal({ text: spoken('me.pastPause', { date: EN.date(until) }).text, say: spoken('me.pastPause', { date: t.date(until) }).say });
      }
      return { ...prefs, pausedUntil: until };
    }
    case 'resume': {
      if (!prefs.pausedUntil && !prefs.stopped) throw refusal(spoken('me.notPaused'));
      const { pausedUntil: _, stopped: __, ...rest } = prefs;
      return rest;
    }
  }
}

/** The person's own zone from their record, else UTC. */
async function callerZone(deps: Deps, caller: Caller): Promise<string> {
  const { user } = await deps.directory.person(caller.teamId, caller.userId);
  return zoneOf(user);
}
