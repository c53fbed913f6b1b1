import * as z from 'zod';
import { ActorSchema, InstantSchema, TeamIdSchema, TimeZoneSchema, TrackSlugSchema, type TeamId, type TrackSlug } from '#shared/domain/schemas';
import { ScheduleSchema } from '#shared/domain/schedule';
import { DEFAULT_LOCALE, LocaleSchema, type Locale } from '#shared/domain/locale';

export const ChannelIdSchema = z.string().regex(/^[CGD][A-Z0-9]{2,30}$/, 'must be a Slack channel id such as C0123ABCD');

/** Why the sweep stopped posting to a channel: Slack's error code, shown to people as is. */
export const PauseSchema = z.object({ reason: z.string().min(1).max(100), at: InstantSchema });

/** The parts of a digest a channel may choose; all by default. */
export const DIGEST_SECTIONS = ['overdue', 'due-soon', 'quiet', 'changed', 'no-answer'] as const;
export const DigestSectionSchema = z.enum(DIGEST_SECTIONS);
export type DigestSection = z.infer<typeof DigestSectionSchema>;

/** A channel's standing order for one track's digest. */
export const SubscriptionSchema = z.object({
  teamId: TeamIdSchema,
  channelId: ChannelIdSchema,
  track: TrackSlugSchema,
  schedule: ScheduleSchema,
  timeZone: TimeZoneSchema,
  createdBy: ActorSchema,
  createdAt: InstantSchema,
  /** The slot the subscription waits for; the due index sorts on it. */
  nextRunAt: InstantSchema,
  /** The slot of the last digest that went out; "changed since" counts from here. */
  lastDigestAt: InstantSchema.optional(),
  paused: PauseSchema.optional(),
  /** The sections the digest shows, in DIGEST_SECTIONS order; subscriptions stored before this read as all. */
  sections: z.array(DigestSectionSchema).min(1).max(DIGEST_SECTIONS.length).default([...DIGEST_SECTIONS]),
  /** With nothing to report in its sections, the slot is recorded as skipped and nothing is posted. */
  skipWhenEmpty: z.boolean().default(true),
  /** The digest's language (`subscribe … in ko`); subscriptions stored before languages have none and read as English. */
  language: LocaleSchema.optional(),
  version: z.number().int().min(1),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;
/** A subscription as written before defaults, as items stored before digest sections read. */
export type SubscriptionInput = z.input<typeof SubscriptionSchema>;

/** The language a subscription's digest is written in. */
export function digestLocale(sub: Pick<Subscription, 'language'>): Locale {
  return sub.language ?? DEFAULT_LOCALE;
}

/** What names one subscription: a channel and a track, in a team. */
export interface SubscriptionKey {
  teamId: TeamId;
  channelId: string;
  track: TrackSlug;
}

export function subscriptionKeyOf(sub: Pick<Subscription, 'teamId' | 'channelId' | 'track'>): SubscriptionKey {
  return { teamId: sub.teamId, channelId: sub.channelId, track: sub.track };
}

/** What subscribing did: the subscription written, and the one it replaced (another schedule, or a paused one resumed). */
export interface SubscribeResult {
  subscription: Subscription;
  replaced: Subscription | undefined;
}
