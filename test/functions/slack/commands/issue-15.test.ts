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

/** How many items the track holds: a refused add leaves it as it was. */
async function itemCount(track: string): Promise<number> {
  return (await harness.store().getReport(TEAM, track)).commitments.length;
}

describe('due dates (issue 15)', () => {
  it.each([
    ['2019-01-01', /^Tue 1 Jan 2019 is before Tue 30 Sep 2025, the track’s first meeting, so it cannot be a due date; a due date falls between Tue 30 Sep 2025 \(the track’s first meeting\) and .* \(10 years ahead\)\. Nothing was changed\.$/],
    ['3000-01-01', /^Wed 1 Jan 3000 is more than 10 years ahead, so it cannot be a due date;/],
  ])('refuses the implausible due date %s with its reason and the form, writing nothing', async (due, reason) => {
    const before = await itemCount('japan-korea');
    const { text } = await ask(`add japan-korea "Hold the dialogue" due ${due}`);
    const [problem, usage] = text.split('\nTry: ');
    expect(problem).toMatch(reason);
    expect(usage).toBe('/commitments add japan-korea "title" due &lt;date&gt;');
    expect(await itemCount('japan-korea')).toBe(before);
  });

  it('refuses an implausible date in an edit of the due date, writing nothing', async () => {
    const before = JSON.stringify(await harness.store().getReport(TEAM, 'japan-korea'));
    const { text } = await ask('edit JK-4 due 3000-01-01 "typo"');
    expect(text).toMatch(/^Wed 1 Jan 3000 is more than 10 years ahead, so it cannot be a due date;/);
    expect(JSON.stringify(await harness.store().getReport(TEAM, 'japan-korea'))).toBe(before);
  });

  it('asks which date 4/5/2027 is rather than guessing, and writes nothing', async () => {
    const before = await itemCount('japan-korea');
    const { text } = await ask('add japan-korea "Hold the dialogue" due 4/5/2027');
    expect(text).toMatch(/^Is that Tue 4 May 2027 or Mon 5 Apr 2027\? Write 2027-05-04 or 2027-04-05\.\nTry: a date like 2026-03-31, /);
    expect(await itemCount('japan-korea')).toBe(before);
  });

  it.each([
    ['H1 2027', 'Wed 30 Jun 2027'],
    ['first half of 2027', 'Wed 30 Jun 2027'],
    ['mid-2027', 'Wed 30 Jun 2027'],
    ['2027年3月31日', 'Wed 31 Mar 2027'],
    ['2027년 3월 31일', 'Wed 31 Mar 2027'],
    ['4 May 2027', 'Tue 4 May 2027'],
  ])('adds an item due "%s" and echoes the date chosen (%s)', async (due, shown) => {
    const { text } = await ask(`add japan-korea "Dated ${due}" due ${due}`);
    expect(text).toMatch(new RegExp(`^Added JK-\\d+ to japan-korea, due ${shown}\\.`));
  });

  it('reads FY2027 on a track whose fiscal year starts in April as 31 March 2028', async () => {
    await ask('track add jp-budget "Japan budget" parties JP tz Asia/Tokyo fy april');
    expect((await harness.store().getTrack(TEAM, 'jp-budget')).fiscalYearStart).toBe(4);
    const { text } = await ask('add jp-budget "Pass the supplementary budget" due FY2027');
    expect(text).toMatch(/^Added JB-1 to jp-budget, due Fri 31 Mar 2028\./);
  });
});

describe('wordings (issue 15)', () => {
  it('says a status an item already has in words, not as its keyword', async () => {
    // JK-4 is done in the seeded history (the committee met), so an item still in progress stands in.
    const { text } = await ask('update JK-2 in-progress');
    expect(text).toContain('JK-2 is already in progress.');
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
