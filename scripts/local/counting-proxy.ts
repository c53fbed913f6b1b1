import { request } from 'node:http';
import { startLoopbackServer } from './loopback-server.ts';

/**
 * A loopback HTTP proxy in front of DynamoDB Local that counts requests by `X-Amz-Target`
 * (`Query`, `GetItem`, …) and the bytes DynamoDB answered them with (what was read, whatever the
 * number of requests). It sees what any client sends, bundled or not.
 */
export interface CountingProxy {
  endpoint: string;
  counts: Map<string, number>;
  snapshot(): Record<string, number>;
  /** The bytes of every answer's body since the last reset. */
  bytes(): number;
  /**
   * Round trips in a row since the last reset: requests that found none other under way. Requests
   * sent side by side count once, so this is what a caller waits for, whatever the number of requests.
   */
  rounds(): number;
  reset(): void;
  stop(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const counts = new Map<string, number>();
  let bytes = 0;
  let rounds = 0;
  let underway = 0;
  const { url, stop } = await startLoopbackServer((req, res) => {
    if (underway === 0) rounds += 1;
    underway += 1;
    res.once('close', () => (underway -= 1));
    const op = String(req.headers['x-amz-target'] ?? 'unknown').split('.').pop() ?? 'unknown';
    counts.set(op, (counts.get(op) ?? 0) + 1);
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  return {
    endpoint: url,
    counts,
    snapshot: () => Object.fromEntries([...counts].sort()),
    bytes: () => bytes,
    rounds: () => rounds,
    reset: () => {
      counts.clear();
      bytes = 0;
      rounds = 0;
    },
    stop,
  };
}
