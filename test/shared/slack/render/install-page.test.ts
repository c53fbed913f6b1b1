import { describe, expect, it } from 'vitest';
import { escapeHtml, renderInstallErrorPage, renderInstalledPage, renderInstallPage } from '#shared/slack/render/install-page';
import { EN, translatorFor, type Translator } from '#shared/i18n/translator';
import { SLACK_APP, type BotScope } from '#shared/slack-app/definitions';
import { buildSlackManifest } from '#shared/slack-app/manifest';

describe('install pages', () => {
  it('escapes the characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('puts the authorize link in the button with its ampersands escaped', () => {
    const html = renderInstallPage({ authorizeUrl: 'https://slack.com/oauth/v2/authorize?client_id=1&state="x"', region: undefined, docsUrl: undefined });
    expect(html).toContain('<a class="add" id="add-to-slack" href="https://slack.com/oauth/v2/authorize?client_id=1&amp;state=&quot;x&quot;">Add to Slack</a>');
    expect(html).toMatch(/<title>Install Commitments<\/title>/);
  });

  it('names the next step after an install and escapes the workspace name', () => {
    const html = renderInstalledPage({ workspace: '<b>Ministry</b>' });
    expect(html).toContain('&lt;b&gt;Ministry&lt;/b&gt;');
    expect(html).toContain('/commitments help');
  });

  it('shows what went wrong and a way back to the install page', () => {
    const html = renderInstallErrorPage({ message: 'This install link has expired.', installPath: '/slack/install' });
    expect(html).toContain('This install link has expired.');
    expect(html).toContain('href="/slack/install"');
  });
});

describe('the install page says what it asks for and what happens to the data, before the button', () => {
  const html = renderInstallPage({ authorizeUrl: 'https://slack.com/oauth/v2/authorize?client_id=1', region: 'eu-central-1', docsUrl: 'https://docs.example.org/commitments/' });
  const beforeButton = html.slice(0, html.indexOf('id="add-to-slack"'));

  it('lists each bot scope of the manifest with its reason, in the manifest’s order', () => {
    const scopes = buildSlackManifest('https://bot.example.org/slack/events').oauth_config.scopes.bot;
    expect(scopes.length).toBeGreaterThan(0);
    expect(scopesListed(beforeButton)).toEqual(scopes.map((scope) => [scope, reasonOf(scope, EN)]));
    expect(reasonOf('commands', EN)).toBe('Adds the <code>/commitments</code> command and the message shortcuts “Track as commitment” and “Import readout”.');
    for (const [, reason] of scopesListed(beforeButton)) expect(reason.length).toBeGreaterThan(20);
  });

  it('says where the workspace’s data is kept, what is kept and for how long', () => {
    expect(beforeButton).toContain('AWS region <strong>eu-central-1</strong>');
    expect(beforeButton).toMatch(/tracks, items and their history/);
    expect(beforeButton).toMatch(/35 days/);
  });

  it('says how to remove it: uninstall, then purge', () => {
    const removal = beforeButton.slice(beforeButton.indexOf('<h2 id="remove">'));
    expect(removal.indexOf('Remove App')).toBeGreaterThan(0);
    expect(removal.indexOf('npm run purge -- --team')).toBeGreaterThan(removal.indexOf('Remove App'));
  });

  it('links to the docs when the deployment names them, and never to a guessed address', () => {
    expect(beforeButton).toContain('<a href="https://docs.example.org/commitments/">');
    const bare = renderInstallPage({ authorizeUrl: 'https://slack.com/oauth/v2/authorize?client_id=1', region: undefined, docsUrl: undefined });
    expect(bare.match(/<a /g)).toHaveLength(1);
    expect(bare).toContain('the AWS region this app is deployed in');
  });

  it('is one main landmark, headings in order, every page saying its language', async () => {
    const ja = await translatorFor('ja');
    for (const [t, page] of [
      [EN, html],
      [EN, renderInstalledPage({ workspace: 'X' })],
      [EN, renderInstallErrorPage({ message: 'm', installPath: '/slack/install' })],
      [ja, renderInstallPage({ authorizeUrl: 'https://slack.com/oauth/v2/authorize', region: undefined, docsUrl: undefined }, ja)],
      [ja, renderInstalledPage({ workspace: 'X' }, ja)],
      [ja, renderInstallErrorPage({ message: 'm', installPath: '/slack/install' }, ja)],
    ] as const) {
      expect(page).toContain(`<html lang="${t.locale}">`);
      expect(page.match(/<main>/g)).toHaveLength(1);
    }
    expect([...html.matchAll(/<h([1-6])/g)].map((m) => m[1])).toEqual(['1', '2', '2', '2', '2']);
  });
});

describe('the install page in Japanese and Korean', () => {
  it('says everything before the button in the language, each scope’s reason too, with values escaped as in English', async () => {
    for (const locale of ['ja', 'ko'] as const) {
      const t = await translatorFor(locale);
      const page = renderInstallPage({ authorizeUrl: 'https://slack.com/oauth/v2/authorize?client_id=1', region: 'ap-northeast-1', docsUrl: 'https://docs.example.org/?a=1&b=2' }, t);
      expect(scopesListed(page).map(([scope, reason]) => [scope, /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(reason)])).toEqual(SLACK_APP.botScopes.map((scope) => [scope, true]));
      expect(page).toContain('<strong>ap-northeast-1</strong>');
      expect(page).toContain('href="https://docs.example.org/?a=1&amp;b=2"');
      expect(page).toContain(`&lt;${t.t('install.workspaceId')}&gt;`);
      // Only names stay in English: the app's, its command's and shortcuts', AWS's and Slack's.
      const words = page.replace(/<(style|code|strong)>[\s\S]*?<\/\1>|<[^>]+>|https?:\/\/\S+/g, ' ').match(/[A-Za-z]+/g) ?? [];
      const names = new Set(['Commitments', 'Slack', 'Amazon', 'DynamoDB', 'AWS', 'KMS', 'ID', 'CSV', 'Track', 'as', 'commitment', 'Import', 'readout', 'export']);
      expect(words.filter((word) => !names.has(word))).toEqual([]);
    }
  });
});

/** The scopes and their reasons as the page lists them. */
function scopesListed(page: string): [string, string][] {
  return [...page.matchAll(/<li><code>([^<]+)<\/code>: (.*?)<\/li>/g)].map((m) => [m[1]!, m[2]!]);
}

function reasonOf(scope: string, t: Translator): string {
  return t.t(`install.scope.${scope as BotScope}`, { command: '<code>/commitments</code>', shortcuts: t.and(SLACK_APP.shortcuts.map((s) => `“${s.name}”`)) });
}
