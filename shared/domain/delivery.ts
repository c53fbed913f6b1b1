import * as z from 'zod';
import { InstantSchema, LocalDateSchema, SlackUserIdSchema, TeamIdSchema, TrackSlugSchema } from '#shared/domain/schemas';
import { ChannelIdSchema } from '#shared/domain/subscription';

/** The lock on posting one message, and the record that it went out: what digest and check-in deliveries share. */
const LeaseSchema = z.object({
  teamId: TeamIdSchema,
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

/** One scheduled slot of a subscription: the lock on posting its digest, and the record that it went out. */
export const DeliverySchema = LeaseSchema.extend({
  channelId: ChannelIdSchema,
  track: TrackSlugSchema,
  slot: InstantSchema,
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** One person's check-in message of one of their days: at most one per (workspace, person, local date). */
export const CheckInDeliverySchema = LeaseSchema.extend({
  userId: SlackUserIdSchema,
  date: LocalDateSchema,
  /** The direct message channel it went to, once posted. */
  channel: z.string().optional(),
  /** The items the message listed, once posted: only those count as asked. */
  items: z.array(z.string()).optional(),
});
export type CheckInDelivery = z.infer<typeof CheckInDeliverySchema>;
