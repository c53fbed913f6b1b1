import { FRESHNESS } from '#shared/domain/person';
import { canHoldRole, hasOwner, hasUserOwner, isGroupId, standingOf } from '#shared/domain/access';
import { ROLES, TrackSchema, type ChannelId, type CheckInSettings, type Role, type Track, type TrackChange, type TrackSettings, type Visibility } from '#shared/domain/schemas';
import { MEMBERS_PER_GROUP, MEMBERS_PER_TRACK, ROLE_CHANGES_PER_SAVE } from '#shared/domain/bounds';
import { ConflictError, InvalidInputError } from '#shared/errors';
import type { ModalOrigin } from '#shared/slack/render/modals';
import { describeAccessChanges } from '#shared/slack/render/roles';
import { checkInSettingsPhrase } from '#shared/slack/render/check-in-settings';
import type { MessageKey } from '#shared/i18n/en';
import { EN, spoken, type MessageValues, type Translator } from '#shared/i18n/translator';
import type { UserGroup } from '#shared/use-cases/access';
import { getTrack, type Caller, type Deps } from '#shared/use-cases/commitments';

/** One person's or user group's new role on a track, or none (removed). */
export interface RoleChange {
  /** A user id, or a user group id (`S…`). */
  userId: string;
  role?: Role;
}

/** What an access change returns: the track as saved and what changed. */
export interface AccessChanged {
  track: Track;
  changes: TrackChange[];
}

/**
 * Changes people's roles on a track, in steps:
 * 1. read the track if the caller may manage it (an owner, or a workspace admin);
 * 2. work out what changes, and refuse, before anyone is looked up, a change that leaves a track
 *    that had an owner with no person as owner, or makes it hold more members than it may;
 * 3. read the records of everyone given a role in one batch, asking Slack only about those it
 *    has not met (a few a request, see `Directory.people`), and the user groups named from Slack,
 *    once: no bot or deactivated account, guests and people from other organisations only as
 *    viewers, a user group given a role must exist and have at most `MEMBERS_PER_GROUP` members;
 * 4. save the members and a history entry, guarded by the version read (or the one a form showed).
 */
export async function changeRoles(deps: Deps, caller: Caller, slug: string, requested: RoleChange[], expectedVersion?: number): Promise<AccessChanged> {
  const track = await getTrack(deps, caller, slug, 'manage');
  if (expectedVersion !== undefined && expectedVersion !== track.version) throw staleError(track.slug);
  const members = { ...track.members };
  const changes: TrackChange[] = [];
  for (const { userId, role } of requested) {
    const from = members[userId];
    if (from === role) continue;
    if (role) members[userId] = role;
    else delete members[userId];
    changes.push({ type: 'role', userId, ...(from ? { from } : {}), ...(role ? { to: role } : {}) });
  }
  if (changes.length === 0) throw refusal('roles.alreadySo', { slug: track.slug });
  if (hasOwner(track) && !hasUserOwner({ ...track, members })) {
    // A group owner does not count: someone must answer for the track by name.
    throw refusal('roles.noOwnerLeft', { slug: track.slug }, 'members');
  }
  const count = Object.keys(members).length;
  if (count > MEMBERS_PER_TRACK && count > Object.keys(track.members).length) {
    throw refusal('roles.tooManyMembers', { max: MEMBERS_PER_TRACK, count }, 'members');
  }
  if (changes.length > ROLE_CHANGES_PER_SAVE) throw refusal('roles.tooManyChanges', { max: ROLE_CHANGES_PER_SAVE, given: changes.length }, 'members');
  const given = changes.flatMap((change) => (change.type === 'role' && change.to ? [{ userId: change.userId, role: change.to }] : []));
  const groupIds = given.flatMap(({ userId }) => (isGroupId(userId) ? [userId] : []));
  const groups = groupIds.length > 0 ? await deps.directory.userGroups(caller.teamId, groupIds) : new Map<string, UserGroup>();
  const missingGroup = groupIds.find((groupId) => !groups.has(groupId));
  if (missingGroup) {
    throw refusal('roles.noSuchGroup', { group: `<!subteam^${missingGroup}>` }, 'members');
  }
  // Its record could not list them all (see MEMBERS_PER_GROUP): the role would reach nobody.
  const tooLarge = [...groups.values()].find((group) => group.users.length > MEMBERS_PER_GROUP);
  if (tooLarge) {
    throw refusal('roles.groupTooLarge', { group: `<!subteam^${tooLarge.id}>`, count: tooLarge.users.length, max: MEMBERS_PER_GROUP }, 'members');
  }
  const named = given.filter(({ userId }) => !isGroupId(userId));
  // Whom a role goes to is decided on facts at most an hour old, as the manager's own standing.
  const people = await deps.directory.people(caller.teamId, named.map(({ userId }) => userId), { maxAgeMs: FRESHNESS.manageMs });
  for (const { userId, role } of named) {
    const { user } = people.get(userId)!;
    if (!canHoldRole(user)) {
      throw refusal('roles.notPerson', { who: `<@${userId}>`, what: user.deleted ? 'deactivated' : 'bot' }, 'members');
    }
    const standing = standingOf(user, caller.teamId);
    if (role !== 'viewer' && (standing === 'guest' || standing === 'stranger')) {
      throw refusal('roles.viewerOnly', { who: `<@${userId}>` }, 'members');
    }
  }
  return save(deps, caller, track, { ...track, members }, changes);
}

/**
 * Sets the whole member list as a roles form shows it (owners, editors, viewers): each
 * person's highest role counts once, and everyone left out is removed.
 */
export async function replaceRoles(deps: Deps, caller: Caller, slug: string, lists: Record<Role, string[]>, expectedVersion?: number): Promise<AccessChanged> {
  const track = await getTrack(deps, caller, slug, 'manage');
  const wanted = new Map<string, Role>();
  // Listed from highest to lowest, so the first role given a person is the one kept.
  for (const role of ROLES) for (const userId of lists[role]) if (!wanted.has(userId)) wanted.set(userId, role);
  const requested: RoleChange[] = [
    ...[...wanted].map(([userId, role]) => ({ userId, role })),
    // The form lists people only; the groups' roles change by command.
    ...Object.keys(track.members).filter((userId) => !wanted.has(userId) && !isGroupId(userId)).map((userId) => ({ userId })),
  ];
  return changeRoles(deps, caller, slug, requested, expectedVersion ?? track.version);
}

/** The roles form's submission: the lists it holds, for the track and version it showed; returns the confirmation in `t`'s language. */
export async function submitRoles(deps: Deps, caller: Caller, origin: ModalOrigin, lists: Record<Role, string[]>, t: Translator = EN): Promise<string> {
  const { track, changes } = await replaceRoles(deps, caller, origin.track ?? '', lists, origin.version);
  return describeAccessChanges(track.slug, changes, t);
}

/** Makes a track private (members and linked channels only) or visible to the workspace again. */
export async function setVisibility(deps: Deps, caller: Caller, slug: string, visibility: Visibility): Promise<AccessChanged> {
  const track = await getTrack(deps, caller, slug, 'manage');
  if (track.visibility === visibility) throw refusal('visibility.already', { slug: track.slug, visibility });
  if (visibility === 'private' && !hasUserOwner(track)) {
    throw refusal('visibility.noOwner', { slug: track.slug });
  }
  return save(deps, caller, track, { ...track, visibility }, [{ type: 'visibility', from: track.visibility, to: visibility }]);
}

/** Links a channel to a track (everyone there may read it, even when private), or unlinks it. */
export async function linkChannel(deps: Deps, caller: Caller, slug: string, channelId: ChannelId, linked: boolean): Promise<AccessChanged> {
  const track = await getTrack(deps, caller, slug, 'manage');
  const has = track.channels.includes(channelId);
  if (has === linked) throw refusal(linked ? 'link.alreadyLinked' : 'link.notLinked', { channel: `<#${channelId}>`, slug: track.slug });
  const channels = linked ? [...track.channels, channelId] : track.channels.filter((c) => c !== channelId);
  return save(deps, caller, track, { ...track, channels }, [{ type: linked ? 'link' : 'unlink', channelId }]);
}

/** The track's check-in settings, as editors see them before changing. */
export async function getCheckInSettings(deps: Deps, caller: Caller, slug: string): Promise<Track> {
  return getTrack(deps, caller, slug, 'read');
}

/**
 * Changes how a track asks its owners (days before a due date, days to escalation), in steps:
 * 1. read the track if the caller may change it (its editors and owners, or an admin);
 * 2. refuse a change that changes nothing;
 * 3. save it with a history entry, guarded by the version read.
 * Items keep the ask dates they have; each takes the new settings at its next change or check-in.
 */
export async function setCheckIns(deps: Deps, caller: Caller, slug: string, change: Partial<CheckInSettings>, t: Translator = EN): Promise<AccessChanged> {
  const track = await getTrack(deps, caller, slug, 'write');
  const checkIns = { ...track.checkIns, ...change };
  if (JSON.stringify(checkIns) === JSON.stringify(track.checkIns)) {
    // The settings go in as the caller's words, so the refusal reads whole in their language.
    const { text, say } = spoken('checkIns.already', { slug: track.slug, settings: checkInSettingsPhrase(checkIns, t) });
    throw new InvalidInputError(text, undefined, { say });
  }
  return save(deps, caller, track, { ...track, checkIns }, [{ type: 'check-ins', from: track.checkIns, to: checkIns }]);
}

/**
 * Changes a track's title, time zone or fiscal-year start, in steps:
 * 1. read the track if the caller may manage it (its owners, or a workspace admin);
 * 2. keep what differs from the track (a title as it would be stored), and refuse when nothing does;
 * 3. save it with a history entry, guarded by the version read: a change that lost a race saves nothing.
 * Due dates are calendar dates and stay; what counts days (flags, digests, check-ins) reads the
 * track's zone when it runs, so it follows the new one. Subscriptions keep their own schedule zone.
 */
export async function setTrackSettings(deps: Deps, caller: Caller, slug: string, requested: TrackSettings): Promise<AccessChanged> {
  const track = await getTrack(deps, caller, slug, 'manage');
  const current = settingsOf(track);
  const wanted: TrackSettings = { ...requested, ...(requested.title === undefined ? {} : { title: storedTitle(requested.title) }) };
  const changed = SETTINGS.filter((field) => wanted[field] !== undefined && wanted[field] !== current[field]);
  if (changed.length === 0) throw refusal('settings.unchanged', { slug: track.slug });
  const from = Object.fromEntries(changed.map((field) => [field, current[field]])) as TrackSettings;
  const to = Object.fromEntries(changed.map((field) => [field, wanted[field]])) as TrackSettings;
  try {
    return await save(deps, caller, track, { ...track, ...to }, [{ type: 'settings', from, to }]);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const { text, say } = spoken('settings.stale', { slug: track.slug });
    throw new ConflictError(text, { say, cause: error });
  }
}

const SETTINGS = ['title', 'timeZone', 'fiscalYearStart'] as const;

/** A track's settings as `<track> settings` shows them: no fiscal-year start is January's. */
function settingsOf(track: Pick<Track, 'title' | 'timeZone' | 'fiscalYearStart'>): Required<TrackSettings> {
  return { title: track.title, timeZone: track.timeZone, fiscalYearStart: track.fiscalYearStart ?? 1 };
}

/** The title as the track would store it (invisible marks stripped, one line), so an unchanged one is seen as such. */
function storedTitle(title: string): string {
  const parsed = TrackSchema.shape.title.safeParse(title);
  if (!parsed.success) throw refusal('settings.titleNeeded', {}, 'title');
  return parsed.data;
}

async function save(deps: Deps, caller: Caller, before: Track, after: Track, changes: TrackChange[]): Promise<AccessChanged> {
  const track = await deps.store.saveTrackAccess(before, after, changes, caller.userId, caller.now);
  return { track, changes };
}

function staleError(slug: string): ConflictError {
  const { text, say } = spoken('roles.stale', { slug });
  return new ConflictError(text, { say });
}

/** A refusal of bad input in the catalogs' words: its English as the message, its key to say it in the caller's language. */
function refusal(key: MessageKey, values: MessageValues, field?: string): InvalidInputError {
  const { text, say } = spoken(key, values);
  return new InvalidInputError(text, undefined, { say, ...(field ? { field } : {}) });
}
