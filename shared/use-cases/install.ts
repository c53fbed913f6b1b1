import type { StateStore } from '@slack/oauth';
import type { Installation } from '#shared/domain/installation';
import { AppError } from '#shared/errors';
import type { InstallationStore } from '#shared/store/installations';
import { authorizeUrl } from '#shared/slack/install-url';
import { SLACK_APP } from '#shared/slack-app/definitions';

export type InstallOutcome = { kind: 'installed'; installation: Installation } | { kind: 'refused'; message: string };

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
 * 1. a refusal (`error=access_denied`) or a missing code or state ends here;
 * 2. the state must be the one this browser's cookie holds, signed by us, unexpired and
 *    unused (verifying claims it) — else nothing is called;
 * 3. the code is exchanged with `oauth.v2.access` and the install stored.
 */
export async function completeInstall(input: {
  params: { code?: string | undefined; state?: string | undefined; error?: string | undefined };
  cookieState: string | undefined;
  stateStore: StateStore;
  exchange: (code: string) => Promise<Installation>;
  installations: Pick<InstallationStore, 'storeInstallation'>;
  now: Date;
}): Promise<InstallOutcome> {
  const { params, cookieState } = input;
  if (params.error) return refused(params.error === 'access_denied' ? 'The install was cancelled in Slack.' : `Slack answered: ${params.error}.`);
  if (!params.code || !params.state) return refused('The link back from Slack is missing its code or state.');
  if (!cookieState) return refused('This browser did not start this install (its install cookie is missing). Start again from the install page, in the same browser.');
  if (cookieState !== params.state) return refused('This install was started in another browser or tab. Start again from the install page.');
  try {
    await input.stateStore.verifyStateParam(input.now, params.state);
    const installation = await input.exchange(params.code);
    await input.installations.storeInstallation(installation);
    return { kind: 'installed', installation };
  } catch (error) {
    if (error instanceof AppError) return refused(error.message);
    throw error;
  }
}

const refused = (message: string): InstallOutcome => ({ kind: 'refused', message });
