import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureClient, isTracingEnabled, loadTracer } from '#shared/observe/tracer';

const LAMBDA = { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000' };

describe('isTracingEnabled', () => {
  it('is on in a Lambda with the X-Ray daemon, unless POWERTOOLS_TRACE_ENABLED turns it off', () => {
    expect(isTracingEnabled(LAMBDA)).toBe(true);
    expect(isTracingEnabled({ ...LAMBDA, POWERTOOLS_TRACE_ENABLED: 'false' })).toBe(false);
  });

  it('is off outside Lambda and in a Lambda without active tracing', () => {
    expect(isTracingEnabled({})).toBe(false);
    expect(isTracingEnabled({ AWS_XRAY_DAEMON_ADDRESS: LAMBDA.AWS_XRAY_DAEMON_ADDRESS })).toBe(false);
    expect(isTracingEnabled({ AWS_EXECUTION_ENV: LAMBDA.AWS_EXECUTION_ENV })).toBe(false);
  });
});

describe('captureClient', () => {
  it('leaves a client untouched and loads no tracer when tracing is off', async () => {
    const client = { middlewareStack: { add: () => {} } };
    expect(captureClient(client)).toBe(client);
    expect(await loadTracer()).toBeUndefined();
  });
});

describe('captureClient with tracing on', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.doUnmock('@aws-lambda-powertools/tracer');
    vi.resetModules();
  });

  /** tracer.ts afresh (its tracer is loaded once per module), in a Lambda with tracing on; nothing listens at the daemon's UDP port. */
  async function tracingOn(): Promise<typeof import('#shared/observe/tracer')> {
    vi.stubEnv('AWS_EXECUTION_ENV', LAMBDA.AWS_EXECUTION_ENV);
    vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', '127.0.0.1:2000');
    vi.stubEnv('AWS_XRAY_CONTEXT_MISSING', 'IGNORE_ERROR');
    vi.resetModules();
    return import('#shared/observe/tracer');
  }

  /** A table client pointed nowhere: only its middleware is looked at. */
  const localClient = () => new DynamoDBClient({ region: 'local', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const xray = (client: DynamoDBClient) => client.middlewareStack.identify().filter((name) => name.includes('XRaySDKInstrumentation'));

  it('hands clients back at once and loads nothing itself; once loadTracer has loaded it, each client is captured', async () => {
    const loads: string[] = [];
    vi.doMock('@aws-lambda-powertools/tracer', async (importOriginal) => {
      loads.push('tracer');
      return importOriginal();
    });
    const tracer = await tracingOn();
    const client = localClient();
    expect(tracer.captureClient(client)).toBe(client);
    // Nothing waited for the tracer, nor started it: the client goes out uncaptured, so its first calls are not traced.
    await new Promise((done) => setTimeout(done, 50));
    expect(loads).toEqual([]);
    expect(xray(client)).toEqual([]);
    expect(await tracer.loadTracer()).toBeDefined();
    expect(xray(client)).toHaveLength(1);
    // A client built after the load is captured as it is handed over.
    const later = localClient();
    tracer.captureClient(later);
    await vi.waitFor(() => expect(xray(later)).toHaveLength(1));
    expect(loads).toEqual(['tracer']);
  });

  it('leaves tracing off, saying so once, when the tracer fails to load', async () => {
    vi.doMock('@aws-lambda-powertools/tracer', () => {
      throw new Error('chunk missing');
    });
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    const tracer = await tracingOn();
    const client = localClient();
    tracer.captureClient(client);
    tracer.captureClient(client);
    expect(await tracer.loadTracer()).toBeUndefined();
    expect(xray(client)).toEqual([]);
    expect(said).toHaveBeenCalledOnce();
    expect(said.mock.calls[0]?.[0]).toContain('X-Ray tracing is off');
  });
});
