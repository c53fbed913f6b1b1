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

/**
 * The Powertools tracer, imported on first use and only when tracing is on (it also traces fetch
 * and https calls). A tracer that fails to load leaves tracing off, said once in the log, rather
 * than failing the function.
 */
export function loadTracer(): Promise<Tracer | undefined> {
  tracer ??= isTracingEnabled()
    ? import('@aws-lambda-powertools/tracer').then(
        ({ Tracer }) => new Tracer(),
        (error: unknown) => {
          console.error('X-Ray tracing is off: the tracer did not load', error);
          return undefined;
        },
      )
    : Promise.resolve(undefined);
  return tracer;
}

/**
 * Records an AWS SDK client's calls as X-Ray subsegments from when the tracer has loaded; nothing
 * when tracing is off. The load starts here and nothing waits for it: loading the tracer and the
 * X-Ray SDK at init delayed a cold start's answer, so the calls sent before it arrives go untraced.
 */
export function captureClient<T extends object>(client: T): T {
  if (isTracingEnabled()) void loadTracer().then((loaded) => loaded?.captureAWSv3Client(client));
  return client;
}
