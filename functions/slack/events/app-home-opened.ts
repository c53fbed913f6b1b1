import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { publishHome } from '../home.ts';

/** The Home tab is drawn each time a user opens it. */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home' || !context.teamId) return;
    await publishHome(deps, client, context.teamId, event.user);
  };
}
