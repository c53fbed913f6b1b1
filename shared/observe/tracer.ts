import type { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * Whether this runs in Lambda with X-Ray tracing on (the daemon address is set) and Powertools'
 * `POWERTOOLS_TRACE_ENABLED` does not turn it off. Locally, in tests and in the bench it is off,
 * so the tracer (and aws-xray-sdk-core under it) is never loaded there.
 */
export function isTracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const inLambda = env['AWS_EXECUTION_ENV']?.startsWith('AWS_Lambda_') ?? false;
  return inLambda && Boolean(env['AWS_XRAY_DAEMON_ADDRESS']) && env['POWERTOOLS_TRACE_ENABLED']?.toLowerCase() !== 'false';
}

let tracer: Promise<Tracer | undefined> | undefined;
/** Clients handed to {@link captureClient} before the load started: captured when it arrives. */
const waiting: object[] = [];

/**
 * Starts loading the Powertools tracer, once, when tracing is on (it also traces fetch and https
 * calls), and captures the clients waiting for it. Each function says when: loading the tracer and
 * the X-Ray SDK takes tens of milliseconds of the one thread, so the Slack function starts it only
 * once a request is answered, and a container's first answer waits for none of it. A tracer that
 * fails to load leaves tracing off, said once in the log, rather than failing the function.
 */
export function loadTracer(): Promise<Tracer | undefined> {
  tracer ??= isTracingEnabled()
    ? import('@aws-lambda-powertools/tracer').then(
        ({ Tracer }) => {
          const loaded = new Tracer();
          for (const client of waiting.splice(0)) loaded.captureAWSv3Client(client);
          return loaded;
        },
        (error: unknown) => {
          waiting.length = 0;
          console.error('X-Ray tracing is off: the tracer did not load', error);
          return undefined;
        },
      )
    : Promise.resolve(undefined);
  return tracer;
}

/**
 * Records an AWS SDK client's calls as X-Ray subsegments once the tracer has loaded (see
 * {@link loadTracer}); nothing when tracing is off. The client is handed back at once, and its
 * calls sent before the tracer arrives go untraced.
 */
export function captureClient<T extends object>(client: T): T {
  if (!isTracingEnabled()) return client;
  if (tracer) void tracer.then((loaded) => loaded?.captureAWSv3Client(client));
  else waiting.push(client);
  return client;
}
