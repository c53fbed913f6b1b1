import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestTable } from '../../support/dynamodb.ts';
import { FakeSlack } from '#local/fake-slack';
import { track } from '../reminders/harness.ts';
import { renderReport } from '#shared/slack/render/report';
import { checkInHarness, checkInsTo, owned } from './harness.ts';

const table = useTestTable();
let slack: FakeSlack;
const h = checkInHarness(table, () => slack);
const created = new Date('2026-03-01T00:00:00Z');

beforeAll(async () => {
  slack = await new FakeSlack({
    users: {
      U0MARIA: { tz: 'America/New_York' },
      U0WEEKDAY: { tz: 'Europe/Paris' },
      U0WEEKEND: { tz: 'Europe/Paris' },
      U0PAUSED: { tz: 'Asia/Tokyo' },
      U0SNOOZE: { tz: 'Asia/Tokyo' },
      U0GONE: { tz: 'Asia/Tokyo', deleted: true },
      U0AHEAD: { tz: 'Asia/Tokyo' },
      U0EARLY: { tz: 'Asia/Tokyo' },
      U0RESUME: { tz: 'Asia/Tokyo' },
      U0BACK: { tz: 'Asia/Tokyo', deleted: true },
      U0NEWBIE: { tz: 'Asia/Tokyo' },
      U0NEXT: { tz: 'Asia/Seoul' },
    },
  }).start();
});
afterAll(() => slack.stop());

const blockIds = (m: { blocks: unknown }) => (m.blocks as { block_id?: string }[]).map((b) => b.block_id).filter(Boolean);

describe('check-in sweep', () => {
  it('sends an owner of 3 items due soon in 2 tracks one direct message at 09:00 in their zone, listing all 3, and nothing more that day', async () => {
    const team = 'T0ONE';
    await h.store.createTrack({ ...track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created), title: 'Japan–Korea' });
    await h.store.createTrack({ ...track(team, 'eu-japan', 'EJ', 'Europe/Brussels', created), title: 'EU–Japan' });
    // Due Tuesday 17 March: asked 7 days before, Tuesday 10 March. (Added by Maria herself: nothing new to tell her before.)
    await h.store.createCommitment(team, 'japan-korea', owned('Hold the vice-ministerial dialogue', 'U0MARIA', '2026-03-17'), 'U0MARIA', created);
    await h.store.createCommitment(team, 'japan-korea', owned('Convene the <!channel> committee', 'U0MARIA', '2026-03-17'), 'U0MARIA', created);
    await h.store.createCommitment(team, 'eu-japan', owned('Sign the data accord', 'U0MARIA', '2026-03-17'), 'U0MARIA', created);

    // Tokyo's 10 March starts first; in New York it is still the 9th, and then not yet 09:00 EDT (13:00Z).
    for (const at of ['2026-03-09T23:00:00Z', '2026-03-10T04:00:00Z', '2026-03-10T12:59:00Z']) {
      await h.sweep(new Date(at));
      expect(checkInsTo(slack, 'U0MARIA')).toHaveLength(0);
    }
    const summary = await h.sweep(new Date('2026-03-10T13:00:30Z'));
    expect(summary).toMatchObject({ dueAsks: 3, owners: 1, sent: 1 });
    for (const at of ['2026-03-10T13:05:00Z', '2026-03-10T20:00:00Z', '2026-03-11T03:59:00Z']) await h.sweep(new Date(at));

    const [dm, ...others] = checkInsTo(slack, 'U0MARIA');
    expect(others).toHaveLength(0);
    expect(dm!.channel).toMatch(/^D/);
    expect(dm!.metadata.event_payload['slot_id']).toBe(`${team}/U0MARIA/2026-03-10`);
    expect(blockIds(dm!)).toEqual(['checkin-item:EJ-1', 'checkin:EJ-1', 'checkin-item:JK-1', 'checkin:JK-1', 'checkin-item:JK-2', 'checkin:JK-2']);
    const text = JSON.stringify(dm!.blocks);
    expect(text).toContain('due in 7 days');
    expect(text).toContain('Japan–Korea');
    expect(text).toContain('/commitments me');
    // User text is escaped in the blocks and in the fallback.
    expect(text).toContain('&lt;!channel&gt;');
    expect(String(dm!.text)).not.toContain('<!channel>');

    // The report carries the check-in on each ask: when, which message.
    const report = await h.store.getReport(team, 'japan-korea');
    expect((report.asks ?? []).map((a) => [a.commitmentId, a.askedOn, a.reason, a.dm?.channel, a.dm?.ts])).toEqual([
      ['JK-1', '2026-03-10', 'before-due', dm!.channel, dm!.ts],
      ['JK-2', '2026-03-10', 'before-due', dm!.channel, dm!.ts],
    ]);
    // The sweep's clock is its `now` moved on by the real time it took.
    expect((report.asks ?? []).map((a) => a.askedAt?.slice(0, 16))).toEqual(['2026-03-10T13:00', '2026-03-10T13:00']);
    // Next: 1 day before the due date.
    expect((report.asks ?? []).map((a) => a.askOn)).toEqual(['2026-03-16', '2026-03-16']);
  });

  it('skips a weekend unless the owner asked for it', async () => {
    const team = 'T0WEEKEND';
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Europe/Paris', created));
    // Due Saturday 21 March: asked on Saturday 14 March.
    await h.store.createCommitment(team, 'japan-korea', owned('Weekday owner', 'U0WEEKDAY', '2026-03-21'), 'U0A', created);
    await h.store.createCommitment(team, 'japan-korea', owned('Weekend owner', 'U0WEEKEND', '2026-03-21'), 'U0A', created);
    const prefs = await h.preferences.get(team, 'U0WEEKEND');
    await h.preferences.put({ ...prefs, days: [0, 1, 2, 3, 4, 5, 6] }, undefined);

    await h.sweep(new Date('2026-03-14T08:00:30Z')); // Saturday 09:00 in Paris
    await h.sweep(new Date('2026-03-15T08:00:30Z')); // Sunday
    expect(checkInsTo(slack, 'U0WEEKEND').map((m) => m.metadata.event_payload['slot_id'])).toEqual([`${team}/U0WEEKEND/2026-03-14`]);
    expect(checkInsTo(slack, 'U0WEEKDAY')).toHaveLength(0);
    await h.sweep(new Date('2026-03-16T08:00:30Z')); // Monday
    expect(checkInsTo(slack, 'U0WEEKDAY').map((m) => m.metadata.event_payload['slot_id'])).toEqual([`${team}/U0WEEKDAY/2026-03-16`]);
  });

  it('asks nobody while their check-ins are paused, and on their first day after', async () => {
    const team = 'T0PAUSED';
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    await h.store.createCommitment(team, 'japan-korea', owned('Paused owner', 'U0PAUSED', '2026-03-17'), 'U0A', created);
    const prefs = await h.preferences.get(team, 'U0PAUSED');
    await h.preferences.put({ ...prefs, pausedUntil: '2026-03-12' }, undefined);

    for (const day of ['10', '11', '12']) await h.sweep(new Date(`2026-03-${day}T00:00:30Z`));
    expect(checkInsTo(slack, 'U0PAUSED')).toHaveLength(0);
    await h.sweep(new Date('2026-03-13T00:00:30Z')); // Friday 09:00 in Tokyo
    expect(checkInsTo(slack, 'U0PAUSED').map((m) => m.metadata.event_payload['slot_id'])).toEqual([`${team}/U0PAUSED/2026-03-13`]);
  });

  it('does not ask about a snoozed item until its snooze ends', async () => {
    const team = 'T0SNOOZE';
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    const item = await h.store.createCommitment(team, 'japan-korea', owned('Snoozed item', 'U0SNOOZE', '2026-03-17'), 'U0A', created);
    await h.store.saveChange(item, { type: 'snooze', until: '2026-03-12' }, 'U0SNOOZE', new Date('2026-03-09T01:00:00Z'));

    for (const day of ['10', '11']) await h.sweep(new Date(`2026-03-${day}T00:00:30Z`));
    expect(checkInsTo(slack, 'U0SNOOZE')).toHaveLength(0);
    await h.sweep(new Date('2026-03-12T00:00:30Z'));
    expect(checkInsTo(slack, 'U0SNOOZE').map((m) => m.metadata.event_payload['slot_id'])).toEqual([`${team}/U0SNOOZE/2026-03-12`]);
  });

  it('sends a deactivated owner nothing, stops their check-ins with the reason and looks at their asks again only weekly', async () => {
    const team = 'T0GONE';
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    await h.store.createCommitment(team, 'japan-korea', owned('Owner left', 'U0GONE', '2026-03-17'), 'U0A', created);

    const summary = await h.sweep(new Date('2026-03-10T00:00:30Z'));
    expect(summary).toMatchObject({ owners: 1, stopped: 1, sent: 0 });
    expect(checkInsTo(slack, 'U0GONE')).toHaveLength(0);
    const { stopped } = await h.preferences.get(team, 'U0GONE');
    expect(stopped?.reason).toBe('deactivated');
    expect(stopped?.at.slice(0, 16)).toBe('2026-03-10T00:00');
    // Put off a week, so that `me resume` brings them back without any item having to change.
    expect((await h.checkIns.due(new Date('2026-03-16T23:59:00Z'))).filter((a) => a.teamId === team)).toEqual([]);
    expect((await h.checkIns.due(new Date('2026-03-17T00:01:00Z'))).filter((a) => a.teamId === team)).toHaveLength(1);
    expect(await h.sweep(new Date('2026-03-17T00:01:00Z'))).toMatchObject({ stopped: 1 });
    expect(checkInsTo(slack, 'U0GONE')).toHaveLength(0);
    expect((await h.checkIns.due(new Date('2026-03-23T23:59:00Z'))).filter((a) => a.teamId === team)).toEqual([]);
  });

  it('says in the report that a deactivated owner is not asked, until me resume and their reactivation bring their check-ins back', async () => {
    // UX audit: a stopped owner's items looked like any other, so nobody knew nobody was asked.
    const team = 'T0BACK';
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    await h.store.createCommitment(team, 'japan-korea', owned('Update the press contacts sheet', 'U0BACK', '2026-03-17'), 'U0A', created);
    const report = async (now: Date) => renderReport(await h.store.getReport(team, 'japan-korea'), { filter: 'open', page: 0, now });

    expect(await h.sweep(new Date('2026-03-10T00:00:30Z'))).toMatchObject({ stopped: 1 });
    const stopped = await report(new Date('2026-03-10T01:00:00Z'));
    expect(stopped.text).toContain('JK-1 [In progress] Update the press contacts sheet — due in 7 days (Tue 17 Mar 2026) — not asked: <@U0BACK>’s account is deactivated — Source');
    expect(JSON.stringify(stopped.blocks)).toContain(':no_entry: not asked: <@U0BACK>’s account is deactivated');

    // Reactivated, and `me resume`: the week's look at their asks finds them reachable and asks them.
    slack.options.users!['U0BACK'] = { tz: 'Asia/Tokyo' };
    const prefs = (await h.preferences.getSaved(team, 'U0BACK'))!;
    const { stopped: _, ...resumed } = prefs;
    await h.preferences.put(resumed, prefs.version);
    expect(await h.sweep(new Date('2026-03-17T00:01:00Z'))).toMatchObject({ stopped: 0, sent: 1 });
    expect((await report(new Date('2026-03-17T01:00:00Z'))).text).not.toContain('not asked');
  });

  it('tells an owner someone else names of the item at their next check-in, once, though nothing falls due for months and it changed meanwhile; a handover likewise', async () => {
    const team = 'T0NEWBIE';
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    const item = await h.store.createCommitment(team, 'japan-korea', owned('Reopen the fisheries talks', 'U0NEWBIE', '2026-09-30'), 'U0A', created);
    // A note an hour later moves nothing the new owner is to hear.
    await h.store.changeCommitment(team, item.id, { type: 'note', text: 'Ministry contact is Sato' }, 'U0A', new Date('2026-03-01T01:00:00Z'));
    const said = (userId: string) => checkInsTo(slack, userId).map((m) => [m.metadata.event_payload['slot_id'], /\*(new to you, [^*]+)\*/.exec(JSON.stringify(m.blocks))?.[1]]);
    // Added on Sunday 1 March: told at 09:00 in Tokyo on Monday, their first check-in day, and only then.
    for (const at of ['2026-03-01T00:00:30Z', '2026-03-02T00:00:30Z', '2026-03-03T00:00:30Z']) await h.sweep(new Date(at));
    expect(said('U0NEWBIE')).toEqual([[`${team}/U0NEWBIE/2026-03-02`, 'new to you, due in 212 days']]);
    // Handed over on 3 March at noon in Seoul: the new owner, whose check-in time has passed with no message that day, hears at the next sweep; the old one no more.
    await h.store.changeCommitment(team, item.id, { type: 'field', field: 'owners', from: '<@U0NEWBIE>', to: '<@U0NEXT>' }, 'U0A', new Date('2026-03-03T03:00:00Z'));
    for (const at of ['2026-03-03T03:05:00Z', '2026-03-04T00:00:30Z']) await h.sweep(new Date(at));
    expect(said('U0NEXT')).toEqual([[`${team}/U0NEXT/2026-03-03`, 'new to you, due in 211 days']]);
    expect(said('U0NEWBIE')).toHaveLength(1);
  });

  it('asks an owner ahead of the track’s zone by the track’s date: due today on its last day there, overdue only once the next has begun', async () => {
    // Regression (check-ins counted days in the owner's zone).
    const team = 'T0AHEAD';
    await h.store.createTrack(track(team, 'us-japan', 'UJ', 'America/New_York', created));
    await h.store.createCommitment(team, 'us-japan', owned('Send the export-control list', 'U0AHEAD', '2026-03-30'), 'U0AHEAD', created);
    const said = () => checkInsTo(slack, 'U0AHEAD').map((m) => [m.metadata.event_payload['slot_id'], /\*(due today|overdue \d+ days?)\*/.exec(JSON.stringify(m.blocks))?.[1]]);
    // Tue 31 March 09:00 in Tokyo is Mon 30 March 20:00 in Washington.
    await h.sweep(new Date('2026-03-31T00:00:30Z'));
    expect(said()).toEqual([[`${team}/U0AHEAD/2026-03-31`, 'due today']]);
    // The overdue ask (31 March in Washington, from 13:00 in Tokyo) waits for their next morning.
    for (const at of ['2026-03-31T04:00:30Z', '2026-03-31T15:00:30Z']) await h.sweep(new Date(at));
    expect(said()).toHaveLength(1);
    await h.sweep(new Date('2026-04-01T00:00:30Z'));
    expect(said()).toEqual([
      [`${team}/U0AHEAD/2026-03-31`, 'due today'],
      [`${team}/U0AHEAD/2026-04-01`, 'overdue 1 day'],
    ]);
  });

  it('asks at a check-in time changed after the sweep scheduled the next ask (me time), from the next day', async () => {
    const team = 'T0EARLY';
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    // Due Tue 17 March: asked on Tue 10 March (7 days before) and Mon 16 March (1 day before).
    await h.store.createCommitment(team, 'japan-korea', owned('Hold the vice-ministerial dialogue', 'U0EARLY', '2026-03-17'), 'U0A', created);
    await h.sweep(new Date('2026-03-10T00:00:30Z'));
    const prefs = await h.preferences.get(team, 'U0EARLY');
    await h.preferences.put({ ...prefs, time: '07:00' }, undefined);
    // Mon 16 March: the day's first read (midnight in Tokyo) moves the ask to 07:00, and it is asked then.
    for (const at of ['2026-03-15T15:00:30Z', '2026-03-15T22:00:30Z']) await h.sweep(new Date(at));
    expect(checkInsTo(slack, 'U0EARLY').map((m) => m.metadata.event_payload['slot_id'])).toEqual([`${team}/U0EARLY/2026-03-10`, `${team}/U0EARLY/2026-03-16`]);
  });

  it('asks again the day after me resume, not only once the pause would have ended', async () => {
    const team = 'T0RESUME';
    await h.store.createTrack(track(team, 'japan-korea', 'JK', 'Asia/Tokyo', created));
    await h.store.createCommitment(team, 'japan-korea', owned('Sign the fisheries annex', 'U0RESUME', '2026-03-17'), 'U0A', created);
    const prefs = await h.preferences.get(team, 'U0RESUME');
    const paused = await h.preferences.put({ ...prefs, pausedUntil: '2026-04-30' }, undefined);
    for (const at of ['2026-03-10T00:00:30Z', '2026-03-10T15:00:30Z']) await h.sweep(new Date(at));
    // Resumed on Thu 12 March; the next morning is Friday's.
    const { pausedUntil: _, ...resumed } = paused;
    await h.preferences.put(resumed, paused.version);
    for (const at of ['2026-03-11T15:00:30Z', '2026-03-12T15:00:30Z', '2026-03-13T00:00:30Z']) await h.sweep(new Date(at));
    expect(checkInsTo(slack, 'U0RESUME').map((m) => m.metadata.event_payload['slot_id'])).toEqual([`${team}/U0RESUME/2026-03-13`]);
  });
});
