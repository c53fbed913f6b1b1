import * as z from 'zod';
import { MEMBERS_PER_GROUP } from '#shared/domain/bounds';

/** Slack's times in events: whole seconds since the epoch. */
const SecondsSchema = z.number().int().nonnegative();

/** A user group as `subteam_created` and `subteam_updated` carry it (the fields the bot keeps). */
export const SlackSubteamSchema = z.object({
  id: z.string().min(1).max(64),
  team_id: z.string().optional(),
  handle: z.string().max(255).optional(),
  /** Absent when Slack leaves the list out: the members stay as recorded. */
  users: z.array(z.string()).optional(),
  date_create: SecondsSchema.optional(),
  date_update: SecondsSchema.optional(),
  /** Nonzero once the group is disabled. */
  date_delete: SecondsSchema.default(0),
});
export type SlackSubteam = z.infer<typeof SlackSubteamSchema>;

/** A `subteam_members_changed` event: who joined and left a group, and when. */
export const SubteamMembersChangedSchema = z.object({
  subteam_id: z.string().min(1).max(64),
  team_id: z.string().optional(),
  /** The group's `date_update` before this change; 0 for its first. */
  date_previous_update: SecondsSchema.default(0),
  date_update: SecondsSchema,
  added_users: z.array(z.string()).default([]),
  removed_users: z.array(z.string()).default([]),
});
export type SubteamMembersChanged = z.infer<typeof SubteamMembersChangedSchema>;

/** How far ahead of our clock an event's time may be and still be believed: clocks differ by seconds, not minutes. */
export const EVENT_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Whether an event's time (epoch ms) can be when it happened: not ahead of `now` by more than
 * {@link EVENT_CLOCK_SKEW_MS}. Facts kept as of a time to come would never be overwritten by the
 * events that follow, nor age into a lookup.
 */
export function isBelievableEventTime(ms: number, now: Date): boolean {
  return ms <= now.getTime() + EVENT_CLOCK_SKEW_MS;
}

/** When a group's facts are from (epoch ms): its last update, else its creation; `undefined` when Slack gave neither. */
export function subteamAsOf(subteam: SlackSubteam): number | undefined {
  const seconds = subteam.date_update || subteam.date_create;
  return seconds ? seconds * 1000 : undefined;
}

/** A group's members after a change: those who left are gone, those who joined follow the rest, once each. */
export function applyMembersChange(users: readonly string[], change: Pick<SubteamMembersChanged, 'added_users' | 'removed_users'>): string[] {
  const removed = new Set(change.removed_users);
  return [...new Set([...users.filter((user) => !removed.has(user)), ...change.added_users])];
}

/**
 * The members a group's record keeps: all of them, or nobody past {@link MEMBERS_PER_GROUP}, so a
 * group grown too large gives its role to no one rather than to an arbitrary part of it; such a
 * record says so (`tooLarge`), so no later change is applied to the empty list as if it were one.
 */
export function membersToKeep(users: readonly string[]): { users: string[]; tooLarge: boolean } {
  const tooLarge = users.length > MEMBERS_PER_GROUP;
  return { users: tooLarge ? [] : [...users], tooLarge };
}

/** The user groups of a workspace as one `usergroups.list` gave them, and the Slack time that counts as (`lookupAsOf` of when it was asked). */
export interface GroupListing {
  asked: number;
  groups: ReadonlyMap<string, { handle: string; users: string[]; disabled: boolean }>;
}

/** A `usergroups.list` answer's groups (those with an id), as a listing asked as of `asked`. */
export function groupListing(usergroups: readonly { id?: string; handle?: string; users?: string[]; date_delete?: number }[], asked: number): GroupListing {
  const groups = usergroups.flatMap((group) => (group.id ? [[group.id, { handle: group.handle ?? group.id, users: group.users ?? [], disabled: Boolean(group.date_delete) }] as const] : []));
  return { asked, groups: new Map(groups) };
}
