import { describe, expect, it } from 'vitest';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { blockAction, eventCallback, interactionEvent, viewSubmission } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { commandSender, tableItems as tableItemsOf } from '../../support/slack-commands.ts';

const NOW = new Date('2026-03-25T01:00:00Z'); // Wed 25 Mar, 10:00 in Tokyo
const harness = useSlackHandler();
const TEAM = 'T0ARCHIVE';

useBusanAt(harness, TEAM, NOW);

const command = commandSender(harness, TEAM);
const tableItems = () => tableItemsOf(harness);

const counts = async () => (await harness.store().listTracks(TEAM)).find((t) => t.slug === 'japan-korea')!.counts;

describe('archive and unarchive', () => {
  it('hides an archived item from the report, shows it marked in `all`, keeps it in history, and brings it back', async () => {
    const before = await counts();
    const archived = await command('archive JK-4 "superseded by JK-9"');
    expect(archived.text).toContain('Archived JK-4');
    expect((await counts())['not-started']).toBe(before['not-started'] - 1);

    const report = await command('japan-korea');
    expect(report.text).not.toContain('JK-4');
    expect(JSON.stringify(report.blocks)).not.toContain('"JK-4"');
    const all = await command('japan-korea all');
    expect(all.text).toContain('JK-4 [Not started, archived]');
    expect(all.text).toContain('1 archived');
    expect(JSON.stringify(all.blocks)).toContain('*Archived* (1)');
    expect(JSON.stringify(all.blocks)).toContain('superseded by JK-9');
    // No buttons on an archived item.
    const buttons = all.blocks.filter((b) => b['type'] === 'actions').flatMap((b) => b['elements'] as { value: string }[]);
    expect(buttons.map((b) => b.value)).not.toContain('JK-4');

    const shown = await command('show JK-4');
    expect(shown.text).toMatch(/Archived Wed 25 Mar 2026 by <@U0ALICE>: superseded by JK-9/);
    const history = await command('history JK-4');
    expect(JSON.stringify(history.blocks)).toContain('archived it: superseded by JK-9');

    const back = await command('unarchive JK-4');
    expect(back.text).toContain('Unarchived JK-4');
    expect(await counts()).toEqual(before);
    expect((await command('japan-korea')).text).toContain('JK-4');
    expect(JSON.stringify((await command('history JK-4')).blocks)).toContain('unarchived it');
    const changes = (await harness.store().getHistory(TEAM, 'JK-4')).map((h) => h.change.type);
    expect(changes.slice(-2)).toEqual(['archive', 'unarchive']);
  });

  it.each([
    ['archiving it again', 'archive JK-3 "twice"', /JK-3 is already archived/],
    ['an update', 'update JK-3 stalled "blocked"', /JK-3 is archived: nothing about it can change until it is unarchived/],
    ['a note', 'note JK-3 "met"', /JK-3 is archived/],
    ['done', 'done JK-3', /JK-3 is archived/],
    ['an assessment', 'assess JK-3 JP +1', /JK-3 is archived/],
  ])('refuses %s on an archived item and writes nothing', async (_, text, answer) => {
    if (!(await harness.store().getCommitment(TEAM, 'JK-3')).archived) await command('archive JK-3');
    const before = await tableItems();
    expect((await command(text)).text).toMatch(answer);
    expect(await tableItems()).toBe(before);
  });

  it('refuses to log on or edit an archived item, and to unarchive a live one, writing nothing', async () => {
    await command('archive JK-1 "paused"');
    let before = await tableItems();
    expect((await command('log JK-1 2026-03-01 at Tokyo')).text).toMatch(/JK-1 is archived/);
    expect((await command('edit JK-1 title "Keep up leader visits"')).text).toMatch(/JK-1 is archived/);
    expect(await tableItems()).toBe(before);
    await command('unarchive JK-1');
    before = await tableItems();
    expect((await command('unarchive JK-2')).text).toMatch(/JK-2 is not archived/);
    expect((await command(`archive JK-2 "${'r'.repeat(1001)}"`)).text).toMatch(/The reason is 1,001 characters long; the limit is 1,000/);
    expect(await tableItems()).toBe(before);
  });

  it('refuses a button and a form of a message drawn before the item was archived', async () => {
    const report = await command('japan-korea');
    await command('archive JK-5');
    const before = await tableItems();
    const opened = harness.slack.callsTo('views.open').length;
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.markDone, 'JK-5', harness.slack.responseUrl('stale-button'), report.blocks)));
    expect(harness.slack.callsTo('views.open')).toHaveLength(opened);
    expect(JSON.stringify(harness.slack.callsTo('response_url:stale-button').at(-1)?.args)).toContain('JK-5 is archived');

    const version = (await harness.store().getCommitment(TEAM, 'JK-5')).version;
    const submitted = await harness.send(
      interactionEvent(viewSubmission(TEAM, VIEW_IDS.markDone, JSON.stringify({ id: 'JK-5', version: version }), { note: { note: { type: 'plain_text_input', value: 'too late' } } })),
    );
    expect(submitted.body).toContain('JK-5 is archived');
    expect(await tableItems()).toBe(before);
    await command('unarchive JK-5');
  });

  it('leaves an archived item out of the Home tab', async () => {
    const added = await command('add japan-korea "Send the memo" due 2026-03-20 owner <@U0HOME|home>');
    const id = /Added (JK-\d+)/.exec(added.text)![1]!;
    const home = async () => {
      const before = harness.slack.calls.length;
      await harness.send(eventCallback(TEAM, { type: 'app_home_opened', user: 'U0HOME', channel: 'D0HOME', tab: 'home', event_ts: `${before}.1` }, { eventId: `Ev0HOME${before}` }));
      return JSON.stringify(harness.slack.calls.slice(before).filter((c) => c.method === 'views.publish').at(-1)?.args);
    };
    expect(await home()).toContain(id);
    await command(`archive ${id} "sent by fax"`);
    expect(await home()).not.toContain(id);
  });

  it('keeps the counts right when the same item is archived by several people at once', async () => {
    const before = await counts();
    const answers = await Promise.all(Array.from({ length: 5 }, () => command('archive JK-2 "merged"')));
    expect(answers.filter((a) => a.text.includes('Archived JK-2'))).toHaveLength(1);
    expect((await counts())['in-progress']).toBe(before['in-progress'] - 1);
    const archives = (await harness.store().getHistory(TEAM, 'JK-2')).filter((h) => h.change.type === 'archive');
    expect(archives).toHaveLength(1);
    await command('unarchive JK-2');
    expect(await counts()).toEqual(before);
  });
});

describe('reopen', () => {
  // UX audit: `show` of a done item offered no way back (an archived one offers Unarchive).
  it('offers Reopen on a closed item shown on its own, which puts it back in progress once, guarded by the version shown', async () => {
    const id = /Added (JK-\d+)/.exec((await command('add japan-korea "Send the fisheries memo"')).text)![1]!;
    await command(`done ${id} "closed in error"`);
    const shown = await command(`show ${id}`);
    const buttons = shown.blocks.filter((b) => b['type'] === 'actions').flatMap((b) => b['elements'] as { action_id: string; value: string }[]);
    const { version } = await harness.store().getCommitment(TEAM, id);
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([[ACTION_IDS.reopen, `${id}@${version}`]]);

    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.reopen, `${id}@${version}`, harness.slack.responseUrl('reopen'), shown.blocks)));
    const reopened = await harness.store().getCommitment(TEAM, id);
    expect(reopened).toMatchObject({ status: 'in-progress', version: version + 1 });
    expect(reopened.closed).toBeUndefined();
    expect((await harness.store().getHistory(TEAM, id)).at(-1)?.change).toMatchObject({ type: 'status', from: 'done', to: 'in-progress' });

    // The same press again, on the message drawn before: refused, nothing written.
    const before = await tableItems();
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.reopen, `${id}@${version}`, harness.slack.responseUrl('reopen-again'), shown.blocks)));
    expect(harness.slack.callsTo('response_url:reopen-again')).toHaveLength(1);
    expect(await tableItems()).toBe(before);
  });
});

describe('log and unlog', () => {
  it.each(['2026-03-26', 'tomorrow', 'next friday'])('refuses to log "%s", a date that has not happened yet, and writes nothing', async (date) => {
    const before = await tableItems();
    const reply = await command(`log JK-1 ${date} at Seoul`);
    expect(reply.text).toMatch(/has not happened yet — use `\/commitments edit JK-1 due …` to plan it/);
    expect(await tableItems()).toBe(before);
  });

  it('logs today, in the track’s zone', async () => {
    expect((await command('log JK-1 today at Tokyo')).text).toContain('Logged Wed 25 Mar 2026 in Tokyo on JK-1');
  });

  it('removes a mistaken occurrence, with the removal in history, and refuses a date with none', async () => {
    await command('log JK-1 2026-01-13 at Nara "Lee visits Nara"');
    const removed = await command('unlog JK-1 2026-01-13');
    expect(removed.text).toContain('Removed the occurrence of Tue 13 Jan 2026 from JK-1');
    const item = await harness.store().getCommitment(TEAM, 'JK-1');
    expect(item.kind.type === 'recurring' && item.kind.occurrences.map((o) => o.date)).not.toContain('2026-01-13');
    expect((await harness.store().getHistory(TEAM, 'JK-1')).at(-1)?.change).toEqual({
      type: 'unlog',
      occurrence: { date: '2026-01-13', place: 'Nara', text: 'Lee visits Nara' },
    });
    expect(JSON.stringify((await command('history JK-1')).blocks)).toContain('removed the occurrence of Tue 13 Jan 2026 in Nara');

    const before = await tableItems();
    expect((await command('unlog JK-1 2026-01-13')).text).toMatch(/JK-1 has no occurrence on Tue 13 Jan 2026; its occurrences: Tue 30 Sep 2025/);
    expect((await command('unlog JK-4 2026-01-13')).text).toMatch(/JK-4 is one-off: only recurring items have occurrences to remove/);
    expect(await tableItems()).toBe(before);
  });
});
