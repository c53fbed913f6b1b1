import { beforeAll, describe, expect, it } from 'vitest';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { commandSender, tableItems } from '../../support/slack-commands.ts';

// `<track> settings`: a track's title, zone and fiscal year, changed by its owners after it was created.

const NOW = new Date('2026-03-25T01:00:00Z'); // Wed 25 Mar, 10:00 in Tokyo
const harness = useSlackHandler();
const TEAM = 'T0SETTINGS';
const OWNER = 'U0OWNER';
const VIEWER = 'U0VIEWER';
const OUTSIDER = 'U0OUTSIDER';

useBusanAt(harness, TEAM, NOW);

const command = commandSender(harness, TEAM);
const track = () => harness.store().getTrack(TEAM, 'japan-korea');
const history = () => harness.store().getTrackHistory(TEAM, 'japan-korea');

beforeAll(async () => {
  Object.assign(harness.slack.options, { teamId: TEAM, users: { U0ADMIN: { is_admin: true }, U0LATEADMIN: { is_admin: true } } });
  // A workspace admin claims the Busan track and hands out roles.
  expect((await command(`japan-korea roles add <@${OWNER}> owner`, 'U0ADMIN')).text).toContain('is now an owner');
  expect((await command(`japan-korea roles add <@${VIEWER}> viewer`, OWNER)).text).toContain('is now a viewer');
});

describe('a track’s settings', () => {
  it('shows them to a viewer, and lets an owner move the fiscal year and the zone, version-guarded, with a history entry', async () => {
    const shown = await command('japan-korea settings', VIEWER);
    expect(shown.text).toBe(
      'Settings of japan-korea\nTitle: Japan–South Korea: Busan summit follow-ups\nTime zone: Asia/Tokyo\nFiscal year starts in January\nParties: JP, KR · id prefix JK (fixed when the track was created)',
    );

    const before = await track();
    const changed = await command('japan-korea settings fy april tz Asia/Seoul', OWNER);
    expect(changed.text).toBe(
      'japan-korea now keeps its dates in Asia/Seoul (was Asia/Tokyo).\nThe fiscal year of japan-korea now starts in April (was January).\n' +
        'Due dates keep their calendar dates; from now on reports, digests and check-ins count days in Asia/Seoul. Each channel’s digest keeps the schedule and zone it was set up with (`/commitments subscriptions`).',
    );
    expect(await track()).toMatchObject({ timeZone: 'Asia/Seoul', fiscalYearStart: 4, version: before.version + 1 });
    expect((await history()).at(-1)).toMatchObject({ by: OWNER, version: before.version + 1, changes: [{ type: 'settings', from: { timeZone: 'Asia/Tokyo', fiscalYearStart: 1 }, to: { timeZone: 'Asia/Seoul', fiscalYearStart: 4 } }] });
    expect(JSON.stringify((await command('japan-korea', VIEWER)).blocks)).toContain('(Asia/Seoul)');

    // The same values again change nothing and write nothing.
    const unchanged = await tableItems(harness);
    expect((await command('japan-korea settings fy 4 tz Asia/Seoul', OWNER)).text).toBe('japan-korea already has those settings; nothing was changed.');
    expect(await tableItems(harness)).toBe(unchanged);

    // A new title reaches the list of tracks, which reads the track's summary.
    expect((await command('japan-korea settings title "Japan–Korea summit follow-ups"', OWNER)).text).toBe('japan-korea is now titled “Japan–Korea summit follow-ups”.');
    expect((await command('', VIEWER)).text).toContain('Japan–Korea summit follow-ups');
  });

  it('refuses a viewer and writes nothing', async () => {
    const before = await tableItems(harness);
    expect((await command('japan-korea settings fy july', VIEWER)).text).toBe('Only the owners of japan-korea or a workspace admin can change its settings or who may use it.');
    expect(await tableItems(harness)).toBe(before);
  });

  it('answers someone who may not see a private track exactly as a track that does not exist', async () => {
    expect((await command('track add back-channel "Back channel" parties JP tz UTC', OWNER)).text).toContain('Created track back-channel');
    expect((await command('back-channel visibility private', OWNER)).text).toContain('now private');
    const before = await tableItems(harness);
    for (const words of ['settings', 'settings fy april']) {
      const hidden = await command(`back-channel ${words}`, OUTSIDER);
      const missing = await command(`side-channel ${words}`, OUTSIDER);
      expect(hidden.text).toMatch(/There is no track called/);
      expect(JSON.stringify(hidden).replaceAll('back-channel', '<slug>')).toBe(JSON.stringify(missing).replaceAll('side-channel', '<slug>'));
    }
    expect(await tableItems(harness)).toBe(before);
  });

  it('saves nothing when the track changed after it was read', async () => {
    // A workspace admin the bot has not met yet: Slack is asked who they are after the track was read.
    let read: Awaited<ReturnType<typeof track>> | undefined;
    harness.slack.options.hold = async (call) => {
      if (call.method !== 'users.info' || call.args['user'] !== 'U0LATEADMIN') return;
      read = await track();
      await command('japan-korea settings fy january', OWNER);
    };
    const answer = await command('japan-korea settings tz Asia/Tokyo', 'U0LATEADMIN');
    delete harness.slack.options.hold;
    expect(answer.text).toMatch(/Someone changed japan-korea a moment ago; nothing was saved/);
    expect(await track()).toMatchObject({ timeZone: 'Asia/Seoul', fiscalYearStart: 1, version: read!.version + 1 });
    expect((await history()).at(-1)).toMatchObject({ by: OWNER, changes: [{ type: 'settings', to: { fiscalYearStart: 1 } }] });
  });
});
