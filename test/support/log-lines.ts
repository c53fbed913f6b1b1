import { vi } from 'vitest';

/**
 * Captures the JSON lines written to stdout and stderr until `restore()`: Powertools writes
 * there through a console of its own, not the global one. Anything else passes through.
 */
export function captureLogLines(): { lines: Record<string, unknown>[]; restore(): void } {
  const lines: Record<string, unknown>[] = [];
  const spies = [process.stdout, process.stderr].map((stream) => {
    const write = stream.write.bind(stream);
    return vi.spyOn(stream, 'write').mockImplementation((...args: Parameters<typeof write>) => {
      const parsed = String(args[0]).split('\n').filter(Boolean).map(parseObject);
      if (parsed.length === 0 || parsed.some((line) => line === undefined)) return write(...args);
      lines.push(...parsed.filter((line) => line !== undefined));
      return true;
    });
  });
  return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
