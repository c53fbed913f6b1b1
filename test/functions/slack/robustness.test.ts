import { ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '#shared/commands/registry';
import { seedBusan } from '#shared/use-cases/seed';
import { BUSAN_AS_AGREED, useSlackHandler } from '../../support/slack-handler.ts';
import { commandEvent, interactionEvent, signedEvent, TEST_SIGNING_SECRET } from '#local/slack-request';

const harness = useSlackHandler();
const TEAM = 'T0ROBUST';

beforeAll(async () => {
  await seedBusan(harness.store(), TEAM, BUSAN_AS_AGREED);
});

/** Every item in the table: any write adds or changes one, so equal snapshots mean nothing was written. */
async function snapshot(): Promise<string> {
  const { Items = [] } = await harness.table.client.send(new ScanCommand({ TableName: harness.table.tableName, ConsistentRead: true }));
  return JSON.stringify(Items.map((i) => `${i['pk']?.S}|${i['sk']?.S}|${i['version']?.N ?? ''}`).sort());
}

describe('requests that are not what Slack signed', () => {
  it('refuses 240 tampered, expired, future, wrongly signed and unsigned requests with 401 and writes nothing', async () => {
    const before = await snapshot();
    const now = Math.floor(Date.now() / 1000);
    const write = (i: number) => `update JK-4 in-progress "forged ${i}"`;
    const variants: ((i: number) => ReturnType<typeof commandEvent>)[] = [
      (i) => {
        const event = commandEvent(write(i), { teamId: TEAM });
        return { ...event, body: event.body.replace('forged', 'FORGED') };
      },
      (i) => commandEvent(write(i), { teamId: TEAM, timestamp: now - 301 - i }),
      (i) => commandEvent(write(i), { teamId: TEAM, timestamp: now + 301 + i }),
      (i) => commandEvent(write(i), { teamId: TEAM, secret: `${TEST_SIGNING_SECRET}x` }),
      (i) => {
        const event = commandEvent(write(i), { teamId: TEAM });
        const { ['x-slack-signature']: _, ...headers } = event.headers;
        return { ...event, headers };
      },
      (i) => {
        const event = commandEvent(write(i), { teamId: TEAM });
        return { ...event, headers: { ...event.headers, 'x-slack-signature': `v0=${'0'.repeat(64)}` } };
      },
      (i) => {
        const event = commandEvent(write(i), { teamId: TEAM });
        return { ...event, headers: { ...event.headers, 'x-slack-request-timestamp': 'yesterday' } };
      },
      (i) => {
        const event = commandEvent(write(i), { teamId: TEAM, base64: true });
        return { ...event, body: Buffer.from(`${Buffer.from(event.body, 'base64').toString()}&extra=1`).toString('base64') };
      },
    ];
    for (let i = 0; i < 240; i++) {
      const result = await harness.send(variants[i % variants.length]!(i));
      expect(result.statusCode, `variant ${i % variants.length}`).toBe(401);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses replays of a signed write with 401 and applies it once', async () => {
    const event = commandEvent('note JK-3 "replayed note"', { teamId: TEAM });
    const first = await harness.send(event);
    expect(first.json()['text']).toContain('Noted on JK-3');
    const before = await snapshot();
    for (let i = 0; i < 20; i++) {
      const again = await harness.send(structuredClone(event));
      expect(again.statusCode).toBe(401);
      expect(again.json()['error']).toMatch(/replay/);
    }
    expect(await snapshot()).toBe(before);
    const notes = (await harness.store().getHistory(TEAM, 'JK-3')).filter((h) => h.change.type === 'note');
    expect(notes).toHaveLength(1);
  });

  it('refuses a replayed button click or modal submission with 401', async () => {
    const payload = { type: 'block_actions', team: { id: TEAM }, user: { id: 'U0A', team_id: TEAM }, trigger_id: 't', actions: [{ action_id: 'commitment_update', type: 'button', value: 'JK-2' }] };
    const event = interactionEvent(payload);
    expect((await harness.send(event)).statusCode).toBe(200);
    expect((await harness.send(structuredClone(event))).statusCode).toBe(401);
  });

  it('answers a replayed report again, since reading twice changes nothing', async () => {
    const event = commandEvent('japan-korea', { teamId: TEAM });
    expect((await harness.send(event)).statusCode).toBe(200);
    expect((await harness.send(structuredClone(event))).statusCode).toBe(200);
  });

  it('accepts a base64-encoded body, as API Gateway may deliver it', async () => {
    const result = await harness.send(commandEvent('japan-korea', { teamId: TEAM, base64: true }));
    expect(result.statusCode).toBe(200);
    expect(result.json()['text']).toContain('JK-4');
  });
});

describe('whatever people type', () => {
  it('answers 1,000 generated commands with HTTP 200 and an ephemeral message (unless asked to share), writing only for valid write commands', async () => {
    const token = fc.constantFrom(
      'japan-korea', 'JK-4', 'jk-1', 'update', 'note', 'done', 'log', 'show', 'history', 'add', 'track', 'due', 'owner',
      'in-progress', 'stalled', 'next friday', '2026-02-30', '"', '“quoted”', '<@U0X|x>', 'share', 'overdue', 'help', '',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(token, { maxLength: 6 }).map((parts) => parts.join(' ')),
    );
    let last = await snapshot();
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        const result = await harness.send(commandEvent(input, { teamId: TEAM }));
        expect(result.statusCode).toBe(200);
        const body = result.body ? result.json() : {};
        const parsed = parseCommand(input);
        if (result.body) {
          const shared = parsed.ok && parsed.command.type === 'report' && parsed.command.share;
          // A shared report goes to the channel; refusals, even of a share, stay ephemeral.
          expect(shared ? ['ephemeral', 'in_channel'] : ['ephemeral']).toContain(body['response_type']);
          expect(String(body['text']).length).toBeGreaterThan(0);
        }
        const now = await snapshot();
        if (!(parsed.ok && parsed.definition.writes)) expect(now).toBe(last);
        last = now;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('signed events in other shapes', () => {
  it('answers an interaction payload it has no listener for without a server error', async () => {
    const result = await harness.send(signedEvent(new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', team: { id: TEAM }, user: { id: 'U0A' }, actions: [{ action_id: 'unknown', type: 'button' }] }) }).toString()));
    expect(result.statusCode).toBeLessThan(500);
  });
});
