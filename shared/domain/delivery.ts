import * as z from 'zod';
import { InstantSchema, TeamIdSchema, TrackSlugSchema } from '#shared/domain/schemas';
import { ChannelIdSchema } from '#shared/domain/subscription';

/** One scheduled slot of a subscription: the lock on posting its digest, and the record that it went out. */
export const DeliverySchema = z.object({
  teamId: TeamIdSchema,
  channelId: ChannelIdSchema,
  track: TrackSlugSchema,
  slot: InstantSchema,
  /** `skipped`: nothing to report and the channel asked for no empty digests; done, like `posted`. */
  state: z.enum(['claimed', 'posted', 'skipped', 'released', 'abandoned']),
  token: z.string(),
  attempts: z.number().int().min(1),
  claimedAt: InstantSchema,
  leaseUntil: InstantSchema,
  postedAt: InstantSchema.optional(),
  skippedAt: InstantSchema.optional(),
  messageTs: z.string().optional(),
  foundInChannel: z.boolean().optional(),
  reason: z.string().optional(),
  expiresAt: z.number().int(),
});
export type Delivery = z.infer<typeof DeliverySchema>;
