import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCommand } from '#shared/commands/registry';
import { seedBusan } from '#shared/use-cases/seed';
import { useSlackHandler } from '../../../support/slack-handler.ts';
import { commandEvent } from '#local/slack-request';

// Every importer of the registry, the handler's replay guard and the listener alike, gets the counted parser.
vi.mock('#shared/commands/registry', async (importOriginal) => {
  const registry = await importOriginal<typeof import('#shared/commands/registry')>();
  return { ...registry, parseCommand: vi.fn(registry.parseCommand) };
});

const harness = useSlackHandler();
const TEAM = 'T0TEST';

beforeAll(async () => {
  await seedBusan(harness.store(), TEAM, new Date('2026-03-01T00:00:00Z'));
});

describe('/commitments in one request', () => {
  it.each(['show JK-4', 'note JK-4 "Draft shared"', 'japan-korea overdue'])('parses "%s" once, in the replay guard, and answers from that parse (issue 11)', async (text) => {
    vi.mocked(parseCommand).mockClear();
    const result = await harness.send(commandEvent(text, { teamId: TEAM }));
    expect(result.statusCode).toBe(200);
    expect(String(result.json()['text'])).not.toMatch(/is not a command/);
    expect(vi.mocked(parseCommand).mock.calls).toEqual([[text]]);
  });
});
