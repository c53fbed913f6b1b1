import type { StateStore } from '@slack/oauth';
import type { Installation } from '#shared/domain/installation';
import { AppError, type Say } from '#shared/errors';
import type { InstallationStore } from '#shared/store/installations';
import type { PeopleStore } from '#shared/store/people';
import { SET_BY_INSTALL } from '#shared/domain/app-manager';
import { authorizeUrl } from '#shared/slack/install-url';
import { installError, installErrorOfSlack } from '#shared/slack/install-errors';
import { SlackOAuthError } from '#shared/slack/oauth-access';
import { SLACK_APP } from '#shared/slack-app/definitions';

/**
 * `code`: Slack's error code (or the scopes it did not grant), for the log only; the page shows
 * `message` (a fixed sentence, in English) in its reader's language (`say`), with `status` (400 unless said).
 */
export type InstallOutcome = { kind: 'installed'; installation: Installation } | { kind: 'refused'; message: string; say: Say | undefined; code?: string; status?: number };

/** A new signed state and the "Add to Slack" link that carries it. */
export async function startInstall(input: {
  stateStore: StateStore;
  clientId: string;
  redirectUri: string;
  /** Slack's consent page. */
  authorizeUrl: string;
  now: Date;
}): Promise<{ state: string; url: string }> {
  const scopes = [...SLACK_APP.botScopes];
  const state = await input.stateStore.generateStateParam({ scopes, redirectUri: input.redirectUri }, input.now);
  return { state, url: authorizeUrl({ authorizeUrl: input.authorizeUrl, clientId: input.clientId, scopes, state, redirectUri: input.redirectUri }) };
}

/**
 * Slack's redirect back after consent, in steps:
 * 1. a refusal (`error=access_denied`) or a missing code or state ends here, with a fixed
 *    sentence per Slack error code (nothing of the link is shown);
 * 2. the state must be the one this browser's cookie holds, signed by us, unexpired and
 *    unused (verifying claims it) — else nothing is called;
 * 3. the code is exchanged with `oauth.v2.access` and the install stored, if Slack granted every
 *    scope the app asks for (else refused: the app would fail later, command by command);
 * 4. a workspace's first install records its installer as the app manager: only where the team
 *    has no manager record and no tracks (a workspace that used the app before this record
 *    existed gets an empty one), so any later install, by anyone, grants nothing.
 */
export async function completeInstall(input: {
  params: { code?: string | undefined; state?: string | undefined; error?: string | undefined };
  cookieState: string | undefined;
  stateStore: StateStore;
  exchange: (code: string) => Promise<Installation>;
  installations: Pick<InstallationStore, 'storeInstallation'>;
  managers: Pick<PeopleStore, 'recordFirstManager'>;
  /** Whether the team already has tracks (it used the app before). */
  hasTracks: (teamId: string) => Promise<boolean>;
  now: Date;
}): Promise<InstallOutcome> {
  const { params, cookieState } = input;
  if (params.error) return refused(installErrorOfSlack(params.error), params.error);
  if (!params.code || !params.state) return refused(installError('missingParams'));
  if (!cookieState) return refused(installError('noCookie'));
  if (cookieState !== params.state) return refused(installError('otherBrowser'));
  try {
    await input.stateStore.verifyStateParam(input.now, params.state);
    const installation = await input.exchange(params.code);
    // A consent link with scopes cut from it installs an app that fails later, command by command.
    const missing = SLACK_APP.botScopes.filter((scope) => !installation.botScopes.includes(scope));
    if (missing.length > 0) return refused(installError('missingScopes'), missing.join(','));
    await input.installations.storeInstallation(installation);
    // An org-wide install names no workspace: its workspaces' admins name a manager if they want one.
    if (installation.teamId && !installation.isEnterpriseInstall) {
      const used = await input.hasTracks(installation.teamId);
      await input.managers.recordFirstManager({
        teamId: installation.teamId,
        ...(used || !installation.installerUserId ? {} : { userId: installation.installerUserId }),
        setBy: SET_BY_INSTALL,
        setAt: input.now.toISOString(),
      });
    }
    return { kind: 'installed', installation };
  } catch (error) {
    if (error instanceof SlackOAuthError) return refused(installErrorOfSlack(error.error), error.error);
    if (error instanceof AppError) return refused({ text: error.message, say: error.say });
    throw error;
  }
}

const refused = ({ text, say }: { text: string; say: Say | undefined }, code?: string): InstallOutcome => ({ kind: 'refused', message: text, say, ...(code !== undefined ? { code } : {}) });
