import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedBusan } from '#shared/use-cases/seed';
import { DIGEST_EVENT_TYPE } from '#shared/reminders/deliver';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { commandEvent } from '#local/slack-request';
import { loadRemindersHandler, type RemindersHandler } from './reminders-handler.ts';

// The real Slack handler takes the command; the real reminders handler runs each sweep, with
// the clock set to the sweep's instant (only Date is faked: timers and performance run on).
const slackHarness = useSlackHandler();
const TEAM = 'T0TEST';
let logs: RemindersHandler['logs'];
let sweepAt: RemindersHandler['sweepAt'];

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-04T20:00:00Z'));
  await seedBusan(slackHarness.store(), TEAM, new Date('2026-03-01T00:00:00Z'));
  ({ logs, sweepAt } = await loadRemindersHandler());
});
afterAll(() => {
  logs.restore();
  vi.restoreAllMocks();
  vi.useRealTimers();
});


async function command(text: string, channelId: string): Promise<string> {
  const result = await slackHarness.send(commandEvent(text, { teamId: TEAM, channelId, responseUrl: slackHarness.slack.responseUrl('cmd') }));
  expect(result.statusCode).toBe(200);
  return String(result.json()['text']);
}

const digestsIn = (channel: string) => slackHarness.slack.messagesWithMetadata(DIGEST_EVENT_TYPE).filter((m) => m.channel === channel);

describe('reminders handler', () => {
  it('sends at 09:00 New York time through the DST week to a channel subscribed by a signed slash command', async () => {
    vi.setSystemTime(new Date('2026-03-04T20:00:00Z'));
    // `always`: these tests count every slot's digest, and since issue 14 an empty one is skipped by default.
    expect(await command('subscribe japan-korea daily 09:00 tz America/New_York always', 'C0NEWYORK')).toMatch(/Subscribed.*japan-korea.*09:00/);
    expect(await command('subscriptions', 'C0NEWYORK')).toContain('next Thu 5 Mar 2026, 09:00 EST');

    // A sweep on each hour from 11:00Z to 16:00Z, Thursday to Tuesday: only 09:00 local may send.
    const sentAt: string[] = [];
    for (let day = 5; day <= 10; day++) {
      for (let hour = 11; hour <= 16; hour++) {
        const at = `2026-03-${String(day).padStart(2, '0')}T${hour}:00:00.000Z`;
        const before = digestsIn('C0NEWYORK').length;
        await sweepAt(at);
        if (digestsIn('C0NEWYORK').length > before) sentAt.push(at);
      }
    }
    // 09:00 EST is 14:00Z; clocks go forward on Sunday 8 March; 09:00 EDT is 13:00Z.
    expect(sentAt).toEqual([
      '2026-03-05T14:00:00.000Z',
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-10T13:00:00.000Z',
    ]);
    expect(await command('unsubscribe japan-korea', 'C0NEWYORK')).toContain('no longer');
  });

  it('sends a command-subscribed channel its digest at the next local slot, once, and again at the following one', async () => {
    vi.setSystemTime(new Date('2026-03-11T03:00:00Z')); // Wednesday
    expect(await command('subscribe japan-korea every monday 09:00 always', 'C0WEEKLY')).toContain('Mon 16 Mar 2026, 09:00');
    await sweepAt('2026-03-15T23:59:00Z');
    expect(digestsIn('C0WEEKLY')).toHaveLength(0);
    expect(await sweepAt('2026-03-16T00:00:20Z')).toMatchObject({ due: 1, posted: 1 }); // 09:00 in Tokyo
    await sweepAt('2026-03-16T00:05:00Z');
    await sweepAt('2026-03-16T09:00:00Z');
    expect(digestsIn('C0WEEKLY')).toHaveLength(1);
    expect(String(digestsIn('C0WEEKLY')[0]?.text)).toContain('Reminder: Japan–South Korea');
    await sweepAt('2026-03-23T00:01:00Z');
    expect(digestsIn('C0WEEKLY').map((m) => m.metadata.event_payload['slot_id'])).toEqual([
      `${TEAM}/C0WEEKLY/japan-korea/2026-03-16T00:00:00.000Z`,
      `${TEAM}/C0WEEKLY/japan-korea/2026-03-23T00:00:00.000Z`,
    ]);
  });

  it('returns its summary and logs it as one JSON line with the request id, under POWERTOOLS_SERVICE_NAME', async () => {
    logs.lines.length = 0;
    const summary = await sweepAt('2026-03-30T00:00:30Z', 'sweep-request-1');
    expect(summary).toEqual({ due: 1, posted: 1, skippedAlreadyPosted: 0, skippedEmpty: 0, paused: 0, failed: 0, leftForNextSweep: 0, stale: 0 });
    const logged = logs.lines.filter((entry) => entry['message'] === 'sweep');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 'INFO',
      service: 'commitments-reminders',
      function_request_id: 'sweep-request-1',
      function_name: 'commitments-reminders',
      cold_start: false,
      ...summary,
    });
  });

  it('publishes the digests it posted as an EMF metric when the invocation ends', async () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    logs.lines.length = 0;
    expect(await sweepAt('2026-04-06T00:00:30Z')).toMatchObject({ posted: 1 });
    vi.unstubAllEnvs();
    expect(logs.lines.filter((line) => '_aws' in line)).toEqual([expect.objectContaining({ service: 'commitments-reminders', DigestsPosted: 1 })]);
  });
});
