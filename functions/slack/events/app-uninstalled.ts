import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { uninstall } from '#shared/use-cases/uninstall';
import { isBelievableEventTime } from '#shared/domain/people-events';
import type { ListenerDeps } from '../deps.ts';
import { jobTeam } from '../after-answer.ts';

type UninstallEvent = SlackEventMiddlewareArgs<'app_uninstalled'> | SlackEventMiddlewareArgs<'tokens_revoked'>;

/**
 * The app was removed (`app_uninstalled`) or its bot token revoked (`tokens_revoked`): its token
 * goes now; its people, and its digests, after the answer (a job); its tracks stay.
 */
export function appUninstalled(deps: ListenerDeps) {
  return async ({ event, body, context }: UninstallEvent & AllMiddlewareArgs): Promise<void> => {
    // A revocation of user tokens only leaves the bot token, all the app uses, in place.
    if (event.type === 'tokens_revoked' && (event.tokens.bot ?? []).length === 0) return;
    const teamId = body.team_id;
    if (!teamId) return;
    const query = { teamId, enterpriseId: body.enterprise_id, isEnterpriseInstall: body.is_enterprise_install };
    const removed = await uninstall({ installations: deps.installations, forgetTokens: () => deps.tokens.forget() }, { query, at: removedAt(body.event_time, deps.clock()) });
    if (!removed) return deps.log.info('removal older than the install, ignored', { teamId, reason: event.type, eventTime: body.event_time });
    deps.afterAnswer.later(context, { kind: 'forget', team: jobTeam(context, teamId), reason: event.type });
    deps.log.info('uninstalled', { teamId, reason: event.type });
  };
}

/** When the app was removed: the event's time, or now when Slack gave none or one ahead of the clock. */
function removedAt(eventTime: unknown, now: Date): Date {
  const told = typeof eventTime === 'number' && Number.isInteger(eventTime) && eventTime > 0 ? eventTime * 1000 : undefined;
  return told !== undefined && isBelievableEventTime(told, now) ? new Date(told) : now;
}
