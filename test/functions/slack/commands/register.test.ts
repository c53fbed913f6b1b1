import { beforeAll, describe, expect, it } from 'vitest';
import { seedBusan } from '#shared/use-cases/seed';
import { useSlackHandler } from '../../../support/slack-handler.ts';
import { commandEvent } from '#local/slack-request';

const harness = useSlackHandler();
const TEAM = 'T0REGISTER';

beforeAll(async () => {
  await seedBusan(harness.store(), TEAM, new Date());
});

/** The answer to a signed `/commitments` command: its fallback text and its blocks as JSON. */
async function ask(text: string, userId = 'U0ALICE'): Promise<{ text: string; blocks: string }> {
  const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, responseUrl: harness.slack.responseUrl('register') }));
  expect(result.statusCode).toBe(200);
  const body = result.json();
  return { text: String(body['text']), blocks: JSON.stringify(body['blocks'] ?? []) };
}

/** The id a successful add names. */
function addedId(text: string): string {
  const id = /^Added (\S+) to/.exec(text)?.[1];
  expect(id).toBeDefined();
  return id!;
}

describe('recurring cadence (issue 15)', () => {
  it('counts a new recurring item’s cadence from the day it was added, not from the track’s meeting', async () => {
    const { text, blocks } = await ask('add japan-korea "Fortnightly working call" recurring fortnightly');
    expect(text).toMatch(/^Added JK-\d+ to japan-korea\./);
    expect(`${text}${blocks}`).not.toMatch(/overdue/);
    const overdue = await ask('japan-korea overdue');
    expect(overdue.text).not.toContain('Fortnightly working call');
  });
});

describe('sources (issue 15)', () => {
  it('labels an item added in Slack with who added it and when, not with the track’s meeting', async () => {
    const id = addedId((await ask('add japan-korea "Publish the fisheries data"')).text);
    const { blocks } = await ask(`show ${id}`);
    expect(blocks).toMatch(/Source: Added in Slack by <@U0ALICE> on \w{3} \d{1,2} \w{3} \d{4}/);
    expect(blocks).not.toMatch(/Source: [^"]*Busan/);
  });

  it('keeps the summit as the source of the seeded items', async () => {
    const { blocks } = await ask('show JK-4');
    expect(blocks).toMatch(/Source: .*Busan/);
  });
});
