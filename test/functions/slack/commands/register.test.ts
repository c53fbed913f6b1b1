import { beforeAll, describe, expect, it } from 'vitest';
import { seedBusan } from '#shared/use-cases/seed';
import { useSlackHandler } from '../../../support/slack-handler.ts';
import { commandEvent } from '#local/slack-request';
import { expectWithinSlackLimits } from '../../../support/slack-limits.ts';

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
  expectWithinSlackLimits(body);
  return { text: String(body['text']), blocks: JSON.stringify(body['blocks'] ?? []) };
}

/** The mrkdwn of the report block that shows `id`. */
function lineOf(blocks: string, id: string): string {
  const line = (JSON.parse(blocks) as { text?: { text: string } }[]).find((b) => b.text?.text.includes(`*${id}*`))?.text?.text;
  expect(line).toBeDefined();
  return line!;
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

describe('report lines (issue 15)', () => {
  it('shows an open item’s due date and its latest note though nothing is flagged', async () => {
    const id = addedId((await ask('add japan-korea "Agree the ferry schedule" due 2027-06-30')).text);
    await ask(`note ${id} "Ports agreed the summer slots"`);
    const { text, blocks } = await ask('japan-korea');
    const line = lineOf(blocks, id);
    expect(line).toContain('due Wed 30 Jun 2027');
    expect(line).not.toMatch(/overdue|due in/);
    expect(line).toMatch(/Latest note, \w{3} \d{1,2} \w{3} \d{4}, <@U0ALICE>: Ports agreed the summer slots/);
    expect(text).toContain(`${id} [Not started] Agree the ferry schedule — due Wed 30 Jun 2027 — Latest note,`);
  });

  it('shows a recurring item’s next expected date', async () => {
    const id = addedId((await ask('add japan-korea "Quarterly consular meeting" recurring quarterly')).text);
    expect(lineOf((await ask('japan-korea')).blocks, id)).toMatch(/next expected \w{3} \d{1,2} \w{3} \d{4}/);
  });

  it('says when, by whom and how a done item was done, without repeating its note', async () => {
    const id = addedId((await ask('add japan-korea "Sign the customs memo" due 2027-01-31')).text);
    await ask(`done ${id} "Signed in Seoul"`, 'U0BOB');
    const line = lineOf((await ask('japan-korea done')).blocks, id);
    expect(line).toMatch(/Done \w{3} \d{1,2} \w{3} \d{4} by <@U0BOB>: Signed in Seoul/);
    expect(line).not.toContain('Latest note');
    expect(line).not.toContain('due Sun 31 Jan 2027');
    expect((await ask(`show ${id}`)).blocks).toMatch(/Done \w{3} \d{1,2} \w{3} \d{4} by <@U0BOB>: Signed in Seoul/);
  });

  it('no longer says when an item was done once it is reopened', async () => {
    const id = addedId((await ask('add japan-korea "Reopen me"')).text);
    await ask(`done ${id}`);
    await ask(`update ${id} in-progress "not finished after all"`);
    const line = lineOf((await ask('japan-korea')).blocks, id);
    expect(line).not.toMatch(/Done \w{3}/);
    expect(line).toContain('not finished after all');
  });

  it('shows a title too long for the header in full below it', async () => {
    const title = `Convene the joint committee on ${'maritime, fisheries and port-state cooperation, '.repeat(3)}then report back`;
    expect(title.length).toBeGreaterThan(150);
    const id = addedId((await ask(`add japan-korea "${title}"`)).text);
    const blocks = JSON.parse((await ask(`show ${id}`)).blocks) as { type: string; text?: { text: string } }[];
    expect(blocks[0]!.text!.text.endsWith('…')).toBe(true);
    expect(blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } });
  });
});
