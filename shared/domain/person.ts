import * as z from 'zod';
import { foldLines, InstantSchema, stripControlCharacters, TeamIdSchema, TimeZoneSchema } from '#shared/domain/schemas';
import { SlackUserSchema, type SlackUser } from '#shared/domain/access';
import { LocaleSchema } from '#shared/domain/locale';

/**
 * What the bot keeps of a person, per (team, user): what access decides on, their zone,
 * language and name, as Slack last told it (a lookup or a `user_change` event).
 */
export const PersonSchema = z.object({
  teamId: TeamIdSchema,
  userId: z.string().min(1).max(64),
  user: SlackUserSchema,
  /** The person's Slack language (`users.info` with `include_locale`), e.g. `ja-JP`; events do not carry it. */
  locale: z.string().max(20).optional(),
  /** The language they chose themselves (`me language ja`), over their Slack's; Slack's lookups and events leave it as it is. */
  language: LocaleSchema.optional(),
  /** When the bot last wrote what Slack said. */
  fetchedAt: InstantSchema,
  /** The Slack time the facts reflect (epoch ms): an event's time, or when a lookup was asked; older facts never overwrite newer ones. */
  asOf: z.number().int().nonnegative(),
  /** Their direct-message channel with the bot, once opened: a check-in needs no `conversations.open` after the first. */
  dmChannelId: z.string().max(64).optional(),
});
export type Person = z.infer<typeof PersonSchema>;

/** A user group's members, as Slack last told them (a lookup or a `subteam_*` event). */
export const GroupRecordSchema = z.object({
  teamId: TeamIdSchema,
  groupId: z.string().min(1).max(64),
  handle: z.string().max(255),
  users: z.array(z.string()).default([]),
  /**
   * Its members were past `MEMBERS_PER_GROUP` when last listed: none are kept, and a members
   * change has no list to apply to, so only a full list (an event with it, or a lookup) moves it.
   */
  tooLarge: z.boolean().default(false),
  /** A disabled group gives nobody a role. */
  disabled: z.boolean().default(false),
  fetchedAt: InstantSchema,
  /** Slack's `date_update` of the group (epoch ms), or when a lookup was asked. */
  asOf: z.number().int().nonnegative(),
});
export type GroupRecord = z.infer<typeof GroupRecordSchema>;
/** A group record as written: `tooLarge` and `disabled` may be left to their defaults. */
export type GroupRecordInput = z.input<typeof GroupRecordSchema>;

const HOUR_MS = 3_600_000;

/** How old a person's record may be and still answer, by what is asked of it. */
export const FRESHNESS = {
  /** Up to this age a record serves with nothing more. */
  serveMs: 24 * HOUR_MS,
  /** Past `serveMs` and up to this age it still serves, and is refreshed after the answer; older, Slack is asked first. */
  staleMs: 7 * 24 * HOUR_MS,
  /** Managing roles, visibility and links asks Slack first past this age. */
  manageMs: HOUR_MS,
} as const;

/** The person's time zone as Slack gives it, when it is one the runtime knows; else UTC. */
export function zoneOf(user: Pick<SlackUser, 'tz'> | undefined): string {
  return user?.tz && TimeZoneSchema.safeParse(user.tz).success ? user.tz : 'UTC';
}

/**
 * The name to show for a person: their display name, else their full name, else their handle,
 * on one line and without the characters that hide or reorder text (a right-to-left override
 * could make a name read as a file's): people choose their names in Slack.
 */
export function displayNameOf(user: SlackUser): string | undefined {
  const names = [user.profile?.display_name, user.profile?.real_name, user.real_name, user.name];
  return names.map((name) => foldLines(stripControlCharacters(name ?? ''))).find((name) => name !== '') || undefined;
}

/**
 * How a record serves at `now`: `fresh` as it is; `stale` (past {@link FRESHNESS.serveMs}) as it
 * is, then refreshed after the answer; `expired` (past `maxAgeMs`, a week unless said) or `none`:
 * Slack is asked first.
 */
export type RecordAge = 'none' | 'fresh' | 'stale' | 'expired';

export function recordAge(person: Pick<Person, 'asOf'> | undefined, now: Date, maxAgeMs: number = FRESHNESS.staleMs): RecordAge {
  if (!person) return 'none';
  const age = now.getTime() - person.asOf;
  return age > maxAgeMs ? 'expired' : age > FRESHNESS.serveMs ? 'stale' : 'fresh';
}

/**
 * A person's record from what `users.info` (asked at `askedAt`, with `include_locale`) said of
 * them; undefined when Slack's user is unreadable.
 */
export function personFromSlack(teamId: string, userId: string, slackUser: unknown, askedAt: Date, now: Date): Person | undefined {
  const parsed = SlackUserSchema.safeParse(slackUser);
  if (!parsed.success) return undefined;
  const locale = (slackUser as { locale?: unknown }).locale;
  return PersonSchema.parse({ teamId, userId, user: parsed.data, ...(typeof locale === 'string' ? { locale } : {}), fetchedAt: now.toISOString(), asOf: lookupAsOf(askedAt) });
}

/**
 * The Slack time a lookup's facts count as of: just before the second it was asked in. Events are
 * timed in whole seconds, so one from that second (a demotion a moment after the lookup) is newer
 * and is written over it; what is lost is only a second change within one second.
 */
export function lookupAsOf(askedAt: Date): number {
  return Math.max(0, Math.floor(askedAt.getTime() / 1000) * 1000 - 1);
}
