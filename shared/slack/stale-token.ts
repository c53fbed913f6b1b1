import type { Config } from '#shared/config';

/** Slack's answers for a token that no longer works: a rotated secret may explain them. */
export const STALE_TOKEN_ERRORS: ReadonlySet<string> = new Set(['invalid_auth', 'token_revoked']);

/**
 * A `fetch` for Slack's Web API that survives a rotated bot token. When a call answers
 * `invalid_auth` or `token_revoked`, it asks `successor` for the token that replaces the one used
 * and, if there is a different one, repeats the call once with it (a refused call did nothing, so
 * repeating it is safe); later calls with the replaced token go out with its successor. Anything
 * else passes through untouched. Bolt's WebClient and `createSlackWeb` both take it.
 */
export function createStaleTokenFetch(input: {
  /** The token that replaces `stale`, or undefined when none does. */
  successor: (stale: string) => Promise<string | undefined>;
  fetch?: typeof fetch;
}): typeof fetch {
  const send = input.fetch ?? ((resource, init) => fetch(resource, init));
  const replaced = new Map<string, string>();
  const latest = (token: string): string => {
    let current = token;
    // A token rotated more than once in one container's life: follow the chain (bounded, should it loop).
    for (let step = 0; step < replaced.size; step++) current = replaced.get(current) ?? current;
    return current;
  };

  return async (resource, init) => {
    const token = resource instanceof Request ? undefined : bearerOf(init?.headers);
    if (!token) return send(resource, init);
    const current = latest(token);
    const response = await send(resource, current === token ? init : withToken(init, current));
    if (!(await saysStaleToken(response))) return response;
    const next = await input.successor(current);
    if (!next || next === current) return response;
    replaced.set(current, next);
    await response.body?.cancel();
    return send(resource, withToken(init, next));
  };
}

/**
 * The successor of a stale bot token in single-workspace mode: the configured token, read again
 * from its secret when it is the stale one. Installs' own tokens (many workspaces) have none here.
 */
export function configuredTokenSuccessor(config: Pick<Config, 'sending'>): (stale: string) => Promise<string | undefined> {
  return async (stale) => {
    const cached = await config.sending();
    if (cached.mode !== 'single') return undefined;
    if (cached.botToken !== stale) return cached.botToken;
    const fresh = await config.sending({ fresh: true });
    return fresh.mode === 'single' ? fresh.botToken : undefined;
  };
}

function bearerOf(headers: RequestInit['headers']): string | undefined {
  const value = new Headers(headers).get('authorization');
  return value?.startsWith('Bearer ') ? value.slice('Bearer '.length) : undefined;
}

function withToken(init: RequestInit | undefined, token: string): RequestInit {
  const headers = new Headers(init?.headers);
  headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}

/** Reads a copy of a JSON answer, leaving the answer itself unread for the caller. */
async function saysStaleToken(response: Response): Promise<boolean> {
  if (response.status !== 200 || !response.headers.get('content-type')?.includes('application/json')) return false;
  try {
    const body = (await response.clone().json()) as { ok?: unknown; error?: unknown };
    return body.ok === false && typeof body.error === 'string' && STALE_TOKEN_ERRORS.has(body.error);
  } catch {
    return false;
  }
}
