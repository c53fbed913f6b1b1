import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendHttp, type HttpSend } from '#shared/http';
import { subscribe as subscribeUseCase, unsubscribe } from '#shared/use-cases/subscriptions';
import { DIGEST_EVENT_TYPE } from '#shared/reminders/deliver';
import { runSweep } from '#shared/reminders/sweep';
import { createSlackWeb } from '#shared/slack/web-api';
import { pendingCounts, publishMetrics } from '#shared/observe/metrics';
import { useTestTable } from '../../support/dynamodb.ts';
import { FakeSlack } from '#local/fake-slack';
import { FAST, draft, harness, track } from './harness.ts';

const table = useTestTable();
let slack: FakeSlack;
const h = harness(table, () => slack);

beforeAll(async () => {
  slack = await new FakeSlack().start();
});
afterAll(() => slack.stop());

// Sweeps read every team's due subscriptions: each test removes its own when done.
const created: Parameters<typeof unsubscribe>[1][] = [];
const subscribe: typeof subscribeUseCase = async (deps, input) => {
  created.push({ teamId: input.teamId, channelId: input.channelId, track: input.track });
  return subscribeUseCase(deps, input);
};
afterEach(async () => {
  for (const key of created.splice(0)) await unsubscribe(h.subs, key).catch(() => undefined);
  slack.options.fault = undefined;
  slack.options.channelErrors = undefined;
});

const digestsIn = (channel: string) => slack.messagesWithMetadata(DIGEST_EVENT_TYPE).filter((m) => m.channel === channel);
const at = (iso: string) => new Date(iso);

describe('reminder sweep', () => {
  it('sends a subscribed channel its digest at the next local slot, once, then at the following slot', async () => {
    const start = at('2026-01-14T03:00:00Z');
    await h.store.createTrack(track('T0ONCE', 'japan-korea', 'JK', 'Asia/Tokyo', start));
    await h.store.createCommitment('T0ONCE', 'japan-korea', draft('Resume shuttle diplomacy', '2026-01-20'), 'U0A', start);
    const { subscription } = await subscribe(h.subs, {
      teamId: 'T0ONCE',
      channelId: 'C0ONCE',
      track: 'japan-korea',
      scheduleText: 'every monday 09:00',
      by: 'U0A',
      now: start,
    });
    // Monday 19 January 09:00 in Tokyo.
    expect(subscription.nextRunAt).toBe('2026-01-19T00:00:00.000Z');

    expect(await h.sweep(at('2026-01-18T23:59:00Z'))).toMatchObject({ due: 0, posted: 0 });
    expect(digestsIn('C0ONCE')).toHaveLength(0);

    expect(await h.sweep(at('2026-01-19T00:00:00Z'))).toMatchObject({ due: 1, posted: 1 });
    expect(await h.sweep(at('2026-01-19T00:05:00Z'))).toMatchObject({ due: 0, posted: 0 });
    expect(await h.sweep(at('2026-01-19T06:00:00Z'))).toMatchObject({ due: 0, posted: 0 });
    const [first] = digestsIn('C0ONCE');
    expect(first?.metadata.event_payload).toEqual({ slot_id: 'T0ONCE/C0ONCE/japan-korea/2026-01-19T00:00:00.000Z', track: 'japan-korea' });
    expect(String(first?.text)).toContain('1 due within 7 days');

    expect(await h.sweep(at('2026-01-26T00:02:00Z'))).toMatchObject({ due: 1, posted: 1 });
    expect(digestsIn('C0ONCE').map((m) => m.metadata.event_payload['slot_id'])).toEqual([
      'T0ONCE/C0ONCE/japan-korea/2026-01-19T00:00:00.000Z',
      'T0ONCE/C0ONCE/japan-korea/2026-01-26T00:00:00.000Z',
    ]);
    expect(await h.subscriptions.get({ teamId: 'T0ONCE', channelId: 'C0ONCE', track: 'japan-korea' })).toMatchObject({
      nextRunAt: '2026-02-02T00:00:00.000Z',
      lastDigestAt: '2026-01-26T00:00:00.000Z',
    });
  });

  // Issue 13: what the sweep's metrics count, published when its invocation ends.
  it('counts digests posted, subscriptions paused by reason and Slack 429s', async () => {
    const start = at('2026-02-01T00:00:00Z');
    await h.store.createTrack(track('T0COUNT', 'eu-japan', 'EJ', 'Europe/Brussels', start));
    slack.options.channelErrors = { C0REVOKED: 'invalid_auth' };
    let limited = false;
    slack.options.fault = (call) => {
      if (call.method !== 'chat.postMessage' || call.args['channel'] !== 'C0COUNT1' || limited) return undefined;
      limited = true;
      return { kind: 'rate-limited', retryAfterSeconds: 1 };
    };
    for (const channelId of ['C0COUNT1', 'C0COUNT2', 'C0REVOKED']) {
      await subscribe(h.subs, { teamId: 'T0COUNT', channelId, track: 'eu-japan', scheduleText: 'daily 08:00', skipWhenEmpty: false, by: 'U0A', now: start });
    }
    publishMetrics('test'); // starts the count from zero (metrics are off in tests, so nothing is written)
    expect(await h.sweep(at('2026-02-01T07:10:00Z'))).toMatchObject({ posted: 2, paused: 1 });
    expect(pendingCounts()).toEqual(
      expect.arrayContaining([
        { metric: 'DigestsPosted', count: 2 },
        { metric: 'SubscriptionsPaused', dimension: { reason: 'invalid_auth' }, count: 1 },
        { metric: 'SlackRateLimited', dimension: { method: 'chat.postMessage' }, count: 1 },
      ]),
    );
  });

  it('pauses the subscription of an archived channel, or one where posting is restricted, with the reason, and the others still get theirs', async () => {
    const start = at('2026-02-01T00:00:00Z');
    await h.store.createTrack(track('T0ARCH', 'eu-japan', 'EJ', 'Europe/Brussels', start));
    const channels = ['C0ARCH1', 'C0GONE', 'C0ARCH2', 'C0ARCH3', 'C0ANNOUNCE'];
    slack.options.channelErrors = { C0GONE: 'is_archived', C0ANNOUNCE: 'restricted_action' };
    for (const channelId of channels) {
      await subscribe(h.subs, { teamId: 'T0ARCH', channelId, track: 'eu-japan', scheduleText: 'daily 08:00', skipWhenEmpty: false, by: 'U0A', now: start });
    }
    const summary = await h.sweep(at('2026-02-01T07:10:00Z'));
    expect(summary).toMatchObject({ due: 5, posted: 3, paused: 2, failed: 0 });
    for (const channel of ['C0ARCH1', 'C0ARCH2', 'C0ARCH3']) expect(digestsIn(channel)).toHaveLength(1);
    const gone = await h.subscriptions.get({ teamId: 'T0ARCH', channelId: 'C0GONE', track: 'eu-japan' });
    expect(gone?.paused).toEqual({ reason: 'is_archived', at: expect.stringMatching(/^2026-02-01T07:10/) });
    // An announcement channel where only admins post: no point trying every slot.
    expect((await h.subscriptions.get({ teamId: 'T0ARCH', channelId: 'C0ANNOUNCE', track: 'eu-japan' }))?.paused).toMatchObject({ reason: 'restricted_action' });
    const postsToGone = slack.callsTo('chat.postMessage').filter((c) => c.args['channel'] === 'C0GONE').length;

    // Paused means out of the due index: the next day's sweep does not even see it.
    expect(await h.sweep(at('2026-02-02T07:10:00Z'))).toMatchObject({ due: 3, posted: 3, paused: 0 });
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args['channel'] === 'C0GONE')).toHaveLength(postsToGone);
    delete slack.options.channelErrors;
  });

  it('spaces posts to one channel and waits out a 429 for as long as Retry-After says', async () => {
    const start = at('2026-02-10T00:00:00Z');
    const teamId = 'T0PACE';
    for (const [slug, prefix] of [['pace-a', 'PA'], ['pace-b', 'PB'], ['pace-c', 'PC']] as const) {
      await h.store.createTrack(track(teamId, slug, prefix, 'UTC', start));
      await subscribe(h.subs, { teamId, channelId: 'C0PACE', track: slug, scheduleText: 'daily 09:00', skipWhenEmpty: false, by: 'U0A', now: start });
    }
    let limited = 0;
    slack.options.fault = (call) =>
      call.method === 'chat.postMessage' && call.args['channel'] === 'C0PACE' && limited++ === 0 ? { kind: 'rate-limited', retryAfterSeconds: 3 } : undefined;
    // Virtual time that only the sweep's own waits move, so a loaded machine cannot shift it.
    let virtualMs = 0;
    const sentAt: number[] = [];
    const recording: HttpSend = (url, init) => {
      if (url.endsWith('/chat.postMessage') && new URLSearchParams(String(init.body)).get('channel') === 'C0PACE') sentAt.push(virtualMs);
      return sendHttp(url, init);
    };
    const summary = await h.sweep(at('2026-02-10T09:00:00Z'), {
      slack: createSlackWeb({ apiUrl: slack.apiUrl, token: 'xoxb-test', retryAfterUnitMs: 10, http: recording }),
      settings: { ...FAST, channelIntervalMs: 60, concurrency: 1 },
      elapsedMs: () => virtualMs,
      sleep: async (ms) => {
        virtualMs += ms;
      },
    });
    delete slack.options.fault;

    expect(summary).toMatchObject({ due: 3, posted: 3 });
    expect(digestsIn('C0PACE')).toHaveLength(3);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args['channel'] === 'C0PACE')).toHaveLength(4);
    // Retry-After 3 is 30 ms here (the unit is shrunk for tests); then one post per 60 ms interval.
    expect(sentAt).toHaveLength(4);
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(30);
    for (let i = 2; i < sentAt.length; i++) expect(sentAt[i]! - sentAt[i - 1]!).toBeGreaterThanOrEqual(60);
  });

  it('stops taking new deliveries when the invocation is nearly out of time, and the next sweep sends the rest once', async () => {
    const start = at('2026-02-20T00:00:00Z');
    const teamId = 'T0TIME';
    await h.store.createTrack(track(teamId, 'time-track', 'TT', 'UTC', start));
    const channels = Array.from({ length: 12 }, (_, i) => `C0TIME${String(i).padStart(2, '0')}`);
    for (const channelId of channels) {
      await subscribe(h.subs, { teamId, channelId, track: 'time-track', scheduleText: 'daily 09:00', skipWhenEmpty: false, by: 'U0A', now: start });
    }
    // Each post eats 10 s of a 40 s invocation with a 10 s margin: a few go out, the rest wait.
    let remaining = 40_000;
    slack.options.fault = (call) => {
      if (call.method === 'chat.postMessage') remaining -= 10_000;
      return undefined;
    };
    const first = await runSweep(h.deps({ settings: { ...FAST, concurrency: 1 } }), { now: at('2026-02-20T09:00:00Z'), remainingMs: () => remaining });
    delete slack.options.fault;
    expect(first.posted).toBeGreaterThan(0);
    expect(first.posted).toBeLessThan(12);
    expect(first.failed).toBe(0);

    const second = await h.sweep(at('2026-02-20T09:05:00Z'));
    expect(first.posted + second.posted).toBe(12);
    for (const channel of channels) expect(digestsIn(channel)).toHaveLength(1);
  });
});
