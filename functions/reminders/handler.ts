import { loadConfig } from '#shared/config';
import { createLogger } from '#shared/log';
import { createDynamoClient } from '#shared/store/client';
import { createSweepDeps } from '#shared/reminders/deps';
import { runSweep, type SweepDeps, type SweepSummary } from '#shared/reminders/sweep';

/** The part of the Lambda context a sweep uses. */
interface LambdaContext {
  getRemainingTimeInMillis(): number;
}

// Once per cold start: config (fails fast on a missing variable), client, logger.
const config = loadConfig();
const client = createDynamoClient(config.dynamodbEndpoint);
const log = createLogger('reminders', config.logLevel);
let deps: Promise<SweepDeps> | undefined;

/** EventBridge schedule → one sweep of due subscriptions; the summary is returned and logged as one line. */
export async function handler(_event: unknown, context: LambdaContext): Promise<SweepSummary> {
  if (!deps) {
    deps = createSweepDeps(config, client, log);
    deps.catch(() => (deps = undefined)); // a failed secret read is retried on the next event
  }
  const summary = await runSweep(await deps, { now: new Date(), remainingMs: () => context.getRemainingTimeInMillis() });
  log.info('sweep', { ...summary });
  return summary;
}
