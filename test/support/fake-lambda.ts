import { afterAll, beforeAll } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '#local/loopback-server';
import { readBody } from '#local/read-body';

/** One call to the Invoke API, as the fake received it. */
export interface Invocation {
  functionName: string;
  invocationType: string | undefined;
  payload: unknown;
  /** How the run it started ended: undefined while it runs. */
  outcome?: 'ok' | 'failed';
}

/**
 * The Lambda Invoke API on loopback: an `Event` invocation is answered 202 at once and queued,
 * as Lambda queues it; `runQueued` then hands each payload to `run`. Anything else is refused.
 */
export class FakeLambda {
  readonly invocations: Invocation[] = [];
  private queued: Invocation[] = [];
  private server: LoopbackServer | undefined;
  url = '';

  constructor(private readonly run: (payload: unknown) => Promise<unknown>) {}

  async start(): Promise<this> {
    this.server = await startLoopbackServer((req, res) => {
      void (async () => {
        const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url?.split('?')[0] ?? '');
        const body = await readBody(req);
        const invocationType = req.headers['x-amz-invocation-type'];
        const invocation: Invocation = { functionName: decodeURIComponent(match?.[1] ?? ''), invocationType: typeof invocationType === 'string' ? invocationType : undefined, payload: JSON.parse(body || 'null') };
        this.invocations.push(invocation);
        if (!match || invocation.invocationType !== 'Event') {
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'only Event invocations here' }));
          return;
        }
        this.queued.push(invocation);
        res.writeHead(202).end();
      })();
    });
    this.url = this.server.url;
    return this;
  }

  /** Runs what was invoked so far, each once, as Lambda would; resolves when all have ended. */
  async runQueued(): Promise<void> {
    const runs = this.queued;
    this.queued = [];
    await Promise.all(
      runs.map((invocation) =>
        this.run(invocation.payload).then(
          () => void (invocation.outcome = 'ok'),
          () => void (invocation.outcome = 'failed'),
        ),
      ),
    );
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }
}

/**
 * Starts `lambda` before the file's tests and sets what Lambda and infra give a deployed function:
 * `functionEnv` (its own name, and the jobs function's where there is one), the Invoke endpoint at
 * the fake, a region and credentials. Call it before the Slack handler's harness imports the
 * handler; afterwards the settings go and the fake stops.
 */
export function useFakeLambdaEnv(lambda: FakeLambda, functionEnv: Readonly<Record<string, string>>): void {
  const env = { ...functionEnv, AWS_REGION: 'ap-northeast-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
  beforeAll(async () => {
    await lambda.start();
    Object.assign(process.env, env, { AWS_ENDPOINT_URL_LAMBDA: lambda.url });
  });
  afterAll(async () => {
    for (const name of [...Object.keys(env), 'AWS_ENDPOINT_URL_LAMBDA']) delete process.env[name];
    await lambda.stop();
  });
}
