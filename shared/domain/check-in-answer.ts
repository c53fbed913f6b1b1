import type { LocalDate } from '#shared/domain/schemas';

/** What an owner answers to a check-in, from its buttons and forms; each becomes one change of the item. */
export type CheckInAnswer =
  /** Still in progress: the status moves to in progress (or stays there) with the note "on track". */
  | { type: 'on-track' }
  /** Stalled, with why. */
  | { type: 'at-risk'; reason: string }
  | { type: 'done'; note?: string }
  | { type: 'note'; text: string }
  /** Not asked again for this many days from today, in the track's zone. */
  | { type: 'snooze'; days: number }
  | { type: 'snooze-until'; until: LocalDate }
  /** Someone else owns it: they take the answering owner's place. */
  | { type: 'not-mine'; to: string; note?: string };

/** The note an On track answer leaves. */
export const ON_TRACK_NOTE = 'on track';
