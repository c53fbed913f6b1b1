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
 * The app was removed from a workspace, or its bot token revoked, at `at` (the event's time), in steps:
 * 1. delete the install (its tokens) unless it was made after `at`: then the removal is an old
 *    one delivered late (Slack retries events) and changes nothing, so it returns `undefined`;
 * 2. forget this container's cached tokens, and the team's person and user-group records
 *    (people's names, zones and standing are not kept for a team gone);
 * 3. pause each of the team's active subscriptions with `reason` (so digests stop and the
 *    sweep no longer reads them); tracks, items and history are kept.
 * Returns how many subscriptions it paused.
 */
export async function uninstall(deps: UninstallDeps, input: { query: InstallationQuery & { teamId: string }; reason: string; at: Date; now: Date }): Promise<number | undefined> {
  // An install made within the removal's second counts as before it: Slack gives event times in whole seconds.
  const madeBefore = new Date((Math.floor(input.at.getTime() / 1000) + 1) * 1000);
  if ((await deps.installations.deleteInstallation(input.query, madeBefore)) === 'newer') return undefined;
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
