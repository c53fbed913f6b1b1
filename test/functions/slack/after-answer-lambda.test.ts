import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AFTER_ANSWER_SOURCE, AfterAnswerEventSchema } from '#shared/domain/after-answer';
import { seedBusan } from '#shared/use-cases/seed';
import { localContext } from '#local/http-adapter';
import { commandEvent } from '#local/slack-request';
import { FakeLambda, useFakeLambdaEnv } from '../../support/fake-lambda.ts';
import { useSlackHandler } from '../../support/slack-handler.ts';

// Issue 13: deployed, each job is an asynchronous invocation of the Slack function itself.
const FUNCTION_NAME = 'CommitmentsStateless-SlackFunction-test';
const TEAM = 'T0INVOKE';
const lambda = new FakeLambda((payload) => harness.handler()(AfterAnswerEventSchema.parse(payload), localContext()));

// Before the harness imports the handler: Lambda sets the function's name, the endpoint points at the fake.
useFakeLambdaEnv(lambda, { AWS_LAMBDA_FUNCTION_NAME: FUNCTION_NAME });
const harness = useSlackHandler();

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-25T01:00:00Z'));
  await seedBusan(harness.store(), TEAM, new Date('2026-03-01T00:00:00Z'));
});
afterAll(() => vi.useRealTimers());
afterEach(() => {
  delete harness.slack.options.fault;
});

const command = (text: string, userId: string) => harness.send(commandEvent(text, { teamId: TEAM, userId, responseUrl: harness.slack.responseUrl('cmd') }));

describe('jobs on Lambda', () => {
  it('hands the Home redraw to an Event invocation of the function itself, made before the answer returns and run after it', async () => {
    const invoked = lambda.invocations.length;
    const result = await command('note JK-3 "Hotline test held"', 'U0CAROL');
    expect(result.json()['text']).toContain('JK-3');
    const invocations = lambda.invocations.slice(invoked);
    expect(invocations).toEqual([
      { functionName: FUNCTION_NAME, invocationType: 'Event', payload: { source: AFTER_ANSWER_SOURCE, job: { kind: 'home', team: { id: TEAM, enterpriseInstall: false }, userId: 'U0CAROL' } } },
    ]);
    // The payload names whose token to use, never the token.
    expect(JSON.stringify(invocations[0]!.payload)).not.toContain('xoxb-');
    expect(harness.slack.callsTo('views.publish').filter((call) => call.args['user_id'] === 'U0CAROL')).toHaveLength(0);

    await lambda.runQueued();
    expect(invocations[0]!.outcome).toBe('ok');
    expect(harness.slack.callsTo('views.publish').filter((call) => call.args['user_id'] === 'U0CAROL')).toHaveLength(1);
  });

  it('sends an export’s files from its own invocation', async () => {
    const files = harness.slack.uploadedFiles().length;
    const result = await command('japan-korea export', 'U0DAVE');
    expect(result.json()['text']).toContain('Sending you japan-korea-briefing-2026-03-25.md');
    expect(harness.slack.uploadedFiles()).toHaveLength(files);
    await lambda.runQueued();
    expect(harness.slack.uploadedFiles().slice(files).map((f) => f.filename)).toEqual(['japan-korea-briefing-2026-03-25.md', 'japan-korea-briefing-2026-03-25.csv']);
  });

  it('fails the invocation of a job that fails, so Lambda retries it and then keeps it', async () => {
    const invoked = lambda.invocations.length;
    await command('note JK-2 "Working group met"', 'U0ERIN');
    harness.slack.options.fault = (call) => (call.method === 'views.publish' ? { kind: 'server-error', status: 503 } : undefined);
    await lambda.runQueued();
    expect(lambda.invocations.slice(invoked).map((i) => i.outcome)).toEqual(['failed']);
  });
});
