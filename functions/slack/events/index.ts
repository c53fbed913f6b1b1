import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { appUninstalled } from './app-uninstalled.ts';

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('app_uninstalled', appUninstalled(deps));
  app.event('tokens_revoked', appUninstalled(deps));
}
