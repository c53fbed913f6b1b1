import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * The few HTTP calls the bot makes to Slack, over `node:http(s)`: the AWS SDK has loaded those
 * already, while the first global `fetch` of a process loads undici and its WebAssembly parser,
 * which cost more than the rest of a cold start's first answer. The shapes are the part of
 * fetch's the bot reads, so `fetch` itself (or a recording wrapper) fits where tests pass one.
 */
export interface HttpInit {
  method: 'POST';
  headers: Record<string, string>;
  body: string | URLSearchParams | Uint8Array;
  signal: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  readonly body: { cancel(): Promise<void> } | null;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export type HttpSend = (url: string, init: HttpInit) => Promise<HttpResponse>;

/** One request; a timeout or abort rejects with the signal's reason (a `TimeoutError` for `AbortSignal.timeout`). */
export const sendHttp: HttpSend = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const body = init.body instanceof Uint8Array ? init.body : Buffer.from(init.body.toString(), 'utf8');
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(target, { method: init.method, headers: { ...init.headers, 'content-length': String(body.byteLength) }, signal: init.signal }, (response) =>
      resolve(answerOf(response, init.signal)),
    );
    request.once('error', (error) => reject(init.signal.aborted ? init.signal.reason : error));
    request.end(body);
  });

function answerOf(response: IncomingMessage, signal: AbortSignal): HttpResponse {
  const status = response.statusCode ?? 0;
  const text = async (): Promise<string> => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of response) chunks.push(chunk as Buffer);
    } catch (error) {
      throw signal.aborted ? signal.reason : error;
    }
    return Buffer.concat(chunks).toString('utf8');
  };
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get(name) {
        const value = response.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    body: {
      // Drains what is left, so the keep-alive socket goes back to the pool.
      cancel: async () => void response.resume(),
    },
    text,
    json: async () => JSON.parse(await text()) as unknown,
  };
}
