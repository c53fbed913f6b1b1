import type { Context } from 'aws-lambda';
import { loadConfig } from '#shared/config';
import { createLogger } from '#shared/observe/log';
import { observeInvocation } from '#shared/observe/invocation';
import { loadTracer } from '#shared/observe/tracer';
import { createDynamoClient } from '#shared/store/client';
import { createSweepDeps } from '#shared/reminders/deps';
import { runSweep, type SweepDeps, type SweepSummary } from '#shared/reminders/sweep';
import { createCheckInDeps } from '#shared/check-ins/deps';
import { runCheckInSweep } from '#shared/check-ins/sweep';

// Once per cold start: config (fails fast on a missing variable), client, logger.
const config = loadConfig();
const service = config.serviceName ?? 'commitments-reminders';
const client = createDynamoClient(config.dynamodbEndpoint);
const log = createLogger(service, config.logLevel);
let deps: Promise<SweepDeps> | undefined;
const checkInDeps = createCheckInDeps(config, client, log);

/**
 * EventBridge schedule → one sweep of due subscriptions, then one of due check-ins in the time
 * left; each summary is logged as one line, the digests' returned.
 */
export async function handler(_event: unknown, context: Context): Promise<SweepSummary> {
  // No one waits on a sweep: the tracer loads beside it (calls sent before it arrives go untraced).
  void loadTracer();
  return observeInvocation(log, service, context, async () => {
    if (!deps) {
      deps = createSweepDeps(config, client, log);
      deps.catch(() => (deps = undefined)); // a failed secret read is retried on the next event
    }
    const summary = await runSweep(await deps, { now: new Date(), remainingMs: () => context.getRemainingTimeInMillis() });
    log.info('sweep', { ...summary });
    const checkIns = await runCheckInSweep(checkInDeps, { now: new Date(), remainingMs: () => context.getRemainingTimeInMillis() });
    log.info('check-in sweep', { ...checkIns });
    return summary;
  });
}
