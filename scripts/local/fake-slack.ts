import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from './loopback-server.ts';
import { readBody } from './read-body.ts';
import { SLACK_APP } from '#shared/slack-app/definitions';

/** One call the fake received: the Web API method (or `response_url:<id>`) and its arguments. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  at: number;
}

/** What a fault injector can make the fake answer instead of the real result. */
export type Fault =
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'server-error'; status: number }
  | { kind: 'slack-error'; error: string }
  | { kind: 'drop-connection' }
  /** Slack did the work (e.g. posted the message) but the answer never arrives: a 5xx, or no answer with no status. */
  | { kind: 'lost-response'; status?: number };

/**
 * A fault for `rate` of calls, drawn from `random`: of those, 40% answer 429, 20% a 5xx that
 * did nothing, 20% a 502 after the work was done, 20% drop the connection after it.
 */
export function mixedFault(random: () => number, rate: number): Fault | undefined {
  const r = random() / rate;
  if (r < 0.4) return { kind: 'rate-limited', retryAfterSeconds: 1 };
  if (r < 0.6) return { kind: 'server-error', status: random() < 0.5 ? 500 : 503 };
  if (r < 0.8) return { kind: 'lost-response', status: 502 };
  if (r < 1) return { kind: 'lost-response' };
  return undefined;
}

/** {@link mixedFault} for every call, counting what it answered by kind: tests assert each kind happened. */
export function countedFaults(random: () => number, rate: number): { fault: (call: SlackCall) => Fault | undefined; answered: Map<string, number> } {
  const answered = new Map<string, number>();
  return {
    answered,
    fault() {
      const fault = mixedFault(random, rate);
      if (fault) answered.set(fault.kind, (answered.get(fault.kind) ?? 0) + 1);
      return fault;
    },
  };
}

export interface FakeSlackOptions {
  /** Decides, per call, whether to answer with a fault; called before the method runs. */
  fault?: (call: SlackCall) => Fault | undefined;
  /** Holds a call's answer until the promise settles: for tests of what runs while Slack is answering. */
  hold?: (call: SlackCall) => Promise<void> | undefined;
  /** Channels that answer chat.postMessage with this error, e.g. `is_archived`. */
  channelErrors?: Record<string, string>;
  /** Enforces Slack's ~1 message per second per channel on chat.postMessage with 429s. */
  perChannelIntervalMs?: number;
  /** The app's OAuth credentials `oauth.v2.access` accepts. */
  oauthClient?: { clientId: string; clientSecret: string };
  /** What its consent page (`GET /oauth/v2/authorize`) grants at once: stands in for a person clicking Allow. */
  consent?: FakeInstallGrant;
  /** What users.info says about particular users; anyone else is a plain member, `null` is unknown. */
  users?: Record<string, Partial<FakeUser> | null>;
  /** The team users.info gives users by default (omitted when unset). */
  teamId?: string;
  /** The user groups usergroups.list answers with, by id. */
  userGroups?: Record<string, { handle: string; users: string[] }>;
  /** Told of each answered Web API or response_url call with what was answered, e.g. to print it. */
  observe?: (call: SlackCall, result: Record<string, unknown>) => void;
}

/** What `oauth.v2.access` hands out for one install code. */
export interface FakeInstallGrant {
  teamId?: string;
  teamName?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  botToken: string;
  botUserId?: string;
  installerUserId?: string;
  /** With token rotation on: the refresh token and the seconds the bot token lives. */
  refreshToken?: string;
  expiresIn?: number;
  /** The bot scopes granted; every one the app asks for unless said. */
  scopes?: readonly string[];
}

/** The users.info fields that decide access. */
export interface FakeUser {
  team_id: string;
  deleted: boolean;
  is_bot: boolean;
  is_admin: boolean;
  is_owner: boolean;
  is_primary_owner: boolean;
  is_restricted: boolean;
  is_ultra_restricted: boolean;
  is_stranger: boolean;
  /** The user's time zone (e.g. `Asia/Tokyo`), which check-ins are timed by. */
  tz: string;
  /** The user's Slack language (`en-US` unless set), given with `include_locale`. */
  locale: string;
  /** Their handle and names, as Slack shows them. */
  name: string;
  real_name: string;
  profile: { display_name: string; real_name: string };
}

/** A file as files.getUploadURLExternal announced it, with the bytes POSTed to its upload URL. */
interface StoredUpload {
  id: string;
  filename: string;
  length: number;
  bytes: Buffer | undefined;
}

/** One files.completeUploadExternal call: where the files were shared, with what comment. */
export interface CompletedUpload {
  channelId: string | undefined;
  initialComment: string | undefined;
  files: { id: string; title: string | undefined }[];
}

interface StoredMessage {
  channel: string;
  ts: string;
  text: unknown;
  blocks: unknown;
  metadata: unknown;
}

type MessageWithMetadata = StoredMessage & { metadata: { event_type: string; event_payload: Record<string, unknown> } };

/**
 * A Slack Web API on loopback: records every call, keeps posted messages so
 * `conversations.history` can return them, serves response_urls, and injects faults.
 */
export class FakeSlack extends LoopbackStandIn {
  readonly calls: SlackCall[] = [];
  readonly messages: StoredMessage[] = [];
  readonly uploads = new Map<string, StoredUpload>();
  readonly completedUploads: CompletedUpload[] = [];
  /** Install codes `oauth.v2.access` accepts, each once, as Slack does. */
  readonly installGrants = new Map<string, FakeInstallGrant>();
  /** Bot tokens handed out, with their install; auth.test answers for them and rotation renews them. */
  private readonly issuedTokens = new Map<string, FakeInstallGrant>();
  private rotations = 0;
  private lastPostAt = new Map<string, number>();
  private tsCounter = 0;

  /** Mutable between calls, so one fake can serve tests with different faults. */
  constructor(readonly options: FakeSlackOptions = {}) {
    super();
  }

  /** The consent page, as `SLACK_AUTHORIZE_URL` wants it. */
  get authorizeUrl(): string {
    return `${this.url}/oauth/v2/authorize`;
  }

  /** Base URL for the Web API, ending in `/api/`, as Bolt's `clientOptions.slackApiUrl` wants it. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url this fake serves; what is POSTed to it is recorded as method `response_url:<id>`. */
  responseUrl(id = 'r1'): string {
    return `${this.url}/response/${id}`;
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }


  /**
   * Files shared by files.completeUploadExternal, in order, with the bytes received at their
   * upload URLs as UTF-8 text.
   */
  uploadedFiles(): { id: string; title: string | undefined; filename: string; content: string; bytes: Buffer; channelId: string | undefined; initialComment: string | undefined }[] {
    return this.completedUploads.flatMap((done) =>
      done.files.map((file) => {
        const upload = this.uploads.get(file.id);
        const bytes = upload?.bytes ?? Buffer.alloc(0);
        return { id: file.id, title: file.title, filename: upload?.filename ?? '', content: bytes.toString('utf8'), bytes, channelId: done.channelId, initialComment: done.initialComment };
      }),
    );
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/upload/')) return this.receiveUpload(req, res, path.slice('/upload/'.length));
    if (path === '/oauth/v2/authorize') return this.consentTo(req, res);
    const body = await readBody(req);
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : `response_url:${path.split('/').pop()}`;
    const call: SlackCall = {
      method,
      args: parseArgs(req.headers['content-type'], body),
      token: (req.headers.authorization ?? '').replace(/^Bearer /, '') || undefined,
      at: Date.now(),
    };
    this.calls.push(call);
    await this.options.hold?.(call);

    const fault = this.options.fault?.(call) ?? this.rateLimit(call);
    if (fault && fault.kind !== 'lost-response') return answerFault(res, fault);
    const result = method.startsWith('response_url:') ? { ok: true } : this.answer(call);
    this.options.observe?.(call, result);
    if (fault?.kind === 'lost-response') {
      return answerFault(res, fault.status ? { kind: 'server-error', status: fault.status } : { kind: 'drop-connection' });
    }
    return json(res, 200, result);
  }

  /** An upload URL: keeps the raw bytes for the file id, as files.slack.com does before completion. */
  private async receiveUpload(req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const call: SlackCall = { method: `upload_url:${fileId}`, args: {}, token: (req.headers.authorization ?? '').replace(/^Bearer /, '') || undefined, at: Date.now() };
    this.calls.push(call);
    const fault = this.options.fault?.(call);
    if (fault) return answerFault(res, fault);
    const upload = this.uploads.get(fileId);
    if (!upload) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('unknown upload');
      return;
    }
    upload.bytes = Buffer.concat(chunks);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${upload.bytes.length}`);
  }

  /** Posted messages whose metadata has this `event_type`, e.g. to count digests per slot. */
  messagesWithMetadata(eventType: string): MessageWithMetadata[] {
    return this.messages.filter((m): m is MessageWithMetadata => (m.metadata as { event_type?: string } | undefined)?.event_type === eventType);
  }

  /** Slack's consent page, answered at once: a code for `consent` and back to the redirect URI with the state. */
  private consentTo(req: IncomingMessage, res: ServerResponse): void {
    const query = new URL(req.url ?? '/', this.url).searchParams;
    const redirect = query.get('redirect_uri');
    if (!this.options.consent || !redirect || query.get('client_id') !== this.options.oauthClient?.clientId) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_client_id or redirect_uri');
      return;
    }
    const code = `code-${this.installGrants.size + 1}-${Date.now()}`;
    this.installGrants.set(code, this.options.consent);
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    back.searchParams.set('state', query.get('state') ?? '');
    res.writeHead(302, { location: back.toString() }).end();
  }

  /** `oauth.v2.access`: a code exchanged once, or with `grant_type=refresh_token` a rotated token. */
  private oauthAccess(args: Record<string, unknown>): Record<string, unknown> {
    const client = this.options.oauthClient;
    if (!client || args['client_id'] !== client.clientId || args['client_secret'] !== client.clientSecret) return { ok: false, error: 'invalid_client_id' };
    if (args['grant_type'] === 'refresh_token') {
      const previous = [...this.issuedTokens.values()].find((g) => g.refreshToken && g.refreshToken === args['refresh_token']);
      if (!previous) return { ok: false, error: 'invalid_refresh_token' };
      const n = ++this.rotations;
      // A rotated token lives Slack's usual 12 hours, whatever the first one did.
      const rotated: FakeInstallGrant = { ...previous, botToken: `${previous.botToken.replace(/-r\d+$/, '')}-r${n}`, refreshToken: `${previous.refreshToken}-r${n}`, expiresIn: 43_200 };
      this.issuedTokens.set(rotated.botToken, rotated);
      return { ok: true, token_type: 'bot', access_token: rotated.botToken, refresh_token: rotated.refreshToken, expires_in: rotated.expiresIn };
    }
    const grant = this.installGrants.get(String(args['code']));
    if (!grant) return { ok: false, error: 'invalid_code' };
    this.installGrants.delete(String(args['code']));
    this.issuedTokens.set(grant.botToken, grant);
    return {
      ok: true,
      app_id: 'A0COMMIT',
      authed_user: { id: grant.installerUserId ?? 'U0INSTALLER' },
      scope: (grant.scopes ?? SLACK_APP.botScopes).join(','),
      token_type: 'bot',
      access_token: grant.botToken,
      bot_user_id: grant.botUserId ?? 'U0BOT',
      team: grant.isEnterpriseInstall ? null : { id: grant.teamId, name: grant.teamName ?? grant.teamId },
      enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: grant.enterpriseId } : null,
      is_enterprise_install: grant.isEnterpriseInstall ?? false,
      ...(grant.refreshToken ? { refresh_token: grant.refreshToken, expires_in: grant.expiresIn ?? 43_200 } : {}),
    };
  }

  private rateLimit(call: SlackCall): Fault | undefined {
    const interval = this.options.perChannelIntervalMs;
    if (!interval || call.method !== 'chat.postMessage') return undefined;
    const channel = String(call.args['channel']);
    const last = this.lastPostAt.get(channel);
    if (last !== undefined && call.at - last < interval) {
      return { kind: 'rate-limited', retryAfterSeconds: Math.ceil((interval - (call.at - last)) / 1000) };
    }
    this.lastPostAt.set(channel, call.at);
    return undefined;
  }

  private answer(call: SlackCall): Record<string, unknown> {
    const channel = String(call.args['channel'] ?? '');
    switch (call.method) {
      case 'users.info': {
        const id = String(call.args['user'] ?? '');
        const configured = this.options.users?.[id];
        if (configured === null || !/^[UW][A-Z0-9]+$/.test(id)) return { ok: false, error: 'user_not_found' };
        const flags = { deleted: false, is_bot: false, is_admin: false, is_owner: false, is_primary_owner: false, is_restricted: false, is_ultra_restricted: false };
        // Slack gives the locale only when asked for it.
        const { locale = 'en-US', ...user } = configured ?? {};
        const language = isTrue(call.args['include_locale']) ? { locale } : {};
        return { ok: true, user: { id, name: id.toLowerCase(), ...(this.options.teamId ? { team_id: this.options.teamId } : {}), ...flags, ...user, ...language } };
      }
      case 'usergroups.list': {
        const withUsers = isTrue(call.args['include_users']);
        const usergroups = Object.entries(this.options.userGroups ?? {}).map(([id, group]) => ({ id, handle: group.handle, name: group.handle, ...(withUsers ? { users: group.users } : {}) }));
        return { ok: true, usergroups };
      }
      case 'usergroups.users.list': {
        const group = this.options.userGroups?.[String(call.args['usergroup'] ?? '')];
        return group ? { ok: true, users: group.users } : { ok: false, error: 'no_such_subteam' };
      }
      case 'auth.test': {
        const grant = call.token ? this.issuedTokens.get(call.token) : undefined;
        if (grant) return { ok: true, team_id: grant.teamId, enterprise_id: grant.enterpriseId, user_id: grant.botUserId ?? 'U0BOT', bot_id: `B${grant.botToken.slice(-6).toUpperCase()}` };
        return { ok: true, team_id: 'T0LOCAL', user_id: 'U0BOT', bot_id: 'B0BOT' };
      }
      case 'oauth.v2.access':
        return this.oauthAccess(call.args);
      case 'chat.postMessage': {
        const error = this.options.channelErrors?.[channel];
        if (error) return { ok: false, error };
        const message: StoredMessage = {
          channel,
          ts: `${Math.floor(call.at / 1000)}.${String(++this.tsCounter).padStart(6, '0')}`,
          text: call.args['text'],
          blocks: call.args['blocks'],
          metadata: call.args['metadata'],
        };
        this.messages.push(message);
        return { ok: true, channel, ts: message.ts, message };
      }
      case 'chat.update': {
        // Like Slack, a later read of the conversation shows the message as updated.
        const stored = this.messages.find((m) => m.channel === channel && m.ts === call.args['ts']);
        if (stored) Object.assign(stored, { text: call.args['text'], blocks: call.args['blocks'] });
        return { ok: true, channel, ts: call.args['ts'] ?? `${Date.now() / 1000}` };
      }
      case 'chat.postEphemeral':
        return { ok: true, channel, ts: call.args['ts'] ?? `${Date.now() / 1000}` };
      case 'chat.getPermalink':
        return { ok: true, channel, permalink: `https://test.slack.com/archives/${channel}/p${String(call.args['message_ts']).replace('.', '')}` };
      case 'conversations.history':
        return {
          ok: true,
          messages: this.messages
            .filter((m) => m.channel === channel)
            .reverse()
            // Like Slack, metadata comes back only when asked for with include_all_metadata.
            .map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}), ...(m.metadata && isTrue(call.args['include_all_metadata']) ? { metadata: m.metadata } : {}) })),
          has_more: false,
        };
      case 'conversations.open': {
        const users = String(call.args['users'] ?? '');
        if (!/^[UW][A-Z0-9]+$/.test(users)) return { ok: false, error: 'user_not_found' };
        return { ok: true, channel: { id: `D${users.slice(1)}` } };
      }
      case 'files.getUploadURLExternal': {
        const filename = call.args['filename'];
        const length = Number(call.args['length']);
        if (typeof filename !== 'string' || !filename) return { ok: false, error: 'invalid_arguments' };
        if (!Number.isInteger(length) || length < 1) return { ok: false, error: 'invalid_arguments' };
        const id = `F${String(this.uploads.size + 1).padStart(8, '0')}`;
        this.uploads.set(id, { id, filename, length, bytes: undefined });
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = call.args['files'];
        if (!Array.isArray(files) || files.length === 0) return { ok: false, error: 'invalid_arguments' };
        const listed = files as { id?: string; title?: string }[];
        for (const file of listed) {
          const upload = file.id ? this.uploads.get(file.id) : undefined;
          // Like Slack: a file whose bytes never arrived (or differ in length from what was announced) cannot be completed.
          if (!upload?.bytes || upload.bytes.length !== upload.length) return { ok: false, error: 'file_not_found' };
        }
        const channelId = call.args['channel_id'] === undefined ? undefined : String(call.args['channel_id']);
        const initialComment = call.args['initial_comment'] === undefined ? undefined : String(call.args['initial_comment']);
        this.completedUploads.push({ channelId, initialComment, files: listed.map((f) => ({ id: f.id!, title: f.title })) });
        return { ok: true, files: listed.map((f) => ({ id: f.id, title: f.title })) };
      }
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: 'V0FAKE', ...(parseMaybeJson(call.args['view']) as object) } };
      default:
        return { ok: true };
    }
  }
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** Slack's Web API client sends form bodies with JSON-encoded values; response_url gets JSON. */
function parseArgs(contentType: string | undefined, body: string): Record<string, unknown> {
  if (!body) return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) args[key] = parseMaybeJson(value);
  return args;
}

function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== 'string' || !/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function answerFault(res: ServerResponse, fault: Fault): void {
  switch (fault.kind) {
    case 'rate-limited':
      res.writeHead(429, { 'retry-after': String(fault.retryAfterSeconds), 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    case 'server-error':
      res.writeHead(fault.status, { 'content-type': 'text/plain' });
      res.end('upstream trouble');
      return;
    case 'slack-error':
      return json(res, 200, { ok: false, error: fault.error });
    case 'drop-connection':
    case 'lost-response':
      res.socket?.destroy();
      return;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
