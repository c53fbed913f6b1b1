import * as z from 'zod';

/**
 * One install of the app: a workspace's (`teamId`), or an Enterprise Grid organisation's
 * org-wide install (`isEnterpriseInstall`, keyed by `enterpriseId`). The bot token is kept
 * with its refresh token and expiry when the app rotates tokens.
 */
const InstallationFieldsSchema = z.object({
  teamId: z.string().min(1).optional(),
  teamName: z.string().optional(),
  enterpriseId: z.string().min(1).optional(),
  enterpriseName: z.string().optional(),
  isEnterpriseInstall: z.boolean(),
  appId: z.string().optional(),
  botToken: z.string().min(1),
  botId: z.string().min(1),
  botUserId: z.string().min(1),
  botScopes: z.array(z.string()),
  /** Only with token rotation on. */
  botRefreshToken: z.string().min(1).optional(),
  /** Epoch seconds; only with token rotation on. */
  botExpiresAt: z.number().int().optional(),
  installerUserId: z.string().min(1),
  installedAt: z.iso.datetime(),
});
const servesOneInstall = (i: { isEnterpriseInstall: boolean; teamId?: string | undefined; enterpriseId?: string | undefined }) =>
  Boolean(i.isEnterpriseInstall ? i.enterpriseId : i.teamId);
const oneInstallMessage = { message: 'an org-wide install needs enterpriseId, a workspace install teamId', path: ['teamId'] };
export const InstallationSchema = InstallationFieldsSchema.refine(servesOneInstall, oneInstallMessage);
export type Installation = z.infer<typeof InstallationSchema>;

/** An install as the table keeps it, without its tokens: they are stored sealed (`store/sealed-tokens.ts`). */
export const InstallationInfoSchema = InstallationFieldsSchema.omit({ botToken: true, botRefreshToken: true }).refine(servesOneInstall, oneInstallMessage);
export type InstallationInfo = z.infer<typeof InstallationInfoSchema>;

/** Whose install a request needs: Bolt's `authorize` source, or an event's team. */
export interface InstallationQuery {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}
