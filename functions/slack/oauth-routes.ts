import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import Negotiator from 'negotiator';
import type { OAuthSecret } from '#shared/config';
import { DEFAULT_LOCALE, LOCALES, LocaleSchema } from '#shared/domain/locale';
import { translatorFor, type Translator } from '#shared/i18n/translator';
import type { Logger } from '#shared/observe/log';
import { clearedStateCookie, createStateStore, readStateCookie, stateCookie } from '#shared/slack/oauth-state';
import { exchangeCode } from '#shared/slack/oauth-access';
import { renderInstallErrorPage, renderInstalledPage, renderInstallPage } from '#shared/slack/render/install-page';
import { completeInstall, startInstall, type InstallOutcome } from '#shared/use-cases/install';
import { installError } from '#shared/slack/install-errors';
import { countHandledError } from '#shared/observe/metrics';
import type { ListenerDeps } from './deps.ts';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

type Result = APIGatewayProxyStructuredResultV2;

/**
 * The two GET routes of multi-workspace mode, on the HTTP API event itself: `@slack/oauth`'s
 * InstallProvider wants Node's request and response objects, which a Lambda never has.
 * Every address they give comes from `publicUrl` (configuration), never from the request's
 * `Host` or `X-Forwarded-Proto`, which anyone may forge.
 */
export function createOAuthRoutes(input: { deps: ListenerDeps; oauth: OAuthSecret; slackApiUrl: string; slackAuthorizeUrl: string; publicUrl: string; docsUrl: string | undefined; region: string | undefined; log: Logger }) {
  const { deps, oauth, slackApiUrl, slackAuthorizeUrl, publicUrl, docsUrl, region, log } = input;
  const stateStore = createStateStore({ secret: oauth.stateSecret, claim: (nonce, expiresAt) => deps.installations.claimState(nonce, expiresAt) });
  const secure = publicUrl.startsWith('https:');
  const redirectUri = `${publicUrl}${REDIRECT_PATH}`;

  return {
    /** Answers a GET to one of the routes; undefined for any other path. */
    async serve(event: APIGatewayProxyEventV2): Promise<Result | undefined> {
      if (event.rawPath === INSTALL_PATH) {
        const { state, url } = await startInstall({ stateStore, clientId: oauth.clientId, redirectUri, authorizeUrl: slackAuthorizeUrl, now: deps.clock() });
        return html(200, renderInstallPage({ authorizeUrl: url, region, docsUrl }, await pageLanguage(event)), [stateCookie(state, secure)]);
      }
      if (event.rawPath !== REDIRECT_PATH) return undefined;
      const t = await pageLanguage(event);
      const query = new URLSearchParams(event.rawQueryString);
      const outcome = await completeInstall({
        params: { code: query.get('code') ?? undefined, state: query.get('state') ?? undefined, error: query.get('error') ?? undefined },
        cookieState: readStateCookie(cookiesOf(event)),
        stateStore,
        exchange: (code) => exchangeCode({ apiUrl: slackApiUrl, oauth, code, redirectUri, now: deps.clock() }),
        installations: deps.installations,
        managers: deps.people,
        hasTracks: async (teamId) => (await deps.store.listTracks(teamId)).length > 0,
        now: deps.clock(),
      }).catch((error: unknown): InstallOutcome => {
        // Sealing or storing failed (KMS, DynamoDB): the state is spent, so the page offers a fresh start.
        log.error('install not saved', { error });
        countHandledError(error);
        return { kind: 'refused', status: 500, message: installError('notSaved').text, say: installError('notSaved').say };
      });
      if (outcome.kind === 'refused') {
        // The code may come from the link itself: logged cut short, never shown.
        log.warn('install refused', { reason: outcome.message, ...(outcome.code !== undefined ? { code: outcome.code.slice(0, 100) } : {}) });
        return html(outcome.status ?? 400, renderInstallErrorPage({ message: t.say({ text: outcome.message, say: outcome.say }), installPath: INSTALL_PATH }, t), [clearedStateCookie(secure)]);
      }
      deps.tokens.forget();
      const { installation } = outcome;
      log.info('installed', { teamId: installation.teamId, enterpriseId: installation.enterpriseId });
      return html(200, renderInstalledPage({ workspace: installation.teamName ?? installation.enterpriseName }, t), [clearedStateCookie(secure)]);
    },

    /** Where this deployment's install page is. */
    installUrl: `${publicUrl}${INSTALL_PATH}`,
  };
}

/** The pages' language: the first the browser asks for (Accept-Language) that the app speaks; English if none. */
function pageLanguage(event: APIGatewayProxyEventV2): Promise<Translator> {
  const accepted = headerOf(event, 'accept-language');
  const [best] = new Negotiator({ headers: accepted === undefined ? {} : { 'accept-language': accepted } }).languages([...LOCALES]);
  return translatorFor(LocaleSchema.safeParse(best).data ?? DEFAULT_LOCALE);
}

/** HTTP API payload 2.0 moves the Cookie header into `cookies`; a plain header is read too. */
function cookiesOf(event: APIGatewayProxyEventV2): string[] {
  const header = headerOf(event, 'cookie');
  return [...(event.cookies ?? []), ...(header ? [header] : [])];
}

function headerOf(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const headers = event.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? headers[key] : undefined;
}

function html(statusCode: number, body: string, cookies: string[]): Result {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
    cookies,
    body,
  };
}
