import type { App } from '@slack/bolt';
import { publishHome } from '../home.ts';
import type { ListenerDeps } from '../deps.ts';

/** The Home tab is drawn each time a user opens it. */
export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home' || !context.teamId) return;
    await publishHome(deps, client, context.teamId, event.user);
  });
}
