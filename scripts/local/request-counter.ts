import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The commands that read: what the sweeps' cost is counted in. */
const READ_COMMANDS = new Set(['QueryCommand', 'GetItemCommand', 'BatchGetItemCommand', 'ScanCommand', 'TransactGetItemsCommand']);

/** Counts the requests a client sends, by command name, through an SDK middleware. */
export function countRequests(client: DynamoDBClient): { counts: Map<string, number>; total(): number; reads(): number; reset(): void } {
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: `requestCounter${Math.random()}` },
  );
  return {
    counts,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    reads: () => [...counts].reduce((n, [name, count]) => n + (READ_COMMANDS.has(name) ? count : 0), 0),
    reset: () => counts.clear(),
  };
}
