import { beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { blockAction, commandEvent, interactionEvent } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';

// A report shared to a channel is everyone's there: paged by a viewer, it stays the shared report,
// with the item buttons whoever presses them is checked for, and no Share button.

const NOW = new Date('2026-03-25T01:00:00Z');
const harness = useSlackHandler();
const TEAM = 'T0SHAREDPAGE';
const OWNER = 'U0OWNER';
const VIEWER = 'U0VIEWER';
useBusanAt(harness, TEAM, NOW);

let sent = 0;
async function command(text: string, userId: string) {
  sent += 1;
  const result = await harness.send(commandEvent(text, { teamId: TEAM, userId, channelId: 'C0GENERAL', responseUrl: harness.slack.responseUrl(`ro${sent}`) }));
  return result.json() as { text: string; blocks?: unknown[] };
}

beforeAll(async () => {
  Object.assign(harness.slack.options, { teamId: TEAM, users: { U0ADMIN: { is_admin: true } } });
  expect((await command(`japan-korea roles add <@${OWNER}> owner`, 'U0ADMIN')).text).toContain('is now an owner');
  expect((await command(`japan-korea roles add <@${VIEWER}> viewer`, OWNER)).text).toContain('is now a viewer');
});

describe('a report shared to a channel', () => {
  it('keeps its item buttons, and gets no Share button, when a viewer pages it in the channel', async () => {
    for (let i = 1; i <= 6; i++) expect((await command(`add japan-korea "Extra item ${i}"`, OWNER)).text).toContain('Added');
    // The owner posts the report to the channel: it carries item buttons and a Next button.
    const shared = (await command('japan-korea all share', OWNER)) as unknown as Record<string, unknown>;
    expect(shared['response_type']).toBe('in_channel');
    const posted = JSON.stringify(shared);
    expect(posted).toContain(ACTION_IDS.markDone);
    expect(posted).toContain(ACTION_IDS.pageNext);
    const blocks = (shared['blocks'] ?? []) as unknown[];
    // A viewer in the channel presses Next on that channel message (not ephemeral).
    const press = blockAction(TEAM, ACTION_IDS.pageNext, 'japan-korea|all|1', harness.slack.responseUrl('ro-page'), blocks, { userId: VIEWER });
    press.container.is_ephemeral = false;
    await harness.send(interactionEvent(press));
    const redrawn = harness.slack.callsTo('response_url:ro-page').at(-1)!.args;
    expect(redrawn).toMatchObject({ replace_original: true });
    // The channel's message is replaced for everyone: it should stay the shared report, buttons included.
    expect(JSON.stringify(redrawn)).toContain(ACTION_IDS.markDone);
    expect(JSON.stringify(redrawn)).not.toContain(ACTION_IDS.share);
  });
});
