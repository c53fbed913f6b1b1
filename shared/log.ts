/** One JSON line per event, the shape CloudWatch Logs Insights and Powertools-style tooling read. */
export type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

const RANK: Record<Level, number> = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(service: string, level: Level = 'INFO', write: (line: string) => void = (line) => console.log(line)): Logger {
  const emit = (at: Level) => (message: string, fields: Record<string, unknown> = {}) => {
    if (RANK[at] < RANK[level]) return;
    write(JSON.stringify({ level: at, timestamp: new Date().toISOString(), service, message, ...serialise(fields) }));
  };
  return { debug: emit('DEBUG'), info: emit('INFO'), warn: emit('WARN'), error: emit('ERROR') };
}

function serialise(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack, cause: value.cause instanceof Error ? value.cause.message : value.cause } : value;
  }
  return out;
}
