import * as z from 'zod';
import { SLACK_APP } from '#shared/slack-app/definitions';

// Slack's own manifest schema (slackapi/manifest-schema, v1) sets these limits; Slack also requires https for request URLs.
const HttpsUrlSchema = z.url({ protocol: /^https$/ }).max(3000);

export const SlackManifestSchema = z.strictObject({
  _metadata: z.strictObject({ major_version: z.literal(1), minor_version: z.int().nonnegative() }),
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140),
    background_color: z.string().regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/),
    long_description: z.string().min(175).max(4000).optional(),
  }),
  features: z.strictObject({
    bot_user: z.strictObject({ display_name: z.string().min(1).max(80), always_online: z.boolean() }),
    slash_commands: z
      .array(
        z.strictObject({
          command: z.string().min(2).max(32).regex(/^\/[a-z0-9_-]+$/),
          url: HttpsUrlSchema,
          description: z.string().min(1).max(2000),
          usage_hint: z.string().min(1).max(1000).optional(),
          should_escape: z.boolean(),
        }),
      )
      .min(1)
      .max(50),
    app_home: z.strictObject({
      home_tab_enabled: z.boolean(),
      messages_tab_enabled: z.boolean(),
      messages_tab_read_only_enabled: z.boolean(),
    }),
    shortcuts: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(24),
          type: z.enum(['message', 'global']),
          callback_id: z.string().min(1).max(255),
          description: z.string().min(1).max(80),
        }),
      )
      .max(10),
  }),
  oauth_config: z.strictObject({
    redirect_urls: z.array(HttpsUrlSchema).min(1).max(1000),
    scopes: z.strictObject({ bot: z.array(z.string().min(1).max(50)).min(1).max(255) }),
  }),
  settings: z.strictObject({
    event_subscriptions: z.strictObject({ request_url: HttpsUrlSchema, bot_events: z.array(z.string().min(1)).min(1) }),
    interactivity: z.strictObject({ is_enabled: z.literal(true), request_url: HttpsUrlSchema }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.literal(false),
    token_rotation_enabled: z.boolean(),
  }),
});

export type SlackManifest = z.infer<typeof SlackManifestSchema>;

/** Where Slack sends the browser back after an install: beside the request URL, on the same API. */
export const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * Builds the Slack app manifest from `SLACK_APP`, pointing the slash command and interactivity
 * at `requestUrl` (the deployed `/slack/events` URL) and the OAuth redirect at the same host's
 * `/slack/oauth_redirect`. Throws when the result breaks Slack's rules.
 */
export function buildSlackManifest(requestUrl: string): SlackManifest {
  const manifest = {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: SLACK_APP.name,
      description: SLACK_APP.description,
      background_color: SLACK_APP.backgroundColor,
    },
    features: {
      bot_user: { display_name: SLACK_APP.botDisplayName, always_online: true },
      slash_commands: [
        {
          command: SLACK_APP.command.name,
          url: requestUrl,
          description: SLACK_APP.command.description,
          usage_hint: SLACK_APP.command.usageHint,
          // Mentions arrive as <@U…|name>, so owners keep their user ids.
          should_escape: true,
        },
      ],
      // The Home tab is the dashboard; direct messages only carry briefing files.
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      shortcuts: SLACK_APP.shortcuts.map((s) => ({ name: s.name, type: 'message' as const, callback_id: s.callbackId, description: s.description })),
    },
    // A request URL that is no URL is left as is, for the schema below to refuse by name.
    oauth_config: { redirect_urls: [URL.canParse(requestUrl) ? new URL(OAUTH_REDIRECT_PATH, requestUrl).toString() : requestUrl], scopes: { bot: [...SLACK_APP.botScopes] } },
    settings: {
      event_subscriptions: { request_url: requestUrl, bot_events: [...SLACK_APP.botEvents] },
      interactivity: { is_enabled: true, request_url: requestUrl },
      org_deploy_enabled: false,
      // HTTP request URL in the cloud; Socket Mode is only for the local runner's separate app.
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
  const parsed = SlackManifestSchema.safeParse(manifest);
  if (!parsed.success) throw new Error(`Invalid Slack manifest: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
