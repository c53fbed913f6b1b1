/** The "Add to Slack" link: the app, the bot scopes it asks for, the signed state and where Slack sends the browser back. */
export function authorizeUrl(input: { authorizeUrl: string; clientId: string; scopes: readonly string[]; state: string; redirectUri: string }): string {
  const url = new URL(input.authorizeUrl);
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('scope', input.scopes.join(','));
  url.searchParams.set('state', input.state);
  url.searchParams.set('redirect_uri', input.redirectUri);
  return url.toString();
}
