import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { appUninstalled } from './app-uninstalled.ts';
import { subteamChanged } from './subteam-changed.ts';
import { subteamMembersChanged } from './subteam-members-changed.ts';
import { userChanged } from './user-change.ts';

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('app_uninstalled', appUninstalled(deps));
  app.event('tokens_revoked', appUninstalled(deps));
  app.event('user_change', userChanged(deps));
  app.event('team_join', userChanged(deps));
  app.event('subteam_created', subteamChanged(deps));
  app.event('subteam_updated', subteamChanged(deps));
  app.event('subteam_members_changed', subteamMembersChanged(deps));
}
