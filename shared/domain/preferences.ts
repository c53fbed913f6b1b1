import type { CheckInPreferences } from '#shared/domain/check-ins';

/** One change a person makes to their own check-in preferences (`me …`). */
export type PreferenceChange =
  | { type: 'time'; time: string }
  | { type: 'days'; days: number[] }
  | { type: 'pause'; untilText: string }
  | { type: 'resume' };

/** A person's preferences and the zone their dates and times are in. */
export interface PreferencesView {
  prefs: CheckInPreferences;
  timeZone: string;
  /** The change just saved, if any. */
  change?: PreferenceChange;
}
