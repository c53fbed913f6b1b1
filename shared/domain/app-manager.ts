import * as z from 'zod';
import { InstantSchema, TeamIdSchema } from '#shared/domain/schemas';

/**
 * Who manages the app in a workspace besides Slack's own admins and owners: one record per team,
 * written by the first install only (a later install, by anyone, changes nothing) and changed by
 * Slack admins (`/commitments manager`). Without `userId` nobody is; the record stays, so the next
 * install is not the first.
 */
export const AppManagerSchema = z.object({
  teamId: TeamIdSchema,
  userId: z.string().min(1).max(64).optional(),
  /** `install` for the first install, else the admin who named (or cleared) them. */
  setBy: z.string().min(1).max(64),
  setAt: InstantSchema,
});
export type AppManager = z.infer<typeof AppManagerSchema>;

/** Who set the record when the app was first installed. */
export const SET_BY_INSTALL = 'install';
