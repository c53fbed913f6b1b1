import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_EVENT_TYPE } from '#shared/reminders/deliver';
import { DEFAULT_SWEEP_SETTINGS, runSweep, type SweepSummary } from '#shared/reminders/sweep';
import { createSlackWeb, type SlackMethod, type SlackMethods, type SlackWeb } from '#shared/slack/web-api';
import { createDynamoClient } from '#shared/store/client';
import { createStore } from '#shared/store/store';
import { createSubscriptionStore } from '#shared/store/subscriptions';
import { FakeSlack, mixedFault, type Fault, type SlackCall } from '#local/fake-slack';
import { load, subscriptionItem } from '#local/bulk-subscriptions';
import { seededRandom } from '#local/seeded-random';
import { useTestTable } from '../../support/dynamodb.ts';
import { draft, silent, track } from './harness.ts';

/**
 * Time for a whole sweep that stands still while any DynamoDB or Slack call is in flight and
 * jumps to the next wake-up once every delivery waits: calls take no time, waits take exactly
 * what they ask, so how fast the machine is cannot open or close a gap.
 */
class VirtualTime {
  now = 0;
  private inFlight = 0;
  private sleepers: { at: number; wake: () => void }[] = [];
  private checking = false;

  readonly elapsedMs = () => this.now;

  readonly sleep = (ms: number) =>
    new Promise<void>((wake) => {
      this.sleepers.push({ at: this.now + Math.max(0, ms), wake });
      this.check();
    });

  async around<T>(call: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await call();
    } finally {
      this.inFlight--;
      this.check();
    }
  }

  // After the microtasks: a delivery whose call just ended has started its next one, or is asleep.
  private check(): void {
    if (this.checking) return;
    this.checking = true;
    setImmediate(() => {
      this.checking = false;
      if (this.inFlight > 0 || this.sleepers.length === 0) return;
      this.now = Math.max(this.now, Math.min(...this.sleepers.map((s) => s.at)));
      const woken = this.sleepers.filter((s) => s.at <= this.now);
      this.sleepers = this.sleepers.filter((s) => s.at > this.now);
      for (const s of woken) s.wake();
    });
  }
}

const RATE = DEFAULT_SWEEP_SETTINGS.postsPerSecond;
const time = new VirtualTime();
const table = useTestTable();
const client = createDynamoClient(table.endpoint);
client.middlewareStack.add((next) => (args) => time.around(() => next(args)), { step: 'initialize', name: 'virtualTime' });

/** Slack's limits on virtual time: RATE posts a second for the workspace, one a second per channel; then 20% faults. */
const random = seededRandom(20260301);
const attempts: { at: number; channel: string }[] = [];
const rejected = { workspace: 0, channel: 0 };
const faults = new Map<string, number>();
const lastPostAt = new Map<string, number>();
let windowStart = Number.NEGATIVE_INFINITY;
let inWindow = 0;
function limits(call: SlackCall): Fault | undefined {
  if (call.method === 'chat.postMessage') {
    const channel = String(call.args['channel']);
    if (time.now - windowStart >= 1000) {
      windowStart = time.now;
      inWindow = 0;
    }
    if (inWindow >= RATE) {
      rejected.workspace++;
      return { kind: 'rate-limited', retryAfterSeconds: 1 };
    }
    if (time.now - (lastPostAt.get(channel) ?? Number.NEGATIVE_INFINITY) < 1000) {
      rejected.channel++;
      return { kind: 'rate-limited', retryAfterSeconds: 1 };
    }
    inWindow++;
    lastPostAt.set(channel, time.now);
    attempts.push({ at: time.now, channel });
  }
  const fault = mixedFault(random, 0.2);
  if (fault) faults.set(fault.kind, (faults.get(fault.kind) ?? 0) + 1);
  return fault;
}

let slack: FakeSlack;
beforeAll(async () => {
  slack = await new FakeSlack({ fault: limits }).start();
});
afterAll(async () => {
  await slack.stop();
  client.destroy();
});

describe('digest fan-out', () => {
  it("uses every turn of the workspace's rate while channels wait to be posted to, through 429s, 5xx and lost answers", async () => {
    const teamId = 'T0FANOUT';
    const created = new Date('2026-04-01T00:00:00Z');
    const slot = '2026-04-02T00:00:00.000Z'; // daily 09:00 Asia/Tokyo
    const store = createStore({ client, tableName: table.tableName });
    await store.createTrack(track(teamId, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    await store.createCommitment(teamId, 'japan-korea', draft('Resume shuttle diplomacy', '2026-04-05'), 'U0A', created);
    const channels = Array.from({ length: 200 }, (_, i) => `C0FAN${String(i).padStart(3, '0')}`);
    await load(client, table.tableName, channels.map((c) => subscriptionItem(teamId, c, 'daily 09:00', created, created)));

    const web = createSlackWeb({ apiUrl: slack.apiUrl, token: 'xoxb-test' });
    const timed: SlackWeb = {
      call: <M extends SlackMethod>(method: M, args: SlackMethods[M]['args'], options?: { timeoutMs?: number }) => time.around(() => web.call(method, args, options)),
    };
    const deps = { store, subscriptions: createSubscriptionStore({ client, tableName: table.tableName }), slack: timed, log: silent, sleep: time.sleep, elapsedMs: time.elapsedMs, random: seededRandom(7) };
    const sweeps: SweepSummary[] = [];
    for (let round = 0; round < 4; round++) {
      const start = time.now;
      const summary = await runSweep(deps, { now: new Date(Date.parse(slot) + round * 900_000 + 1_000), remainingMs: () => 840_000 - (time.now - start) });
      sweeps.push(summary);
      if (summary.due === 0) break;
    }

    // Every channel got its digest once.
    const perSlot = new Map<string, number>();
    for (const m of slack.messagesWithMetadata(DIGEST_EVENT_TYPE)) {
      const id = String(m.metadata.event_payload['slot_id']);
      perSlot.set(id, (perSlot.get(id) ?? 0) + 1);
    }
    expect([...perSlot.keys()].sort()).toEqual(channels.map((c) => `${teamId}/${c}/japan-korea/${slot}`));
    expect([...perSlot.values()].filter((n) => n !== 1)).toEqual([]);
    expect(Math.min(...['rate-limited', 'server-error', 'lost-response'].map((k) => faults.get(k) ?? 0))).toBeGreaterThan(3);

    // Neither limit was hit, and while some channel had not been tried yet, every second had all its turns.
    expect(rejected).toEqual({ workspace: 0, channel: 0 });
    const firstTry = new Map<string, number>();
    for (const a of attempts) if (!firstTry.has(a.channel)) firstTry.set(a.channel, a.at);
    const busySeconds = Math.floor(Math.max(...firstTry.values()) / 1000);
    expect(busySeconds).toBeGreaterThanOrEqual(8);
    const perSecond = Array.from({ length: busySeconds }, (_, s) => attempts.filter((a) => a.at >= s * 1000 && a.at < (s + 1) * 1000).length);
    expect(perSecond).toEqual(Array.from({ length: busySeconds }, () => RATE));
  }, 120_000);
});
