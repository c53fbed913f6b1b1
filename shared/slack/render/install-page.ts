import { EN, type Translator } from '#shared/i18n/translator';
import { SLACK_APP } from '#shared/slack-app/definitions';

/** Text made safe for HTML text and attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, body: string, t: Translator): string {
  return `<!doctype html>
<html lang="${t.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1d1c1d; }
  h1 { color: ${SLACK_APP.backgroundColor}; }
  a.add { display: inline-block; padding: .6rem 1.2rem; border-radius: 6px; background: #4a154b; color: #fff; text-decoration: none; font-weight: 600; }
  a.add:focus-visible { outline: 3px solid #1d3557; outline-offset: 2px; }
  code { background: #f4f4f4; padding: .1rem .3rem; border-radius: 3px; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** How long the table's point-in-time recovery keeps every change (DynamoDB's default period, which infra leaves as it is). */
const BACKUP_DAYS = 35;

/**
 * The install page, in the language the browser asks for: what the app does; before the button,
 * each permission it asks for and why, where the workspace's data is kept and for how long, how to
 * remove it, and the docs.
 */
export function renderInstallPage(input: { authorizeUrl: string; region: string | undefined; docsUrl: string | undefined }, t: Translator = EN): string {
  const app = escapeHtml(SLACK_APP.name);
  const command = `<code>${escapeHtml(SLACK_APP.command.name)}</code>`;
  const shortcuts = t.and(SLACK_APP.shortcuts.map((s) => `“${escapeHtml(s.name)}”`));
  const scopes = SLACK_APP.botScopes.map((scope) => `<li><code>${escapeHtml(scope)}</code>: ${t.t(`install.scope.${scope}`, { command, shortcuts })}</li>`).join('\n');
  const region = input.region ? t.t('install.region', { region: `<strong>${escapeHtml(input.region)}</strong>` }) : t.t('install.regionUnknown');
  const docs = input.docsUrl ? t.t('install.docs', { link: `<a href="${escapeHtml(input.docsUrl)}">${t.t('install.docsLink', { app })}</a>` }) : t.t('install.noDocs');
  const purge = `<code>npm run purge -- --team &lt;${escapeHtml(t.t('install.workspaceId'))}&gt; --yes</code>`;
  return page(
    t.t('install.title', { app: SLACK_APP.name }),
    `<h1>${app}</h1>
<p>${t.t('install.description')}</p>
<p>${t.t('install.pitch', { command })}</p>
<h2 id="permissions">${t.t('install.permissions')}</h2>
<ul>
${scopes}
</ul>
<h2 id="data">${t.t('install.dataHeading')}</h2>
<p>${t.t('install.data', { region })}</p>
<h2 id="retention">${t.t('install.retentionHeading')}</h2>
<p>${t.t('install.retention', { days: BACKUP_DAYS })}</p>
<h2 id="remove">${t.t('install.removeHeading')}</h2>
<ol>
<li>${t.t('install.uninstall', { app })}</li>
<li>${t.t('install.purge', { command: purge })}</li>
</ol>
<p>${docs}</p>
<p><a class="add" id="add-to-slack" href="${escapeHtml(input.authorizeUrl)}">${t.t('install.add')}</a></p>`,
    t,
  );
}

/** After a good install: where it went and what to type first. */
export function renderInstalledPage(input: { workspace: string | undefined }, t: Translator = EN): string {
  const app = escapeHtml(SLACK_APP.name);
  const heading = input.workspace ? t.t('install.installedTo', { app, workspace: escapeHtml(input.workspace) }) : t.t('install.installed', { app });
  return page(
    t.t('install.installed', { app: SLACK_APP.name }),
    `<h1>${heading}</h1>
<p>${t.t('install.next', { command: `<code>${escapeHtml(SLACK_APP.command.name)} help</code>` })}</p>`,
    t,
  );
}

/** Any install that did not complete: what happened, and the way to start again. */
export function renderInstallErrorPage(input: { message: string; installPath: string }, t: Translator = EN): string {
  return page(
    t.t('install.failed', { app: SLACK_APP.name }),
    `<h1>${t.t('install.failed', { app: escapeHtml(SLACK_APP.name) })}</h1>
<p>${escapeHtml(input.message)}</p>
<p><a href="${escapeHtml(input.installPath)}">${t.t('install.again')}</a></p>`,
    t,
  );
}
