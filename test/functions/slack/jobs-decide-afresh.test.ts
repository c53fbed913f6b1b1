import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AfterAnswerEventSchema } from '#shared/domain/after-answer';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { seedBusan } from '#shared/use-cases/seed';
import { SlackUserSchema } from '#shared/domain/access';
import { createPeopleStore } from '#shared/store/people';
import { localContext } from '#local/http-adapter';
import { blockAction, commandEvent, eventCallback, interactionEvent, signedEvent } from '#local/slack-request';
import { FakeLambda, useFakeLambdaEnv } from '../../support/fake-lambda.ts';
import { useSlackHandler } from '../../support/slack-handler.ts';

// Work after the answer runs in its own invocation, perhaps after a change or a Lambda retry:
// it decides on the records as they are then, waits on Slack as long as Slack needs (nobody
// waits on it), and ends without a retry when a retry cannot help.
const TEAM = 'T0JOBS';
const BUSAN = 'T0JOBSB';
const OWNER = 'U0OWNER';
const lambda = new FakeLambda((payload) => harness.handler()(AfterAnswerEventSchema.parse(payload), localContext()));
useFakeLambdaEnv(lambda, { AWS_LAMBDA_FUNCTION_NAME: 'Slack-test', AFTER_ANSWER_FUNCTION_NAME: 'Jobs-test' });
const harness = useSlackHandler();

let n = 0;
/** `/commitments <text>` answered, its jobs left queued (`runQueued` runs them). */
async function command(text: string, userId: string, teamId = TEAM) {
  n += 1;
  const r = await harness.send(commandEvent(text, { teamId, userId, channelId: 'C0GENERAL', responseUrl: harness.slack.responseUrl(`jobs${n}`) }));
  return { text: r.body ? String(r.json()['text'] ?? '') : '', url: `jobs${n}` };
}
const outcomes = (from: number) => lambda.invocations.slice(from).map((i) => `${(i.payload as { job: { kind: string } }).job.kind}:${i.outcome}`);
const homeOf = (userId: string) => JSON.stringify(harness.slack.callsTo('views.publish').filter((c) => c.args['user_id'] === userId).at(-1)?.args['view'] ?? null);

beforeAll(async () => {
  Object.assign(harness.slack.options, { users: { U0JA: { locale: 'ja-JP' } } });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-25T01:00:00Z'));
  expect((await command('track add sec "Secret talks" parties AA tz UTC prefix SC', OWNER)).text).toContain('Created track sec');
  expect((await command('add sec "Secret item"', OWNER)).text).toContain('Added SC-1');
  await command('sec visibility private', OWNER);
  for (const userId of ['U0EDITOR', 'U0LATER', 'U0JA', 'U0HOMEY']) expect((await command(`sec roles add <@${userId}> editor`, OWNER)).text).toContain('editor');
  await seedBusan(harness.store(), BUSAN, new Date('2026-03-01T00:00:00Z'));
  await lambda.runQueued();
});
afterAll(() => vi.useRealTimers());

describe('an export job', () => {
  it('sends no files to someone removed from the private track since they asked, and tells them', async () => {
    const asked = await command('sec export', 'U0EDITOR');
    expect(asked.text).toMatch(/Sending you sec-briefing/);
    await command('sec roles remove <@U0EDITOR>', OWNER);
    const files = harness.slack.uploadedFiles().length;
    await lambda.runQueued();
    const told = harness.slack.callsTo(`response_url:${asked.url}`).map((c) => String(c.args['text']));
    expect({ sent: harness.slack.uploadedFiles().length - files, told }).toEqual({ sent: 0, told: ['There is no track called "sec". There are no tracks yet.'] });
  });

  it('sends no files to someone made a guest (user_change) since they asked', async () => {
    const asked = await command('sec export', 'U0LATER');
    expect(asked.text).toMatch(/Sending you sec-briefing/);
    const now = Math.floor(Date.now() / 1000);
    const envelope = JSON.parse(eventCallback(TEAM, { type: 'user_change', user: { id: 'U0LATER', team_id: TEAM, name: 'later', is_restricted: true }, event_ts: `${now}.000100` }).body) as Record<string, unknown>;
    expect((await harness.send(signedEvent(JSON.stringify({ ...envelope, event_time: now + 1 }), { contentType: 'application/json' }))).statusCode).toBe(200);
    vi.setSystemTime(new Date(Date.now() + 5000));
    const files = harness.slack.uploadedFiles().length;
    await lambda.runQueued();
    expect(harness.slack.uploadedFiles().length - files).toBe(0);
  });
});

describe('a redraw job', () => {
  it('tells someone who lost access in their own language, as the command does', async () => {
    await command('sec roles remove <@U0JA>', OWNER);
    const commandSays = (await command('sec', 'U0JA')).text;
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.pageNext, 'sec|all|0', harness.slack.responseUrl('jobs-page'), [], { userId: 'U0JA' })));
    await lambda.runQueued();
    expect(harness.slack.callsTo('response_url:jobs-page').map((c) => String(c.args['text']))).toEqual([commandSays]);
    expect(commandSays).toContain('トラック');
  });
});

describe('a Home job', () => {
  it('draws the Home of someone new even when Slack takes 1.5 s to say who they are', async () => {
    harness.slack.options.hold = (call) => (call.method === 'users.info' ? new Promise((r) => setTimeout(r, 1500)) : undefined);
    try {
      const invoked = lambda.invocations.length;
      expect((await harness.send(eventCallback(TEAM, { type: 'app_home_opened', user: 'U0NEWBIE', channel: 'D0NEWBIE', tab: 'home', event_ts: '2.1' }))).statusCode).toBe(200);
      await lambda.runQueued();
      expect({ jobs: outcomes(invoked), drawn: homeOf('U0NEWBIE') !== 'null' }).toEqual({ jobs: ['home:ok'], drawn: true });
    } finally {
      delete harness.slack.options.hold;
    }
  });

  it('leaves out a private track whose role was removed', async () => {
    const opened = (ts: string) => harness.send(eventCallback(TEAM, { type: 'app_home_opened', user: 'U0HOMEY', channel: 'D0HOMEY', tab: 'home', event_ts: ts }));
    await opened('3.1');
    await lambda.runQueued();
    expect(homeOf('U0HOMEY')).toContain('Secret talks');
    await command('sec roles remove <@U0HOMEY>', OWNER);
    await opened('3.2');
    await lambda.runQueued();
    expect(homeOf('U0HOMEY')).not.toContain('Secret talks');
  });
});

describe('a refresh of a record', () => {
  it('that Slack refuses for good (user_not_found) ends without a retry, on every request that leaves one', async () => {
    const send = (i: number) => harness.send(commandEvent('japan-korea', { teamId: BUSAN, userId: 'U0GONE', responseUrl: harness.slack.responseUrl(`gone${i}`) }));
    await send(0);
    await lambda.runQueued();
    // Two days on, the record is stale and Slack no longer knows them: each request is answered from the record and leaves a refresh.
    vi.setSystemTime(new Date(Date.now() + 2 * 86_400_000));
    harness.slack.options.users = { ...harness.slack.options.users, U0GONE: null };
    const invoked = lambda.invocations.length;
    for (let i = 1; i <= 2; i++) {
      expect((await send(i)).body).toContain('JK-1');
      await lambda.runQueued();
    }
    expect(outcomes(invoked)).toEqual(['person:ok', 'person:ok']);
  });
});

describe('a removal of the app', () => {
  it('is answered before the team’s records go: a job after the answer deletes them', async () => {
    const team = 'T0JOBSGONE';
    const people = createPeopleStore({ client: harness.table.client, tableName: harness.table.tableName });
    await people.save({ teamId: team, userId: 'U0LEAVING', user: SlackUserSchema.parse({ id: 'U0LEAVING', team_id: team }), fetchedAt: new Date().toISOString(), asOf: Date.now() });
    const queued = lambda.invocations.length;
    expect((await harness.send(eventCallback(team, { type: 'app_uninstalled' }))).statusCode).toBe(200);
    expect(Boolean(await people.get(team, 'U0LEAVING'))).toBe(true);
    await lambda.runQueued();
    expect({ jobs: outcomes(queued), person: await people.get(team, 'U0LEAVING') }).toEqual({ jobs: ['forget:ok'], person: undefined });
  });
});
