import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { askKey } from '#shared/store/check-in-params';
import { createPreferencesStore } from '#shared/store/preferences';
import { commandEvent } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { tableItems as tableItemsOf, type CommandReply } from '../../support/slack-commands.ts';
import { expectWithinSlackLimits } from '../../support/slack-limits.ts';

// Issue 14: people's own check-in preferences, a track's check-in settings, and unanswered check-ins in the report.

const NOW = new Date('2026-03-25T01:00:00Z'); // Wed 25 Mar, 10:00 in Tokyo
const harness = useSlackHandler();
const TEAM = 'T0CHECKINS';
const OWNER = 'U0OWNER';
const EDITOR = 'U0EDITOR';
const VIEWER = 'U0VIEWER';
const GUEST = 'U0GUEST';

useBusanAt(harness, TEAM, NOW);

let sent = 0;
async function command(text: string, userId: string): Promise<CommandReply> {
  sent += 1;
  const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, responseUrl: harness.slack.responseUrl(`ci${sent}`) }));
  expect(result.statusCode).toBe(200);
  const body = result.json() as unknown as CommandReply;
  expectWithinSlackLimits(body);
  return body;
}
const tableItems = () => tableItemsOf(harness);
const preferences = () => createPreferencesStore({ client: harness.table.client, tableName: harness.table.tableName });

beforeAll(async () => {
  Object.assign(harness.slack.options, {
    teamId: TEAM,
    users: { U0ADMIN: { is_admin: true }, U0GUEST: { is_restricted: true, tz: 'Asia/Tokyo' }, U0TOKYO: { tz: 'Asia/Tokyo' }, U0STRANGER: { is_stranger: true, team_id: 'T0OTHER' } },
  });
  // A workspace admin claims the Busan track and hands out roles.
  expect((await command(`japan-korea roles add <@${OWNER}> owner`, 'U0ADMIN')).text).toContain('is now an owner');
  expect((await command(`japan-korea roles add <@${EDITOR}> editor`, OWNER)).text).toContain('is now an editor');
  expect((await command(`japan-korea roles add <@${VIEWER}> <@${GUEST}> viewer`, OWNER)).text).toContain('is now a viewer');
});

describe('/commitments me', () => {
  it('shows the defaults to someone who never set any, in their Slack time zone', async () => {
    const reply = await command('me', 'U0TOKYO');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('Your check-ins · weekdays at 09:00 (Asia/Tokyo, your Slack time zone)');
  });

  it('sets the time, the days and a pause, each shown back, and resumes', async () => {
    expect((await command('me time 8:30', 'U0TOKYO')).text).toMatch(/^Check-ins now come at 08:30\.\nYour check-ins · weekdays at 08:30/);
    expect((await command('me days mon,tue,thu', 'U0TOKYO')).text).toContain('Check-ins now come on Mon, Tue, Thu.');
    expect((await command('me days every day', 'U0TOKYO')).text).toContain('every day at 08:30');
    // Wed 25 Mar in Tokyo: next friday is 3 April.
    const paused = await command('me pause until next friday', 'U0TOKYO');
    expect(paused.text).toContain('Check-ins paused until Fri 3 Apr 2026.');
    expect(paused.text).toContain('Paused until Fri 3 Apr 2026 (inclusive)');
    expect(await preferences().get(TEAM, 'U0TOKYO')).toMatchObject({ time: '08:30', days: [0, 1, 2, 3, 4, 5, 6], pausedUntil: '2026-04-03', version: 4 });
    const resumed = await command('me resume', 'U0TOKYO');
    expect(resumed.text).toContain('Check-ins resumed.');
    expect(resumed.text).not.toContain('Paused');
  });

  it('saves each change version by version, for the caller alone', async () => {
    await command('me time 07:45', 'U0SELF');
    await command('me days every day', 'U0SELF');
    expect(await preferences().get(TEAM, 'U0SELF')).toMatchObject({ time: '07:45', days: [0, 1, 2, 3, 4, 5, 6], version: 2 });
    expect((await command('me', 'U0SELF')).text).toContain('every day at 07:45 (UTC');
    expect((await command('me', 'U0OTHERPERSON')).text).toContain('weekdays at 09:00');
    expect(await preferences().getSaved(TEAM, 'U0OTHERPERSON')).toBeUndefined();
  });

  it('clears a stop the sweep recorded when the person resumes', async () => {
    const store = preferences();
    await store.stop(TEAM, 'U0STOPPED', 'cannot_dm_bot', new Date('2026-03-20T00:00:00Z'));
    expect((await command('me', 'U0STOPPED')).text).toContain('Stopped since Fri 20 Mar 2026, 00:00 (UTC): a bot cannot be sent direct messages');
    expect((await command('me resume', 'U0STOPPED')).text).not.toContain('Stopped');
    expect((await store.get(TEAM, 'U0STOPPED')).stopped).toBeUndefined();
  });

  it('lets a guest set their own preferences, and refuses someone from another organisation', async () => {
    expect((await command('me time 10:00', GUEST)).text).toContain('Check-ins now come at 10:00.');
    const before = await tableItems();
    expect((await command('me time 10:00', 'U0STRANGER')).text).toMatch(/People from other organisations keep their check-in preferences in their own workspace/);
    expect((await command('me', 'U0STRANGER')).text).toMatch(/People from other organisations/);
    expect(await tableItems()).toBe(before);
  });

  it.each([
    ['a date that has passed', 'me pause until 2026-03-20', /Fri 20 Mar 2026 has already passed; pause until today or a later date/],
    ['a date it cannot read', 'me pause until whenever', /"whenever" is not a date I can read/],
    ['a time already set', 'me time 09:00', /already come at 09:00; nothing was changed/],
    ['resume with nothing paused', 'me resume', /not paused or stopped; nothing was changed/],
    ['a bad time', 'me time noonish', /“noonish” is not a time/],
  ])('answers %s clearly and writes nothing', async (_, text, answer) => {
    const before = await tableItems();
    expect((await command(text, 'U0FRESH')).text).toMatch(answer);
    expect(await tableItems()).toBe(before);
  });
});

describe('a track’s check-in settings', () => {
  it('shows them to anyone who may read the track', async () => {
    const reply = await command('japan-korea check-ins', VIEWER);
    expect(reply.text).toBe('japan-korea asks owners 7 and 1 days before a due date, and flags no answer after 3 days.');
  });

  it('lets an editor change them, version-guarded, with a track history entry each', async () => {
    const track = await harness.store().getTrack(TEAM, 'japan-korea');
    expect((await command('japan-korea check-ins before 3,14', EDITOR)).text).toBe('japan-korea now asks owners 14 and 3 days before a due date, and flags no answer after 3 days.');
    expect((await command('japan-korea check-ins escalate 5', OWNER)).text).toContain('flags no answer after 5 days');
    const saved = await harness.store().getTrack(TEAM, 'japan-korea');
    expect(saved.checkIns).toEqual({ beforeDueDays: [14, 3], escalateAfterDays: 5 });
    expect(saved.version).toBe(track.version + 2);
    const history = await harness.store().getTrackHistory(TEAM, 'japan-korea');
    expect(history.slice(-2)).toMatchObject([
      { by: EDITOR, version: track.version + 1, changes: [{ type: 'check-ins', from: { beforeDueDays: [7, 1], escalateAfterDays: 3 }, to: { beforeDueDays: [14, 3], escalateAfterDays: 3 } }] },
      { by: OWNER, version: track.version + 2, changes: [{ type: 'check-ins', to: { beforeDueDays: [14, 3], escalateAfterDays: 5 } }] },
    ]);
    expect((await command('japan-korea check-ins escalate off', EDITOR)).text).toContain('never flags an unanswered check-in');
    expect((await harness.store().getTrack(TEAM, 'japan-korea')).checkIns.escalateAfterDays).toBeNull();
    await command('japan-korea check-ins escalate 3', EDITOR);
    await command('japan-korea check-ins before 7,1', EDITOR);
  });

  it.each([
    ['a viewer', VIEWER, 'japan-korea check-ins escalate 4', /Only the owners and editors of japan-korea can change it/],
    ['a guest', GUEST, 'japan-korea check-ins escalate 4', /Guests and people from other organisations can read japan-korea but not change it/],
    ['0 days', EDITOR, 'japan-korea check-ins before 0', /0 days is out of range; use whole days from 1 to 60/],
    ['more than 60 days', EDITOR, 'japan-korea check-ins escalate 61', /61 days is out of range/],
    ['more than 5 reminders', EDITOR, 'japan-korea check-ins before 30,14,7,3,2,1', /That is 6 reminders; a track may ask at most 5 times/],
    ['not a number', EDITOR, 'japan-korea check-ins before a week', /“a” is not a number of days/],
    ['no change', EDITOR, 'japan-korea check-ins escalate 3', /japan-korea already asks owners 7 and 1 days before a due date, and flags no answer after 3 days; nothing was changed/],
  ])('refuses %s clearly and writes nothing', async (_, who, text, answer) => {
    const before = await tableItems();
    expect((await command(text, who)).text).toMatch(answer);
    expect(await tableItems()).toBe(before);
  });
});

describe('unanswered check-ins in the report', () => {
  /** Marks the owner's check-in about JK-`seq` as sent at `at`, as the check-in sweep would. */
  async function asked(seq: number, userId: string, at: Date): Promise<void> {
    await harness.table.client.send(
      new UpdateItemCommand({
        TableName: harness.table.tableName,
        Key: askKey(TEAM, 'japan-korea', seq, userId),
        UpdateExpression: 'SET askedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: marshall({ ':at': at.toISOString() }),
      }),
    );
  }

  beforeAll(async () => {
    // JK-2 and JK-3 get a Slack owner each (each write brings the item's ask record), before the check-ins.
    vi.setSystemTime(new Date('2026-03-20T00:00:00Z'));
    expect((await command('edit JK-2 owner <@U0MARIA>', EDITOR)).text).toContain('JK-2');
    expect((await command('edit JK-3 owner <@U0LEE>', EDITOR)).text).toContain('JK-3');
    vi.setSystemTime(NOW);
    await asked(2, 'U0MARIA', new Date('2026-03-23T01:00:00Z'));
    await asked(3, 'U0LEE', new Date('2026-03-21T00:00:00Z'));
  });

  it('says "asked 2 days ago, no answer" and flags one past the track’s days', async () => {
    const report = await command('japan-korea', VIEWER);
    expect(report.text).toContain('asked <@U0MARIA> 2 days ago, no answer');
    expect(report.text).toContain('no answer from <@U0LEE> — asked 4 days ago');
    const blocks = JSON.stringify(report.blocks);
    expect(blocks).toContain(':hourglass: asked <@U0MARIA> 2 days ago, no answer');
    expect(blocks).toContain(':rotating_light: *no answer from <@U0LEE>* — asked 4 days ago');
  });

  it('shows no flag once escalation is off, but still the unanswered check-in', async () => {
    await command('japan-korea check-ins escalate off', EDITOR);
    const report = await command('japan-korea', VIEWER);
    expect(report.text).not.toContain('no answer from');
    expect(report.text).toContain('asked <@U0LEE> 4 days ago, no answer');
    await command('japan-korea check-ins escalate 3', EDITOR);
  });

  it('drops the line once the item is updated after the check-in', async () => {
    expect((await command('note JK-3 "on track"', EDITOR)).text).toContain('JK-3');
    expect((await command('japan-korea', VIEWER)).text).not.toContain('U0LEE');
  });
});
