/** Slack's consent screen; always on slack.com, whatever the Web API base URL. */
export const SLACK_AUTHORIZE_URL = 'https://slack.com/oauth/v2/authorize';

/** The "Add to Slack" link: the app, the bot scopes it asks for, the signed state and where Slack sends the browser back. */
export function authorizeUrl(input: { clientId: string; scopes: readonly string[]; state: string; redirectUri: string }): string {
  const url = new URL(SLACK_AUTHORIZE_URL);
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('scope', input.scopes.join(','));
  url.searchParams.set('state', input.state);
  url.searchParams.set('redirect_uri', input.redirectUri);
  return url.toString();
}
