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
    // Only a joiner is new to the bot for certain; a change about someone it never met is not worth a record.
    // A join delivered after the app was removed (another container's cache still had the install, or Slack retried) keeps nothing.
    const create = event.type === 'team_join' && (await deps.installedNow({ teamId: body.team_id, enterpriseId: body.enterprise_id }));
    const outcome = await keepPersonFromEvent(deps, { teamId: body.team_id, user: event.user, eventTime: body.event_time, create });
    // Unreadable: not the shape Slack documents, or timed ahead of the clock; nothing was kept.
    deps.log[outcome === 'unreadable' ? 'warn' : 'debug']('person event', { type: event.type, outcome, eventId: body.event_id });
  };
}
