import { describe, expect, it } from 'vitest';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { blockAction, browserGet, commandEvent, interactionEvent, viewSubmission } from '#local/slack-request';
import { expectWithinSlackLimits } from '../../support/slack-limits.ts';

const NOW = new Date('2026-03-25T01:00:00Z'); // 10:00 in Tokyo
const harness = useSlackHandler();
const TEAM = 'T0TEST';

useBusanAt(harness, TEAM, NOW);

async function command(text: string, options: Parameters<typeof commandEvent>[1] = {}) {
  const result = await harness.send(commandEvent(text, { teamId: TEAM, responseUrl: harness.slack.responseUrl('cmd'), ...options }));
  expect(result.statusCode).toBe(200);
  const body = (result.body ? result.json() : {}) as { response_type?: string; text: string; blocks: Record<string, unknown>[] };
  // Every answer in these tests is held to Slack's limits.
  if (result.body) expectWithinSlackLimits(body);
  return body;
}

/** The last modal the bot opened, checked against Slack's limits for views. */
function lastModal() {
  const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; private_metadata: string; blocks: Record<string, unknown>[]; title: { text: string } };
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  expect(view.title.text.length).toBeLessThanOrEqual(24);
  expect(view.private_metadata.length).toBeLessThanOrEqual(3000);
  return view;
}

describe('one workspace (bot token)', () => {
  it('serves no install page: the OAuth routes answer 404 (issue 12)', async () => {
    expect((await harness.send(browserGet('/slack/install'))).statusCode).toBe(404);
    expect((await harness.send(browserGet('/slack/oauth_redirect', { query: { code: 'c', state: 's' } }))).statusCode).toBe(404);
    expect(harness.slack.callsTo('oauth.v2.access')).toHaveLength(0);
  });
});

describe('/commitments reports', () => {
  it('answers a track name with its report of the five Busan commitments, ephemerally', async () => {
    const reply = await command('japan-korea');
    expect(reply.response_type).toBe('ephemeral');
    for (const id of ['JK-1', 'JK-2', 'JK-3', 'JK-4', 'JK-5']) expect(reply.text).toContain(id);
    expect(reply.text).toContain('Busan');
    expectWithinSlackLimits(reply);
    const buttons = reply.blocks.filter((b) => b['type'] === 'actions').flatMap((b) => b['elements'] as { action_id: string; value: string }[]);
    expect(buttons.filter((b) => b.action_id === ACTION_IDS.markDone).map((b) => b.value).sort()).toEqual(['JK-1', 'JK-2', 'JK-3', 'JK-4', 'JK-5']);
  });

  it('lists the workspace’s tracks with counts when given nothing', async () => {
    const reply = await command('');
    expect(reply.text).toContain('japan-korea');
    expect(reply.text).toMatch(/in progress/);
  });

  it('posts the report in the channel when asked to share', async () => {
    const reply = await command('japan-korea share');
    expect(reply.response_type).toBe('in_channel');
  });

  it('answers help with every command form', async () => {
    const reply = await command('help');
    for (const word of ['update', 'note', 'log', 'subscribe', 'history']) expect(reply.text).toContain(word);
  });

  it('answers an unknown track with the list of tracks and a did-you-mean, writing nothing', async () => {
    const reply = await command('japan-kroea');
    expect(reply.text).toMatch(/no track called "japan-kroea"/i);
    expect(reply.text).toContain('Did you mean japan-korea?');
  });

  it('keeps a 200-item track within Slack’s limits, one page at a time', async () => {
    const store = harness.store();
    await store.createTrack({
      teamId: TEAM, slug: 'big-track', title: 'A very large track', parties: [{ code: 'AA', name: 'A' }, { code: 'BB', name: 'B' }],
      timeZone: 'UTC', idPrefix: 'BIG', createdAt: NOW.toISOString(), createdBy: 'U0ADMIN',
    });
    for (let i = 1; i <= 200; i++) {
      await store.createCommitment(TEAM, 'big-track', {
        title: `Item ${i} ${'with a long title '.repeat(9)}`.slice(0, 200), detail: 'x'.repeat(2000), parties: ['AA'], owners: [],
        source: { meeting: 'Big meeting', date: '2026-01-01' }, kind: { type: 'one-off', due: i % 2 ? '2026-03-01' : '2026-03-28' }, status: i % 5 ? 'in-progress' : 'stalled',
      }, 'U0ADMIN', NOW, { seq: i });
    }
    for (const filter of ['', 'all', 'overdue', 'due']) {
      const reply = await command(`big-track ${filter}`);
      expectWithinSlackLimits(reply);
      expect(reply.text).toMatch(/page 1 of \d+/);
    }
    const first = await command('big-track all');
    const next = first.blocks.flatMap((b) => (b['elements'] ?? []) as { action_id?: string; value?: string }[]).find((e) => e.action_id === ACTION_IDS.pageNext);
    expect(next?.value).toBe('big-track|all|1');
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.pageNext, next!.value!, harness.slack.responseUrl('page'))));
    const redrawn = harness.slack.callsTo('response_url:page').at(-1)?.args as { text: string; replace_original: boolean };
    expect(redrawn.replace_original).toBe(true);
    expect(redrawn.text).toMatch(/page 2 of 20/);
  });
});

describe('/commitments changes', () => {
  it('updates a status with a note, then shows the change and its history', async () => {
    const updated = await command('update JK-4 in-progress "committee date set"');
    expect(updated.text).toContain('JK-4: Not started → In progress');
    const shown = await command('show jk-4');
    expect(shown.text).toContain('In progress');
    expect(JSON.stringify(shown.blocks)).toContain('committee date set');
    const history = await command('history JK-4');
    expect(JSON.stringify(history.blocks)).toMatch(/changed status Not started → In progress: committee date set/);
  });

  it('adds a note, logs a visit, and marks an item done', async () => {
    expect((await command('note JK-2 "Working group met in Seoul"')).text).toContain('Noted on JK-2');
    expect((await command('log JK-1 2026-01-13 at Nara "President Lee visits Nara"')).text).toContain('Logged Tue 13 Jan 2026 in Nara on JK-1');
    expect((await command('done JK-5 "talks concluded"')).text).toContain('JK-5: In progress → Done');
    const item = await harness.store().getCommitment(TEAM, 'JK-1');
    expect(item.kind).toMatchObject({ type: 'recurring', occurrences: [{ date: '2025-09-30' }, { date: '2026-01-13', place: 'Nara' }] });
  });

  it('adds an item with a natural due date resolved in the track’s zone and echoes it', async () => {
    const reply = await command('add japan-korea "Hold the vice-ministerial dialogue" due end of april owner <@U0MARIA|maria>');
    expect(reply.text).toMatch(/Added JK-\d+ to japan-korea, due Thu 30 Apr 2026/);
  });

  it('opens a modal when add is given no title, and saves what the modal submits', async () => {
    const reply = await command('add japan-korea', { triggerId: 'trigger-add' });
    expect(reply).toEqual({});
    const open = harness.slack.callsTo('views.open').at(-1)!;
    expect(open.args['trigger_id']).toBe('trigger-add');
    const view = open.args['view'] as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(VIEW_IDS.addCommitment);
    const submitted = await harness.send(
      interactionEvent(viewSubmission(TEAM, VIEW_IDS.addCommitment, view.private_metadata, {
        title: { title: { type: 'plain_text_input', value: 'Agree a visit calendar' } },
        kind: { kind: { type: 'static_select', selected_option: { value: 'one-off' } } },
        due: { due: { type: 'datepicker', selected_date: '2026-06-30' } },
        owners: { owners: { type: 'multi_users_select', selected_users: ['U0BOB'] } },
      })),
    );
    expect(submitted.statusCode).toBe(200);
    expect(submitted.body).toBe('');
    const report = await harness.store().getReport(TEAM, 'japan-korea');
    expect(report.commitments.find((c) => c.title === 'Agree a visit calendar')).toMatchObject({ kind: { type: 'one-off', due: '2026-06-30' }, owners: [{ slackUserId: 'U0BOB' }] });
  });

  it('creates a track from the command and opens a modal when fields are missing', async () => {
    const reply = await command('track add eu-japan "EU–Japan summit" parties EU,JP tz Europe/Brussels');
    expect(reply.text).toContain('Created track eu-japan');
    expect((await harness.store().listTracks(TEAM)).map((t) => t.slug)).toContain('eu-japan');
    await command('track add us-japan', { triggerId: 'trigger-track' });
    expect((harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string }).callback_id).toBe(VIEW_IDS.addTrack);
  });

  it('opens the update modal from a button and redraws the report after the submission', async () => {
    const report = await command('japan-korea');
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.update, 'JK-3', harness.slack.responseUrl('btn'), report.blocks)));
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(VIEW_IDS.update);
    const result = await harness.send(
      interactionEvent(viewSubmission(TEAM, VIEW_IDS.update, view.private_metadata, {
        status: { status: { type: 'static_select', selected_option: { value: 'stalled' } } },
        note: { note: { type: 'plain_text_input', value: 'Talks paused' } },
      })),
    );
    expect(result.body).toBe('');
    expect((await harness.store().getCommitment(TEAM, 'JK-3')).status).toBe('stalled');
    const redraw = harness.slack.callsTo('response_url:btn').at(-1)!.args as { replace_original: boolean; text: string };
    expect(redraw.replace_original).toBe(true);
    expect(redraw.text).toContain('JK-3 [Stalled]');
  });

  it('keeps the modal open with the problem when the item changed since it was opened', async () => {
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.addNote, 'JK-2', harness.slack.responseUrl('n'))));
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { private_metadata: string };
    await command('note JK-2 "someone else got there first"');
    const result = await harness.send(
      interactionEvent(viewSubmission(TEAM, VIEW_IDS.addNote, view.private_metadata, { note: { note: { type: 'plain_text_input', value: 'late note' } } })),
    );
    expect(result.json()).toMatchObject({ response_action: 'errors', errors: { note: expect.stringMatching(/changed by someone else/) } });
    const history = await harness.store().getHistory(TEAM, 'JK-2');
    expect(history.map((h) => (h.change.type === 'note' ? h.change.text : '')).filter(Boolean)).not.toContain('late note');
  });
});

describe('/commitments buttons and modals', () => {
  it('marks an item done from its button and modal, with the note in its history', async () => {
    const report = await command('japan-korea');
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.markDone, 'JK-2', harness.slack.responseUrl('done'), report.blocks)));
    const view = lastModal();
    expect(view.callback_id).toBe(VIEW_IDS.markDone);
    const result = await harness.send(
      interactionEvent(viewSubmission(TEAM, VIEW_IDS.markDone, view.private_metadata, { note: { note: { type: 'plain_text_input', value: 'Final round held' } } })),
    );
    expect(result.body).toBe('');
    expect((await harness.store().getCommitment(TEAM, 'JK-2')).status).toBe('done');
    const history = await harness.store().getHistory(TEAM, 'JK-2');
    expect(history.at(-1)?.change).toEqual({ type: 'status', from: 'in-progress', to: 'done', note: 'Final round held' });
    expect((harness.slack.callsTo('response_url:done').at(-1)!.args as { replace_original: boolean }).replace_original).toBe(true);
  });

  it('adds a note from its button and modal, and refuses an empty note in the modal', async () => {
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.addNote, 'JK-1', harness.slack.responseUrl('note'))));
    const view = lastModal();
    const empty = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addNote, view.private_metadata, { note: { note: { type: 'plain_text_input', value: '  ' } } })));
    expect(empty.json()).toMatchObject({ response_action: 'errors', errors: { note: 'Write the note first.' } });
    const ok = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addNote, view.private_metadata, { note: { note: { type: 'plain_text_input', value: 'Visit dates under discussion' } } })));
    expect(ok.body).toBe('');
    expect((await harness.store().getCommitment(TEAM, 'JK-1')).notes.at(-1)?.text).toBe('Visit dates under discussion');
  });

  it('creates a track from the modal, and shows a bad time zone or a command word as slug beside its field', async () => {
    await command('track add', { triggerId: 'trigger-track-modal' });
    const view = lastModal();
    const fields = (tz: string, slug = 'korea-us') => ({
      slug: { slug: { type: 'plain_text_input', value: slug } },
      title: { title: { type: 'plain_text_input', value: 'Korea–US alliance' } },
      parties: { parties: { type: 'plain_text_input', value: 'KR, US' } },
      time_zone: { time_zone: { type: 'plain_text_input', value: tz } },
      prefix: { prefix: { type: 'plain_text_input', value: null } },
    });
    const bad = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addTrack, view.private_metadata, fields('Mars/Olympus'))));
    expect(bad.json()).toMatchObject({ response_action: 'errors', errors: { time_zone: expect.stringMatching(/time zone/) } });
    expect((await harness.store().listTracks(TEAM)).map((t) => t.slug)).not.toContain('korea-us');
    const word = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addTrack, view.private_metadata, fields('Asia/Seoul', 'export'))));
    expect(word.json()).toMatchObject({ response_action: 'errors', errors: { slug: expect.stringMatching(/is a command word/) } });
    expect((await harness.store().listTracks(TEAM)).map((t) => t.slug)).not.toContain('export');
    const good = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addTrack, view.private_metadata, fields('Asia/Seoul'))));
    expect(good.body).toBe('');
    expect(await harness.store().getTrack(TEAM, 'korea-us')).toMatchObject({ idPrefix: 'KU', timeZone: 'Asia/Seoul', parties: [{ code: 'KR' }, { code: 'US' }] });
  });

  it('shares a report in the channel from its button', async () => {
    const report = await command('japan-korea');
    const share = report.blocks.flatMap((b) => (b['elements'] ?? []) as { action_id?: string; value?: string }[]).find((e) => e.action_id === ACTION_IDS.share);
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.share, share!.value!, harness.slack.responseUrl('share'), report.blocks)));
    const posted = harness.slack.callsTo('response_url:share').at(-1)!.args as { response_type: string; replace_original: boolean; blocks: Record<string, unknown>[]; text: string };
    expect(posted).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(posted.blocks)).not.toContain(ACTION_IDS.share);
    expectWithinSlackLimits(posted);
  });

  it('answers a button on an item that no longer exists with a short ephemeral note', async () => {
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.update, 'JK-404', harness.slack.responseUrl('gone'))));
    const answer = harness.slack.callsTo('response_url:gone').at(-1)!.args as { text: string; response_type: string };
    expect(answer).toMatchObject({ response_type: 'ephemeral' });
    expect(answer.text).toMatch(/no JK-404/);
  });
});

describe('a form submitted again (issue 13)', () => {
  const at = (secondsLater: number) => ({ timestamp: Math.floor(NOW.getTime() / 1000) + secondsLater });
  const commitmentFields = (title: string) => ({
    title: { title: { type: 'plain_text_input', value: title } },
    kind: { kind: { type: 'static_select', selected_option: { value: 'one-off' } } },
  });
  const titled = async (title: string) => (await harness.store().getReport(TEAM, 'japan-korea')).commitments.filter((c) => c.title === title);

  it('creates one commitment when the same add form is submitted twice, closing it both times', async () => {
    await command('add japan-korea', { triggerId: 'trigger-once' });
    const view = lastModal();
    expect(JSON.parse(view.private_metadata)).toMatchObject({ clientToken: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const payload = viewSubmission(TEAM, VIEW_IDS.addCommitment, view.private_metadata, commitmentFields('Draft a joint statement'));
    const first = await harness.send(interactionEvent(payload, at(0)));
    const second = await harness.send(interactionEvent(payload, at(4)));
    expect([first.statusCode, first.body, second.statusCode, second.body]).toEqual([200, '', 200, '']);
    expect(await titled('Draft a joint statement')).toHaveLength(1);
  });

  it('gives each add form its own token, so two forms create two commitments', async () => {
    await command('add japan-korea', { triggerId: 'trigger-once-a' });
    const a = lastModal().private_metadata;
    await command('add japan-korea', { triggerId: 'trigger-once-b' });
    const b = lastModal().private_metadata;
    expect(JSON.parse(a)).not.toMatchObject({ clientToken: (JSON.parse(b) as { clientToken: string }).clientToken });
    await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addCommitment, a, commitmentFields('Exchange liaison officers')), at(1)));
    await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addCommitment, b, commitmentFields('Exchange liaison officers')), at(2)));
    expect(await titled('Exchange liaison officers')).toHaveLength(2);
  });

  it('refuses someone else’s copy of a submitted form, adding nothing', async () => {
    await command('add japan-korea', { triggerId: 'trigger-once-other' });
    const view = lastModal();
    await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addCommitment, view.private_metadata, commitmentFields('Open a hotline')), at(1)));
    const other = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addCommitment, view.private_metadata, commitmentFields('Open a hotline'), 'U0BOB'), at(2)));
    expect(other.json()).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(other.json())).toMatch(/already submitted/);
    expect(await titled('Open a hotline')).toHaveLength(1);
  });

  it('still saves a form opened before forms carried a token', async () => {
    await command('add japan-korea', { triggerId: 'trigger-once-old' });
    const { clientToken: _token, ...origin } = JSON.parse(lastModal().private_metadata) as Record<string, unknown>;
    const saved = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addCommitment, JSON.stringify(origin), commitmentFields('Resume shuttle diplomacy')), at(1)));
    expect(saved.body).toBe('');
    expect(await titled('Resume shuttle diplomacy')).toHaveLength(1);
  });

  it('creates one track when the same add-track form is submitted twice, closing it both times', async () => {
    await command('track add', { triggerId: 'trigger-once-track' });
    const view = lastModal();
    const payload = viewSubmission(TEAM, VIEW_IDS.addTrack, view.private_metadata, {
      slug: { slug: { type: 'plain_text_input', value: 'japan-india' } },
      title: { title: { type: 'plain_text_input', value: 'Japan–India dialogue' } },
      parties: { parties: { type: 'plain_text_input', value: 'JP, IN' } },
      time_zone: { time_zone: { type: 'plain_text_input', value: 'Asia/Tokyo' } },
      prefix: { prefix: { type: 'plain_text_input', value: 'JI' } },
    });
    const first = await harness.send(interactionEvent(payload, at(0)));
    const second = await harness.send(interactionEvent(payload, at(4)));
    expect([first.body, second.body]).toEqual(['', '']);
    expect((await harness.store().listTracks(TEAM)).filter((t) => t.slug === 'japan-india')).toHaveLength(1);
  });
});

describe('/commitments subscriptions', () => {
  it('subscribes the channel, lists it with its next run, and unsubscribes', async () => {
    const subscribed = await command('subscribe japan-korea every monday 09:00', { channelId: 'C0DIGEST' });
    expect(subscribed.text).toMatch(/Subscribed: .* japan-korea digest/);
    expect(subscribed.text).toMatch(/Mon 30 Mar 2026/);
    const listed = await command('subscriptions', { channelId: 'C0DIGEST' });
    expect(listed.text).toContain('japan-korea');
    expect((await command('unsubscribe japan-korea', { channelId: 'C0DIGEST' })).text).toMatch(/Unsubscribed/);
    expect((await command('subscriptions', { channelId: 'C0DIGEST' })).text).toMatch(/no digests/);
  });

  it('answers a subscription to an unknown track with a did-you-mean and writes nothing', async () => {
    expect((await command('subscribe japan-koera', { channelId: 'C0DIGEST' })).text).toContain('Did you mean japan-korea?');
    expect((await command('subscriptions', { channelId: 'C0DIGEST' })).text).toMatch(/no digests/);
  });
});

describe('/commitments bad input', () => {
  const cases: [string, RegExp][] = [
    ['show JK-99', /no JK-99/i],
    ['show ZZ-1', /no track uses the prefix ZZ/i],
    ['update JK-4 finished-ish', /status/i],
    ['update', /id/i],
    ['add japan-korea "Something" due whenever', /not a date I can read/],
    [`note JK-4 "${'x'.repeat(1001)}"`, /1,001 characters long; the limit is 1,000/],
    ['show JK-4 JK-5 extra words', /.+/],
    ['"unbalanced', /quote/i],
    ['log JK-4 today', /only recurring items log occurrences/],
  ];
  it.each(cases)('answers "%s" with what was wrong and writes nothing', async (text, expected) => {
    const before = await harness.store().getReport(TEAM, 'japan-korea');
    const reply = await command(text);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toMatch(expected);
    expect(await harness.store().getReport(TEAM, 'japan-korea')).toEqual(before);
  });

  it('refuses an edit by someone outside a track’s editors', async () => {
    await harness.store().createTrack({
      teamId: TEAM, slug: 'closed-track', title: 'Editors only', parties: [{ code: 'AA', name: 'A' }], timeZone: 'UTC', idPrefix: 'CT',
      members: { U0EDITOR: 'owner' }, createdAt: NOW.toISOString(), createdBy: 'U0EDITOR',
    });
    const reply = await command('add closed-track "Not mine to add"', { userId: 'U0INTRUDER' });
    expect(reply.text).toMatch(/Only the owners and editors of closed-track/);
    expect((await harness.store().getReport(TEAM, 'closed-track')).commitments).toEqual([]);
    expect((await command('add closed-track "Mine to add"', { userId: 'U0EDITOR' })).text).toContain('Added CT-1');
  });
});


