import { authorize, type Access } from '#shared/domain/access';
import type { OwnerBlock } from '#shared/domain/check-ins';
import type { Report } from '#shared/domain/report';
import type { CommitmentId, TrackAccess } from '#shared/domain/schemas';

/**
 * Owners see what they own: an item's owner is sent its title, dates and notes by every
 * check-in, so only someone who may read the item's track can be made an owner, and the
 * check-in sweep asks an owner only while they may.
 */

/** Why `access` (an owner's, with no channel) may not read `track`; undefined when they may. */
export function ownerBlock(access: Access, track: TrackAccess & { slug: string }): OwnerBlock | undefined {
  if (authorize({ ...access, channelId: undefined }, track, 'read').allowed) return undefined;
  return access.standing === 'guest' || access.standing === 'stranger' ? 'no-role' : 'private-track';
}

/** The answer to making `userId` an owner of an item of a track they may not read: short, as a form shows 150 characters. */
export function ownerRefusal(userId: string, slug: string, block: OwnerBlock): string {
  const who = `<@${userId}>`;
  return block === 'private-track'
    ? `${who} cannot see ${slug}, a private track: give them a role on it first, or make it visible. Nothing was changed.`
    : `${who} is a guest or from another organisation and cannot see ${slug}: give them a role on it first. Nothing was changed.`;
}

/** What a report shows of an owner whose check-ins about an item are paused. */
export function pausedText(userId: string, block: OwnerBlock): string {
  return block === 'private-track'
    ? `paused: <@${userId}> cannot see this private track`
    : `paused: <@${userId}> is a guest or from another organisation with no role on this track`;
}

/** Each item's paused asks, as the report shows them; items with none are left out. */
export function pausesOf(report: Pick<Report, 'asks'>): Map<CommitmentId, string[]> {
  const found = new Map<CommitmentId, string[]>();
  for (const ask of report.asks ?? []) {
    if (!ask.paused) continue;
    found.set(ask.commitmentId, [...(found.get(ask.commitmentId) ?? []), pausedText(ask.userId, ask.paused.reason)]);
  }
  return found;
}
