import { createHmac, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** The API Gateway HTTP API (payload 2.0) event Slack requests arrive as. */
export type HttpApiEvent = APIGatewayProxyEventV2 & { headers: Record<string, string>; body: string };

export interface SignOptions {
  secret?: string;
  /** Seconds since the epoch written into the signature base string. */
  timestamp?: number;
  base64?: boolean;
}

/** Signs `body` with Slack's v0 scheme and wraps it exactly as API Gateway hands it to Lambda. */
export function signedEvent(body: string, options: SignOptions & { contentType?: string } = {}): HttpApiEvent {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? TEST_SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: 'POST /slack/events',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      host: 'abc123.execute-api.ap-northeast-1.amazonaws.com',
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'https',
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-northeast-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: 'POST', path: '/slack/events', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'Slackbot 1.0' },
      requestId: `req-${now}-${Math.random().toString(36).slice(2)}`,
      routeKey: 'POST /slack/events',
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    body: options.base64 ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: options.base64 ?? false,
  };
}

export interface CommandOptions extends SignOptions {
  teamId?: string;
  userId?: string;
  channelId?: string;
  responseUrl?: string;
  triggerId?: string;
}

/** A `/commitments <text>` slash command as Slack sends it. */
export function commandEvent(text: string, options: CommandOptions = {}): HttpApiEvent {
  const body = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: options.teamId ?? 'T0TEST',
    team_domain: 'test',
    channel_id: options.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: options.userId ?? 'U0ALICE',
    user_name: 'alice',
    command: '/commitments',
    text,
    api_app_id: 'A0COMMIT',
    is_enterprise_install: 'false',
    response_url: options.responseUrl ?? 'http://127.0.0.1:9/response/unused',
    trigger_id: options.triggerId ?? `${Date.now()}.trigger`,
  }).toString();
  return signedEvent(body, options);
}

/** An interactivity payload (block action or view submission) as Slack sends it. */
export function interactionEvent(payload: Record<string, unknown>, options: SignOptions = {}): HttpApiEvent {
  return signedEvent(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), options);
}

/** A modal submission's payload as Slack sends it, with `values` as the view's `state.values`. */
export function viewSubmission(teamId: string, callbackId: string, privateMetadata: string, values: Record<string, unknown>, userId = 'U0ALICE') {
  return {
    type: 'view_submission',
    team: { id: teamId, domain: 'test' },
    user: { id: userId, team_id: teamId },
    api_app_id: 'A0COMMIT',
    trigger_id: 'trigger-view',
    view: { id: 'V0FAKE', type: 'modal', callback_id: callbackId, private_metadata: privateMetadata, state: { values }, hash: 'h' },
  };
}

/** Where an interaction happened and who did it; tests vary only what they need. */
export interface PayloadOptions {
  userId?: string;
  channelId?: string;
  channelName?: string;
}

/** A button press on a message (a report or an item), as Slack sends it. */
export function blockAction(teamId: string, actionId: string, value: string, responseUrl: string, blocks: unknown[] = [], options: PayloadOptions = {}) {
  const { userId = 'U0ALICE', channelId = 'C0GENERAL', channelName = 'general' } = options;
  return {
    type: 'block_actions',
    team: { id: teamId, domain: 'test' },
    user: { id: userId, team_id: teamId },
    api_app_id: 'A0COMMIT',
    trigger_id: `trigger-${actionId}`,
    response_url: responseUrl,
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: channelId, is_ephemeral: true },
    channel: { id: channelId, name: channelName },
    message: { type: 'message', ts: '1700000000.000100', text: 'report', blocks },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'x' } }],
  };
}

/** A message shortcut (the "More actions" menu) used on a message with `text`, as Slack sends it. */
export function messageShortcut(teamId: string, callbackId: string, text: string, responseUrl: string, options: PayloadOptions = {}) {
  const { userId = 'U0ALICE', channelId = 'C0GENERAL', channelName = 'general' } = options;
  return {
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: `trigger-${callbackId}`,
    team: { id: teamId, domain: 'test' },
    user: { id: userId, team_id: teamId },
    channel: { id: channelId, name: channelName },
    message_ts: '1773277200.000100',
    response_url: responseUrl,
    message: { type: 'message', user: 'U0BOB', ts: '1773277200.000100', text },
  };
}

/** An Events API callback (e.g. app_home_opened) as Slack sends it: JSON, signed the same way. */
export function eventCallback(teamId: string, event: Record<string, unknown>, options: SignOptions & { eventId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean } = {}): HttpApiEvent {
  const enterprise = options.enterpriseId ?? null;
  const orgWide = options.isEnterpriseInstall ?? false;
  const body = JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: 'A0COMMIT',
    event,
    type: 'event_callback',
    ...(enterprise ? { enterprise_id: enterprise } : {}),
    is_enterprise_install: orgWide,
    // Unique per delivery, as Slack's are, so frozen clocks do not make two events one.
    event_id: options.eventId ?? `Ev${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: enterprise, team_id: orgWide ? null : teamId, user_id: 'U0BOT', is_bot: true, is_enterprise_install: orgWide }],
  });
  return signedEvent(body, { ...options, contentType: 'application/json' });
}

/**
 * A browser's GET as API Gateway hands it to Lambda: the query string raw, and the Cookie
 * header moved into `cookies` (payload 2.0), one `name=value` per entry.
 */
export function browserGet(path: string, options: { query?: Record<string, string>; cookies?: string[]; host?: string } = {}): HttpApiEvent {
  const host = options.host ?? 'abc123.execute-api.ap-northeast-1.amazonaws.com';
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: `GET ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    ...(options.cookies?.length ? { cookies: options.cookies } : {}),
    headers: { host, 'user-agent': 'Mozilla/5.0', accept: 'text/html', 'x-forwarded-proto': 'https', 'x-forwarded-for': '127.0.0.1' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: host,
      domainPrefix: 'abc123',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'Mozilla/5.0' },
      requestId: `req-${now}-${Math.random().toString(36).slice(2)}`,
      routeKey: `GET ${path}`,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    body: '',
    isBase64Encoded: false,
  };
}
