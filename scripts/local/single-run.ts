import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Makes sure this is the only `npm start` on this port and this data folder, before anything
 * starts: a one-line refusal when either is taken; undefined when the run may go on. The data
 * folder's lock (a pid file) goes when this process exits.
 */
export async function claimLocalRun(port: number, dataDir: string): Promise<string | undefined> {
  if (!(await portIsFree(port))) return `Port ${port} is taken (another npm start?): stop that one, or run this one with PORT=<another port>.`;
  mkdirSync(dataDir, { recursive: true });
  const lock = join(dataDir, 'npm-start.pid');
  const holder = readPid(lock);
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
    return `${dataDir} is in use by another npm start (pid ${holder}): stop that one first.`;
  }
  writeFileSync(lock, String(process.pid));
  process.once('exit', () => {
    if (readPid(lock) === process.pid) rmSync(lock, { force: true });
  });
  return undefined;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id runs now. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
