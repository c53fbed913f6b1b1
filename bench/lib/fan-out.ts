import { createDynamoClient } from '#shared/store/client';
import { createStore } from '#shared/store/store';
import { createSubscriptionStore } from '#shared/store/subscriptions';
import { createSlackWeb } from '#shared/slack/web-api';
import { runSweep } from '#shared/reminders/sweep';
import { DIGEST_EVENT_TYPE } from '#shared/reminders/deliver';
import { createLogger } from '#shared/observe/log';
import { load, subscriptionItem } from '#local/bulk-subscriptions';
import { limitedFakeSlack } from './limited-fake-slack.ts';
import type { Stack } from './stack.ts';
import { ratio } from './stats.ts';
import { trackWithOneItem } from './subscriptions.ts';

const silent = createLogger('bench', 'SILENT');

export interface FanOutOptions {
  channels: number;
  /** Posts per second the fake accepts across the workspace. */
  globalPerSecond: number;
  /** The table's name, one per run. */
  tableName?: string;
}

export type FanOutResult = Awaited<ReturnType<typeof fanOut>>;

/**
 * One digest due in each of `channels` channels at once, through a fake Slack that enforces a
 * workspace-wide rate and 1 post per second per channel and fails 20% of calls; sweeps run
 * until nothing is due. The lower bound is the time the workspace rate alone needs:
 * ceil(channels / rate) seconds.
 */
export async function fanOut(s: Stack, { channels: FANOUT_CHANNELS, globalPerSecond: FANOUT_GLOBAL, tableName: name = 'bench-fanout' }: FanOutOptions) {
  const teamId = 'T0FANOUT';
  const created = new Date('2026-04-01T00:00:00Z');
  const slot = '2026-04-02T00:00:00.000Z'; // daily 09:00 Asia/Tokyo
  const tableName = await s.table(name);
  const client = createDynamoClient(s.endpoint);
  await trackWithOneItem(client, tableName, teamId, created);
  const channels = Array.from({ length: FANOUT_CHANNELS }, (_, i) => `C0FAN${String(i).padStart(4, '0')}`);
  // `always`: the one item has nothing to report, and what is measured is posting.
  await load(client, tableName, channels.map((c) => subscriptionItem(teamId, c, 'daily 09:00', created, created, { skipWhenEmpty: false })));
  const limited = limitedFakeSlack({ globalPerSecond: FANOUT_GLOBAL, perChannelIntervalMs: 1000, faultRate: 0.2, seed: 20260301 });
  const slack = await limited.slack.start();
  const deps = {
    store: createStore({ client, tableName }),
    subscriptions: createSubscriptionStore({ client, tableName }),
    slack: createSlackWeb({ apiUrl: slack.apiUrl, token: 'xoxb-bench' }),
    log: silent,
    // The sweep is told the workspace's rate the fake enforces, as a deployment would be told Slack's.
    settings: { postsPerSecond: FANOUT_GLOBAL },
  };
  const t = performance.now();
  const sweeps = [];
  // A Lambda invocation has up to 15 minutes; what one sweep leaves, the next (15 minutes of schedule later) takes.
  for (let round = 0; round < 6; round++) {
    const invocationStart = performance.now();
    const summary = await runSweep(deps, { now: new Date(Date.parse(slot) + round * 900_000 + 1_000), remainingMs: () => 840_000 - (performance.now() - invocationStart) });
    sweeps.push(summary);
    if (summary.due === 0) break;
  }
  const wallMs = performance.now() - t;
  const perSlot = new Map<string, number>();
  for (const m of slack.messagesWithMetadata(DIGEST_EVENT_TYPE)) {
    const id = String(m.metadata.event_payload['slot_id']);
    perSlot.set(id, (perSlot.get(id) ?? 0) + 1);
  }
  const delivered = perSlot.size;
  const duplicates = [...perSlot.values()].reduce((n, v) => n + v - 1, 0);
  const posts = slack.callsTo('chat.postMessage').length;
  await slack.stop();
  client.destroy();
  const lowerBoundMs = Math.ceil(FANOUT_CHANNELS / FANOUT_GLOBAL) * 1000;
  return {
    channels: FANOUT_CHANNELS,
    limits: { globalPerSecond: FANOUT_GLOBAL, perChannelPerSecond: 1, faultRate: 0.2 },
    delivered,
    duplicates,
    lost: FANOUT_CHANNELS - delivered,
    wallMs: Math.round(wallMs),
    lowerBoundMs,
    wallToLowerBound: ratio(wallMs, lowerBoundMs),
    postAttempts: posts,
    faultsInjected: Object.fromEntries(limited.faults),
    globalLimit429s: limited.globalRejections(),
    sweeps: sweeps.map((x) => ({ due: x.due, posted: x.posted, skippedAlreadyPosted: x.skippedAlreadyPosted, left: x.leftForNextSweep, failed: x.failed })),
  };
}

/** The bench table's fan-out line. */
export function fanOutLine(f: Pick<FanOutResult, 'channels' | 'delivered' | 'duplicates' | 'lost' | 'wallMs' | 'lowerBoundMs' | 'wallToLowerBound' | 'limits'>): string {
  return `Fan-out: ${f.channels} channels, ${f.limits.globalPerSecond}/s global + 1/s per channel, 20% faults: delivered ${f.delivered}, duplicates ${f.duplicates}, lost ${f.lost}; ${(f.wallMs / 1000).toFixed(1)} s vs lower bound ${(f.lowerBoundMs / 1000).toFixed(0)} s (×${f.wallToLowerBound}).`;
}
