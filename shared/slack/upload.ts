import { AppError } from '#shared/errors';
import { sendHttp, type HttpResponse, type HttpSend } from '#shared/http';
import { createSlackWeb, type SlackMethod, type SlackMethods, type SlackReply } from '#shared/slack/web-api';

/**
 * Slack's file upload flow (what the SDKs call `files.uploadV2`) over plain HTTP:
 * `files.getUploadURLExternal` per file, the bytes POSTed to the URL it gives, then one
 * `files.completeUploadExternal` that shares them all in one message.
 */

/** Where the Web API is and how to call it; `apiUrl` ends in `/api/` (configurable for GovSlack and tests). */
export interface SlackApi {
  apiUrl: string;
  token: string;
  http?: HttpSend;
}

export interface FileToUpload {
  filename: string;
  /** Shown in Slack above the file; the filename when absent. */
  title?: string;
  content: string | Uint8Array;
}

export interface UploadOptions {
  files: readonly FileToUpload[];
  /** Shares the files in this channel. */
  channelId?: string;
  /** Shares the files in a direct message from the bot to this user (when no `channelId` is given). */
  userId?: string;
  /** The message posted with the files. */
  initialComment?: string;
}

export interface UploadedFile {
  id: string;
  title: string;
}

export interface UploadResult {
  /** The channel the files were shared in; undefined when they were uploaded but not shared. */
  channelId: string | undefined;
  files: UploadedFile[];
}

/** A Web API call (or the upload POST) that failed; `error` is Slack's own error string, e.g. `not_authed`. */
export class SlackApiError extends AppError {
  readonly method: string;
  readonly error: string;

  constructor(method: string, error: string, options?: { cause?: unknown }) {
    super('slack', `Slack answered ${method} with ${error}.`, options);
    this.method = method;
    this.error = error;
  }
}

/** Milliseconds each upload step may take. */
const STEP_TIMEOUT_MS = 10_000;

/**
 * Uploads files and shares them, in steps:
 * 1. opens the DM with `userId` (`conversations.open`) when there is no `channelId`;
 * 2. asks for an upload URL per file (`files.getUploadURLExternal`, with the length in bytes);
 * 3. POSTs each file's bytes to its URL;
 * 4. completes all files in one `files.completeUploadExternal`, shared in the channel with the comment.
 * Any refusal is a SlackApiError; nothing is retried (a retry after step 4 could share twice).
 */
export async function uploadFiles(slack: SlackApi, options: UploadOptions): Promise<UploadResult> {
  const web = createSlackWeb({ apiUrl: slack.apiUrl, token: slack.token, ...(slack.http ? { http: slack.http } : {}) });
  const send = slack.http ?? sendHttp;
  const call = async <M extends SlackMethod>(method: M, args: SlackMethods[M]['args']): Promise<SlackMethods[M]['body']> =>
    bodyOf(method, await web.call(method, args, { timeoutMs: STEP_TIMEOUT_MS }));

  const channelId = options.channelId ?? (options.userId ? await openDirectMessage(slack, options.userId) : undefined);
  const files = options.files.map((file) => ({ ...file, bytes: typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content }));

  const ids = await Promise.all(
    files.map(async (file) => {
      const body = await call('files.getUploadURLExternal', { filename: file.filename, length: file.bytes.byteLength });
      const uploadUrl = body.upload_url;
      const fileId = body.file_id;
      if (typeof uploadUrl !== 'string' || typeof fileId !== 'string') throw new SlackApiError('files.getUploadURLExternal', 'missing upload_url or file_id');
      await postBytes(send, uploadUrl, file.bytes);
      return fileId;
    }),
  );

  const uploaded = files.map((file, i) => ({ id: ids[i]!, title: file.title ?? file.filename }));
  const [first, ...rest] = uploaded;
  // Slack completes one or more files; with none there is nothing to share.
  if (!first) return { channelId, files: [] };
  await call('files.completeUploadExternal', {
    files: [first, ...rest],
    ...(channelId ? { channel_id: channelId } : {}),
    ...(channelId && options.initialComment ? { initial_comment: options.initialComment } : {}),
  });
  return { channelId, files: uploaded };
}

/** Uploads one file; see `uploadFiles`. */
export async function uploadFile(slack: SlackApi, options: Omit<UploadOptions, 'files'> & { file: FileToUpload }): Promise<UploadResult> {
  const { file, ...rest } = options;
  return uploadFiles(slack, { ...rest, files: [file] });
}

/** The id of the bot's direct message channel with `userId` (`conversations.open`, scope `im:write`). */
export async function openDirectMessage(slack: SlackApi, userId: string): Promise<string> {
  const web = createSlackWeb({ apiUrl: slack.apiUrl, token: slack.token, ...(slack.http ? { http: slack.http } : {}) });
  const body = bodyOf('conversations.open', await web.call('conversations.open', { users: userId }, { timeoutMs: STEP_TIMEOUT_MS }));
  const id = body.channel?.id;
  if (typeof id !== 'string') throw new SlackApiError('conversations.open', 'missing channel id');
  return id;
}

function bodyOf<Body>(method: string, reply: SlackReply<Body>): Body {
  switch (reply.kind) {
    case 'ok':
      return reply.body;
    case 'error':
      return fail(method, reply.error);
    case 'rate-limited':
      return fail(method, 'ratelimited');
    case 'unavailable':
      return fail(method, reply.reason);
  }
}

function fail(method: string, error: string): never {
  throw new SlackApiError(method, error);
}

/** Step 2: the raw bytes, as the SDKs send them; the URL is pre-signed, so no token goes with them. */
async function postBytes(send: HttpSend, url: string, bytes: Uint8Array): Promise<void> {
  let response: HttpResponse;
  try {
    response = await send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
      signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
    });
  } catch (error) {
    throw new SlackApiError('file upload', (error as Error).name === 'TimeoutError' ? 'timeout' : 'network error', { cause: error });
  }
  await response.body?.cancel();
  if (response.status !== 200) throw new SlackApiError('file upload', `http ${response.status}`);
}
