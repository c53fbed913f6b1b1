/**
 * What the install's error page says for each error code Slack sends back (on the redirect, or
 * from `oauth.v2.access`): a fixed sentence, so nothing a link carries is ever shown.
 */
const SENTENCES: Readonly<Record<string, string>> = {
  access_denied: 'The install was cancelled in Slack.',
  invalid_scope: 'Slack refused the permissions this app asks for. Ask the app’s operator to check its Slack app settings.',
  invalid_team_for_non_distributed_app: 'This app is not distributed to other workspaces yet: only its own workspace can install it.',
  unapproved_app: 'An admin of this workspace must approve the app before it can be installed.',
  invalid_code: 'The code Slack gave this install is not valid or was used already. Start the install again.',
  code_already_used: 'The code Slack gave this install is not valid or was used already. Start the install again.',
  bad_redirect_uri: 'Slack does not accept this deployment’s address for installs. Ask the app’s operator to add it as a redirect URL in the Slack app settings.',
  oauth_authorization_url_mismatch: 'Slack does not accept this deployment’s address for installs. Ask the app’s operator to add it as a redirect URL in the Slack app settings.',
  invalid_client_id: 'Slack does not know this app’s credentials. Ask the app’s operator to check them.',
  bad_client_secret: 'Slack does not know this app’s credentials. Ask the app’s operator to check them.',
  cannot_install_an_org_installed_app: 'This app is already installed for your whole organisation.',
  team_added_to_org: 'This workspace has just joined an organisation. Start the install again in a few minutes.',
};

/** The sentence for any code not listed above. */
export const UNKNOWN_INSTALL_ERROR = 'Slack did not complete the install. Start it again; if it fails again, ask the app’s operator.';

export function installErrorSentence(code: string): string {
  return Object.hasOwn(SENTENCES, code) ? SENTENCES[code]! : UNKNOWN_INSTALL_ERROR;
}
