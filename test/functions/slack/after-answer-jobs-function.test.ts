import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AfterAnswerEventSchema } from '#shared/domain/after-answer';
import { seedBusan } from '#shared/use-cases/seed';
import { localContext } from '#local/http-adapter';
import { commandEvent } from '#local/slack-request';
import { FakeLambda, useFakeLambdaEnv } from '../../support/fake-lambda.ts';
import { useSlackHandler } from '../../support/slack-handler.ts';

// Issue 25: deployed, the jobs after an answer run in a function of their own, so the Slack function's
// duration and errors, and the alarms on them, count only what someone waited for.
const SLACK_FUNCTION = 'CommitmentsStateless-SlackFunction-test';
const JOBS_FUNCTION = 'CommitmentsStateless-JobsFunction-test';
const TEAM = 'T0JOBS';
const lambda = new FakeLambda((payload) => harness.handler()(AfterAnswerEventSchema.parse(payload), localContext()));

// Before the harness imports the handler: Lambda sets the function's own name, infra the jobs function's.
useFakeLambdaEnv(lambda, { AWS_LAMBDA_FUNCTION_NAME: SLACK_FUNCTION, AFTER_ANSWER_FUNCTION_NAME: JOBS_FUNCTION });
const harness = useSlackHandler();

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-25T01:00:00Z'));
  await seedBusan(harness.store(), TEAM, new Date('2026-03-01T00:00:00Z'));
});
afterAll(() => vi.useRealTimers());

const command = (text: string, userId: string) => harness.send(commandEvent(text, { teamId: TEAM, userId, responseUrl: harness.slack.responseUrl('cmd') }));

describe('jobs in a function of their own', () => {
  it('hands a Home redraw and an export to the jobs function named by AFTER_ANSWER_FUNCTION_NAME, never to the Slack function itself', async () => {
    const invoked = lambda.invocations.length;
    await command('note JK-3 "Hotline test held"', 'U0CAROL');
    await command('japan-korea export', 'U0DAVE');
    const invocations = lambda.invocations.slice(invoked);
    // The export's caller gets a Home redraw too, as with any first command of the day.
    expect(invocations.map((i) => [i.functionName, i.invocationType, (i.payload as { job: { kind: string } }).job.kind])).toEqual([
      [JOBS_FUNCTION, 'Event', 'home'],
      [JOBS_FUNCTION, 'Event', 'export'],
      [JOBS_FUNCTION, 'Event', 'home'],
    ]);

    await lambda.runQueued();
    expect(invocations.map((i) => i.outcome)).toEqual(['ok', 'ok', 'ok']);
    expect(harness.slack.callsTo('views.publish').filter((call) => call.args['user_id'] === 'U0CAROL')).toHaveLength(1);
    expect(harness.slack.uploadedFiles().map((f) => f.filename)).toEqual(['japan-korea-briefing-2026-03-25.md', 'japan-korea-briefing-2026-03-25.csv']);
  });

  it('hands the refresh of a caller record past a day to the jobs function: the directory leaves it in the request being answered, found through AsyncLocalStorage', async () => {
    await command('japan-korea', 'U0ERIN');
    // Two days on, the record still serves the answer (no Slack call) and is refreshed after it.
    vi.setSystemTime(new Date('2026-03-27T01:00:00Z'));
    const invoked = lambda.invocations.length;
    const slackCalls = harness.slack.calls.length;
    const lookups = harness.slack.callsTo('users.info').length;
    const answer = await command('japan-korea', 'U0ERIN');
    expect(answer.callsBeforeAnswer.slice(slackCalls)).toEqual([]);
    const invocations = lambda.invocations.slice(invoked);
    expect(invocations.map((i) => [i.functionName, i.invocationType, (i.payload as { job: { kind: string } }).job.kind])).toContainEqual([JOBS_FUNCTION, 'Event', 'person']);
    // Not started in this process beside the answer: only the jobs function asks Slack.
    expect(harness.slack.callsTo('users.info')).toHaveLength(lookups);
    await lambda.runQueued();
    expect(harness.slack.callsTo('users.info').slice(lookups).map((call) => call.args['user'])).toEqual(['U0ERIN']);
  });
});
