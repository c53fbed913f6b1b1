import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { keepPersonFromEvent } from '#shared/use-cases/people-events';
import type { ListenerDeps } from '../deps.ts';

type UserEvent = SlackEventMiddlewareArgs<'user_change'> | SlackEventMiddlewareArgs<'team_join'>;

/**
 * Someone's profile or standing changed (`user_change`), or someone joined (`team_join`): their
 * record follows, so the next request on any container decides on it without asking Slack.
 */
export function userChanged(deps: ListenerDeps) {
  return async ({ event, body }: UserEvent & AllMiddlewareArgs): Promise<void> => {
    // The workspace the event was sent for is where requests read the record; on Enterprise Grid
    // an org-wide delivery may name none, and the user's own team stands in.
    const teamId = body.team_id || event.user.team_id;
    const outcome = await keepPersonFromEvent(deps, { teamId, user: event.user, eventTime: body.event_time, create: event.type === 'team_join' });
    deps.log.debug('person event', { type: event.type, userId: event.user.id, outcome });
  };
}
