import { describe, expect, it } from 'vitest';
import { SHORTCUT_IDS, SLACK_APP } from '#shared/slack-app/definitions';
import { SlackManifestSchema, buildSlackManifest, type SlackManifest } from '#shared/slack-app/manifest';

const requestUrl = 'https://abc123.execute-api.eu-west-1.amazonaws.com/slack/events';
const manifest = buildSlackManifest(requestUrl);

const withChange = (change: (m: SlackManifest) => void): SlackManifest => {
  const copy = structuredClone(manifest);
  change(copy);
  return copy;
};

describe('buildSlackManifest', () => {
  it('has every field Slack requires to create the app', () => {
    expect(manifest.display_information.name).toBe(SLACK_APP.name);
    expect(manifest.features.bot_user.display_name).toBe(SLACK_APP.botDisplayName);
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: SLACK_APP.command.name,
        url: requestUrl,
        description: SLACK_APP.command.description,
      }),
    ]);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: requestUrl });
    expect(manifest.oauth_config.scopes.bot).toEqual(SLACK_APP.botScopes);
  });

  it('sends the browser back after an install to /slack/oauth_redirect on the same API (issue 12)', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual([new URL('/slack/oauth_redirect', requestUrl).toString()]);
    expect(manifest.oauth_config.redirect_urls[0]).toMatch(/^https:\/\/[^/]+\/slack\/oauth_redirect$/);
  });

  it('carries the Home tab, its events, the message shortcuts the handler registers, and escaped mentions', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: requestUrl,
      bot_events: ['app_home_opened', 'app_uninstalled', 'tokens_revoked', 'user_change', 'team_join', 'subteam_created', 'subteam_updated', 'subteam_members_changed'],
    });
    expect(manifest.features.shortcuts.map((s) => [s.type, s.callback_id])).toEqual([
      ['message', SHORTCUT_IDS.trackAsCommitment],
      ['message', SHORTCUT_IDS.importReadout],
    ]);
    expect(manifest.features.slash_commands[0]?.should_escape).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['files:write', 'im:write', 'commands', 'chat:write', 'users:read']));
  });

  it('asks for the scopes its people and user-group events need', () => {
    // Slack delivers user_change and team_join only with users:read, subteam_* only with usergroups:read.
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['users:read', 'usergroups:read']));
  });

  it('serves over HTTP request URLs, without Socket Mode, org deploy or token rotation', () => {
    expect(manifest.settings).toMatchObject({
      socket_mode_enabled: false,
      org_deploy_enabled: false,
      token_rotation_enabled: false,
    });
  });

  it('stays within Slack length limits for the app name, description and command', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    const [command] = manifest.features.slash_commands;
    expect(command?.command.length).toBeLessThanOrEqual(32);
    expect(command?.description.length).toBeLessThanOrEqual(2000);
    expect(command?.usage_hint?.length ?? 0).toBeLessThanOrEqual(1000);
  });

  it('survives a JSON round trip unchanged, as Slack receives it', () => {
    expect(SlackManifestSchema.parse(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
  });

  it.each(['http://abc123.execute-api.eu-west-1.amazonaws.com/slack/events', 'not a url', ''])(
    'refuses the request URL %j',
    (url) => {
      expect(() => buildSlackManifest(url)).toThrow(/Invalid Slack manifest/);
    },
  );
});

describe('SlackManifestSchema', () => {
  it.each([
    ['an app name over 35 characters', (m: SlackManifest) => void (m.display_information.name = 'x'.repeat(36))],
    ['a description over 140 characters', (m: SlackManifest) => void (m.display_information.description = 'x'.repeat(141))],
    ['a command description over 2000 characters', (m: SlackManifest) => void (m.features.slash_commands[0]!.description = 'x'.repeat(2001))],
    ['a command without its slash', (m: SlackManifest) => void (m.features.slash_commands[0]!.command = 'commitments')],
    ['no bot scopes', (m: SlackManifest) => void (m.oauth_config.scopes.bot = [])],
    ['an empty bot display name', (m: SlackManifest) => void (m.features.bot_user.display_name = '')],
    ['a field Slack does not know', (m: SlackManifest) => void Object.assign(m.settings, { sockets: true })],
  ])('rejects %s', (_, change) => {
    expect(SlackManifestSchema.safeParse(withChange(change)).success).toBe(false);
  });
});
