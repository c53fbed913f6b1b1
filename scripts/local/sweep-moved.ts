import type { Subscription } from '#shared/domain/subscription';

/**
 * What `npm run sweep -- --at <a later time>` says of the subscriptions it moved: a sweep at a
 * moved clock moves each due subscription's next digest past that clock, as a real sweep then
 * would, so the channel gets no digest until then. Each line names the channel, the track and
 * the next digest before and after; the last says how to put one back.
 */
export function movedSubscriptionLines(before: readonly Subscription[], after: ReadonlyMap<string, Subscription | undefined>): string[] {
  const moved = before.flatMap((s) => {
    const now = after.get(subscriptionKey(s));
    return now && now.nextRunAt !== s.nextRunAt ? [`  ${s.track} in ${s.channelId} (${s.teamId}): next digest ${s.nextRunAt} → ${now.nextRunAt}`] : [];
  });
  if (moved.length === 0) return [];
  return [
    `Moved the next digest of ${moved.length === 1 ? '1 subscription' : `${moved.length} subscriptions`} past the sweep’s clock:`,
    ...moved,
    'To put one back, subscribe its channel to the track again with the same schedule (/commitments subscribe <track> <schedule>, as /commitments subscriptions shows it): its next digest is then counted from now.',
  ];
}

export function subscriptionKey(s: Pick<Subscription, 'teamId' | 'channelId' | 'track'>): string {
  return `${s.teamId}|${s.channelId}|${s.track}`;
}
