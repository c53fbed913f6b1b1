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
const captures: Promise<unknown>[] = [];

/** The Powertools tracer, imported on first use and only when tracing is on (it also traces fetch and https calls). */
export function loadTracer(): Promise<Tracer | undefined> {
  tracer ??= isTracingEnabled() ? import('@aws-lambda-powertools/tracer').then(({ Tracer }) => new Tracer()) : Promise.resolve(undefined);
  return tracer;
}

/** Records an AWS SDK client's calls as X-Ray subsegments once the tracer is loaded; nothing when tracing is off. */
export function captureClient<T extends object>(client: T): T {
  if (isTracingEnabled()) captures.push(loadTracer().then((loaded) => loaded?.captureAWSv3Client(client)));
  return client;
}

/** Settles when every client handed to `captureClient` so far is captured: a handler awaits it at init. */
export async function tracingReady(): Promise<void> {
  await Promise.all(captures);
}
