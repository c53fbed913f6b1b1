import type { CheckInSweepSummary } from '#shared/check-ins/sweep';
import type { SweepSummary } from '#shared/reminders/sweep';
import { countOf, formatNumber as n } from '#shared/render/count';

/** `npm run sweep`'s line for the digests: "Sweep at …: 1 digest due, 1 posted, …". */
export function digestSweepLine(s: SweepSummary, now: Date): string {
  return (
    `Sweep at ${now.toISOString()}: ${countOf(s.due, 'digest')} due, ${n(s.posted)} posted, ${n(s.skippedAlreadyPosted)} already posted, ` +
    `${n(s.paused)} paused, ${n(s.failed)} failed, ${n(s.leftForNextSweep)} left for the next sweep, ${n(s.stale)} stale.`
  );
}

/** `npm run sweep`'s line for the check-ins: "Check-ins: 1 ask due for 1 owner, 1 message sent, …". */
export function checkInSweepLine(c: CheckInSweepSummary): string {
  return (
    `Check-ins: ${countOf(c.dueAsks, 'ask')} due for ${countOf(c.owners, 'owner')}, ${countOf(c.sent, 'message')} sent, ` +
    `${n(c.skippedAlreadySent)} already sent, ${n(c.deferred)} moved to the owner's morning, ${n(c.notDue)} not due yet, ` +
    `${n(c.stopped)} stopped, ${n(c.failed)} failed, ${n(c.leftForNextSweep)} left for the next sweep; ` +
    `${countOf(c.lookedUp, 'owner')} looked up in Slack, ${countOf(c.refreshed, 'record')} refreshed after the posts, ${countOf(c.reopened, 'DM')} opened again.`
  );
}
