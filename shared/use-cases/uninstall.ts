import type { InstallationQuery } from '#shared/domain/installation';
import { subscriptionKeyOf } from '#shared/domain/subscription';
import type { InstallationStore } from '#shared/store/installations';
import type { SubscriptionStore } from '#shared/store/subscriptions';
import type { PeopleStore } from '#shared/store/people';
import { countSubscriptionPaused } from '#shared/observe/metrics';

export interface UninstallDeps {
  installations: Pick<InstallationStore, 'deleteInstallation'>;
  /** Drops this container's cached tokens. */
  forgetTokens: () => void;
}

/**
 * The app was removed from a workspace, or its bot token revoked, at `at` (the event's time):
 * its install (its tokens) is deleted, and this container's cached tokens dropped, unless the
 * install was made after `at`. Then the removal is an old one delivered late (Slack retries
 * events) and changes nothing: `false`. What else goes with the team is {@link forgetTeam}'s,
 * after the answer.
 */
export async function uninstall(deps: UninstallDeps, input: { query: InstallationQuery & { teamId: string }; at: Date }): Promise<boolean> {
  // An install made within the removal's second counts as before it: Slack gives event times in whole seconds.
  const madeBefore = new Date((Math.floor(input.at.getTime() / 1000) + 1) * 1000);
  if ((await deps.installations.deleteInstallation(input.query, madeBefore)) === 'newer') return false;
  deps.forgetTokens();
  return true;
}

export interface ForgetTeamDeps {
  installations: Pick<InstallationStore, 'fetchInstallation'>;
  subscriptions: Pick<SubscriptionStore, 'listForChannel' | 'pause'>;
  /** What Slack told of the team's people and groups. */
  people: Pick<PeopleStore, 'forgetTeam'>;
}

/**
 * What goes with a team whose app was removed, as a job after the removal's answer (a large
 * team's records take longer than an answer may, and Lambda retries a job), in steps:
 * 1. a team that has installed the app again since (the job ran late) keeps everything: `undefined`;
 * 2. delete the team's person and user-group records (people's names, zones and standing are
 *    not kept for a team gone);
 * 3. pause each of its active subscriptions with `reason` (so digests stop and the sweep no
 *    longer reads them); tracks, items and history are kept.
 * Returns how many records it deleted and subscriptions it paused.
 */
export async function forgetTeam(deps: ForgetTeamDeps, input: { teamId: string; reason: string; now: Date }): Promise<{ records: number; paused: number } | undefined> {
  if (await deps.installations.fetchInstallation({ teamId: input.teamId })) return undefined;
  const records = await deps.people.forgetTeam(input.teamId);
  let paused = 0;
  for (const sub of await deps.subscriptions.listForChannel(input.teamId)) {
    if (sub.paused) continue;
    // `false`: the sweep moved it on meanwhile; it pauses at its next slot anyway (no token).
    if (await deps.subscriptions.pause({ key: subscriptionKeyOf(sub), slot: sub.nextRunAt, reason: input.reason, at: input.now })) {
      paused++;
      countSubscriptionPaused(input.reason);
    }
  }
  return { records, paused };
}
