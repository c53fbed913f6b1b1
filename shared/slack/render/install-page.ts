import { BOT_SCOPE_REASONS, SLACK_APP } from '#shared/slack-app/definitions';

/** Text made safe for HTML text and attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
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
 * The install page: what the app does; before the button, each permission it asks for and why,
 * where the workspace's data is kept and for how long, how to remove it, and the docs.
 */
export function renderInstallPage(input: { authorizeUrl: string; region: string | undefined; docsUrl: string | undefined }): string {
  const scopes = SLACK_APP.botScopes.map((scope) => `<li><code>${escapeHtml(scope)}</code>: ${escapeHtml(BOT_SCOPE_REASONS[scope])}</li>`).join('\n');
  const region = input.region ? `AWS region <strong>${escapeHtml(input.region)}</strong>` : 'the AWS region this app is deployed in';
  const docs = input.docsUrl
    ? `<p>Roles, privacy and every command in full: <a href="${escapeHtml(input.docsUrl)}">the ${escapeHtml(SLACK_APP.name)} documentation</a>.</p>`
    : '<p>Roles, privacy and every command in full are in the documentation that comes with the app; ask whoever runs it.</p>';
  return page(
    `Install ${SLACK_APP.name}`,
    `<h1>${escapeHtml(SLACK_APP.name)}</h1>
<p>${escapeHtml(SLACK_APP.description)}</p>
<p>Track the follow-ups of a summit or a negotiation, see what is overdue, and get a digest in a channel on a schedule, with <code>${escapeHtml(SLACK_APP.command.name)}</code>.</p>
<h2 id="permissions">What it asks Slack for</h2>
<ul>
${scopes}
</ul>
<h2 id="data">Where your workspace’s data is kept</h2>
<p>In one Amazon DynamoDB table in ${region}, under your workspace’s id, which no other workspace’s request can read: tracks, items and their history (notes, assessments, sources), subscriptions and check-in settings, the app manager, and a record of each person and user group the app has met (Slack id, name, whether admin, guest or from another organisation, time zone, language). The install’s bot token is kept sealed with an AWS KMS key, never as text. Messages are not stored, except what you add to a track; a text pasted into an import is kept two hours as a draft.</p>
<h2 id="retention">For how long</h2>
<p>As long as the app stays installed, and the tracks after that until they are purged. The table’s point-in-time backups keep every change for ${BACKUP_DAYS} days, so data deleted is gone from them ${BACKUP_DAYS} days later. The app’s logs of each request (with workspace and user ids) are kept for a year.</p>
<h2 id="remove">How to remove it</h2>
<ol>
<li>A workspace admin uninstalls the app: in Slack’s <em>Manage apps</em> page for your workspace, open ${escapeHtml(SLACK_APP.name)} and choose <em>Remove App</em>. That deletes the bot token and the records of your people and user groups at once, and pauses every digest; with no token, nothing more is posted.</li>
<li>The tracks stay, so that a reinstall finds them. To delete them for good, ask whoever runs this app to purge your workspace: <code>npm run purge -- --team &lt;your workspace id&gt; --yes</code> deletes every item of it from the table.</li>
</ol>
${docs}
<p><a class="add" id="add-to-slack" href="${escapeHtml(input.authorizeUrl)}">Add to Slack</a></p>`,
  );
}

/** After a good install: where it went and what to type first. */
export function renderInstalledPage(input: { workspace: string | undefined }): string {
  const where = input.workspace ? ` to ${escapeHtml(input.workspace)}` : '';
  return page(
    `${SLACK_APP.name} is installed`,
    `<h1>${escapeHtml(SLACK_APP.name)} is installed${where}</h1>
<p>Next, in any channel, type <code>${escapeHtml(SLACK_APP.command.name)} help</code> to see what you can ask.</p>`,
  );
}

/** Any install that did not complete: what happened, and the way to start again. */
export function renderInstallErrorPage(input: { message: string; installPath: string }): string {
  return page(
    `${SLACK_APP.name} was not installed`,
    `<h1>${escapeHtml(SLACK_APP.name)} was not installed</h1>
<p>${escapeHtml(input.message)}</p>
<p><a href="${escapeHtml(input.installPath)}">Start the install again</a></p>`,
  );
}
