import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 25: a signal to any process of `npm start` (npm's own included, as a process manager or a
 * closed terminal sends it) ends all of it: npm, the server holding the port, and DynamoDB Local.
 * Each case spawns the real `npm start`, so this file is slow; one run per case.
 */

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Whether `pid` still runs; an ended process nobody has reaped yet (an orphan whose init does not reap) has not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Process ids whose command line matches `pattern` (pgrep exits 1 when none does). */
function pids(pattern: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

interface Run {
  npm: number;
  /** scripts/start.ts's own process: the one that serves the port. */
  server: number;
  java: number[];
  port: number;
  exited: Promise<unknown>;
  output: () => string;
}

/**
 * Runs `fn` with a ready `npm start` on a free port and a temp LOCAL_DIR; whatever happens, kills
 * what is left. `launcherExits`: npm is started in the background by a shell that ends once it serves, as
 * `nohup npm start &` is left when its terminal closes.
 */
async function withNpmStart(fn: (run: Run) => Promise<void>, { launcherExits = false } = {}): Promise<void> {
  const localDir = mkdtempSync(path.join(tmpdir(), 'commitments-stopping-'));
  const port = await freePort();
  const child = spawn(launcherExits ? 'sh' : 'npm', launcherExits ? ['-c', 'npm start & echo "npm=$!"; read -r line'] : ['start'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, PORT: String(port), LOCAL_DIR: localDir, SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((done) => child.once('exit', done));
  const endpoints = path.join(localDir, 'endpoints.json');
  let npm = launcherExits ? undefined : child.pid;
  let server: number | undefined;
  let java: number[] = [];
  try {
    if (launcherExits) {
      await waitFor('the launching shell to start npm', () => /npm=\d+/.test(output), 30_000);
      npm = Number(/npm=(\d+)/.exec(output)?.[1]);
    }
    await waitFor(
      `npm start to serve port ${port}`,
      async () => {
        if (!alive(npm!)) throw new Error(`npm start exited early:\n${output}`);
        return existsSync(endpoints) && (await portAnswers(port));
      },
      // Java, the seed and tsx's first compile take over a minute on a busy two-core runner.
      180_000,
    );
    server = (JSON.parse(readFileSync(endpoints, 'utf8')) as { pid: number }).pid;
    java = pids(`DynamoDBLocal.*${localDir}`);
    expect(java).toHaveLength(1);
    if (launcherExits) {
      child.stdin.end();
      await exited;
    }
    await fn({ npm: npm!, server, java, port, exited, output: () => output });
  } finally {
    for (const pid of [child.pid!, npm, server, ...java, ...pids(`DynamoDBLocal.*${localDir}`)]) {
      if (pid !== undefined && alive(pid)) process.kill(pid, 'SIGKILL');
    }
    rmSync(localDir, { recursive: true, force: true });
  }
}

async function expectAllGone(run: Run): Promise<void> {
  await waitFor('npm to exit', () => !alive(run.npm), 30_000);
  await waitFor('the server process to exit', () => !alive(run.server), 30_000);
  await waitFor('DynamoDB Local to exit', () => run.java.every((pid) => !alive(pid)), 30_000);
  expect(await portAnswers(run.port)).toBe(false);
}

describe('stopping npm start (issue 25)', () => {
  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('ends the server and DynamoDB Local when npm itself gets %s', { timeout: 240_000 }, async (signal) => {
    await withNpmStart(async (run) => {
      process.kill(run.npm, signal);
      await expectAllGone(run);
    });
  });

  it('keeps serving when the shell that started npm in the background has ended, and ends on SIGTERM to npm', { timeout: 240_000 }, async () => {
    await withNpmStart(
      async (run) => {
        // The server checks whoever started it once a second: three checks pass with npm still there.
        await new Promise((wait) => setTimeout(wait, 3_500));
        expect(alive(run.server)).toBe(true);
        expect(await portAnswers(run.port)).toBe(true);
        process.kill(run.npm, 'SIGTERM');
        await expectAllGone(run);
      },
      { launcherExits: true },
    );
  });

  it('ends everything when DynamoDB Local gets SIGTERM, and DynamoDB Local when the server is killed outright', { timeout: 480_000 }, async () => {
    await withNpmStart(async (run) => {
      process.kill(run.java[0]!, 'SIGTERM');
      await expectAllGone(run);
      expect(run.output()).toContain('DynamoDB Local stopped');
    });
    await withNpmStart(async (run) => {
      // No handler runs on SIGKILL: only a watchdog can end the emulator the server started.
      process.kill(run.server, 'SIGKILL');
      await expectAllGone(run);
    });
  });
});
