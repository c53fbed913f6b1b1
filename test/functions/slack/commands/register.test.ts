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

  it('keeps the link and the meeting a person gives as the source, and refuses a link that is not https', async () => {
    const id = addedId((await ask('add japan-korea "Share the fisheries survey" source <https://example.org/call-notes> "Vice-ministerial call"')).text);
    const { blocks } = await ask(`show ${id}`);
    expect(blocks).toMatch(/Source: <https:\/\/example\.org\/call-notes\|Vice-ministerial call, \w{3} \d{1,2} \w{3} \d{4}>/);
    const linkOnly = addedId((await ask('add japan-korea "Publish the survey" source https://example.org/survey')).text);
    expect((await ask(`show ${linkOnly}`)).blocks).toMatch(/Source: <https:\/\/example\.org\/survey\|Added in Slack by <@U0ALICE> on /);
    const before = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.length;
    expect((await ask('add japan-korea "Plain link" source http://example.org/x')).text).toMatch(/source takes an https link/);
    expect((await harness.store().getReport(TEAM, 'japan-korea')).commitments).toHaveLength(before);
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

describe('compliance over time (issue 15)', () => {
  /** The report's compliance line. */
  async function complianceLine(): Promise<string> {
    const line = (await ask('japan-korea')).text.split('\n').find((l) => l.startsWith('Compliance: '));
    expect(line).toBeDefined();
    return line!;
  }

  it('records a score as of a past day and reports each party’s latest with its day and plain coverage', async () => {
    const { text } = await ask('assess JK-4 JP +1 as of 2026-03-31 "Committee convened"');
    expect(text).toMatch(/^Assessed JP on JK-4: \+1 full as of Tue 31 Mar 2026\./);
    expect((await harness.store().getCommitment(TEAM, 'JK-4')).compliance['JP']).toMatchObject({ score: 1, date: '2026-03-31', by: 'U0ALICE' });
    expect(await complianceLine()).toMatch(/^Compliance: Japan \+1\.00 as of Tue 31 Mar 2026 \(1 of \d+ items assessed\) · South Korea not yet assessed \(0 of \d+ items\)$/);
  });

  it('keeps the latest score standing when an earlier day’s score is recorded after it, and keeps both in the history', async () => {
    await ask('assess JK-4 JP -1 as of 2026-02-01 "Before the committee"');
    expect((await harness.store().getCommitment(TEAM, 'JK-4')).compliance['JP']).toMatchObject({ score: 1, date: '2026-03-31' });
    const history = (await harness.store().getHistory(TEAM, 'JK-4')).flatMap((h) => (h.change.type === 'assessment' ? [[h.change.date, h.change.to]] : []));
    expect(history).toEqual([['2026-03-31', 1], ['2026-02-01', -1]]);
    expect((await ask('history JK-4')).blocks).toContain('assessed JP −1 not complying as of Sun 1 Feb 2026: Before the committee');
  });

  it('refuses a score as of a day that has not come, writing nothing', async () => {
    const before = (await harness.store().getCommitment(TEAM, 'JK-4')).version;
    const { text } = await ask('assess JK-4 KR 0 as of 2099-12-31');
    expect(text).toMatch(/^Thu 31 Dec 2099 has not come yet: a score speaks for a day that has\. Nothing was changed\./);
    expect((await harness.store().getCommitment(TEAM, 'JK-4')).version).toBe(before);
  });

  it('sends a briefing with each party’s score on every assessment day', async () => {
    await ask('assess JK-5 JP 0 as of 2026-04-15');
    const filesBefore = harness.slack.uploadedFiles().length;
    await ask('japan-korea export');
    const markdown = harness.slack.uploadedFiles().slice(filesBefore).find((f) => f.filename.endsWith('.md'));
    expect(markdown?.content).toMatch(
      /## Compliance over time\n\n\| As of \| Japan \| South Korea \|\n\|---\|---\|---\|\n\| Sun 1 Feb 2026 \| −1\.00 \(1 of \d+ items assessed\) \| not yet assessed \|\n\| Tue 31 Mar 2026 \| \+1\.00 \(1 of \d+ items assessed\) \| not yet assessed \|\n\| Wed 15 Apr 2026 \| \+0\.50 \(2 of \d+ items assessed\) \| not yet assessed \|\n/,
    );
  });
});
