import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { uninstall } from '#shared/use-cases/uninstall';
import type { ListenerDeps } from '../deps.ts';

type UninstallEvent = SlackEventMiddlewareArgs<'app_uninstalled'> | SlackEventMiddlewareArgs<'tokens_revoked'>;

/** The app was removed (`app_uninstalled`) or its bot token revoked (`tokens_revoked`): stop using its token, forget its people, pause its digests, keep its tracks. */
export function appUninstalled(deps: ListenerDeps) {
  return async ({ event, body }: UninstallEvent & AllMiddlewareArgs): Promise<void> => {
    // A revocation of user tokens only leaves the bot token, all the app uses, in place.
    if (event.type === 'tokens_revoked' && (event.tokens.bot ?? []).length === 0) return;
    const teamId = body.team_id;
    if (!teamId) return;
    const query = { teamId, enterpriseId: body.enterprise_id, isEnterpriseInstall: body.is_enterprise_install };
    const paused = await uninstall(
      { installations: deps.installations, subscriptions: deps.subscriptions, forgetTokens: () => deps.tokens.forget(), people: deps.people },
      { query, reason: event.type, at: new Date(body.event_time * 1000), now: deps.clock() },
    );
    if (paused === undefined) deps.log.info('removal older than the install, ignored', { teamId, reason: event.type, eventTime: body.event_time });
    else deps.log.info('uninstalled', { teamId, reason: event.type, paused });
  };
}
