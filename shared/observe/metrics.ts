import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { AppError } from '#shared/errors';

/** The CloudWatch namespace of every metric the bot emits (EMF lines on stdout, no API calls). */
export const METRICS_NAMESPACE = 'Commitments';

/** Each metric's name and the one dimension it is broken down by (besides `service`). */
export const METRIC = {
  /** Slash commands answered, by subcommand (`invalid` when the text did not parse). */
  commands: { name: 'Commands', dimension: 'command' },
  /** Unexpected errors a person saw as "something went wrong (error id …)", by error kind; also emitted without `kind`, as the total the alarm watches. */
  handledErrors: { name: 'HandledErrors', dimension: 'kind' },
  /** Requests refused before any listener ran, by reason. */
  refusedRequests: { name: 'RefusedRequests', dimension: 'reason' },
  /** Digests posted to a channel. */
  digestsPosted: { name: 'DigestsPosted', dimension: undefined },
  /** Check-in direct messages sent (one per owner and day at most). */
  checkInsSent: { name: 'CheckInsSent', dimension: undefined },
  /** Subscriptions paused, by the Slack error (or `track_not_found`) that paused them. */
  subscriptionsPaused: { name: 'SubscriptionsPaused', dimension: 'reason' },
  /** Slack Web API answers of 429 (or `ratelimited`), by method. */
  slackRateLimited: { name: 'SlackRateLimited', dimension: 'method' },
} as const;

/** Why the Slack function refused a request before it reached a listener. */
export type RefusalReason = 'signature' | 'stale' | 'malformed' | 'replay' | 'not_installed' | 'no_team';

type MetricKey = keyof typeof METRIC;

/** Counts since the last publish, by metric and dimension value: one EMF line per pair, not per event. */
const tallies = new Map<string, { key: MetricKey; value: string | undefined; count: number }>();

function count(key: MetricKey, value?: string): void {
  const id = `${key}\u0000${value ?? ''}`;
  const tally = tallies.get(id);
  if (tally) tally.count += 1;
  else tallies.set(id, { key, value, count: 1 });
}

export const countCommand = (command: string): void => count('commands', command);
export const countRefusedRequest = (reason: RefusalReason): void => count('refusedRequests', reason);
export const countDigestPosted = (): void => count('digestsPosted');
export const countCheckInSent = (): void => count('checkInsSent');
export const countSubscriptionPaused = (reason: string): void => count('subscriptionsPaused', reason);
export const countSlackRateLimited = (method: string): void => count('slackRateLimited', method);

/** Counts an unexpected error a person was answered about, by kind and in total. */
export function countHandledError(error: unknown): void {
  count('handledErrors', errorKindOf(error));
  count('handledErrors');
}

/**
 * An error's `code` (ours, Slack's `slack_webapi_platform_error`, Node's `ECONNRESET`), else its
 * `name` (the AWS SDK's exception names, `TypeError`): class names alone are minified in the bundle.
 */
export function errorKindOf(error: unknown): string {
  if (error instanceof AppError) return error.code;
  if (!(error instanceof Error)) return typeof error;
  const code = 'code' in error && typeof error.code === 'string' && error.code ? error.code : undefined;
  return (code ?? error.name).slice(0, 64);
}

/** The counts not yet published, for tests and the local runner. */
export function pendingCounts(): { metric: string; dimension?: Record<string, string>; count: number }[] {
  return [...tallies.values()].map(({ key, value, count }) => {
    const { name, dimension } = METRIC[key];
    return { metric: name, ...(dimension && value !== undefined ? { dimension: { [dimension]: value } } : {}), count };
  });
}

/**
 * Writes the invocation's counts as EMF lines under `service` and starts again from zero.
 * Nothing is written when nothing was counted, or when Powertools' `POWERTOOLS_METRICS_DISABLED`
 * (or `POWERTOOLS_DEV`) turns metrics off, as the local runner and the tests do.
 */
export function publishMetrics(service: string): void {
  const counted = pendingCounts();
  tallies.clear();
  if (counted.length === 0) return;
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: service });
  for (const { metric, dimension, count } of counted) {
    if (!dimension) {
      metrics.addMetric(metric, MetricUnit.Count, count);
      continue;
    }
    // A dimension of its own needs its own EMF line; a single metric is written at once.
    const single = metrics.singleMetric();
    for (const [name, value] of Object.entries(dimension)) single.addDimension(name, value);
    single.addMetric(metric, MetricUnit.Count, count);
  }
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}
