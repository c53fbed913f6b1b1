import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { jobTeam } from '../after-answer.ts';

/** The Home tab is drawn each time a user opens it, once the event is acknowledged. */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, context }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home' || !context.teamId) return;
    deps.afterAnswer.later(context, { kind: 'home', team: jobTeam(context, context.teamId), userId: event.user });
  };
}
