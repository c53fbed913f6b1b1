import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/oauth';
import { ForbiddenError } from '#shared/errors';
import { installError, type InstallWhy } from '#shared/slack/install-errors';

/** How long an install link stays good: long enough to read Slack's consent screen. */
export const STATE_TTL_SECONDS = 10 * 60;

/** The cookie that binds a state to the browser that asked for it. */
export const STATE_COOKIE = 'slack-app-oauth-state';

interface StatePayload {
  /** A random nonce: the key of its used-state record. */
  n: string;
  /** Expiry, epoch seconds. */
  e: number;
  o: InstallURLOptions;
}

/**
 * `@slack/oauth`'s StateStore, stateless until used: the state is `<payload>.<HMAC-SHA256>`,
 * signed with the state secret and expiring; verifying it claims its nonce once through
 * `claim` (a conditional put), so a used state is refused.
 */
export function createStateStore(options: { secret: string; claim: (nonce: string, expiresAt: Date) => Promise<boolean> }): StateStore {
  const sign = (payload: string) => createHmac('sha256', options.secret).update(payload).digest('base64url');
  return {
    async generateStateParam(installOptions, now) {
      const payload: StatePayload = { n: randomBytes(16).toString('base64url'), e: Math.floor(now.getTime() / 1000) + STATE_TTL_SECONDS, o: installOptions };
      const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${encoded}.${sign(encoded)}`;
    },
    async verifyStateParam(now, state) {
      const payload = readSignedState(state, sign);
      if (payload.e * 1000 <= now.getTime()) throw refusedLink('expired');
      if (!(await options.claim(payload.n, new Date(payload.e * 1000)))) throw refusedLink('used');
      return payload.o;
    },
  };
}

function readSignedState(state: string, sign: (payload: string) => string): StatePayload {
  const [encoded = '', signature = ''] = state.split('.');
  const expected = Buffer.from(sign(encoded));
  const given = Buffer.from(signature);
  if (!encoded || given.length !== expected.length || !timingSafeEqual(given, expected)) throw refusedLink('notOurs');
  try {
    const payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<StatePayload>;
    if (typeof payload.n === 'string' && typeof payload.e === 'number' && payload.o) return payload as StatePayload;
  } catch {
    // Falls through: signed but unreadable is as bad as forged.
  }
  throw refusedLink('notOurs');
}

/** The Set-Cookie value that binds `state` to this browser, for the callback only. */
export function stateCookie(state: string, secure: boolean): string {
  return `${STATE_COOKIE}=${state}; Path=/slack/oauth_redirect; Max-Age=${STATE_TTL_SECONDS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that removes the state cookie once used. */
export function clearedStateCookie(secure: boolean): string {
  return `${STATE_COOKIE}=; Path=/slack/oauth_redirect; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The state cookie's value among a request's cookies (`name=value` strings, as HTTP API events carry them). */
export function readStateCookie(cookies: string[]): string | undefined {
  for (const cookie of cookies.flatMap((c) => c.split(';'))) {
    const [name, ...value] = cookie.trim().split('=');
    if (name === STATE_COOKIE) return value.join('=');
  }
  return undefined;
}

function refusedLink(why: InstallWhy): ForbiddenError {
  const { text, say } = installError(why);
  return new ForbiddenError(text, { say });
}
