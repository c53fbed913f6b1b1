import * as z from 'zod';
import type { Locale } from '#shared/domain/locale';
import type { Say } from '#shared/errors';
import type { Commitment, Role, TrackAccess } from '#shared/domain/schemas';

/**
 * What a request asks of a track: to see it, to answer a check-in about one of its items, to
 * change its items, to export it (allowed as a change is, refused in its own words), or to
 * change who may.
 */
export type Need = 'read' | 'answer' | 'write' | 'export' | 'manage';

/** What a command asks: a need on the track it touches, or `self`: only the caller's own settings (`me`). */
export type CommandNeed = Need | 'self';

/**
 * Where a person stands in the workspace: admins and owners manage every track; members use
 * workspace tracks; guests and people from other organisations see only what they are given.
 */
export type Standing = 'admin' | 'member' | 'guest' | 'stranger';

/** A text field Slack may send as null: read as absent, so one such field does not make the whole user unreadable. */
const optionalText = z.string().nullish().transform((value) => value ?? undefined).optional();

/** The fields of a `users.info` user that decide access; Slack leaves out the false ones at times. */
export const SlackUserSchema = z.object({
  id: z.string(),
  team_id: z.string().optional(),
  deleted: z.boolean().default(false),
  is_bot: z.boolean().default(false),
  is_app_user: z.boolean().default(false),
  is_admin: z.boolean().default(false),
  is_owner: z.boolean().default(false),
  is_primary_owner: z.boolean().default(false),
  is_restricted: z.boolean().default(false),
  is_ultra_restricted: z.boolean().default(false),
  is_stranger: z.boolean().default(false),
  /** The person's own time zone, as Slack has it. */
  tz: optionalText,
  enterprise_user: z.object({ teams: z.array(z.string()).default([]) }).optional(),
  /** Their handle and names, for showing them. */
  name: optionalText,
  real_name: optionalText,
  profile: z.object({ display_name: optionalText, real_name: optionalText }).optional(),
});
export type SlackUser = z.infer<typeof SlackUserSchema>;

/** Who asks, as far as access goes, and where (a private track is readable in its linked channels). */
export interface Access {
  userId: string;
  standing: Standing;
  channelId?: string;
  /** The user groups the person is in; looked up only when a track names a group. */
  groups?: ReadonlySet<string>;
  /** The Slack time (epoch ms) the person's standing reflects. */
  asOf?: number;
  /** The workspace's app manager, as read with the person (shown to admins). */
  appManagerId?: string;
  /** The language the person is answered in (`resolveLocale`); English when not known. */
  locale?: Locale;
  /** The person's own time zone (`zoneOf`), for what has no track to date it by. */
  timeZone?: string;
}

/**
 * A user's standing in `teamId`. Strangers first: a shared channel's guest from another
 * organisation may be an admin there, which counts for nothing here.
 */
export function standingOf(user: SlackUser, teamId: string, appManagerId?: string): Standing {
  const ownTeam = !user.team_id || user.team_id === teamId || (user.enterprise_user?.teams.includes(teamId) ?? false);
  if (user.is_stranger || !ownTeam) return 'stranger';
  if (user.is_restricted || user.is_ultra_restricted) return 'guest';
  if (isSlackAdmin(user)) return 'admin';
  // The app manager's record (the first installer, or whom an admin named) counts, never who installed last.
  if (appManagerId !== undefined && user.id === appManagerId) return 'admin';
  return 'member';
}

/** Slack's own admins and owners: they manage every track, and choose the app manager. */
function isSlackAdmin(user: SlackUser): boolean {
  return user.is_admin || user.is_owner || user.is_primary_owner;
}

/** Bots and deactivated accounts take no role. */
export function canHoldRole(user: SlackUser): boolean {
  return !user.deleted && !user.is_bot && !user.is_app_user && user.id !== 'USLACKBOT';
}

export type Verdict =
  | { allowed: true }
  /** `hidden`: answer exactly as for a track that does not exist. */
  | { allowed: false; hidden: boolean; reason: string; say?: Say };

const ALLOWED: Verdict = { allowed: true };

/**
 * The one rule of who may do what with a track:
 *
 * | standing   | read                                                      | write (items, scores, digests, export) | manage (roles, visibility, links) |
 * |------------|-----------------------------------------------------------|----------------------------------------|-----------------------------------|
 * | admin      | always                                                    | always                                 | always                            |
 * | member     | workspace tracks; private ones if a member or in a linked channel | owner or editor; anyone who sees a track with no owner yet | owner |
 * | guest, stranger | only with a role                                     | never                                  | never                             |
 *
 * A role is the person's own, else the strongest of the user groups they are in (`access.groups`);
 * through a group a guest or stranger is at most a viewer. `answer` (a check-in's buttons and
 * forms on `item`) is open to the item's owners who see the track, whatever their role, and
 * otherwise is `write`; an owner refused a `write` on their item is told where they may answer.
 */
export function authorize(access: Access, track: TrackAccess & { slug: string }, need: Need, item?: Pick<Commitment, 'owners'>): Verdict {
  if (access.standing === 'admin') return ALLOWED;
  const outsider = access.standing === 'guest' || access.standing === 'stranger';
  const role = roleOf(access, track, outsider);
  const visible = outsider
    ? role !== undefined
    : track.visibility === 'workspace' || role !== undefined || (access.channelId !== undefined && track.channels.includes(access.channelId));
  if (!visible) return { allowed: false, hidden: true, reason: `There is no track called ${track.slug}.` };
  if (need === 'read') return ALLOWED;
  const doing = need === 'export' ? 'export it' : 'change it';
  if (need === 'answer' && ownsItem(access, item)) return ALLOWED;
  const say = { track: track.slug, doing: need === 'export' ? 'export' : 'change' };
  if (outsider) return refuse(`Guests and people from other organisations can read ${track.slug} but not ${doing}.`, { key: 'access.outsiderReadOnly', values: say });
  if (need === 'manage') {
    return role === 'owner' ? ALLOWED : refuse(`Only the owners of ${track.slug} or a workspace admin can change its settings or who may use it.`, { key: 'access.ownersManage', values: { track: track.slug } });
  }
  if (role === 'owner' || role === 'editor') return ALLOWED;
  if (role === undefined && !hasOwner(track)) return ALLOWED;
  if (need === 'write' && ownsItem(access, item)) {
    // "The owners" would read as themselves: they may answer, not change.
    return refuse(
      `Only the track’s owners and editors can change items of ${track.slug}. As an owner of this item, you can answer about it (on track, a note, done) from your check-in message or the app’s Home tab.`,
      { key: 'access.itemOwnerAnswers', values: { track: track.slug } },
    );
  }
  return refuse(`Only the owners and editors of ${track.slug} can ${doing}; ask an owner for the editor role.`, { key: 'access.editorsWrite', values: say });
}

function ownsItem(access: Access, item: Pick<Commitment, 'owners'> | undefined): boolean {
  return item?.owners.some((owner) => owner.slackUserId === access.userId) ?? false;
}

/** Whether a write that names no track (a new track, a form over all tracks) is open to this person. */
export function mayWriteAnywhere(access: Access): Verdict {
  return access.standing === 'guest' || access.standing === 'stranger'
    ? refuse('Guests and people from other organisations can read the tracks shared with them but not change anything.', { key: 'access.outsiderWritesNothing' })
    : ALLOWED;
}

/** Whether a person may keep settings of their own here (`me`): guests too; people from other organisations keep theirs at home. */
export function mayChangeOwnSettings(access: Access): Verdict {
  return access.standing === 'stranger'
    ? refuse('People from other organisations keep their check-in preferences in their own workspace; nothing was read or changed.', { key: 'access.strangerSettings' })
    : ALLOWED;
}

/** Whether everyone in `channelId` may see the track: a digest or a shared report there shows it to them all. */
export function visibleInChannel(track: TrackAccess, channelId: string): boolean {
  return track.visibility === 'workspace' || track.channels.includes(channelId);
}

export function hasOwner(track: TrackAccess): boolean {
  return Object.values(track.members).includes('owner');
}

/** Whether a person (not a group) owns the track: the last owner must be someone who can answer. */
export function hasUserOwner(track: TrackAccess): boolean {
  return Object.entries(track.members).some(([id, role]) => role === 'owner' && !isGroupId(id));
}

export function isGroupId(memberId: string): boolean {
  return memberId.startsWith('S');
}

/** Names the track gives roles to that are user groups. */
export function groupsOf(track: TrackAccess): string[] {
  return Object.keys(track.members).filter(isGroupId);
}

const STRENGTH: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

/** A person's own role, else the strongest of their groups' roles; through a group an outsider is at most a viewer. */
function roleOf(access: Access, track: TrackAccess, outsider: boolean): Role | undefined {
  const own = track.members[access.userId];
  if (own !== undefined) return own;
  let best: Role | undefined;
  for (const groupId of groupsOf(track)) {
    const role = access.groups?.has(groupId) ? track.members[groupId] : undefined;
    if (role !== undefined && (best === undefined || STRENGTH[role] > STRENGTH[best])) best = role;
  }
  return best !== undefined && outsider ? 'viewer' : best;
}

/** `say`: the reason's key in the catalogs, whose English is `reason` word for word (test/shared/domain/access.test.ts). */
function refuse(reason: string, say: Say): Verdict {
  return { allowed: false, hidden: false, reason, say };
}
