import * as z from 'zod';
import { CheckInSettingsSchema, CommitmentIdSchema, InstantSchema, LocalDateSchema, SlackUserIdSchema, TeamIdSchema, TrackSlugSchema, type CheckInSettings } from '#shared/domain/schemas';

/**
 * Check-ins: the bot asks each owner of an open item, in a direct message, when the item needs
 * them — before its due date, when it has gone quiet, when it is overdue — at most once a day,
 * in their morning. This module holds what they are made of (when they fall due: `dates/check-ins.ts`); the sweep
 * (`shared/check-ins/`) sends them, the store keeps one ask record per (item, owner).
 */

export const DEFAULT_CHECK_IN_SETTINGS: CheckInSettings = CheckInSettingsSchema.parse({});

/** An overdue item is asked the day after its due date, then once a week while it stays overdue. */
export const OVERDUE_REPEAT_DAYS = 7;

export const ASK_REASONS = ['before-due', 'quiet', 'overdue'] as const;
export const AskReasonSchema = z.enum(ASK_REASONS);
export type AskReason = z.infer<typeof AskReasonSchema>;

/**
 * Why an owner may not read a track, so the sweep pauses their asks: a member left out of a
 * private track, or a guest or stranger with no role (see `domain/owner-access`).
 */
export const OWNER_BLOCKS = ['private-track', 'no-role'] as const;
export type OwnerBlock = (typeof OWNER_BLOCKS)[number];

/**
 * Why and since when a person's check-ins are stopped: Slack says they cannot be messaged
 * (`deactivated`, `bot`, or the code of Slack's refusal, e.g. `user_not_found`).
 */
export const StopSchema = z.object({ reason: z.string().min(1).max(100), at: InstantSchema });
export type Stop = z.infer<typeof StopSchema>;

/**
 * One owner's standing with one item: when they must next be asked (`askOn`, absent when
 * never again), and the last time they were. Written with the item by every change (which
 * sets `askOn`) and by the sweep (which sets the rest); a change never erases what the sweep wrote.
 */
export const AskSchema = z.object({
  teamId: TeamIdSchema,
  track: TrackSlugSchema,
  commitmentId: CommitmentIdSchema,
  userId: SlackUserIdSchema,
  /** The first day the owner may need asking; the sweep works out the exact day from the item. */
  askOn: LocalDateSchema.optional(),
  /**
   * When someone else named this person an owner of the item (a new item, a handover). Until a
   * check-in has listed the item since, they have heard nothing of it from the bot: their next
   * check-in lists it, whatever else falls due (see `decideAsk`), and the record keeps that day
   * and index key aside for changes meanwhile (`askWriteItems`).
   */
  namedAt: InstantSchema.optional(),
  /** The owner's local date of the last check-in that listed the item. */
  askedOn: LocalDateSchema.optional(),
  askedAt: InstantSchema.optional(),
  /**
   * The track's day that check-in counted as asked on (see `askedDay`), as the track's zone then
   * was: the next ask counts from it, so a later change of the track's zone neither asks again nor skips a day.
   */
  askedFor: LocalDateSchema.optional(),
  reason: AskReasonSchema.optional(),
  /** The direct message that asked, for showing an answer in place. */
  dm: z.object({ channel: z.string().min(1).max(30), ts: z.string().min(1).max(30) }).optional(),
  /** Set by the sweep on the owner's day it did not ask them because they may not read the track; cleared once they may. */
  paused: z.object({ reason: z.enum(OWNER_BLOCKS), on: LocalDateSchema }).optional(),
  /** Set by the sweep while the owner's check-ins are stopped, as their preferences say why; cleared once it finds them reachable. */
  stopped: StopSchema.optional(),
});
export type Ask = z.infer<typeof AskSchema>;

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** A person's check-in preferences (`/commitments me`), one per user and workspace. */
export const CheckInPreferencesSchema = z.object({
  teamId: TeamIdSchema,
  userId: SlackUserIdSchema,
  /** Local time of the day's check-in, `HH:mm` in the person's Slack time zone. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('09:00'),
  /** Days of the week (0 = Sunday) on which they may be asked: weekdays unless they opt in. */
  days: z.array(z.number().int().min(0).max(6)).min(1).max(7).default([1, 2, 3, 4, 5]),
  /** No check-ins up to and including this date. */
  pausedUntil: LocalDateSchema.optional(),
  /** Set by the sweep when Slack says the person cannot be messaged (e.g. deactivated). */
  stopped: StopSchema.optional(),
  version: z.number().int().min(1).default(1),
});
export type CheckInPreferences = z.infer<typeof CheckInPreferencesSchema>;

export function defaultPreferences(teamId: string, userId: string): CheckInPreferences {
  return CheckInPreferencesSchema.parse({ teamId, userId });
}
