import type { App } from '@slack/bolt';
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
  app.error(async (error) => {
    deps.log.error('unhandled listener error', { error });
    countHandledError(error.original ?? error);
  });
}
