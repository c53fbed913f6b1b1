import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConfigError } from '#shared/errors';
import type { Config } from '#shared/config';
import type { Installation, InstallationQuery } from '#shared/domain/installation';
import { createInstallationStore, type InstallationStore } from '#shared/store/installations';
import { refreshToken } from '#shared/slack/oauth-access';

/** What Bolt's `authorize` returns for a request. */
export interface BotAuthorization {
  botToken: string;
  botId: string;
  botUserId: string;
  teamId: string | undefined;
  enterpriseId: string | undefined;
  /** Who installed the app: they manage every track of the workspace. */
  installerUserId: string;
}

/** A rotating token is renewed when it has less than this left. */
export const REFRESH_MARGIN_SECONDS = 5 * 60;

export type TokenSource = ReturnType<typeof createTokenSource>;

/**
 * Each request's bot token, looked up by team (or org-wide by enterprise), cached per container
 * for `cacheMs`; a rotating token close to expiry is renewed with `refresh` first.
 */
export function createTokenSource(deps: {
  installations: Pick<InstallationStore, 'fetchInstallation' | 'rotateToken'>;
  refresh?: ((refreshToken: string) => Promise<{ botToken: string; botRefreshToken: string; botExpiresAt: number }>) | undefined;
  clock: () => Date;
  cacheMs?: number;
}) {
  const cacheMs = deps.cacheMs ?? 2 * 60_000;
  const cache = new Map<string, { value: BotAuthorization; until: number }>();
  // How each workspace was last served: a workspace of an org-wide install is found through its org.
  const served = new Map<string, InstallationQuery>();
  const keyOf = (q: InstallationQuery) => `${q.isEnterpriseInstall ? 'org' : 'team'}:${q.enterpriseId ?? ''}:${q.teamId ?? ''}`;

  async function fresh(installation: Installation): Promise<Installation> {
    const now = deps.clock();
    if (!installation.botRefreshToken || !installation.botExpiresAt || !deps.refresh) return installation;
    if (installation.botExpiresAt - REFRESH_MARGIN_SECONDS > now.getTime() / 1000) return installation;
    const rotated = await deps.refresh(installation.botRefreshToken);
    // Another container may have rotated first; ours is valid all the same.
    await deps.installations.rotateToken(installation, rotated);
    return { ...installation, ...rotated };
  }

  const source = {
    /** The bot of the install serving `query`, or undefined when the workspace has not installed the app. */
    async find(query: InstallationQuery): Promise<BotAuthorization | undefined> {
      const key = keyOf(query);
      const now = deps.clock().getTime();
      const hit = cache.get(key);
      if (hit && hit.until > now) return hit.value;
      const found = await deps.installations.fetchInstallation(query);
      const installation = found && (await fresh(found));
      const value = installation && {
        botToken: installation.botToken,
        botId: installation.botId,
        botUserId: installation.botUserId,
        teamId: installation.teamId ?? query.teamId,
        enterpriseId: installation.enterpriseId,
        installerUserId: installation.installerUserId,
      };
      const expiresMs = installation?.botExpiresAt ? (installation.botExpiresAt - REFRESH_MARGIN_SECONDS) * 1000 : Infinity;
      // Misses are not cached: a workspace that installs a moment later is served at once.
      if (value) cache.set(key, { value, until: Math.min(now + cacheMs, expiresMs) });
      if (value && query.teamId) served.set(query.teamId, query);
      return value;
    },
    /**
     * The bot serving a workspace known only by its team id (e.g. to read its users): found the
     * way the request's own authorization found it, so org-wide installs are found through their org.
     */
    forTeam(teamId: string): Promise<BotAuthorization | undefined> {
      return source.find(served.get(teamId) ?? { teamId });
    },
    /** Forgets what this container cached, e.g. once an install is removed. */
    forget(): void {
      cache.clear();
      served.clear();
    },
  };
  return source;
}

/** The token source a function builds from its config: installs in its table, rotation with the app's credentials. */
export function createTokenSourceFor(config: Config, client: DynamoDBClient, clock: () => Date = () => new Date()): { installations: InstallationStore; tokens: TokenSource } {
  const installations = createInstallationStore({ client, tableName: config.tableName });
  const refresh = async (token: string) => {
    const sending = await config.sending();
    if (sending.mode !== 'multi') throw new ConfigError('Token rotation needs the app\'s OAuth credentials.');
    return refreshToken({ apiUrl: config.slackApiUrl, oauth: sending.client, refreshToken: token, now: clock() });
  };
  return { installations, tokens: createTokenSource({ installations, refresh, clock }) };
}
