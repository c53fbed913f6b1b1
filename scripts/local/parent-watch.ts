import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAlive } from './single-run.ts';

/**
 * Calls `gone` once, when a process this one was started by has ended: its parent and, when that
 * parent is npm's script shell (one that did not `exec`), npm beyond it. npm forwards only SIGINT
 * and SIGTERM to its script, so npm ended by SIGHUP or SIGKILL would leave this process serving.
 * Whoever started npm is never watched: `nohup npm start &` or `(npm start &)` outlive their shell.
 * Polled once a second; the timer never keeps this process alive. Returns a function that stops watching.
 */
export function watchParents(gone: () => void, everyMs = 1_000): () => void {
  const watched = [process.ppid];
  if (process.env['npm_lifecycle_event'] && SHELLS.has(commandOf(process.ppid) ?? '')) {
    const npm = parentOf(process.ppid);
    if (npm !== undefined) watched.push(npm);
  }
  // Pid 1 (or 0, for a process started outside any tree) never ends while this one runs.
  const parents = watched.filter((pid) => pid > 1);
  const timer = setInterval(() => {
    if (parents.every(isAlive)) return;
    clearInterval(timer);
    gone();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The shells npm runs a script in, by the name their process has. */
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash', 'ksh']);

/** The command name of `pid` (`npm`'s is `npm` or `node`), from /proc on Linux, else from ps. */
function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    // Not Linux: ask ps.
  }
  try {
    const command = execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return command.split('/').pop() || undefined;
  } catch {
    return undefined;
  }
}

/** The parent of `pid`: from /proc on Linux, else from ps; undefined where neither answers (Windows). */
export function parentOf(pid: number): number | undefined {
  try {
    // The fourth field, after the command name in parentheses (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isInteger(ppid)) return ppid;
  } catch {
    // Not Linux: ask ps.
  }
  try {
    const ppid = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
  } catch {
    return undefined;
  }
}
