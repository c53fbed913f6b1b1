import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConfigError } from '#shared/errors';
import type { Config } from '#shared/config';
import type { InstallationQuery } from '#shared/domain/installation';
import { createInstallationStore, type InstallationStore, type StoredInstallation } from '#shared/store/installations';
import { createKmsTokenSealer, type InstallTokens } from '#shared/store/sealed-tokens';
import { refreshToken } from '#shared/slack/oauth-access';

/** The bot of a request's install; its token is opened only when a Slack call needs it. */
export interface BotAuthorization {
  botId: string;
  botUserId: string;
  teamId: string | undefined;
  enterpriseId: string | undefined;
  /**
   * The bot token: opened on the first call (one KMS call), renewed first when it rotates and is
   * close to expiry, and kept no longer than the install is cached.
   */
  botToken(): Promise<string>;
  /**
   * Stands for the token where a string must be given before any call is known to be made (Bolt's
   * `authorize`); `TokenSource.open` turns it into the token when a call goes out.
   */
  handle: string;
}

/** A rotating token is renewed when it has less than this left. */
export const REFRESH_MARGIN_SECONDS = 5 * 60;

/** How every handle starts: nothing Slack issues does. */
export const TOKEN_HANDLE_PREFIX = 'sealed-token:';

export type TokenSource = ReturnType<typeof createTokenSource>;

type Rotated = { botToken: string; botRefreshToken: string; botExpiresAt: number };
type Current = InstallTokens & { botExpiresAt?: number | undefined };

/**
 * Each request's bot, looked up by team (or org-wide by enterprise), cached per container for
 * `cacheMs` (2 minutes), its tokens opened on first use within that time and dropped with it.
 */
export function createTokenSource(deps: {
  installations: Pick<InstallationStore, 'fetchInstallation' | 'openTokens' | 'rotateToken'>;
  refresh?: ((refreshToken: string) => Promise<Rotated>) | undefined;
  clock: () => Date;
  cacheMs?: number;
}) {
  const cacheMs = deps.cacheMs ?? 2 * 60_000;
  const cache = new Map<string, { value: BotAuthorization; until: number }>();
  // How each workspace was last served: a workspace of an org-wide install is found through its org.
  const served = new Map<string, InstallationQuery>();
  // What each handle stands for; a handle outlives its cache entry, and is opened from a fresh one.
  const handles = new Map<string, InstallationQuery>();
  const keyOf = (q: InstallationQuery) => `${q.isEnterpriseInstall ? 'org' : 'team'}:${q.enterpriseId ?? ''}:${q.teamId ?? ''}`;
  const closeToExpiry = (current: Current) =>
    Boolean(current.botRefreshToken && current.botExpiresAt && deps.refresh && current.botExpiresAt - REFRESH_MARGIN_SECONDS <= deps.clock().getTime() / 1000);

  /** The token of one stored install, opened once and renewed when close to expiry. */
  function lazyToken(stored: StoredInstallation): () => Promise<string> {
    let current: Promise<Current> | undefined;
    const renew = async (from: Current): Promise<Current> => {
      const rotated = await deps.refresh!(from.botRefreshToken!);
      // Another container may have rotated first; ours is valid all the same.
      await deps.installations.rotateToken(stored, rotated);
      return rotated;
    };
    return async () => {
      current ??= deps.installations.openTokens(stored).then((tokens) => ({ ...tokens, botExpiresAt: stored.installation.botExpiresAt }));
      const seen = current;
      try {
        const tokens = await seen;
        if (!closeToExpiry(tokens)) return tokens.botToken;
        if (current === seen) current = renew(tokens);
        return (await current).botToken;
      } catch (error) {
        // A failed open or renewal is tried again on the next call.
        current = undefined;
        throw error;
      }
    };
  }

  const source = {
    /** The bot of the install serving `query`, or undefined when the workspace has not installed the app. */
    async find(query: InstallationQuery): Promise<BotAuthorization | undefined> {
      const key = keyOf(query);
      const now = deps.clock().getTime();
      const hit = cache.get(key);
      if (hit && hit.until > now) return hit.value;
      const stored = await deps.installations.fetchInstallation(query);
      const installation = stored?.installation;
      const handle = `${TOKEN_HANDLE_PREFIX}${key}`;
      const value = stored && {
        botId: installation!.botId,
        botUserId: installation!.botUserId,
        teamId: installation!.teamId ?? query.teamId,
        enterpriseId: installation!.enterpriseId,
        botToken: lazyToken(stored),
        handle,
      };
      // Misses are not cached: a workspace that installs a moment later is served at once.
      if (value) {
        cache.set(key, { value, until: now + cacheMs });
        handles.set(handle, query);
      }
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
    /** The token a handle stands for (opened now if need be); any other token as it is. */
    async open(token: string): Promise<string> {
      if (!token.startsWith(TOKEN_HANDLE_PREFIX)) return token;
      const query = handles.get(token);
      const bot = query && (await source.find(query));
      if (!bot) throw new ConfigError('The app is no longer installed for this workspace.');
      return bot.botToken();
    },
    /** Forgets what this container cached, e.g. once an install is removed. */
    forget(): void {
      cache.clear();
      served.clear();
      handles.clear();
    },
  };
  return source;
}

/** The token source a function builds from its config: installs in its table, rotation with the app's credentials. */
export function createTokenSourceFor(config: Config, client: DynamoDBClient, clock: () => Date = () => new Date()): { installations: InstallationStore; tokens: TokenSource } {
  const installations = createInstallationStore({ client, tableName: config.tableName, sealer: createKmsTokenSealer(config.tokenKey) });
  const refresh = async (token: string) => {
    const sending = await config.sending();
    if (sending.mode !== 'multi') throw new ConfigError('Token rotation needs the app\'s OAuth credentials.');
    return refreshToken({ apiUrl: config.slackApiUrl, oauth: sending.client, refreshToken: token, now: clock() });
  };
  return { installations, tokens: createTokenSource({ installations, refresh, clock }) };
}
