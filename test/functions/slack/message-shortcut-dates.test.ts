import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedBusan } from '#shared/use-cases/seed';
import { SHORTCUT_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { interactionEvent, messageShortcut } from '#local/slack-request';
import { createPeopleStore } from '#shared/store/people';
import { SlackUserSchema } from '#shared/domain/access';

/**
 * A message shortcut dates the message by the day its taker sees it as from, in their own zone: a
 * message posted in Tokyo on the morning of 12 March (08:30 JST, 23:30 UTC on the 11th) is from 12
 * March, not from the 11th as UTC would say. And its form is prefilled with the message as Slack
 * shows it, not with its markup.
 */
const NOW = new Date('2026-03-12T00:00:00Z');
const TEAM = 'T0SRCDATE';
const harness = useSlackHandler();

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await seedBusan(harness.store(), TEAM, new Date('2026-03-01T00:00:00Z'));
  // The person taking the message works in Tokyo too: whichever zone a fix reads (the track's or theirs), it is Tokyo.
  const people = createPeopleStore({ client: harness.table.client, tableName: harness.table.tableName });
  const user = SlackUserSchema.parse({ id: 'U0ALICE', team_id: TEAM, tz: 'Asia/Tokyo', deleted: false });
  await people.save({ teamId: TEAM, userId: 'U0ALICE', user, fetchedAt: NOW.toISOString(), asOf: NOW.getTime() });
  const maria = SlackUserSchema.parse({ id: 'U0MARIA', team_id: TEAM, deleted: false, profile: { display_name: 'maria' } });
  await people.save({ teamId: TEAM, userId: 'U0MARIA', user: maria, fetchedAt: NOW.toISOString(), asOf: NOW.getTime() });
});
afterAll(() => vi.useRealTimers());

describe('Track as commitment: the source date', () => {
  it('dates a message posted at 08:30 in Tokyo on 12 March as 12 March on a Tokyo track', async () => {
    const payload = messageShortcut(TEAM, SHORTCUT_IDS.trackAsCommitment, 'Hold the fisheries talks', harness.slack.responseUrl('shortcut'), { channelId: 'C0NEWS', channelName: 'news' });
    // 2026-03-11T23:30:00Z = 2026-03-12 08:30 in Tokyo.
    const ts = '1773271800.000100';
    const shortcut = { ...payload, message_ts: ts, message: { ...payload.message, ts } };
    expect((await harness.send(interactionEvent(shortcut))).statusCode).toBe(200);
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(VIEW_IDS.addCommitment);
    const saved = await harness.send(
      interactionEvent({
        type: 'view_submission',
        team: { id: TEAM, domain: 'test' },
        user: { id: 'U0ALICE', team_id: TEAM },
        api_app_id: 'A0COMMIT',
        trigger_id: 'trigger-view',
        view: {
          id: 'V0FAKE',
          type: 'modal',
          callback_id: VIEW_IDS.addCommitment,
          private_metadata: view.private_metadata,
          hash: 'h-src-1',
          state: {
            values: {
              track: { track: { type: 'static_select', selected_option: { value: 'japan-korea' } } },
              title: { title: { type: 'plain_text_input', value: 'Hold the fisheries talks' } },
              kind: { kind: { type: 'static_select', selected_option: { value: 'one-off' } } },
            },
          },
        },
      }),
    );
    expect(saved.body).toBe('');
    const item = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.find((c) => c.title === 'Hold the fisheries talks');
    expect(item?.source.date).toBe('2026-03-12');
  });

  it('presets the Import readout form’s meeting date to 1 April for a message posted at 08:30 in Tokyo on 1 April', async () => {
    const payload = messageShortcut(TEAM, SHORTCUT_IDS.importReadout, 'The ministers agreed to meet again by the end of the month.', harness.slack.responseUrl('import'), { channelId: 'C0NEWS', channelName: 'news' });
    // 2026-03-31T23:30:00Z = 2026-04-01 08:30 in Tokyo (and 08:30 in Seoul): "by the end of the month" then reads as 31 March.
    const ts = '1774999800.000100';
    expect(new Date(Number(ts.split('.')[0]) * 1000).toISOString()).toBe('2026-03-31T23:30:00.000Z');
    const shortcut = { ...payload, message_ts: ts, message: { ...payload.message, ts } };
    expect((await harness.send(interactionEvent(shortcut))).statusCode).toBe(200);
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { callback_id: string; blocks: { element?: { type?: string; initial_date?: string } }[] };
    expect(view.callback_id).toBe(VIEW_IDS.importText);
    const picker = view.blocks.find((b) => b.element?.type === 'datepicker');
    expect(picker?.element?.initial_date).toBe('2026-04-01');
  });
});

describe('Track as commitment: the prefill', () => {
  it('prefills the title with a mention as Slack shows it, named from the person’s record, not as its markup', async () => {
    // UX audit: Slack sends `<@U0MARIA>`, which the plain-text title field showed as it is.
    const text = 'Seoul will send the draft MoU on youth exchanges by next Friday — <@U0MARIA> to follow up';
    const payload = messageShortcut(TEAM, SHORTCUT_IDS.trackAsCommitment, text, harness.slack.responseUrl('mention'), { channelId: 'C0GOVAFF', channelName: 'gov-affairs' });
    expect((await harness.send(interactionEvent(payload))).statusCode).toBe(200);
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { blocks: { block_id: string; element?: { initial_value?: string } }[] };
    expect(view.blocks.find((b) => b.block_id === 'title')?.element?.initial_value).toBe('Seoul will send the draft MoU on youth exchanges by next Friday — @maria to follow up');
  });
});
