import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_APP } from '#shared/slack-app/definitions';
import { serveLambda } from '#local/http-adapter';
import { TEST_OAUTH, useSlackHandler } from '../../support/slack-handler.ts';

/** Debian's package; `.ci/run` installs it when missing. */
const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

const profile = mkdtempSync(path.join(tmpdir(), 'commitments-chromium-'));
let server: Server;
let url: string;

// Served before the handler loads, so its address can be the handler's configured PUBLIC_URL.
beforeAll(async () => {
  ({ server, url } = await serveLambda((event, context) => harness.handler()(event, context), 0));
});
const harness = useSlackHandler({ oauth: true, publicUrl: () => url });
afterAll(() => {
  server.close();
  rmSync(profile, { recursive: true, force: true });
});

/** The page's DOM after Chromium has loaded and run it. */
async function dumpDom(pageUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      '--dump-dom',
      pageUrl,
    ],
    { timeout: 60_000, maxBuffer: 10 * 1024 * 1024 },
  );
  return stdout;
}

describe('the install page in headless Chromium', () => {
  it('shows an Add to Slack button linking to Slack’s consent page with the client id, bot scopes, a signed state and the redirect URI', { timeout: 90_000 }, async () => {
    const dom = await dumpDom(`${url}/slack/install`);
    expect(dom).toContain(`<title>Install ${SLACK_APP.name}</title>`);
    const anchor = /<a[^>]*id="add-to-slack"[^>]*>([^<]*)<\/a>/.exec(dom);
    expect(anchor?.[1]).toBe('Add to Slack');
    const href = /href="([^"]+)"/.exec(anchor![0])![1]!.replaceAll('&amp;', '&');
    const link = new URL(href);
    expect(`${link.origin}${link.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(link.searchParams.get('client_id')).toBe(TEST_OAUTH.clientId);
    expect(link.searchParams.get('scope')?.split(',')).toEqual([...SLACK_APP.botScopes]);
    expect(link.searchParams.get('state')).toMatch(/^[\w-]{20,}\.[\w-]{43}$/);
    expect(link.searchParams.get('redirect_uri')).toBe(`${url}/slack/oauth_redirect`);
  });
});

describe('the install flow over HTTP on loopback, as npm start serves it', () => {
  it('sets the state cookie, follows Slack’s consent back to the callback with it, and installs', async () => {
    harness.slack.options.consent = { teamId: 'T0LOOP', teamName: 'Loopback', botToken: 'xoxb-loop' };
    const page = await fetch(`${url}/slack/install`);
    const cookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
    const href = /id="add-to-slack" href="([^"]+)"/.exec(await page.text())![1]!.replaceAll('&amp;', '&');
    // The consent page of the stand-in, with the very query the button carries.
    const consent = await fetch(`${harness.slack.authorizeUrl}${new URL(href).search}`, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(`${url}/slack/oauth_redirect`);
    const done = await fetch(back, { headers: { cookie } });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('installed to Loopback');
    expect(done.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
  });
});
