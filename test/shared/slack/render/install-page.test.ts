import { describe, expect, it } from 'vitest';
import { escapeHtml, renderInstallErrorPage, renderInstalledPage, renderInstallPage } from '#shared/slack/render/install-page';

describe('install pages', () => {
  it('escapes the characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('puts the authorize link in the button with its ampersands escaped', () => {
    const html = renderInstallPage({ authorizeUrl: 'https://slack.com/oauth/v2/authorize?client_id=1&state="x"' });
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
