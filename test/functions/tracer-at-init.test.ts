import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.doUnmock('@aws-lambda-powertools/tracer');
  vi.resetModules();
});

/**
 * Deployed settings with X-Ray tracing on (the table client built for AWS, so it is the one
 * captured), and a tracer whose import never finishes: a handler that waited for it would
 * never load.
 */
function deployedWithATracerThatNeverLoads(): void {
  for (const [name, value] of Object.entries({
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
    AWS_REGION: 'ap-northeast-1',
    TABLE_NAME: 'commitments-init-test',
    SLACK_SIGNING_SECRET: 'init-test-signing-secret',
    SLACK_BOT_TOKEN: 'xoxb-init-test',
    LOG_LEVEL: 'ERROR',
  })) {
    vi.stubEnv(name, value);
  }
  vi.stubEnv('DYNAMODB_ENDPOINT', undefined);
  vi.doMock('@aws-lambda-powertools/tracer', () => new Promise(() => {}));
  vi.resetModules();
}

// A cold start's first answer used to wait for the tracer and X-Ray SDK to load (100–350 ms);
// the table client is now captured whenever the tracer arrives.
describe('with X-Ray tracing on, a handler loads without waiting for the tracer', () => {
  it('the Slack handler', async () => {
    deployedWithATracerThatNeverLoads();
    const { handler } = await import('../../functions/slack/handler.ts');
    expect(handler).toBeTypeOf('function');
  });

  it('the reminders handler', async () => {
    deployedWithATracerThatNeverLoads();
    const { handler } = await import('../../functions/reminders/handler.ts');
    expect(handler).toBeTypeOf('function');
  });
});
