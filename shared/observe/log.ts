import { Logger } from '@aws-lambda-powertools/logger';
import { mappedStack } from '#shared/observe/mapped-stack';

/** The one logger the code passes around: Powertools', one JSON line per event. */
export type { Logger };

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

/** How many causes deep a logged error's stacks are mapped. */
const CAUSES = 5;

/**
 * Powertools' replacer hook, which sees a logged error before Powertools formats it: the error's
 * stack, and its causes', are written in our source files' lines (see `mappedStack`).
 */
function withSourceStacks(_key: string, value: unknown): unknown {
  let error = value;
  for (let depth = 0; depth <= CAUSES && error instanceof Error; depth++, error = error.cause) {
    const stack = mappedStack(error);
    try {
      if (stack !== error.stack) error.stack = stack;
    } catch {
      // An error whose stack cannot be set (a getter alone) is logged as it is.
    }
  }
  return value;
}

/**
 * A Powertools logger for `service` (deployed: `POWERTOOLS_SERVICE_NAME`). Each line carries
 * level, timestamp, service and message; in a handler also the request id, cold start flag and
 * function name (`observeInvocation`), and the Slack team once the request names it. A logged
 * error's stack names our source files.
 */
export function createLogger(service: string, level: LogLevel): Logger {
  return new Logger({ serviceName: service, logLevel: level, jsonReplacerFn: withSourceStacks });
}
