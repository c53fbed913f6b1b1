import { describe, expect, it } from 'vitest';
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
