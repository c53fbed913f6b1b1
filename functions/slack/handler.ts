import { App, AwsLambdaReceiver, LogLevel } from '@slack/bolt';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { loadConfig, type SlackSecret } from '#shared/config';
import { createLogger } from '#shared/observe/log';
import { countHandledError, countRefusedRequest, type RefusalReason } from '#shared/observe/metrics';
import { observeInvocation } from '#shared/observe/invocation';
import { loadTracer } from '#shared/observe/tracer';
import { SIGNATURE_REFUSED, SIGNATURE_WINDOW_SECONDS, verifyWithFreshSecret, type SignatureRefusal } from '#shared/slack/verify';
import { PARSED_COMMAND_KEY, readSlashCommand, writingTeam, type ParsedSlashCommand } from '#shared/commands/replay';
import { AlreadyExistsError, ConfigError } from '#shared/errors';
import { loadTimeZoneData } from '#shared/dates/flags';
import { registerListeners } from './listeners.ts';
import { createListenerDeps } from './deps.ts';
import { createOAuthRoutes } from './oauth-routes.ts';
import { appRateLimited, namesNoWorkspace, notInstalledAnswer, serveEventOnce, teamOf } from './multi-workspace.ts';
import { AfterAnswerEventSchema, type AfterAnswerEvent } from '#shared/domain/after-answer';
import { AFTER_ANSWER_KEY, answeringWith, JobBatch } from './after-answer.ts';
import { LOOKUP_WAIT_MS } from '#shared/use-cases/access';

type ReceiverHandler = ReturnType<AwsLambdaReceiver['toHandler']>;

const config = loadConfig();
const service = config.serviceName ?? 'commitments-slack';
const log = createLogger(service, config.logLevel);
const deps = createListenerDeps(config, log);

let zoneData: NodeJS.Immediate | undefined;

/** Each request's slash command, parsed once for the replay guard and handed to the listener in Bolt's context. */
const parsedCommands = new WeakMap<object, ParsedSlashCommand>();
/** Each request's jobs for after its answer, handed to its listeners in Bolt's context. */
const jobBatches = new WeakMap<object, JobBatch>();

/** Built on the first request, once the secrets are known; no network call at cold start. */
type OAuthRoutes = ReturnType<typeof createOAuthRoutes>;
type Built = { serve: ReceiverHandler; oauth: OAuthRoutes | undefined };
let built: { key: string; app: Promise<Built> } | undefined;

/** The app for the current secrets: built again only when the mode or the app's OAuth credentials change. */
async function ready(): Promise<Built> {
  const secret = await config.slackSecret();
  const key = secret.mode === 'single' ? 'single' : JSON.stringify(secret.oauth);
  if (built?.key !== key) {
    const app = build(secret);
    built = { key, app };
    app.catch(() => {
      if (built?.app === app) built = undefined;
    });
  }
  return built.app;
}

async function build(secret: SlackSecret): Promise<Built> {
  const receiver = new AwsLambdaReceiver({
    // Unused: verification is off, and the handler checks each request with the current secret.
    signingSecret: secret.signingSecret,
    // Checked below, both ways in time and against replays, before Bolt sees the request.
    signatureVerification: false,
    logLevel: LogLevel.WARN,
    customPropertiesExtractor: (event) => {
      const command = parsedCommands.get(event);
      return { ...(command ? { [PARSED_COMMAND_KEY]: command } : {}), [AFTER_ANSWER_KEY]: jobBatches.get(event) };
    },
  });
  const app = new App({
    receiver,
    // A token from config or the install store means no auth.test round trip inside Slack's 3 seconds.
    authorize:
      secret.mode === 'single'
        ? async () => ({ botToken: await configuredBotToken() })
        : async (source) => {
            const bot = await deps.tokens.find(source);
            if (!bot) throw new Error(`the app is not installed for team ${source.teamId ?? source.enterpriseId}`);
            // The handle, not the token: it is opened (a KMS call) only if a listener calls Slack.
            return { botToken: bot.handle, botId: bot.botId, botUserId: bot.botUserId, teamId: bot.teamId, enterpriseId: bot.enterpriseId };
          },
    processBeforeResponse: true,
    // The error handler is told which request failed (see registerListeners).
    extendedErrorHandler: true,
    ignoreSelf: false,
    // A rotated bot token that Slack refuses is read again and the call repeated once.
    clientOptions: { slackApiUrl: config.slackApiUrl, fetch: deps.slackFetch },
    logLevel: LogLevel.WARN,
  });
  registerListeners(app, deps);
  const oauth = secret.mode === 'multi' ? createOAuthRoutes({ deps, oauth: secret.oauth, slackApiUrl: config.slackApiUrl, slackAuthorizeUrl: config.slackAuthorizeUrl, publicUrl: publicUrl(), docsUrl: config.docsUrl, region: config.region, log }) : undefined;
  return { serve: receiver.toHandler(), oauth };
}

/** Where the install sends browsers back: configured, since a request's own Host can be forged. */
function publicUrl(): string {
  if (!config.publicUrl) throw new ConfigError('Configuration: PUBLIC_URL (this deployment\'s address) is needed to install the app through OAuth');
  return config.publicUrl;
}

/** The bot token as the secret says now (cached for its max age), not as it was when the app was built. */
async function configuredBotToken(): Promise<string> {
  const sending = await config.sending();
  if (sending.mode !== 'single') throw new Error('the bot token secret no longer holds a bot token');
  return sending.botToken;
}

/** An API Gateway HTTP API (payload 2.0) or Function URL request from Slack. */
export function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2>;
/** A job this function handed itself after answering a request (an asynchronous invocation, never HTTP). */
export function handler(event: AfterAnswerEvent, context: Context): Promise<void>;
export async function handler(event: APIGatewayProxyEventV2 | AfterAnswerEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2 | void> {
  // Only a direct invocation has no request context.
  const request = 'requestContext' in event;
  // The tracer loads beside a job, which no one waits for, and after a request's answer, which the first one on a container would otherwise wait for.
  if (!request) void loadTracer();
  try {
    return await observeInvocation<APIGatewayProxyStructuredResultV2 | void>(log, service, context, () =>
      // A job must parse, or it fails (and is retried, then kept).
      request ? answer(event, context) : deps.afterAnswer.run(AfterAnswerEventSchema.parse(event).job),
    );
  } finally {
    // On the next turn of the event loop: Lambda sends the answer from the promise's callbacks, before the tracer's code is read and compiled.
    setImmediate(() => void loadTracer());
  }
}

async function answer(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
  // Slack's lookups share one wait, counted from here: the answer is due within 1.5 s whatever it asks.
  const lookupsUntil = performance.now() + LOOKUP_WAIT_MS;
  // Runs once the first request waits on the network (DynamoDB, Slack), instead of before it: two
  // turns of the event loop, since on the first the first read's bytes are not yet on the socket.
  zoneData ??= setImmediate(() => setImmediate(loadTimeZoneData));
  const { serve, oauth } = await ready();
  if (event.requestContext.http.method === 'GET') return (await oauth?.serve(event)) ?? notFound();
  const rawBody = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  const signature = headerOf(event, 'x-slack-signature');
  const timestamp = headerOf(event, 'x-slack-request-timestamp');
  // A mismatch is checked once more with a fresh read of the secret (at most one read per 30 s): it may have been rotated.
  const refused = await verifyWithFreshSecret({ signature, timestamp, rawBody }, (read) => config.signingSecret(read), new Date());
  if (refused) return unauthorized(refused, signatureRefusal(refused));
  const limited = appRateLimited(rawBody);
  if (limited) {
    // That minute's events are lost: records catch up by their age (a day, an hour to manage); the alarm tells the operator.
    log.error('Slack drops the app\'s events for the rest of a minute (app_rate_limited)', limited);
    countHandledError(Object.assign(new Error('app_rate_limited'), { code: 'app_rate_limited' }));
    return { statusCode: 200, body: '' };
  }
  // Every key starts with the team: without one nothing can be read or written.
  if (namesNoWorkspace(rawBody)) return badRequest('the request names no workspace (team_id is empty)');
  const team = teamOf(rawBody);
  if (team) log.appendKeys({ team });
  if (oauth) {
    const notInstalled = await notInstalledAnswer(deps, rawBody, oauth.installUrl);
    if (notInstalled) {
      countRefusedRequest('not_installed');
      return notInstalled;
    }
  }
  const command = readSlashCommand(rawBody);
  if (await isReplay(rawBody, command, signature!, Number(timestamp))) return unauthorized('request already handled (replay)', 'replay');
  if (command) parsedCommands.set(event, command);
  const jobs = new JobBatch(lookupsUntil);
  jobBatches.set(event, jobs);
  const result = await answeringWith(jobs, () => serveEventOnce(deps, rawBody, () => serve(event, context)));
  await deps.afterAnswer.dispatch(jobs);
  return result;
}

/**
 * Claims the signature of a request that may write, once, for as long as its timestamp stays
 * inside Slack's window: the same signed request sent again is then refused before it runs.
 * Requests that only read are not claimed; answering them twice changes nothing.
 */
async function isReplay(rawBody: string, command: ParsedSlashCommand | undefined, signature: string, timestamp: number): Promise<boolean> {
  const team = writingTeam(rawBody, command);
  if (!team) return false;
  try {
    await deps.store.claimRequest(team, signature, new Date((timestamp + SIGNATURE_WINDOW_SECONDS + 60) * 1000));
    return false;
  } catch (error) {
    if (error instanceof AlreadyExistsError) return true;
    throw error;
  }
}

function unauthorized(message: string, reason: RefusalReason): APIGatewayProxyStructuredResultV2 {
  log.warn('refused request', { reason: message });
  countRefusedRequest(reason);
  return { statusCode: 401, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: message }) };
}

/** A wrong signing secret shows as `signature` alone; a burst of those is what the alarm watches. */
function signatureRefusal(refused: SignatureRefusal): RefusalReason {
  if (refused === SIGNATURE_REFUSED.mismatch) return 'signature';
  return refused === SIGNATURE_REFUSED.stale ? 'stale' : 'malformed';
}

function badRequest(message: string): APIGatewayProxyStructuredResultV2 {
  log.warn('refused request', { reason: message });
  countRefusedRequest('no_team');
  return { statusCode: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: message }) };
}

function notFound(): APIGatewayProxyStructuredResultV2 {
  return { statusCode: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
}

function headerOf(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const headers = event.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? headers[key] : undefined;
}
