import type { BackoffPolicy } from '#shared/backoff';
import { createLogger, type Logger } from '#shared/observe/log';
import { countHandledError, countSubscriptionPaused } from '#shared/observe/metrics';
import type { Report } from '#shared/domain/report';
import { subscriptionKeyOf, type Subscription } from '#shared/domain/subscription';
import type { Store } from '#shared/store/store';
import type { SubscriptionStore } from '#shared/store/subscriptions';
import { deliver, type DeliverContext, type Faults, type Outcome } from '#shared/reminders/deliver';
import type { PostContext } from '#shared/reminders/post';
import { Budget, ChannelPacer, realSleep, type Sleep } from '#shared/reminders/pacing';
import type { SlackWeb } from '#shared/slack/web-api';

export interface SweepSettings {
  /**
   * Deliveries in flight at once: enough that those waiting out a Retry-After or a backoff
   * (about a second each) leave others to take every turn of the workspace's rate.
   */
  concurrency: number;
  /** Gap between two posts to one channel (Slack: about one message per second). */
  channelIntervalMs: number;
  /** Posts per second to one workspace, across its channels (Slack: a workspace-wide limit it does not publish). */
  postsPerSecond: number;
  /** Time kept free at the end of the invocation: no new delivery or retry starts inside it. */
  safetyMarginMs: number;
  /** Added to a claim's lease beyond the invocation's remaining time, for clock skew. */
  leaseSkewMs: number;
  backoff: BackoffPolicy;
  maxAttempts: number;
  requestTimeoutMs: number;
  /** Due subscriptions read per Query page. */
  pageSize: number;
}

export const DEFAULT_SWEEP_SETTINGS: SweepSettings = {
  concurrency: 24,
  channelIntervalMs: 1100,
  postsPerSecond: 20,
  safetyMarginMs: 10_000,
  leaseSkewMs: 30_000,
  backoff: { baseMs: 300, capMs: 8_000 },
  maxAttempts: 5,
  requestTimeoutMs: 10_000,
  pageSize: 100,
};

/** What every sweep (digests, check-ins) runs with: Slack, the clock, the pacing settings. */
export interface SweepRuntime {
  /** The Web API with one bot token, or per team with its install's token (undefined: not installed). */
  slack: SlackWeb | ((teamId: string) => Promise<SlackWeb | undefined>);
  log?: Logger;
  sleep?: Sleep;
  /** A monotonic clock in milliseconds; tests pass a virtual one that only their `sleep` moves. */
  elapsedMs?: () => number;
  random?: () => number;
  settings?: Partial<SweepSettings>;
}

/** What one sweep's deliveries share, built once from its runtime: the time budget, the moving clock, retries, and a pacer per workspace. */
export interface SweepClock extends Omit<PostContext, 'slack' | 'pacer'> {
  settings: SweepSettings;
  /** The sweep's `now` moved on by the real time spent since. */
  clock(): Date;
  /** How long a claim taken now must hold: at least until this invocation cannot be running. */
  leaseMs(): number;
  /** A fresh pacer for one workspace's posts, on the sweep's monotonic clock. */
  newPacer(): ChannelPacer;
}

export function startSweep(runtime: SweepRuntime, input: SweepInput, service: string): SweepClock {
  const settings = { ...DEFAULT_SWEEP_SETTINGS, ...runtime.settings };
  const elapsedMs = runtime.elapsedMs ?? (() => performance.now());
  const started = elapsedMs();
  return {
    settings,
    budget: new Budget(input.remainingMs, settings.safetyMarginMs),
    clock: () => new Date(input.now.getTime() + (elapsedMs() - started)),
    leaseMs: () => input.remainingMs() + settings.leaseSkewMs,
    newPacer: () => new ChannelPacer({ channelIntervalMs: settings.channelIntervalMs, perSecond: settings.postsPerSecond, clock: elapsedMs }),
    sleep: runtime.sleep ?? realSleep,
    random: runtime.random ?? Math.random,
    backoff: settings.backoff,
    maxAttempts: settings.maxAttempts,
    requestTimeoutMs: settings.requestTimeoutMs,
    log: runtime.log ?? createLogger(service, 'INFO'),
  };
}

export interface SweepDeps extends SweepRuntime {
  subscriptions: SubscriptionStore;
  store: Pick<Store, 'getReport'>;
  faults?: Faults;
}

export interface SweepInput {
  /** The instant the sweep runs at; tests freeze it, the clock moves on from it by real time. */
  now: Date;
  /** The Lambda's `context.getRemainingTimeInMillis`. */
  remainingMs: () => number;
}

export interface SweepSummary {
  /** Due subscriptions read from the index this sweep. */
  due: number;
  posted: number;
  /** Already in the channel or already recorded: not posted again. */
  skippedAlreadyPosted: number;
  /** Nothing to report in the chosen sections, and the channel skips empty digests: recorded, not posted. */
  skippedEmpty: number;
  paused: number;
  failed: number;
  /** Held by another sweep, out of time, or Slack kept failing: claimable by the next sweep. */
  leftForNextSweep: number;
  /** The index showed a slot its subscription had already left (moved, paused, removed). */
  stale: number;
}

const TALLY: Record<Outcome, keyof SweepSummary> = {
  posted: 'posted',
  'skipped-already-posted': 'skippedAlreadyPosted',
  'skipped-empty': 'skippedEmpty',
  paused: 'paused',
  failed: 'failed',
  left: 'leftForNextSweep',
  stale: 'stale',
};

/**
 * One reminder sweep, in steps:
 * 1. read due subscriptions shard by shard from the due index (`nextRunAt <= now`), a page at a time;
 * 2. deliver each (see `deliver.ts`) with bounded concurrency, paced per channel and per workspace
 *    (see `pacing.ts`): a delivery waiting for its channel never holds back one that can post;
 * 3. stop taking new ones when the invocation's time is nearly up: what is left stays due.
 * One subscription failing never stops the others.
 */
export async function runSweep(deps: SweepDeps, input: SweepInput): Promise<SweepSummary> {
  const { settings, newPacer, ...run } = startSweep(deps, input, 'reminders');
  const reports = new Map<string, Promise<Report>>();
  const pacers = new Map<string, ChannelPacer>();
  const pacerOf = (teamId: string) => {
    let pacer = pacers.get(teamId);
    if (!pacer) {
      pacer = newPacer();
      pacers.set(teamId, pacer);
    }
    return pacer;
  };
  // Each delivery adds its team's Web API and pacer.
  const ctx: Omit<DeliverContext, 'slack' | 'pacer'> = {
    ...run,
    subscriptions: deps.subscriptions,
    report(teamId, slug) {
      const key = `${teamId}#${slug}`;
      let report = reports.get(key);
      if (!report) {
        report = deps.store.getReport(teamId, slug);
        report.catch(() => reports.delete(key));
        reports.set(key, report);
      }
      return report;
    },
    faults: deps.faults,
  };

  const summary: SweepSummary = { due: 0, posted: 0, skippedAlreadyPosted: 0, skippedEmpty: 0, paused: 0, failed: 0, leftForNextSweep: 0, stale: 0 };
  const due = deps.subscriptions.due(input.now, settings.pageSize);

  async function worker(): Promise<void> {
    // Concurrent next() calls on one async generator queue up: each entry goes to one worker.
    while (!ctx.budget.exhausted()) {
      const next = await due.next();
      if (next.done) return;
      summary.due++;
      if (ctx.budget.exhausted()) {
        summary.leftForNextSweep++;
        return;
      }
      summary[TALLY[await deliverSafely({ ...ctx, pacer: pacerOf(next.value.teamId) }, next.value, deps.slack)]]++;
    }
  }

  await Promise.all(Array.from({ length: settings.concurrency }, worker));
  await due.return(undefined);
  return summary;
}

async function deliverSafely(ctx: Omit<DeliverContext, 'slack'>, sub: Subscription, slack: SweepDeps['slack']): Promise<Outcome> {
  try {
    if (typeof slack !== 'function') return await deliver({ ...ctx, slack }, sub);
    const teamSlack = await slack(sub.teamId);
    if (teamSlack) return await deliver({ ...ctx, slack: teamSlack }, sub);
    // The workspace removed the app (its uninstall event pauses too; this covers a missed one).
    const paused = await ctx.subscriptions.pause({ key: subscriptionKeyOf(sub), slot: sub.nextRunAt, reason: 'not_installed', at: ctx.clock() });
    if (paused) countSubscriptionPaused('not_installed');
    return paused ? 'paused' : 'stale';
  } catch (error) {
    // Like a crash of this one delivery: its claim stays until the lease ends, then it is retried.
    ctx.log.error('delivery failed', { teamId: sub.teamId, channelId: sub.channelId, track: sub.track, slot: sub.nextRunAt, error });
    countHandledError(error);
    return 'failed';
  }
}
