import { canHoldRole, groupsOf } from '#shared/domain/access';
import { ownerBlock } from '#shared/domain/owner-access';
import type { Owner, TeamId, Track } from '#shared/domain/schemas';
import { OWNERS_PER_ITEM } from '#shared/domain/bounds';
import { InvalidInputError } from '#shared/errors';
import { spoken } from '#shared/i18n/translator';
import { loadAccess, type Directory, type UserGroup } from '#shared/use-cases/access';

/** What the owners are checked against: those the item has (`current`), the form field refused, and the item's id (none: a new item). */
export interface OwnersCheck {
  current?: readonly Owner[];
  field?: string;
  id?: string;
}

/**
 * Refuses to make anyone an owner of an item of `track` who could never be asked about it, or
 * who may not read it (see `domain/owner-access.ts`), before anything is written:
 * 1. the Slack users among `owners` who are not among `current` (names need no check);
 * 2. their person records in one batch, Slack asked only about those with none (a bounded few,
 *    see `Directory.people`), and the track's user groups from their records, once;
 * 3. a bot or a deactivated account is refused, as for a role;
 * 4. each one's standing, with no channel: the first who may not read the track is refused by name.
 */
export async function requireOwnersCanRead(
  deps: { directory: Directory },
  teamId: TeamId,
  track: Track,
  owners: readonly Owner[],
  { current = [], field = 'owners', id }: OwnersCheck = {},
): Promise<void> {
  const had = new Set(current.flatMap((o) => (o.slackUserId ? [o.slackUserId] : [])));
  const added = [...new Set(owners.flatMap((o) => (o.slackUserId && !had.has(o.slackUserId) ? [o.slackUserId] : [])))];
  if (added.length === 0) return;
  // Checked before anyone is looked up, whatever the command or form capped already.
  if (added.length > OWNERS_PER_ITEM) {
    const { text, say } = spoken('owners.tooMany', { max: OWNERS_PER_ITEM, given: added.length });
    throw new InvalidInputError(text, undefined, { field, say });
  }
  const trackGroups = groupsOf(track);
  const [records, groups, manager] = await Promise.all([
    deps.directory.people(teamId, added),
    trackGroups.length > 0 ? deps.directory.groups(teamId, trackGroups) : new Map<string, UserGroup>(),
    deps.directory.manager(teamId),
  ]);
  for (const userId of added) {
    const { user } = records.get(userId)!;
    if (!canHoldRole(user)) {
      const { text, say } = spoken('owners.notPerson', { who: `<@${userId}>`, what: user.deleted ? 'deactivated' : 'bot', id: id ?? 'none' });
      throw new InvalidInputError(text, undefined, { field, say });
    }
  }
  const accesses = await Promise.all(added.map((userId) => loadAccess(deps, { teamId, userId, known: records.get(userId) ?? null, manager })));
  for (const access of accesses) {
    const mine = new Set([...groups.values()].filter((group) => group.users.includes(access.userId)).map((group) => group.id));
    const block = ownerBlock({ ...access, groups: mine }, track);
    if (block) {
      const { text, say } = spoken(block === 'private-track' ? 'owners.cannotSeePrivate' : 'owners.guestCannotSee', { who: `<@${access.userId}>`, track: track.slug });
      throw new InvalidInputError(text, undefined, { field, say });
    }
  }
}
