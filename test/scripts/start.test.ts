import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tsx = import.meta.resolve('tsx');
const script = path.resolve('scripts/start.ts');
const dataDir = mkdtempSync(path.join(tmpdir(), 'commitments-start-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** DynamoDB Local processes keeping their data in `dir`: the emulator's command line names it. */
function emulatorsUsing(dir: string): number {
  try {
    return execFileSync('pgrep', ['-f', `DynamoDBLocal.*${dir}`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).length;
  } catch {
    return 0; // pgrep exits 1 when nothing matches
  }
}

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => done({ server, port: (server.address() as { port: number }).port }));
  });
}

/** `npm start` as a process of its own, on `port`, with its data in this file's temp folder. */
function start(port: number) {
  const child = spawn(process.execPath, ['--import', tsx, script], {
    env: { ...process.env, PORT: String(port), LOCAL_DATA_DIR: dataDir, SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('npm start (issue 13)', () => {
  it('says in one line that the port is taken, and starts no DynamoDB Local', { timeout: 60_000 }, async () => {
    const { server, port } = await listen();
    try {
      const run = start(port);
      expect(await run.exited).toBe(1);
      expect(run.err().trim().split('\n')).toEqual([`Port ${port} is taken (another npm start?): stop that one, or run this one with PORT=<another port>.`]);
      expect(run.out()).not.toContain('DynamoDB Local:');
      expect(emulatorsUsing(dataDir)).toBe(0);
    } finally {
      server.close();
    }
  });

  it('stops DynamoDB Local with itself on SIGTERM, and a second run meanwhile is refused', { timeout: 120_000 }, async () => {
    const { server, port } = await listen();
    server.close();
    const run = start(port);
    for (let waited = 0; !run.out().includes('Ctrl-C stops everything') && waited < 600; waited++) {
      if (run.child.exitCode !== null) break;
      await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(run.out()).toContain('Ctrl-C stops everything');
    expect(emulatorsUsing(dataDir)).toBe(1);

    const { server: other, port: otherPort } = await listen();
    other.close();
    const second = start(otherPort);
    expect(await second.exited).toBe(1);
    expect(second.err().trim()).toMatch(/is in use by another npm start \(pid \d+\): stop that one first\.$/);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(emulatorsUsing(dataDir)).toBe(0);
  });
});
