import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedBusan } from '#shared/use-cases/seed';
import { useSlackHandler } from '../../../support/slack-handler.ts';
import { commandEvent } from '#local/slack-request';

const harness = useSlackHandler();
const TEAM = 'T0BUSAN';

// Issue 15: the Busan track read a day after seeding on a fresh clone, in late November 2026.
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-27T01:00:00Z'));
  await seedBusan(harness.store(), TEAM, new Date('2026-11-26T01:00:00Z'));
});
afterAll(() => {
  vi.useRealTimers();
});

/** The answer to a signed `/commitments` command: its fallback text and the text of its blocks. */
async function ask(text: string): Promise<{ text: string; blocks: string }> {
  const result = await harness.send(commandEvent(text, { teamId: TEAM, responseUrl: harness.slack.responseUrl('busan') }));
  expect(result.statusCode).toBe(200);
  const body = result.json();
  return { text: String(body['text']), blocks: JSON.stringify(body['blocks'] ?? []) };
}

describe('the seeded Busan track a day after seeding (issue 15)', () => {
  it('reports what has gone quiet since the last reported event, and the committee that met as done', async () => {
    const { text } = await ask('japan-korea');
    expect(text).toContain('4 in progress · 1 done');
    expect(text).toContain('4 quiet');
    expect(text).toMatch(/^JK-1 \[In progress\] Keep up reciprocal leader visits .*quiet for 311 days/m);
    expect(text).toMatch(/^JK-2 \[In progress\] .*quiet for 423 days/m);
    expect(text).toMatch(/^JK-3 \[In progress\] .*quiet for 301 days/m);
    expect(text).toMatch(/^JK-5 \[In progress\] .*quiet for 423 days/m);
    expect(text).not.toMatch(/^JK-4/m);
    expect(text).not.toContain('just now');
    const all = await ask('japan-korea all');
    expect(all.text).toMatch(/^JK-4 \[Done\] Convene the Japan–Korea science and technology cooperation committee/m);
  });

  it('shows the leader visits and their history in date order, each with the report’s link', async () => {
    const { text, blocks } = await ask('history JK-1');
    expect(text).toContain('last Tue 13 Jan 2026 in Nara');
    const history = /\*History\* \(4\)\\n(.*?)"/.exec(blocks)?.[1]?.split('\\n') ?? [];
    expect(history.map((line) => /^• (\w{3} \d+ \w{3} \d{4}) seed (\w+)/.exec(line)?.slice(1).join(' '))).toEqual([
      'Tue 30 Sep 2025 added',
      'Thu 30 Oct 2025 logged',
      'Tue 13 Jan 2026 logged',
      'Tue 20 Jan 2026 noted',
    ]);
    expect(history.slice(1).every((line) => /https:\/\/\S+$/.test(line))).toBe(true);
    expect(history[1]).toContain('in Gyeongju');
    expect(history[2]).toContain('in Nara');
  });

  it('shows the committee’s meeting as the note of the item it closed, with its link', async () => {
    const { text, blocks } = await ask('show JK-4');
    expect(text).toContain('Done');
    expect(blocks).toContain('Thu 27 Nov 2025 seed: The committee holds its 14th meeting, the first since 2009');
    expect(blocks).toContain('https://www.mofa.go.kr/www/brd/m_4080/view.do?seq=376698');
  });
});
