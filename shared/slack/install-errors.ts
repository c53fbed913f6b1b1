import type { Say } from '#shared/errors';
import { spoken } from '#shared/i18n/translator';

/** Why an install did not complete, as the error page says it (`install.error` in the catalogs). */
export type InstallWhy =
  | 'cancelled'
  | 'scopes'
  | 'notDistributed'
  | 'unapproved'
  | 'badCode'
  | 'redirect'
  | 'credentials'
  | 'orgInstalled'
  | 'joinedOrg'
  | 'missingParams'
  | 'noCookie'
  | 'otherBrowser'
  | 'expired'
  | 'used'
  | 'notOurs'
  | 'missingScopes'
  | 'notSaved'
  | 'unknown';

/**
 * What the install's error page says for each error code Slack sends back (on the redirect, or
 * from `oauth.v2.access`): a fixed sentence, so nothing a link carries is ever shown.
 */
const WHY: Readonly<Record<string, InstallWhy>> = {
  access_denied: 'cancelled',
  invalid_scope: 'scopes',
  invalid_team_for_non_distributed_app: 'notDistributed',
  unapproved_app: 'unapproved',
  invalid_code: 'badCode',
  code_already_used: 'badCode',
  bad_redirect_uri: 'redirect',
  oauth_authorization_url_mismatch: 'redirect',
  invalid_client_id: 'credentials',
  bad_client_secret: 'credentials',
  cannot_install_an_org_installed_app: 'orgInstalled',
  team_added_to_org: 'joinedOrg',
};

/** The sentence of why an install did not complete: its English text and its catalog key. */
export function installError(why: InstallWhy): { text: string; say: Say } {
  return spoken('install.error', { why });
}

/** The sentence for one of Slack's error codes; any code not listed above gets the general one. */
export function installErrorOfSlack(code: string): { text: string; say: Say } {
  return installError(Object.hasOwn(WHY, code) ? WHY[code]! : 'unknown');
}
