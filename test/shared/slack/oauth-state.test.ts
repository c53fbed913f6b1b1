import { describe, expect, it } from 'vitest';
import { clearedStateCookie, createStateStore, readStateCookie, STATE_TTL_SECONDS, stateCookie } from '#shared/slack/oauth-state';
import { authorizeUrl } from '#shared/slack/install-url';

const now = new Date('2026-03-01T00:00:00Z');

function store(secret = 'state-secret-0123456789') {
  const used = new Set<string>();
  return createStateStore({
    secret,
    claim: async (nonce) => {
      if (used.has(nonce)) return false;
      used.add(nonce);
      return true;
    },
  });
}

describe('install state', () => {
  it('verifies a state it issued once, returning its install options', async () => {
    const states = store();
    const state = await states.generateStateParam({ scopes: ['commands'], redirectUri: 'https://x/slack/oauth_redirect' }, now);
    await expect(states.verifyStateParam(now, state)).resolves.toEqual({ scopes: ['commands'], redirectUri: 'https://x/slack/oauth_redirect' });
    await expect(states.verifyStateParam(now, state)).rejects.toThrow(/already used/);
  });

  it('refuses a state signed with another secret, or changed, or garbage', async () => {
    const state = await store('another-secret-0123456789').generateStateParam({ scopes: [] }, now);
    await expect(store().verifyStateParam(now, state)).rejects.toThrow(/not one we issued/);
    const own = await store().generateStateParam({ scopes: [] }, now);
    await expect(store().verifyStateParam(now, `${own}x`)).rejects.toThrow(/not one we issued/);
    await expect(store().verifyStateParam(now, 'not-a-state')).rejects.toThrow(/not one we issued/);
  });

  it('refuses a state once its ten minutes are over', async () => {
    const states = store();
    const state = await states.generateStateParam({ scopes: [] }, now);
    await expect(states.verifyStateParam(new Date(now.getTime() + STATE_TTL_SECONDS * 1000), state)).rejects.toThrow(/expired/);
  });
});

describe('state cookie', () => {
  it('is HttpOnly, SameSite=Lax, for the callback path only, and Secure over https', () => {
    expect(stateCookie('abc.def', true)).toBe(`slack-app-oauth-state=abc.def; Path=/slack/oauth_redirect; Max-Age=${STATE_TTL_SECONDS}; HttpOnly; SameSite=Lax; Secure`);
    expect(stateCookie('abc.def', false)).not.toContain('Secure');
    expect(clearedStateCookie(true)).toContain('Max-Age=0');
  });

  it('is read from the cookies a request carries, one per entry or several in one header', () => {
    expect(readStateCookie(['other=1', 'slack-app-oauth-state=abc.def'])).toBe('abc.def');
    expect(readStateCookie(['other=1; slack-app-oauth-state=abc.def'])).toBe('abc.def');
    expect(readStateCookie(['other=1'])).toBeUndefined();
  });
});

describe('authorizeUrl', () => {
  it('links to Slack’s consent screen with the client id, comma-separated scopes, state and redirect URI', () => {
    const url = new URL(authorizeUrl({ authorizeUrl: 'https://slack.com/oauth/v2/authorize', clientId: '1.2', scopes: ['commands', 'chat:write'], state: 's.t', redirectUri: 'https://x/slack/oauth_redirect' }));
    expect(url.origin + url.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: '1.2', scope: 'commands,chat:write', state: 's.t', redirect_uri: 'https://x/slack/oauth_redirect' });
  });
});
