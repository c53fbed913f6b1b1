import type { App } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App';
import { SLACK_APP } from '#shared/slack-app/definitions';
import { commitmentsCommand } from './commands/commitments.ts';
import { registerActions } from './actions/index.ts';
import { registerViews } from './views/index.ts';
import { registerEvents } from './events/index.ts';
import { registerShortcuts } from './shortcuts/index.ts';
import { countHandledError } from '#shared/observe/metrics';
import type { ListenerDeps } from './deps.ts';

/** Every listener of the app, registered the same way for Lambda and for Socket Mode. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(SLACK_APP.command.name, commitmentsCommand(deps));
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
  registerShortcuts(app, deps);
  // Bolt acknowledges an event before its listener runs: a failure rethrown here answers the delivery
  // 500 instead, so its id is given back and Slack's retry runs it (a demotion is not lost).
  app.error(async ({ error, body }: ExtendedErrorHandlerArgs) => {
    deps.log.error('unhandled listener error', { error });
    countHandledError(error.original ?? error);
    if (isEventDelivery(body)) throw error;
  });
}

function isEventDelivery(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'type' in body && body.type === 'event_callback';
}
