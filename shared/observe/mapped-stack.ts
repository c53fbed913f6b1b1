import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Stack traces that name our sources, without `--enable-source-maps`: that flag makes Node read
 * and measure every module's map as the module loads (26 ms of each cold start, measured side
 * by side), while only a logged error needs a map. Here a bundle file's map (`<file>.map`
 * beside it, as the build writes it) is read the first time a logged error has a frame in that
 * file, and kept for the container's life.
 */
const maps = new Map<string, SourceMap | null>();

/** A frame's place in a bundle file, `file:///var/task/index.mjs:1:23456`: its file, line and column. */
const FRAME = /(file:\/\/[^\s()]+?\.mjs):(\d+):(\d+)/g;

/**
 * `error.stack` with every frame in a bundle file written as the source line it came from
 * (`shared/use-cases/commitments.ts:88:5`); frames with no map, and the message itself (which
 * may hold people's text), are left as they are.
 */
export function mappedStack(error: Error): string | undefined {
  const { stack, message } = error;
  if (typeof stack !== 'string') return stack;
  const at = message ? stack.indexOf(message) : -1;
  const headEnd = at >= 0 ? at + message.length : 0;
  return stack.slice(0, headEnd) + stack.slice(headEnd).replace(FRAME, (place, url: string, line: string, column: string) => sourceOf(url, Number(line), Number(column)) ?? place);
}

function sourceOf(url: string, line: number, column: number): string | undefined {
  const entry = mapOf(url)?.findEntry(line - 1, column - 1);
  if (!entry || !('originalSource' in entry) || !entry.originalSource) return undefined;
  return `${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
}

function mapOf(url: string): SourceMap | null {
  let map = maps.get(url);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
    } catch {
      map = null; // no map beside it (running from the sources), or one that cannot be read
    }
    maps.set(url, map);
  }
  return map;
}
