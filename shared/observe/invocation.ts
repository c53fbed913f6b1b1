import type { Context } from 'aws-lambda';
import type { Logger } from '#shared/observe/log';
import { publishMetrics } from '#shared/observe/metrics';

/**
 * One Lambda invocation, observed: every log line it writes carries the request id, cold start
 * flag and function name, none of the keys an earlier invocation appended (its Slack team), and
 * its metrics are published when it ends, thrown or not.
 */
export async function observeInvocation<T>(log: Logger, service: string, context: Context, run: () => Promise<T>): Promise<T> {
  log.resetKeys();
  log.addContext(context);
  try {
    return await run();
  } finally {
    publishMetrics(service);
  }
}
