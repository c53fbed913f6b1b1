import { Logger } from '@aws-lambda-powertools/logger';

/** The one logger the code passes around: Powertools', one JSON line per event. */
export type { Logger };

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

/**
 * A Powertools logger for `service` (deployed: `POWERTOOLS_SERVICE_NAME`). Each line carries
 * level, timestamp, service and message; in a handler also the request id, cold start flag and
 * function name (`observeInvocation`), and the Slack team once the request names it.
 */
export function createLogger(service: string, level: LogLevel): Logger {
  return new Logger({ serviceName: service, logLevel: level });
}
