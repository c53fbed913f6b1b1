import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { commandEvent, type CommandOptions } from '#local/slack-request';

const CHILD = fileURLToPath(new URL('../cold-child.mjs', import.meta.url));

export interface ColdSample {
  /** Child process from spawn to exit, measured by the parent. */
  wallMs: number;
  /** From the child's process start (performance.timeOrigin). */
  scriptStartMs: number;
  importedMs: number;
  /** CPU time (user + system, all threads) when the import was done and when the answer was. */
  importedCpuMs: number;
  respondedMs?: number;
  respondedCpuMs?: number;
  statusCode?: number;
  body?: string;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ wallMs: number; stdout: string; stderr: string; code: number | null }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', fail);
    child.once('exit', (code) => done({ wallMs: performance.now() - started, stdout, stderr, code }));
  });
}

/** One fresh `node` that imports the bundle and (mode serve) answers one signed `/commitments <text>`, sent as `command` says (U0ALICE in T0TEST unless). */
export async function coldRun(bundle: string, mode: 'serve' | 'import', env: NodeJS.ProcessEnv, text = 'japan-korea', command: CommandOptions = {}): Promise<ColdSample> {
  const event = mode === 'serve' ? JSON.stringify(commandEvent(text, command)) : '{}';
  const r = await run([CHILD, bundle, mode], { ...env, BENCH_EVENT: event });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.code !== 0 || !line.startsWith('{')) throw new Error(`cold child failed (${r.code}): ${r.stderr.slice(0, 500)}`);
  const out = JSON.parse(line) as { scriptStart: number; imported: number; importedCpu: number; responded?: number; respondedCpu?: number; statusCode?: number; body?: string };
  return {
    wallMs: r.wallMs,
    scriptStartMs: out.scriptStart,
    importedMs: out.imported,
    importedCpuMs: out.importedCpu,
    ...(out.responded !== undefined ? { respondedMs: out.responded, respondedCpuMs: out.respondedCpu, statusCode: out.statusCode, body: out.body } : {}),
  };
}

/** `node -e 0`: what an empty Node costs on this machine. */
export async function emptyNode(env: NodeJS.ProcessEnv): Promise<number> {
  return (await run(['-e', '0'], env)).wallMs;
}

/** One request of a {@link sequenceRun}: how long the handler took, and what it answered. */
export interface SequenceStep {
  ms: number;
  /** CPU time (user + system, all threads) the request took: less moved by a busy machine than `ms`. */
  cpuMs: number;
  statusCode: number;
  body: string;
}

/** One fresh `node` that imports the bundle and answers each of `commands` in turn, in that one process: the cost of each in a container already warm from the ones before. */
export async function sequenceRun(bundle: string, env: NodeJS.ProcessEnv, commands: readonly { text: string; command?: CommandOptions }[]): Promise<SequenceStep[]> {
  const events = commands.map(({ text, command }, i) => commandEvent(text, { triggerId: `seq-${i}`, ...command }));
  const r = await run([CHILD, bundle, 'sequence'], { ...env, BENCH_EVENTS: JSON.stringify(events) });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.code !== 0 || !line.startsWith('{')) throw new Error(`sequence child failed (${r.code}): ${r.stderr.slice(0, 500)}`);
  return (JSON.parse(line) as { steps: SequenceStep[] }).steps;
}
