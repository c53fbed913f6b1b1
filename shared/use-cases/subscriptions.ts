import { nextRun, parseSchedule } from '#shared/dates/schedule';
import { InvalidInputError } from '#shared/errors';
import type { Locale } from '#shared/domain/locale';
import { spoken } from '#shared/i18n/translator';
import type { Actor, TeamId, Track, TrackSlug } from '#shared/domain/schemas';
import type { Store } from '#shared/store/store';
import { DIGEST_SECTIONS, subscriptionKeyOf, type DigestSection, type SubscribeResult, type Subscription } from '#shared/domain/subscription';
import type { SubscriptionStore } from '#shared/store/subscriptions';
import { listTracks, type Caller, type Deps } from '#shared/use-cases/commitments';

export interface SubscriptionDeps {
  store: Pick<Store, 'getTrack'>;
  subscriptions: SubscriptionStore;
}

export interface SubscribeInput {
  teamId: TeamId;
  channelId: string;
  track: TrackSlug;
  /** The track as the caller's access check read it; read here when absent. */
  checked?: Track | undefined;
  /** What followed the track in `subscribe <track> …`, e.g. `mondays and thursdays 9:00 tz Europe/Paris`. */
  scheduleText?: string;
  /** A zone to use when the text names none (else the track's). */
  timeZone?: string;
  /** The digest's sections; all when absent. */
  sections?: DigestSection[];
  /** Whether a slot with nothing to report posts nothing; true when absent. */
  skipWhenEmpty?: boolean;
  /** The digest's language; English when absent. */
  language?: Locale;
  by: Actor;
  now: Date;
}

/**
 * Subscribes a channel to a track's digest, in steps:
 * 1. read the track, unless the access check has (an unknown track is a NotFoundError, nothing
 *    written; a private one only in a channel linked to it);
 * 2. read the schedule text, its zone from `tz <Zone>`, else `timeZone`, else the track's;
 * 3. write the subscription with its first run after now, its sections and whether an empty
 *    digest is skipped and its language: new, or replacing (and un-pausing) the channel's existing one for this
 *    track, conditional on the version read.
 */
export async function subscribe(deps: SubscriptionDeps, input: SubscribeInput): Promise<SubscribeResult> {
  const track = input.checked ?? (await deps.store.getTrack(input.teamId, input.track));
  if (track.visibility === 'private' && !track.channels.includes(input.channelId)) {
    // A digest shows the track to everyone in the channel.
    const { text, say } = spoken('subscribe.private', { track: track.slug, command: `/commitments ${track.slug} link <#${input.channelId}>` });
    throw new InvalidInputError(text, undefined, { say });
  }
  const { schedule, timeZone } = parseSchedule(input.scheduleText, { timeZone: input.timeZone ?? track.timeZone, now: input.now });
  const key = { teamId: input.teamId, channelId: input.channelId, track: input.track };
  const existing = await deps.subscriptions.get(key);
  const subscription = await deps.subscriptions.put(
    {
      ...key,
      schedule,
      timeZone,
      createdBy: input.by,
      createdAt: input.now.toISOString(),
      nextRunAt: nextRun(schedule, timeZone, input.now).toISOString(),
      sections: input.sections ?? [...DIGEST_SECTIONS],
      skipWhenEmpty: input.skipWhenEmpty ?? true,
      ...(input.language ? { language: input.language } : {}),
      // Keeps "changed since the last digest" continuous across a change of schedule.
      ...(existing?.lastDigestAt ? { lastDigestAt: existing.lastDigestAt } : {}),
      version: (existing?.version ?? 0) + 1,
    },
    existing?.version,
  );
  return { subscription, replaced: existing };
}

/** Removes the channel's subscription to `track`; NotFoundError when there is none. */
export async function unsubscribe(
  deps: Pick<SubscriptionDeps, 'subscriptions'>,
  input: { teamId: TeamId; channelId: string; track: TrackSlug },
): Promise<Subscription> {
  return deps.subscriptions.remove(subscriptionKeyOf(input));
}

/** The channel's subscriptions, by track: one Query. */
export async function listSubscriptions(
  deps: Pick<SubscriptionDeps, 'subscriptions'>,
  input: { teamId: TeamId; channelId: string },
): Promise<Subscription[]> {
  return deps.subscriptions.listForChannel(input.teamId, input.channelId);
}

/** The channel's subscriptions to tracks the caller may see, by track: two Queries. */
export async function listVisibleSubscriptions(deps: Deps, caller: Caller, channelId: string): Promise<Subscription[]> {
  const [subscriptions, tracks] = await Promise.all([deps.subscriptions.listForChannel(caller.teamId, channelId), listTracks(deps, caller)]);
  const seen = new Set(tracks.map((t) => t.slug));
  return subscriptions.filter((s) => seen.has(s.track));
}
