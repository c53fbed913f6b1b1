import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createStore, type Store } from '#shared/store/store';
import { createSubscriptionStore, type SubscriptionStore } from '#shared/store/subscriptions';
import { createSlackWeb } from '#shared/slack/web-api';
import { runSweep, type SweepDeps, type SweepSummary } from '#shared/reminders/sweep';
import { createLogger, type Logger } from '#shared/observe/log';
import type { CommitmentDraft } from '#shared/domain/schemas';
import type { FakeSlack } from '#local/fake-slack';
import type { DeliveryStep } from '#shared/reminders/deliver';

/** Settings that keep a sweep's waits in milliseconds: Retry-After 1 means 10 ms here. */
export const FAST = {
  // Eight deliveries per sweep, as these tests were written for: the fake shares their process, and more would slow its answers past requestTimeoutMs.
  concurrency: 8,
  channelIntervalMs: 15,
  postsPerSecond: 1_000,
  safetyMarginMs: 1_000,
  leaseSkewMs: 5_000,
  backoff: { baseMs: 5, capMs: 40 },
  maxAttempts: 5,
  requestTimeoutMs: 2_000,
} as const;

/** Quiet unless DEBUG_SWEEP is set, then one JSON line per event, as in Lambda. */
export const silent: Logger = createLogger('test-sweep', process.env['DEBUG_SWEEP'] ? 'DEBUG' : 'SILENT');

export interface Harness {
  store: Store;
  subscriptions: SubscriptionStore;
  /** What the subscription use cases take. */
  subs: { store: Store; subscriptions: SubscriptionStore };
  deps(overrides?: Partial<SweepDeps>): SweepDeps;
  sweep(now: Date, overrides?: Partial<SweepDeps>): Promise<SweepSummary>;
}

export function harness(table: { client: DynamoDBClient; tableName: string }, slack: () => FakeSlack): Harness {
  const store = createStore(table);
  const subscriptions = createSubscriptionStore(table);
  const deps = (overrides: Partial<SweepDeps> = {}): SweepDeps => ({
    store,
    subscriptions,
    slack: createSlackWeb({ apiUrl: slack().apiUrl, token: 'xoxb-test', retryAfterUnitMs: 10 }),
    log: silent,
    settings: FAST,
    ...overrides,
  });
  return {
    store,
    subscriptions,
    subs: { store, subscriptions },
    deps,
    sweep: (now, overrides) => runSweep(deps(overrides), { now, remainingMs: () => 60_000 }),
  };
}

export function track(teamId: string, slug: string, idPrefix: string, timeZone: string, createdAt: Date) {
  return {
    teamId,
    slug,
    title: `Track ${slug}`,
    parties: [
      { code: 'JP', name: 'Japan' },
      { code: 'KR', name: 'South Korea' },
    ],
    timeZone,
    idPrefix,
    createdAt: createdAt.toISOString(),
    createdBy: 'U0ADMIN',
  };
}

export function draft(title: string, due?: string): CommitmentDraft {
  return {
    title,
    parties: ['JP', 'KR'],
    owners: [{ label: 'MOFA', slackUserId: 'U0OWNER' }],
    source: { meeting: 'Busan summit', date: '2025-09-30', place: 'Busan' },
    kind: { type: 'one-off', ...(due ? { due } : {}) },
    status: 'in-progress',
  };
}

const CRASH_STEPS: (DeliveryStep | undefined)[] = ['before-claim', 'after-claim', 'after-post', 'after-record', undefined];

/**
 * A sweep's crash points: each delivery (named by `key`) dies once, at the step its number
 * (`pick`) chooses, one in five never; `seen` counts the crashes by step.
 */
export function crashOnce<T>(pick: (thing: T) => number, key: (thing: T) => string): { seen: Map<DeliveryStep, number>; at(step: DeliveryStep, thing: T): void } {
  const crashed = new Set<string>();
  const seen = new Map<DeliveryStep, number>();
  return {
    seen,
    at(step, thing) {
      const id = key(thing);
      if (CRASH_STEPS[pick(thing) % CRASH_STEPS.length] !== step || crashed.has(id)) return;
      crashed.add(id);
      seen.set(step, (seen.get(step) ?? 0) + 1);
      throw new Error(`injected crash ${step}`);
    },
  };
}
