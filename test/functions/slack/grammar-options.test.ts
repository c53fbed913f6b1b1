import { describe, expect, it } from 'vitest';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { blockAction, commandEvent, interactionEvent, viewSubmission } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { commandSender, editFormValues, tableItems as tableItemsOf } from '../../support/slack-commands.ts';

/**
 * Issue 25's grammar and checks: options written after a quoted note are read (or refused with
 * the form), never dropped; a score for a day before the item existed is refused; a due date
 * that has passed is saved once and the answer says the item is already overdue.
 */
const NOW = new Date('2026-03-25T01:00:00Z'); // Wed 25 Mar, 10:00 in Tokyo
const harness = useSlackHandler();
const TEAM = 'T0GRAMMAR';

useBusanAt(harness, TEAM, NOW);

const command = commandSender(harness, TEAM);
const tableItems = () => tableItemsOf(harness);
const history = async (id: string) => (await harness.store().getHistory(TEAM, id)).map((h) => h.change);
const titled = async (title: string) => (await harness.store().getReport(TEAM, 'japan-korea')).commitments.filter((c) => c.title === title);

describe('options after a quoted note (issue 25)', () => {
  it('reads `as of` after an assessment’s quoted note', async () => {
    const reply = await command('assess JK-4 JP +1 "committee date announced" as of 2026-03-20');
    expect(reply.text).toContain('Assessed JP on JK-4: +1 full as of Fri 20 Mar 2026');
    expect((await history('JK-4')).at(-1)).toEqual({ type: 'assessment', party: 'JP', to: 1, date: '2026-03-20', note: 'committee date announced' });
  });

  it('reads the place after a logged occurrence’s quoted text', async () => {
    expect((await command('log JK-1 2026-03-20 "Foreign ministers meet" at Tokyo')).text).toContain('Logged Fri 20 Mar 2026 in Tokyo on JK-1');
    expect((await history('JK-1')).at(-1)).toEqual({ type: 'occurrence', occurrence: { date: '2026-03-20', place: 'Tokyo', text: 'Foreign ministers meet' } });
  });

  it('reads the options after an added item’s quoted title', async () => {
    expect((await command('add japan-korea "Hold the strategic dialogue" due 2026-06-30 owner "Foreign Ministry"')).text).toMatch(/Added JK-\d+ to japan-korea, due Tue 30 Jun 2026\./);
    expect(await titled('Hold the strategic dialogue')).toMatchObject([{ kind: { type: 'one-off', due: '2026-06-30' }, owners: [{ label: 'Foreign Ministry' }] }]);
  });

  it('keeps other words after a quoted phrase as part of the note, as typed', async () => {
    await command('assess JK-4 KR 0 "interim report" received today');
    expect((await history('JK-4')).at(-1)).toMatchObject({ type: 'assessment', party: 'KR', date: '2026-03-25', note: '"interim report" received today' });
  });

  it.each([
    ['as of given twice', 'assess JK-4 KR 0 as of 2026-03-01 "interim" as of 2026-03-02', /Give as of only once/],
    ['a second note after as of', 'assess JK-4 KR 0 "interim" as of 2026-03-02 "more"', /Nothing more was expected after/],
    ['a place given twice', 'log JK-1 2026-03-21 at Seoul "Talks" at Busan', /Give the place only once/],
    ['a second text after the place', 'log JK-1 2026-03-21 "Talks" at Seoul "more"', /Nothing more was expected after/],
    ['a second field after an edit’s reason', 'edit JK-4 due 2026-06-30 "postponed" owner @maria', /Nothing more was expected after the reason “postponed”; edit changes one field at a time/],
  ])('refuses %s with the command’s form, and writes nothing', async (_, text, answer) => {
    const before = await tableItems();
    const reply = await command(text);
    expect(reply.text).toMatch(answer);
    expect(reply.text).toContain(`Try: /commitments ${text.split(' ')[0]} &lt;ID&gt;`);
    expect(await tableItems()).toBe(before);
  });
});

describe('an assessment before the item existed (issue 25)', () => {
  it('is refused for a day before the meeting a seeded item comes from, and accepted on that day', async () => {
    const before = await tableItems();
    const reply = await command('assess JK-2 KR 0 as of 2025-09-29 "before the summit"');
    expect(reply.text).toMatch(/JK-2 dates from Tue 30 Sep 2025; a score cannot speak for Mon 29 Sep 2025, before it existed\. Nothing was changed\./);
    expect(await tableItems()).toBe(before);
    expect((await command('assess JK-2 KR 0 as of 2025-09-30')).text).toContain('Assessed KR on JK-2: 0 partial as of Tue 30 Sep 2025');
  });

  it('is refused for a day before an item added in Slack was added', async () => {
    expect((await command('add japan-korea "Exchange liaison officers"')).text).toMatch(/Added JK-\d+/);
    const [item] = await titled('Exchange liaison officers');
    const before = await tableItems();
    expect((await command(`assess ${item!.id} JP +1 as of yesterday`)).text).toContain(`${item!.id} dates from Wed 25 Mar 2026; a score cannot speak for Tue 24 Mar 2026`);
    expect(await tableItems()).toBe(before);
  });
});

describe('a due date that has passed (issue 25)', () => {
  it('adds the item once and says it is already overdue', async () => {
    const reply = await command('add japan-korea "Send the draft minutes" due 2026-03-20');
    expect(reply.text).toMatch(/Added JK-\d+ to japan-korea, due Fri 20 Mar 2026\. JK-\d+ is already overdue: Fri 20 Mar 2026 has passed\./);
    expect(await titled('Send the draft minutes')).toHaveLength(1);
  });

  it('says so when an edit moves the due date into the past, and not when it moves it ahead', async () => {
    expect((await command('edit JK-4 due 2026-03-10 "the first date"')).text).toContain('JK-4 is already overdue: Tue 10 Mar 2026 has passed.');
    expect((await command('edit JK-4 due 2026-06-30')).text).not.toContain('overdue');
  });

  it('says so after the add form saves an item due on a past day, once', async () => {
    await harness.send(commandEvent('add japan-korea', { teamId: TEAM, responseUrl: harness.slack.responseUrl('add-form'), triggerId: 'trigger-add' }));
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { private_metadata: string };
    const submitted = await harness.send(
      interactionEvent(
        viewSubmission(TEAM, VIEW_IDS.addCommitment, view.private_metadata, {
          title: { title: { type: 'plain_text_input', value: 'Publish the joint report' } },
          kind: { kind: { type: 'static_select', selected_option: { value: 'one-off' } } },
          due: { due: { type: 'datepicker', selected_date: '2026-03-01' } },
        }),
      ),
    );
    expect(submitted.body).toBe('');
    expect(await titled('Publish the joint report')).toHaveLength(1);
    const echo = harness.slack.callsTo('response_url:add-form').at(-1)!.args as { text: string };
    expect(echo.text).toContain('is already overdue: Sun 1 Mar 2026 has passed.');
  });

  it('says so after the Edit form moves the due date to a past day', async () => {
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.edit, 'JK-4', harness.slack.responseUrl('edit-form'))));
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { private_metadata: string; blocks: { block_id: string; element?: Record<string, unknown> }[] };
    const submitted = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.edit, view.private_metadata, editFormValues(view, { due: { type: 'datepicker', selected_date: '2026-03-05' } }))));
    expect(submitted.body).toBe('');
    expect((await harness.store().getCommitment(TEAM, 'JK-4')).kind).toEqual({ type: 'one-off', due: '2026-03-05' });
    const echo = harness.slack.callsTo('response_url:edit-form').at(-1)!.args as { text: string };
    expect(echo.text).toContain('JK-4 is already overdue: Thu 5 Mar 2026 has passed.');
  });
});
