import type { webApi } from '@slack/bolt';
import { sendHttp, type HttpResponse } from '#shared/http';
import type { OAuthSecret } from '#shared/config';
import type { Installation } from '#shared/domain/installation';
import { AppError } from '#shared/errors';

/** Slack refused an OAuth call, or could not be reached; `error` is Slack's code (e.g. `invalid_code`). */
export class SlackOAuthError extends AppError {
  constructor(readonly error: string) {
    super('slack', `Slack did not complete the install (${error}).`);
  }
}

type Form = Record<string, string>;

async function post<Body extends webApi.WebAPICallResult>(apiUrl: string, method: string, form: Form, token?: string): Promise<Body> {
  let response: HttpResponse;
  try {
    response = await sendHttp(`${apiUrl}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: new URLSearchParams(form),
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    throw new SlackOAuthError(`unreachable: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => ({ ok: false, error: `http ${response.status}` }))) as Body;
  if (body.ok !== true) throw new SlackOAuthError(String((body as { error?: unknown }).error ?? `http ${response.status}`));
  return body;
}

/**
 * Exchanges an install's `code` with `oauth.v2.access`, then asks `auth.test` for the bot id
 * (the exchange does not return it), and returns the install to store.
 */
export async function exchangeCode(
  input: { apiUrl: string; oauth: OAuthSecret; code: string; redirectUri: string; now: Date },
): Promise<Installation> {
  const { apiUrl, oauth, code, redirectUri, now } = input;
  const access = await post<webApi.OauthV2AccessResponse>(apiUrl, 'oauth.v2.access', {
    client_id: oauth.clientId,
    client_secret: oauth.clientSecret,
    code,
    redirect_uri: redirectUri,
  });
  if (!access.access_token || !access.bot_user_id || access.token_type !== 'bot') throw new SlackOAuthError('no_bot_token');
  const auth = await post<webApi.AuthTestResponse>(apiUrl, 'auth.test', {}, access.access_token);
  const isEnterpriseInstall = access.is_enterprise_install === true;
  return {
    teamId: isEnterpriseInstall ? undefined : access.team?.id,
    teamName: isEnterpriseInstall ? undefined : access.team?.name,
    enterpriseId: access.enterprise?.id,
    enterpriseName: access.enterprise?.name,
    isEnterpriseInstall,
    appId: access.app_id,
    botToken: access.access_token,
    botId: auth.bot_id ?? '',
    botUserId: access.bot_user_id,
    botScopes: (access.scope ?? '').split(',').filter(Boolean),
    botRefreshToken: access.refresh_token,
    botExpiresAt: access.expires_in ? Math.floor(now.getTime() / 1000) + access.expires_in : undefined,
    installerUserId: access.authed_user?.id ?? '',
    installedAt: now.toISOString(),
  };
}

/** A new bot token for a rotating install, from its refresh token. */
export async function refreshToken(
  input: { apiUrl: string; oauth: Pick<OAuthSecret, 'clientId' | 'clientSecret'>; refreshToken: string; now: Date },
): Promise<{ botToken: string; botRefreshToken: string; botExpiresAt: number }> {
  const { apiUrl, oauth, now } = input;
  const access = await post<webApi.OauthV2AccessResponse>(apiUrl, 'oauth.v2.access', {
    client_id: oauth.clientId,
    client_secret: oauth.clientSecret,
    grant_type: 'refresh_token',
    refresh_token: input.refreshToken,
  });
  if (!access.access_token || !access.refresh_token || !access.expires_in) throw new SlackOAuthError('no_rotated_token');
  return { botToken: access.access_token, botRefreshToken: access.refresh_token, botExpiresAt: Math.floor(now.getTime() / 1000) + access.expires_in };
}
