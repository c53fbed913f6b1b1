import { beforeAll, describe, expect, it } from 'vitest';
import { seedBusan } from '#shared/use-cases/seed';
import { useSlackHandler } from '../../../support/slack-handler.ts';
import { commandEvent } from '#local/slack-request';

const harness = useSlackHandler();
const TEAM = 'T0DATES';

beforeAll(async () => {
  await seedBusan(harness.store(), TEAM, new Date());
});

/** The answer to a signed `/commitments` command: its fallback text and its blocks as JSON. */
async function ask(text: string): Promise<{ text: string; blocks: string }> {
  const result = await harness.send(commandEvent(text, { teamId: TEAM, responseUrl: harness.slack.responseUrl('issue-15') }));
  expect(result.statusCode).toBe(200);
  const body = result.json();
  return { text: String(body['text']), blocks: JSON.stringify(body['blocks'] ?? []) };
}

describe('wordings (issue 15)', () => {
  it('says a status an item already has in words, not as its keyword', async () => {
    const { text } = await ask('update JK-4 not-started');
    expect(text).toContain('JK-4 is already not started.');
  });

  it('shows the schedule forms once after one "Try", inside balanced backticks', async () => {
    const { text, blocks } = await ask('subscribe japan-korea every blue moon');
    expect(text.match(/Try/g)).toHaveLength(1);
    const hint = /Try: `([^`]*)`/.exec(JSON.parse(blocks).at(-1).elements[0].text);
    expect(hint?.[1]).toContain('daily 08:30');
    expect(hint?.[1]).toContain('[tz Asia/Tokyo]');
  });

  it('answers the report of a track with no items "no commitments yet", never "on track"', async () => {
    await ask('track add empty-track "Nothing yet" parties JP,KR tz Asia/Tokyo');
    const { text, blocks } = await ask('empty-track');
    expect(text).toMatch(/no commitments yet/i);
    expect(blocks).toMatch(/no commitments yet/i);
    expect(`${text}${blocks}`).not.toMatch(/on track/i);
  });
});
