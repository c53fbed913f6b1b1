import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import axe from 'axe-core';
import { launch } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN } from '#shared/i18n/translator';
import { SLACK_APP } from '#shared/slack-app/definitions';
import { serveLambda } from '#local/http-adapter';
import { TEST_OAUTH, useSlackHandler } from '../../support/slack-handler.ts';

/** Debian's package; `.ci/run` installs it when missing. */
const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

const profile = mkdtempSync(path.join(tmpdir(), 'commitments-chromium-'));
const DOCS_URL = 'https://docs.example.org/commitments/';
// Read by the handler's configuration when it loads, as infra sets it from the `docsUrl` context.
process.env['DOCS_URL'] = DOCS_URL;
process.env['AWS_REGION'] = 'eu-central-1';
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
  delete process.env['DOCS_URL'];
  delete process.env['AWS_REGION'];
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

describe('the install page’s content and accessibility, checked by axe-core in headless Chromium', () => {
  it('lists every permission with its reason, the data’s home and its removal before the button, and has no accessibility violations', { timeout: 90_000 }, async () => {
    const browser = await launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      userDataDir: path.join(profile, 'axe'),
    });
    try {
      const page = await browser.newPage();
      const response = await page.goto(`${url}/slack/install`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      // Run in the page (a string: this project's types have no DOM).
      const shown = (await page.evaluate(`(() => {
        const button = document.getElementById('add-to-slack');
        const before = (node) => Boolean(node.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING);
        const items = [...document.querySelectorAll('li')].filter(before).map((li) => li.textContent);
        const docs = [...document.querySelectorAll('a')].find((a) => a !== button && before(a));
        const headings = [...document.querySelectorAll('h2')].filter(before).map((h) => h.textContent);
        return { items, docs: docs?.getAttribute('href'), headings, name: button.textContent, lang: document.documentElement.lang };
      })()`)) as { items: string[]; docs: string | undefined; headings: string[]; name: string; lang: string };
      const shortcuts = EN.and(SLACK_APP.shortcuts.map((s) => `“${s.name}”`));
      for (const scope of SLACK_APP.botScopes) expect(shown.items).toContain(`${scope}: ${EN.t(`install.scope.${scope}`, { command: SLACK_APP.command.name, shortcuts })}`);
      expect(shown.headings).toHaveLength(4);
      expect(shown.docs).toBe(DOCS_URL);
      expect(shown).toMatchObject({ name: 'Add to Slack', lang: 'en' });

      // Evaluated over the DevTools protocol: the page's Content-Security-Policy (no scripts) stays on.
      await page.evaluate(axe.source);
      const results = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as axe.AxeResults;
      expect(results.passes.length + results.violations.length).toBeGreaterThan(0);
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    } finally {
      await browser.close();
    }
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
