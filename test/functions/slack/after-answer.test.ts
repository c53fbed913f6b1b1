import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { afterAnswerEvent, type AfterAnswerJob } from '#shared/domain/after-answer';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { seedBusan } from '#shared/use-cases/seed';
import type { SlackCall } from '#local/fake-slack';
import { localContext } from '#local/http-adapter';
import { blockAction, commandEvent, eventCallback, interactionEvent, signedEvent, viewSubmission } from '#local/slack-request';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { JobBatch } from '../../../functions/slack/after-answer.ts';

// Issue 13: what talks to Slack after a request runs once its answer is out.
const NOW = new Date('2026-03-25T01:00:00Z');
const harness = useSlackHandler();
const TEAM = 'T0LATER';
const team = { id: TEAM, enterpriseInstall: false };

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await seedBusan(harness.store(), TEAM, new Date('2026-03-01T00:00:00Z'));
});
afterAll(() => vi.useRealTimers());
afterEach(() => {
  delete harness.slack.options.fault;
});

const methods = (calls: SlackCall[]) => calls.map((call) => call.method);
/** The fake Slack's calls after the first `count`. */
const callsSince = (count: number) => harness.slack.calls.slice(count);

function command(text: string, userId = 'U0ALICE', responseUrl = harness.slack.responseUrl('cmd')) {
  return harness.send(commandEvent(text, { teamId: TEAM, userId, responseUrl }));
}

function reportButtons(blocks: Record<string, unknown>[]) {
  return blocks.flatMap((b) => (b['elements'] ?? []) as { action_id?: string; value?: string }[]);
}

/** Runs a job as Lambda would hand it to the function: a direct invocation, not an HTTP request. */
function invoke(job: AfterAnswerJob) {
  return harness.handler()(afterAnswerEvent(job), localContext());
}

describe('work after the answer', () => {
  it('answers a writing command before the Home tab is redrawn', async () => {
    const before = harness.slack.calls.length;
    const result = await command('note JK-3 "Hotline test held"', 'U0CAROL');
    expect(result.json()['text']).toContain('JK-3');
    expect(methods(result.callsBeforeAnswer.slice(before))).not.toContain('views.publish');
    const published = callsSince(before).filter((call) => call.method === 'views.publish');
    expect(published).toHaveLength(1);
    expect(published[0]!.args['user_id']).toBe('U0CAROL');
    expect(published[0]!.token).toBe('xoxb-test-token');
  });

  it('answers a report, which writes nothing, without redrawing the Home tab', async () => {
    const before = harness.slack.calls.length;
    await command('japan-korea');
    expect(methods(callsSince(before))).not.toContain('views.publish');
  });

  it('answers an export with the files’ names before any upload, then sends them', async () => {
    const before = harness.slack.calls.length;
    const filesBefore = harness.slack.uploadedFiles().length;
    const result = await command('japan-korea export', 'U0DAVE');
    expect(result.json()['text']).toMatch(/Sending you japan-korea-briefing-2026-03-25\.md and \.csv in a direct message/);
    const answered = methods(result.callsBeforeAnswer.slice(before));
    for (const method of ['conversations.open', 'files.getUploadURLExternal', 'files.completeUploadExternal']) expect(answered).not.toContain(method);
    expect(answered.filter((m) => m.startsWith('upload_url:'))).toEqual([]);
    const after = methods(callsSince(before));
    expect(after.indexOf('conversations.open')).toBeGreaterThanOrEqual(answered.length);
    expect(after).toContain('files.completeUploadExternal');
    expect(harness.slack.uploadedFiles().slice(filesBefore).map((f) => f.filename)).toEqual(['japan-korea-briefing-2026-03-25.md', 'japan-korea-briefing-2026-03-25.csv']);
  });

  it('acknowledges a page button before the report is redrawn through its response_url', async () => {
    const before = harness.slack.calls.length;
    const result = await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.pageNext, 'japan-korea|all|0', harness.slack.responseUrl('later-page'))));
    expect(result.statusCode).toBe(200);
    expect(result.body).toBe('');
    expect(methods(result.callsBeforeAnswer.slice(before))).not.toContain('response_url:later-page');
    const redrawn = harness.slack.callsTo('response_url:later-page');
    expect(redrawn).toHaveLength(1);
    expect(redrawn[0]!.args).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(redrawn[0]!.args['text']).toContain('JK-1');
  });

  it('acknowledges a share button before the report is posted in the channel', async () => {
    const report = (await command('japan-korea')).json() as { blocks: Record<string, unknown>[] };
    const share = reportButtons(report.blocks).find((e) => e.action_id === ACTION_IDS.share)!;
    const before = harness.slack.calls.length;
    const result = await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.share, share.value!, harness.slack.responseUrl('later-share'), report.blocks)));
    expect(methods(result.callsBeforeAnswer.slice(before))).not.toContain('response_url:later-share');
    expect(harness.slack.callsTo('response_url:later-share').at(-1)!.args).toMatchObject({ response_type: 'in_channel', replace_original: false });
  });

  it('closes a form before redrawing the report it came from and the Home tab', async () => {
    const report = (await command('japan-korea')).json() as { blocks: Record<string, unknown>[] };
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.addNote, 'JK-2', harness.slack.responseUrl('later-form'), report.blocks)));
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { private_metadata: string };
    const before = harness.slack.calls.length;
    const result = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addNote, view.private_metadata, { note: { note: { type: 'plain_text_input', value: 'Working group met' } } })));
    expect(result.body).toBe('');
    const answered = methods(result.callsBeforeAnswer.slice(before));
    expect(answered).not.toContain('response_url:later-form');
    expect(answered).not.toContain('views.publish');
    const after = methods(callsSince(before));
    expect(after).toContain('response_url:later-form');
    expect(after).toContain('views.publish');
    expect(harness.slack.callsTo('response_url:later-form').at(-1)!.args).toMatchObject({ replace_original: true });
  });

  it('saves a form whose origin names a response_url Slack cannot have given, and sends nothing there', async () => {
    const hits: string[] = [];
    const elsewhere = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('ok');
    });
    await new Promise<void>((listening) => elsewhere.listen(0, '127.0.0.1', listening));
    try {
      const { version } = await harness.store().getCommitment(TEAM, 'JK-2');
      const metadata = JSON.stringify({ id: 'JK-2', version, responseUrl: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/forged` });
      const result = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addNote, metadata, { note: { note: { type: 'plain_text_input', value: 'Sent nowhere else' } } })));
      expect(result.body).toBe('');
      expect((await harness.store().getCommitment(TEAM, 'JK-2')).version).toBe(version + 1);
      expect(hits).toEqual([]);
    } finally {
      await new Promise((closed) => elsewhere.close(closed));
    }
  });

  it('acknowledges app_home_opened before drawing the Home tab', async () => {
    const before = harness.slack.calls.length;
    const result = await harness.send(eventCallback(TEAM, { type: 'app_home_opened', user: 'U0HOME', channel: 'D0HOME', tab: 'home', event_ts: '2.1' }, { eventId: 'Ev0LATER' }));
    expect(result.statusCode).toBe(200);
    expect(methods(result.callsBeforeAnswer.slice(before))).not.toContain('views.publish');
    expect(harness.slack.callsTo('views.publish').at(-1)!.args['user_id']).toBe('U0HOME');
  });
});

describe('a request’s batch of jobs', () => {
  it('keeps a job left twice once: two checks finding one stale record refresh it once', () => {
    const batch = new JobBatch();
    const stale: AfterAnswerJob = { kind: 'groups', team, groupIds: ['S0ONE', 'S0TWO'] };
    batch.add(stale);
    batch.add({ kind: 'groups', team, groupIds: ['S0ONE', 'S0TWO'] });
    batch.add({ kind: 'person', team, userId: 'U0ALICE' });
    expect(batch.jobs).toEqual([stale, { kind: 'person', team, userId: 'U0ALICE' }]);
  });
});

describe('a job handed to the function', () => {
  it('draws a user’s Home tab with the bot token looked up again', async () => {
    const before = harness.slack.callsTo('views.publish').length;
    await invoke({ kind: 'home', team, userId: 'U0ERIN' });
    const published = harness.slack.callsTo('views.publish').slice(before);
    expect(published.map((call) => [call.args['user_id'], call.token])).toEqual([['U0ERIN', 'xoxb-test-token']]);
    expect(JSON.stringify(published[0]!.args['view'])).toContain('japan-korea');
  });

  it('sends an export’s files, named for when it was asked', async () => {
    const filesBefore = harness.slack.uploadedFiles().length;
    await invoke({ kind: 'export', team, userId: 'U0ERIN', channelId: 'C0GENERAL', track: 'japan-korea', askedAt: '2026-03-20T01:00:00.000Z' });
    expect(harness.slack.uploadedFiles().slice(filesBefore).map((f) => f.filename)).toEqual(['japan-korea-briefing-2026-03-20.md', 'japan-korea-briefing-2026-03-20.csv']);
    expect(harness.slack.callsTo('conversations.open').at(-1)!.args['users']).toBe('U0ERIN');
  });

  it('tells the person, and sends nothing, when the track is gone by the time the export runs', async () => {
    const filesBefore = harness.slack.uploadedFiles().length;
    await invoke({ kind: 'export', team, userId: 'U0ERIN', channelId: 'C0GENERAL', track: 'no-such-track', askedAt: NOW.toISOString(), responseUrl: harness.slack.responseUrl('gone-export') });
    expect(harness.slack.uploadedFiles()).toHaveLength(filesBefore);
    expect(harness.slack.callsTo('response_url:gone-export').at(-1)!.args).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('no-such-track') });
  });

  it('redraws an item in place of the message it is on', async () => {
    await invoke({ kind: 'redraw', team, userId: 'U0ERIN', responseUrl: harness.slack.responseUrl('job-item'), ref: 'item|JK-4', mode: 'replace' });
    expect(harness.slack.callsTo('response_url:job-item').at(-1)!.args).toMatchObject({ replace_original: true, text: expect.stringContaining('JK-4') });
  });

  it('echoes a change with its confirmation when the message shows nothing to redraw', async () => {
    await invoke({ kind: 'redraw', team, userId: 'U0ERIN', responseUrl: harness.slack.responseUrl('job-echo'), mode: 'echo', confirmation: 'Added *JK-9* to japan-korea' });
    expect(harness.slack.callsTo('response_url:job-echo').at(-1)!.args).toMatchObject({ replace_original: false, text: expect.stringContaining('JK-9') });
  });

  it('throws when Slack refuses the Home tab, so Lambda retries the job and then keeps it', async () => {
    harness.slack.options.fault = (call) => (call.method === 'views.publish' ? { kind: 'slack-error', error: 'internal_error' } : undefined);
    await expect(invoke({ kind: 'home', team, userId: 'U0ERIN' })).rejects.toThrow(/views\.publish/);
  });

  it('throws when the response_url does not take the redraw', async () => {
    harness.slack.options.fault = (call) => (call.method === 'response_url:job-down' ? { kind: 'server-error', status: 503 } : undefined);
    await expect(invoke({ kind: 'redraw', team, userId: 'U0ERIN', responseUrl: harness.slack.responseUrl('job-down'), ref: 'item|JK-4', mode: 'replace' })).rejects.toThrow(/response_url/);
  });

  it('throws on an invocation that is not a job, running nothing', async () => {
    const before = harness.slack.calls.length;
    const forged = { source: 'commitments.after-answer', job: { kind: 'home', team, userId: 'U0ERIN', botToken: 'xoxb-forged' } };
    await expect(harness.handler()(JSON.parse(JSON.stringify(forged)), localContext())).rejects.toThrow();
    expect(harness.slack.calls.length).toBe(before);
  });
});

describe('a job sent over HTTP', () => {
  const body = JSON.stringify(afterAnswerEvent({ kind: 'home', team, userId: 'U0MALLORY' }));

  it('is refused when not signed with the signing secret', async () => {
    const before = harness.slack.calls.length;
    const result = await harness.send(signedEvent(body, { secret: 'not-the-signing-secret', contentType: 'application/json' }));
    expect(result.statusCode).toBe(401);
    expect(harness.slack.calls.length).toBe(before);
  });

  it('runs nothing even when signed: only a direct invocation carries a job', async () => {
    const before = harness.slack.calls.length;
    const result = await harness.send(signedEvent(body, { contentType: 'application/json' }));
    expect(result.statusCode).not.toBe(200);
    expect(harness.slack.calls.length).toBe(before);
  });
});
