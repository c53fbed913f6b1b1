import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const tsx = import.meta.resolve('tsx');

/** `scripts/<name>.ts` as a process of its own with `env` only: its exit code and what it printed. */
export async function runScript(name: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const script = path.resolve(import.meta.dirname, `../../scripts/${name}.ts`);
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', tsx, script, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
