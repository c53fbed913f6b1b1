import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry, LAMBDA_NODE_OPTIONS } from '../../../infra/bundle.ts';

const FIXTURE = 'test/fixtures/bundled/logs-failure.ts';
let dir: string;
let bundle: string;

beforeAll(() => {
  // Built as the functions are: minified, its map beside it.
  dir = mkdtempSync(path.join(tmpdir(), 'mapped-stack-'));
  bundle = bundleEntry(FIXTURE, dir, { metafile: false, lambdaStubs: false }).outfile;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the bundle logs in a fresh `node` started as Lambda starts it (no --enable-source-maps). */
function loggedError(reason: string, ...more: string[]): { location: string; stack: string; cause: { stack: string } } {
  const run = spawnSync(process.execPath, [bundle, reason, ...more], { env: { ...process.env, NODE_OPTIONS: LAMBDA_NODE_OPTIONS }, encoding: 'utf8' });
  expect(run.status).toBe(0);
  // Powertools writes errors to stderr, one JSON line each.
  const line = JSON.parse(run.stderr.trim().split('\n').at(-1)!) as { error: ReturnType<typeof loggedError> };
  return line.error;
}

describe('a logged error’s stack, from a bundle run without --enable-source-maps', () => {
  it('names the source file and line of each frame in the bundle, for the error and its cause', () => {
    const error = loggedError('boom');
    expect(error.location).toBe(`${FIXTURE}:9`);
    expect(error.stack).toContain(`${FIXTURE}:9:`); // deeper's throw
    expect(error.stack).toContain(`${FIXTURE}:5:`); // fail's call of deeper
    expect(error.stack).not.toMatch(/index\.mjs/);
    expect(error.cause.stack).toContain(`${FIXTURE}:9:`);
  });

  it('leaves the message as written, even text in it that looks like a frame of the bundle', () => {
    const reason = `boom\n    at ${path.join(dir, 'index.mjs')}:1:1 file://${dir}/index.mjs:1:1`;
    const error = loggedError(reason);
    expect(error.stack.startsWith(`Error: ${reason}\n`)).toBe(true);
    expect(error.stack).toContain(`${FIXTURE}:9:`);
  });
});

describe('a logged error whose stack cannot be set (a getter alone, as some libraries make them)', () => {
  it('is logged with its stack as it is', () => {
    const error = loggedError('boom', 'getter');
    expect(error.stack).toMatch(/index\.mjs:\d+:\d+/);
    expect(error.cause.stack).toContain(`${FIXTURE}:9:`);
  });
});
