import { authorize, type Access } from '#shared/domain/access';
import type { OwnerBlock } from '#shared/domain/check-ins';
import type { TrackAccess } from '#shared/domain/schemas';

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
