import { authorize, groupsOf, mayChangeOwnSettings, mayWriteAnywhere, SlackUserSchema, standingOf, type Access, type Need, type SlackUser } from '#shared/domain/access';
import type { HttpSend } from '#shared/http';
import type { Commitment, TeamId, TrackAccess } from '#shared/domain/schemas';
import { ForbiddenError, TrackNotFoundError } from '#shared/errors';
import { createSlackWeb } from '#shared/slack/web-api';
import { createTtlCache } from '#shared/ttl-cache';

/** How long a user's profile is trusted in a container: a demoted admin loses power within this. */
export const PROFILE_TTL_MS = 3 * 60_000;

/** A workspace's user group as `usergroups.list` gives it: its handle and who is in it. */
export interface UserGroup {
  id: string;
  handle: string;
  users: readonly string[];
}

/** Slack's account of a user, as `users.info` gives it, and of the workspace's user groups. */
export interface Directory {
  user(teamId: TeamId, userId: string): Promise<SlackUser>;
  /** The enabled user groups by id; `fresh` skips the cache, so a group made a minute ago is found. */
  userGroups(teamId: TeamId, options?: { fresh?: boolean }): Promise<ReadonlyMap<string, UserGroup>>;
  /** Who installed the app in the workspace, where an install records it (OAuth installs). */
  installer?(teamId: TeamId): Promise<string | undefined>;
}

/** Raised when Slack cannot say who someone is: every check fails closed on it. */
export class DirectoryError extends ForbiddenError {}

/**
 * A Directory over `users.info` with the team's bot token, each answer cached per container
 * for a few minutes. Failures are not cached, so the next request asks again.
 */
export function createSlackDirectory(options: {
  apiUrl: string;
  /** The bot token that may read this team's users. */
  token: (teamId: TeamId) => Promise<string>;
  clock: () => Date;
  ttlMs?: number;
  http?: HttpSend;
}): Directory {
  const cache = createTtlCache<SlackUser>({ ttlMs: options.ttlMs ?? PROFILE_TTL_MS, clock: options.clock });
  const groupCache = createTtlCache<ReadonlyMap<string, UserGroup>>({ ttlMs: options.ttlMs ?? PROFILE_TTL_MS, clock: options.clock });
  return {
    async userGroups(teamId, { fresh = false } = {}) {
      const cached = fresh ? undefined : groupCache.get(teamId);
      if (cached) return cached;
      const web = createSlackWeb({ apiUrl: options.apiUrl, token: await options.token(teamId), ...(options.http ? { http: options.http } : {}) });
      // One call per team lists every group with its members, so any track's groups are answered from it.
      const reply = await web.call('usergroups.list', { include_users: true }, { timeoutMs: 2000 });
      if (reply.kind !== 'ok' || !Array.isArray(reply.body.usergroups)) {
        const reason = reply.kind === 'ok' ? 'unreadable answer' : reply.kind === 'error' ? reply.error : reply.kind === 'rate-limited' ? 'rate limited' : reply.reason;
        throw new DirectoryError(`Slack could not tell me who is in which user group (${reason}), so nothing was read or changed. Try again in a moment.`);
      }
      const groups = new Map<string, UserGroup>();
      for (const group of reply.body.usergroups) {
        if (group.id) groups.set(group.id, { id: group.id, handle: group.handle ?? group.id, users: group.users ?? [] });
      }
      groupCache.set(teamId, groups);
      return groups;
    },
    async user(teamId, userId) {
      const key = `${teamId}#${userId}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const web = createSlackWeb({ apiUrl: options.apiUrl, token: await options.token(teamId), ...(options.http ? { http: options.http } : {}) });
      const reply = await web.call('users.info', { user: userId }, { timeoutMs: 2000 });
      const reason = reply.kind === 'ok' ? undefined : reply.kind === 'error' ? reply.error : reply.kind === 'rate-limited' ? 'rate limited' : reply.reason;
      const parsed = reply.kind === 'ok' ? SlackUserSchema.safeParse(reply.body.user) : undefined;
      if (!parsed?.success) {
        throw new DirectoryError(`Slack could not tell me who <@${userId}> is (${reason ?? 'unreadable answer'}), so nothing was read or changed. Try again in a moment.`);
      }
      cache.set(key, parsed.data);
      return parsed.data;
    },
  };
}

/** Who is asking, where; the profile comes from Slack (cached), and a Slack error refuses. */
export async function loadAccess(deps: { directory: Directory }, input: { teamId: TeamId; userId: string; channelId?: string }): Promise<Access> {
  const [user, installer] = await Promise.all([deps.directory.user(input.teamId, input.userId), deps.directory.installer?.(input.teamId)]);
  return { userId: input.userId, standing: standingOf(user, input.teamId, installer), ...(input.channelId ? { channelId: input.channelId } : {}) };
}

/**
 * `access` with the caller's user groups when any of `tracks` gives a group a role: only then
 * is Slack asked (cached per team), and a Slack error refuses.
 */
export async function withGroups(directory: Directory, teamId: TeamId, access: Access, tracks: readonly TrackAccess[]): Promise<Access> {
  if (access.groups || access.standing === 'admin' || !tracks.some((track) => groupsOf(track).length > 0)) return access;
  const groups = await directory.userGroups(teamId);
  const mine = new Set([...groups.values()].filter((group) => group.users.includes(access.userId)).map((group) => group.id));
  return { ...access, groups: mine };
}

/**
 * Throws unless `access` may do `need` with `track`: a track the person may not see is
 * answered exactly as a missing one; one they see but may not change, with the reason.
 */
export function requireAccess(access: Access, track: TrackAccess & { slug: string }, need: Need, item?: Pick<Commitment, 'owners'>): void {
  const verdict = authorize(access, track, need, item);
  if (verdict.allowed) return;
  throw verdict.hidden ? new TrackNotFoundError(track.slug) : new ForbiddenError(verdict.reason);
}

/** Throws unless the person may keep settings of their own here (everyone but people from other organisations). */
export function requireSelf(access: Access): void {
  const verdict = mayChangeOwnSettings(access);
  if (!verdict.allowed) throw new ForbiddenError(verdict.reason);
}

/** Throws unless the person may write at all (guests and strangers never do). */
export function requireWriter(access: Access): void {
  const verdict = mayWriteAnywhere(access);
  if (!verdict.allowed) throw new ForbiddenError(verdict.reason);
}

/** Whether `access` may change `track`'s items: forms list only those. */
export function canWrite(access: Access, track: TrackAccess & { slug: string }): boolean {
  return authorize(access, track, 'write').allowed;
}

/** Whether `access` may see `track`: lists, Home, digests and suggestions leave the rest out. */
export function canRead(access: Access, track: TrackAccess & { slug: string }): boolean {
  return authorize(access, track, 'read').allowed;
}
