import { afterEach, describe, expect, it, vi } from 'vitest';
import { localContext } from '#local/http-adapter';
import { startLoopbackServer } from '#local/loopback-server';
import { commandEvent } from '#local/slack-request';
import { afterAnswerEvent } from '#shared/domain/after-answer';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.doUnmock('@aws-lambda-powertools/tracer');
  vi.resetModules();
});

/**
 * Deployed settings with X-Ray tracing on (the table client built for AWS, so it is the one
 * captured), and a tracer whose import never finishes: a handler that waited for it would
 * never load. `loading` records when its import is asked for.
 */
function deployedWithATracerThatNeverLoads(env: Record<string, string> = {}): { loading: string[] } {
  for (const [name, value] of Object.entries({
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
    AWS_REGION: 'ap-northeast-1',
    TABLE_NAME: 'commitments-init-test',
    SLACK_SIGNING_SECRET: 'init-test-signing-secret',
    SLACK_BOT_TOKEN: 'xoxb-init-test',
    LOG_LEVEL: 'ERROR',
    ...env,
  })) {
    vi.stubEnv(name, value);
  }
  if (!env['DYNAMODB_ENDPOINT']) vi.stubEnv('DYNAMODB_ENDPOINT', undefined);
  const loading: string[] = [];
  vi.doMock('@aws-lambda-powertools/tracer', () => {
    loading.push('tracer loading');
    return new Promise(() => {});
  });
  vi.resetModules();
  return { loading };
}

// A cold start's first answer used to wait for the tracer and X-Ray SDK to load (100–350 ms), and
// then, loaded beside it, still shared the one thread with it (about 40 ms in the bench).
describe('with X-Ray tracing on, a handler loads without waiting for the tracer', () => {
  it('the Slack handler', async () => {
    const { loading } = deployedWithATracerThatNeverLoads();
    const { handler } = await import('../../functions/slack/handler.ts');
    expect(handler).toBeTypeOf('function');
    expect(loading).toEqual([]);
  });

  it('the reminders handler', async () => {
    deployedWithATracerThatNeverLoads();
    const { handler } = await import('../../functions/reminders/handler.ts');
    expect(handler).toBeTypeOf('function');
  });
});

describe('the Slack function loads the tracer', () => {
  it('for a request, only once it is answered', async () => {
    const { loading } = deployedWithATracerThatNeverLoads();
    const { handler } = await import('../../functions/slack/handler.ts');
    // Signed with the test secret, not this deployment's: answered at once, with no network call.
    const answer = await handler(commandEvent('japan-korea'), localContext());
    loading.push(`answered ${answer.statusCode}`);
    await vi.waitFor(() => expect(loading).toEqual(['answered 401', 'tracer loading']));
  });

  it('for a job, beside it: no one waits for its answer', async () => {
    // Where the job's table and Slack calls go, nothing ever answers: the job runs until the test ends it.
    const silent = await startLoopbackServer(() => {});
    let job: Promise<unknown> | undefined;
    try {
      const { loading } = deployedWithATracerThatNeverLoads({ DYNAMODB_ENDPOINT: silent.url, SLACK_API_URL: `${silent.url}/api/` });
      const { handler } = await import('../../functions/slack/handler.ts');
      let settled = false;
      job = handler(afterAnswerEvent({ kind: 'home', team: { id: 'T0TEST', enterpriseInstall: false }, userId: 'U0ALICE' }), localContext()).finally(() => (settled = true));
      await vi.waitFor(() => expect(loading).toEqual(['tracer loading']));
      expect(settled).toBe(false);
    } finally {
      await silent.stop();
      await job?.catch(() => {});
    }
  });
});
