import type { webApi } from '@slack/bolt';
import { sendHttp, type HttpResponse, type HttpSend } from '#shared/http';
import { countSlackRateLimited } from '#shared/observe/metrics';

/**
 * The Web API methods the bot calls over plain HTTP, one attempt per call, every outcome a
 * value. Retrying is the sweep's business, because whether a failed post may be repeated
 * depends on what it can prove about the channel (see `deliver.ts`).
 * (WebClient would bring axios, p-queue and its own retries into the cold start.)
 */

/** Each method's arguments and answer, as the Slack SDK types them. */
export interface SlackMethods {
  'chat.postMessage': { args: webApi.ChatPostMessageArguments; body: webApi.ChatPostMessageResponse };
  'chat.update': { args: webApi.ChatUpdateArguments; body: webApi.ChatUpdateResponse };
  'conversations.history': { args: webApi.ConversationsHistoryArguments; body: webApi.ConversationsHistoryResponse };
  'conversations.open': { args: webApi.ConversationsOpenArguments; body: webApi.ConversationsOpenResponse };
  'files.getUploadURLExternal': { args: webApi.FilesGetUploadURLExternalArguments; body: webApi.FilesGetUploadURLExternalResponse };
  'files.completeUploadExternal': { args: webApi.FilesCompleteUploadExternalArguments; body: webApi.FilesCompleteUploadExternalResponse };
  'users.info': { args: webApi.UsersInfoArguments; body: webApi.UsersInfoResponse };
  'usergroups.list': { args: NonNullable<webApi.UsergroupsListArguments>; body: webApi.UsergroupsListResponse };
  'views.publish': { args: webApi.ViewsPublishArguments; body: webApi.ViewsPublishResponse };
}

export type SlackMethod = keyof SlackMethods;

export type SlackReply<Body = webApi.WebAPICallResult> =
  | { kind: 'ok'; body: Body }
  /** Slack refused the call (`ok: false`); repeating it will not help. */
  | { kind: 'error'; error: string }
  /** 429: not processed; try again after this long. */
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** 5xx, a dropped connection or a timeout: the call may or may not have been processed. `reason` as the logs say it. */
  | { kind: 'unavailable'; reason: string; trouble: SlackTrouble };

/** What kept an `unavailable` call from an answer, for telling people in their language. */
export type SlackTrouble = 'timeout' | 'unreachable' | 'server' | 'unreadable';

export interface SlackWeb {
  call<M extends SlackMethod>(method: M, args: SlackMethods[M]['args'], options?: { timeoutMs?: number }): Promise<SlackReply<SlackMethods[M]['body']>>;
}

/** `ok: false` errors that mean "Slack had trouble", not "your request is wrong". */
const TRANSIENT_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export function createSlackWeb(options: {
  apiUrl: string;
  token: string;
  /** Milliseconds per unit of `Retry-After` (1,000; tests shrink it to stay fast). */
  retryAfterUnitMs?: number;
  http?: HttpSend;
}): SlackWeb {
  const { apiUrl, token } = options;
  const unit = options.retryAfterUnitMs ?? 1000;
  const send = options.http ?? sendHttp;
  return {
    async call<M extends SlackMethod>(method: M, args: SlackMethods[M]['args'], { timeoutMs = 10_000 } = {}): Promise<SlackReply<SlackMethods[M]['body']>> {
      // Form bodies with JSON-encoded values: every method accepts them, reads included.
      const body = new URLSearchParams();
      for (const [key, value] of Object.entries(args)) {
        if (value !== undefined) body.set(key, typeof value === 'string' ? value : JSON.stringify(value));
      }
      let response: HttpResponse;
      try {
        response = await send(`${apiUrl}${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
          body,
          signal: AbortSignal.timeout(Math.max(1, timeoutMs)),
        });
      } catch (error) {
        return (error as Error).name === 'TimeoutError'
          ? { kind: 'unavailable', reason: 'timeout', trouble: 'timeout' }
          : { kind: 'unavailable', reason: `network: ${(error as Error).message}`, trouble: 'unreachable' };
      }
      if (response.status === 429) {
        countSlackRateLimited(method);
        await response.body?.cancel();
        const seconds = Number(response.headers.get('retry-after'));
        return { kind: 'rate-limited', retryAfterMs: (Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * unit };
      }
      if (response.status >= 500) {
        await response.body?.cancel();
        return { kind: 'unavailable', reason: `http ${response.status}`, trouble: 'server' };
      }
      let json: SlackMethods[M]['body'];
      try {
        json = (await response.json()) as SlackMethods[M]['body'];
      } catch (error) {
        return { kind: 'unavailable', reason: `unreadable answer: ${(error as Error).message}`, trouble: 'unreadable' };
      }
      if (json.ok === true) return { kind: 'ok', body: json };
      const error = String(json.error ?? `http ${response.status}`);
      if (error === 'ratelimited') {
        countSlackRateLimited(method);
        return { kind: 'rate-limited', retryAfterMs: unit };
      }
      if (TRANSIENT_ERRORS.has(error)) return { kind: 'unavailable', reason: error, trouble: 'server' };
      return { kind: 'error', error };
    },
  };
}
