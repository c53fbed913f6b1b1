import type { InstallationQuery } from '#shared/domain/installation';
import { subscriptionKeyOf } from '#shared/domain/subscription';
import type { InstallationStore } from '#shared/store/installations';
import type { SubscriptionStore } from '#shared/store/subscriptions';
import type { PeopleStore } from '#shared/store/people';
import { countSubscriptionPaused } from '#shared/observe/metrics';

export interface UninstallDeps {
  installations: Pick<InstallationStore, 'deleteInstallation'>;
  subscriptions: Pick<SubscriptionStore, 'listForChannel' | 'pause'>;
  /** Drops this container's cached tokens. */
  forgetTokens: () => void;
  /** What Slack told of the team's people and groups. */
  people: Pick<PeopleStore, 'forgetTeam'>;
}

/**
 * The app was removed from a workspace, or its bot token revoked, in steps:
 * 1. delete the install (its tokens) and this container's cached tokens, and the team's person
 *    and user-group records (people's names, zones and standing are not kept for a team gone);
 * 2. pause each of the team's active subscriptions with `reason` (so digests stop and the
 *    sweep no longer reads them); tracks, items and history are kept.
 * Returns how many subscriptions it paused.
 */
export async function uninstall(deps: UninstallDeps, input: { query: InstallationQuery & { teamId: string }; reason: string; now: Date }): Promise<number> {
  await deps.installations.deleteInstallation(input.query);
  deps.forgetTokens();
  await deps.people.forgetTeam(input.query.teamId);
  let paused = 0;
  for (const sub of await deps.subscriptions.listForChannel(input.query.teamId)) {
    if (sub.paused) continue;
    // `false`: the sweep moved it on meanwhile; it pauses at its next slot anyway (no token).
    if (await deps.subscriptions.pause({ key: subscriptionKeyOf(sub), slot: sub.nextRunAt, reason: input.reason, at: input.now })) {
      paused++;
      countSubscriptionPaused(input.reason);
    }
  }
  return paused;
}
