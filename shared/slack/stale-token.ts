import type { Config } from '#shared/config';
import { sendHttp, type HttpInit, type HttpResponse, type HttpSend } from '#shared/http';

/** Slack's answers for a token that no longer works: a rotated secret may explain them. */
export const STALE_TOKEN_ERRORS: ReadonlySet<string> = new Set(['invalid_auth', 'token_revoked']);

/** The token that replaces `stale`, or undefined when none does. */
type Successor = (stale: string) => Promise<string | undefined>;

/** Headers as either sender takes them: a plain record, or fetch's Headers (or its pairs). */
type HeadersInput = Record<string, string | readonly string[]> | { forEach(each: (value: string, name: string) => void): void } | string[][];

/** What both senders answer with, as far as the check below reads it. */
interface Answer {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: { cancel(): Promise<void> } | null;
  clone(): { json(): Promise<unknown> };
}

/**
 * Wraps a sender for Slack's Web API so it survives a rotated bot token. When a call answers
 * `invalid_auth` or `token_revoked`, it asks `successor` for the token that replaces the one used
 * and, if there is a different one, repeats the call once with it (a refused call did nothing, so
 * repeating it is safe); later calls with the replaced token go out with its successor. Anything
 * else passes through untouched.
 */
function withFreshToken<Init extends { headers?: HeadersInput }, R extends Answer>(
  successor: Successor,
  send: (url: string, init: Init) => Promise<R>,
  open: (token: string) => Promise<string> = async (token) => token,
): (url: string, init: Init) => Promise<R> {
  const replaced = new Map<string, string>();
  const latest = (token: string): string => {
    let current = token;
    // A token rotated more than once in one container's life: follow the chain (bounded, should it loop).
    for (let step = 0; step < replaced.size; step++) current = replaced.get(current) ?? current;
    return current;
  };
  return async (url, init) => {
    const headers = plainHeaders(init.headers);
    const given = headers['authorization']?.replace(/^Bearer /, '');
    if (!given) return send(url, init);
    const token = await open(given);
    const current = latest(token);
    const response = await send(url, current === given ? init : { ...init, headers: { ...headers, authorization: `Bearer ${current}` } });
    if (!(await saysStaleToken(response))) return response;
    const next = await successor(current);
    if (!next || next === current) return response;
    replaced.set(current, next);
    await response.body?.cancel();
    return send(url, { ...init, headers: { ...headers, authorization: `Bearer ${next}` } });
  };
}

/** The bot's own Slack calls (`createSlackWeb`, the directory) with fresh-token repeats. */
export function createStaleTokenHttp(input: { successor: Successor; http?: HttpSend }): HttpSend {
  return withFreshToken<HttpInit, HttpResponse>(input.successor, input.http ?? sendHttp);
}

/**
 * Bolt's WebClient, which calls `fetch`, with the same fresh-token repeats; requests it builds as
 * a Request pass through. `open` turns the token Bolt was given (an install's handle) into the one sent.
 */
export function createStaleTokenFetch(input: { successor: Successor; open?: (token: string) => Promise<string> }): typeof fetch {
  const send = withFreshToken<RequestInit & { headers?: HeadersInput }, Response>(input.successor, (url, init) => fetch(url, init), input.open);
  return (resource, init) => (typeof resource === 'string' || resource instanceof URL ? send(String(resource), init ?? {}) : fetch(resource, init));
}

/**
 * The successor of a stale bot token in single-workspace mode: the configured token, read again
 * from its secret when it is the stale one. Installs' own tokens (many workspaces) have none here.
 */
export function configuredTokenSuccessor(config: Pick<Config, 'sending'>): Successor {
  return async (stale) => {
    const cached = await config.sending();
    if (cached.mode !== 'single') return undefined;
    if (cached.botToken !== stale) return cached.botToken;
    const fresh = await config.sending({ fresh: true });
    return fresh.mode === 'single' ? fresh.botToken : undefined;
  };
}

/** Header names in lower case, whatever shape they came in (fetch's Headers are read without constructing one). */
function plainHeaders(headers: HeadersInput | undefined): Record<string, string> {
  const plain: Record<string, string> = {};
  if (!headers) return plain;
  if (Array.isArray(headers)) for (const [name = '', value = ''] of headers) plain[name.toLowerCase()] = value;
  else if (typeof headers.forEach === 'function') headers.forEach((value, name) => (plain[name.toLowerCase()] = value));
  else for (const [name, value] of Object.entries(headers)) plain[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  return plain;
}

/** Reads a copy of a JSON answer, leaving the answer itself unread for the caller. */
async function saysStaleToken(response: Answer): Promise<boolean> {
  if (response.status !== 200 || !response.headers.get('content-type')?.includes('application/json')) return false;
  try {
    const body = (await response.clone().json()) as { ok?: unknown; error?: unknown };
    return body.ok === false && typeof body.error === 'string' && STALE_TOKEN_ERRORS.has(body.error);
  } catch {
    return false;
  }
}
