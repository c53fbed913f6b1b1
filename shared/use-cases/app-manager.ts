import { canHoldRole, standingOf } from '#shared/domain/access';
import type { AppManager } from '#shared/domain/app-manager';
import { FRESHNESS } from '#shared/domain/person';
import { ForbiddenError, InvalidInputError } from '#shared/errors';
import { spoken } from '#shared/i18n/translator';
import type { Directory } from '#shared/use-cases/access';
import type { Caller } from '#shared/use-cases/commitments';

/** The app manager as the caller's request read it; only those who manage every track see it. */
export function appManagerFor(caller: Caller): { userId: string | undefined } | undefined {
  return caller.access.standing === 'admin' ? { userId: caller.access.appManagerId } : undefined;
}

/** Throws unless the caller manages every track (a Slack admin or owner, or the app manager). */
export function requireManagesApp(caller: Caller): { userId: string | undefined } {
  const shown = appManagerFor(caller);
  if (!shown) throw forbidden('manager.onlyAdminsSee');
  return shown;
}

/**
 * Names (`userId`) or clears the app manager, in steps:
 * 1. the caller must be one of Slack's own admins or owners, on a standing at most an hour old
 *    (Slack asked otherwise): the app manager cannot hand the role on;
 * 2. the person named must be a full member of the workspace (no guest, no one from another
 *    organisation, no bot, no deactivated account), on a record at most an hour old too;
 * 3. the record is written (cleared, it stays without a person, so no later install fills it).
 */
export async function changeAppManager(deps: { directory: Directory }, caller: Caller, userId: string | undefined): Promise<AppManager> {
  const self = await deps.directory.person(caller.teamId, caller.userId, { maxAgeMs: FRESHNESS.manageMs });
  if (standingOf(self.user, caller.teamId) !== 'admin') {
    throw forbidden('manager.onlyAdminsChoose');
  }
  if (userId !== undefined) {
    // Decided, as anyone given a role is, on facts at most an hour old.
    const named = await deps.directory.person(caller.teamId, userId, { maxAgeMs: FRESHNESS.manageMs });
    const standing = standingOf(named.user, caller.teamId);
    if (!canHoldRole(named.user) || (standing !== 'member' && standing !== 'admin')) {
      const { text, say } = spoken('manager.notFullMember', { who: `<@${userId}>` });
      throw new InvalidInputError(text, undefined, { say });
    }
  }
  const record: AppManager = { teamId: caller.teamId, ...(userId !== undefined ? { userId } : {}), setBy: caller.userId, setAt: caller.now.toISOString() };
  await deps.directory.setManager(record);
  return record;
}

function forbidden(key: 'manager.onlyAdminsSee' | 'manager.onlyAdminsChoose'): ForbiddenError {
  const { text, say } = spoken(key);
  return new ForbiddenError(text, { say });
}
