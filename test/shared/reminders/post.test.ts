import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Budget, ChannelPacer } from '#shared/reminders/pacing';
import { postOnce, type PostContext } from '#shared/reminders/post';
import { createSlackWeb, type SlackWeb } from '#shared/slack/web-api';
import { FakeSlack, type Fault } from '#local/fake-slack';
import { silent } from './harness.ts';

/** The fault each channel's first post is answered with; its later posts go through. */
const firstAnswers = new Map<string, Fault>([
  ['C0FIVE', { kind: 'server-error', status: 500 }],
  ['C0LIMIT', { kind: 'rate-limited', retryAfterSeconds: 1 }],
]);
const answered = new Set<string>();
let slack: FakeSlack;
beforeAll(async () => {
  slack = await new FakeSlack({
    fault(call) {
      const channel = String(call.args['channel']);
      if (call.method !== 'chat.postMessage' || answered.has(channel)) return undefined;
      answered.add(channel);
      return firstAnswers.get(channel);
    },
  }).start();
});
afterAll(() => slack.stop());

/** One post through the real Web API client on a clock only waits move; returns when each attempt went out. */
async function postTo(channel: string): Promise<{ kind: string; sentAt: number[] }> {
  let now = 0;
  const sentAt: number[] = [];
  const web = createSlackWeb({ apiUrl: slack.apiUrl, token: 'xoxb-test' });
  const timed: SlackWeb = {
    call: (method, args, options) => {
      if (method === 'chat.postMessage') sentAt.push(now);
      return web.call(method, args, options);
    },
  };
  const ctx: PostContext = {
    slack: timed,
    pacer: new ChannelPacer({ channelIntervalMs: 1100, perSecond: 25, clock: () => now }),
    budget: new Budget(() => 60_000 - now, 1_000),
    sleep: async (ms) => void (now += ms),
    random: () => 0,
    backoff: { baseMs: 100, capMs: 300 },
    maxAttempts: 3,
    requestTimeoutMs: 2_000,
    log: silent,
  };
  const post = { channel, message: { text: 'Check-in', blocks: [] }, eventType: 'commitments_test', slotId: `${channel}/slot`, since: '2026-03-10T00:00:00Z', checkFirst: false };
  const { kind } = await postOnce(ctx, post);
  return { kind, sentAt };
}

describe('posting once', () => {
  it("waits out the channel's interval after a 5xx, which Slack may have counted, even when the history shows nothing landed", async () => {
    const { kind, sentAt } = await postTo('C0FIVE');
    expect(kind).toBe('posted');
    expect(slack.callsTo('conversations.history').map((call) => call.args['channel'])).toEqual(['C0FIVE']);
    // The first of the workspace's turns (every 40 ms) once the channel's 1,100 ms have passed.
    expect(sentAt).toEqual([0, 1120]);
  });

  it('retries after a 429 once Retry-After has passed, not a channel interval later: Slack did not take the post', async () => {
    const { kind, sentAt } = await postTo('C0LIMIT');
    expect(kind).toBe('posted');
    expect(sentAt).toEqual([0, 1000]);
  });
});
