import { SLACK_APP } from '#shared/slack-app/definitions';

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
  code { background: #f4f4f4; padding: .1rem .3rem; border-radius: 3px; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The install page: what the app does, and the "Add to Slack" button. */
export function renderInstallPage(input: { authorizeUrl: string }): string {
  return page(
    `Install ${SLACK_APP.name}`,
    `<h1>${escapeHtml(SLACK_APP.name)}</h1>
<p>${escapeHtml(SLACK_APP.description)}</p>
<p>Track the follow-ups of a summit or a negotiation, see what is overdue, and get a digest in a channel on a schedule, with <code>${escapeHtml(SLACK_APP.command.name)}</code>.</p>
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
