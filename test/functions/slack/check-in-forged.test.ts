import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { checkInActions } from '#shared/slack/render/check-in';
import { createSlackWeb } from '#shared/slack/web-api';
import { interactionEvent, signedEvent, viewSubmission } from '#local/slack-request';
import { localContext } from '#local/http-adapter';
import { afterAnswerEvent } from '#shared/domain/after-answer';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { commandSender } from '../../support/slack-commands.ts';

// A check-in answer's place (the channel, the message and its blocks) and its response_url come
// from the payload: a hostile member forges them. Their own answer stands; nobody else's message
// changes, and nothing goes to an address that is not Slack's.
const NOW = new Date('2026-11-26T01:00:00Z');
const harness = useSlackHandler();
const TEAM = 'T0FORGED';
const MARIA = 'U0MARIA';
const PEDRO = 'U0PEDRO';
/** Pedro's direct message with the bot, as the stand-in opens it. */
const PEDRO_DM = 'D0PEDRO';
const command = commandSender(harness, TEAM);
const item = (id: string) => harness.store().getCommitment(TEAM, id);
type Block = Record<string, unknown>;

/** A check-in message as the bot posts it to `channel`, listing `ids`. */
async function postAsBot(channel: string, ids: string[]): Promise<{ ts: string; blocks: Block[] }> {
  const blocks: types.KnownBlock[] = [{ type: 'section', block_id: 'checkin-header', text: { type: 'mrkdwn', text: 'Some items need you today.' } }];
  for (const id of ids) {
    const current = await item(id);
    const actions = checkInActions(current);
    blocks.push({ type: 'section', block_id: `checkin-item:${id}`, text: { type: 'mrkdwn', text: `*${id}* ${current.title}` } }, ...(actions ? [actions] : []));
  }
  const reply = await createSlackWeb({ apiUrl: harness.slack.apiUrl, token: 'xoxb-test-token' }).call('chat.postMessage', { channel, text: 'Check-in', blocks });
  if (reply.kind !== 'ok') throw new Error('post failed');
  return { ts: reply.body.ts!, blocks: JSON.parse(JSON.stringify(blocks)) as Block[] };
}

let n = 0;
/** Maria's On track press, with the place and response_url she chose. */
function press(value: string, place: { channel: string; ts: string; message: { text: string; blocks: unknown[] } }, responseUrl?: string) {
  n += 1;
  return interactionEvent({
    type: 'block_actions',
    team: { id: TEAM, domain: 'test' },
    user: { id: MARIA, team_id: TEAM },
    api_app_id: 'A0COMMIT',
    trigger_id: `t${n}`,
    response_url: responseUrl ?? harness.slack.responseUrl(`forged${n}`),
    container: { type: 'message', message_ts: place.ts, channel_id: place.channel, is_ephemeral: false },
    channel: { id: place.channel, name: 'directmessage' },
    message: { type: 'message', ts: place.ts, ...place.message },
    actions: [{ type: 'button', action_id: ACTION_IDS.checkInOnTrack, block_id: 'b', value, action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'x' } }],
  });
}

const changesTo = (channel: string) => harness.slack.calls.filter((c) => c.args['channel'] === channel && (c.method === 'chat.update' || c.method === 'conversations.history'));

beforeAll(async () => {
  Object.assign(harness.slack.options, { teamId: TEAM });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  expect((await command('track add fp "Forged place" parties AA,BB tz Asia/Tokyo prefix FP')).text).toContain('Created track fp');
  for (const who of [MARIA, PEDRO]) await command(`fp roles add <@${who}> viewer`);
  expect((await command(`add fp "Maria's own" due 2026-12-31 owner <@${MARIA}>`)).text).toContain('Added FP-1');
  expect((await command(`add fp "Pedro's own" due 2026-12-31 owner <@${PEDRO}>`)).text).toContain('Added FP-2');
  expect((await command(`add fp "Shared" due 2026-12-31 owner <@${MARIA}>, <@${PEDRO}>`)).text).toContain('Added FP-3');
  expect((await command(`add fp "Maria's second" due 2026-12-31 owner <@${MARIA}>`)).text).toContain('Added FP-4');
}, 60_000);
afterAll(() => vi.useRealTimers());

describe('a check-in answer with a forged place', () => {
  it('saves a press on her own item but leaves a message in another person’s direct message as it was', async () => {
    const pedros = await postAsBot(PEDRO_DM, ['FP-2']);
    const before = changesTo(PEDRO_DM).length;
    const phishing = { text: 'Security notice', blocks: [{ type: 'section', block_id: 'checkin-item:FP-1' }, { type: 'section', block_id: 'phish', text: { type: 'mrkdwn', text: '<https://evil.example|sign in again>' } }] };
    await harness.send(press(`FP-1@${(await item('FP-1')).version}`, { channel: PEDRO_DM, ts: pedros.ts, message: phishing }));
    expect({ status: (await item('FP-1')).status, changes: changesTo(PEDRO_DM).length - before }).toEqual({ status: 'in-progress', changes: 0 });
  });

  it('saves a form’s answer but neither reads nor changes the direct message its forged origin names', async () => {
    const pedros = await postAsBot(PEDRO_DM, ['FP-3']);
    const before = changesTo(PEDRO_DM).length;
    const metadata = JSON.stringify({ channelId: PEDRO_DM, messageTs: pedros.ts, id: 'FP-3', version: (await item('FP-3')).version });
    await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.checkInDone, metadata, { note: { note: { type: 'plain_text_input', value: 'done' } } }, MARIA)));
    expect({ status: (await item('FP-3')).status, changes: changesTo(PEDRO_DM).length - before }).toEqual({ status: 'done', changes: 0 });
  });

  it('still redraws a press in her own direct message', async () => {
    const hers = await postAsBot('D0MARIA', ['FP-4']);
    await harness.send(press(`FP-4@${(await item('FP-4')).version}`, { channel: 'D0MARIA', ts: hers.ts, message: { text: 'Check-in', blocks: hers.blocks } }));
    expect(JSON.stringify(harness.slack.callsTo('chat.update').filter((c) => c.args['channel'] === 'D0MARIA').at(-1)?.args['blocks'])).toContain('On track');
  });

  it('changes nothing, and ends without a retry, for a redraw job from before it named who answered (one left across a deploy)', async () => {
    const hers = await postAsBot('D0MARIA', ['FP-4']);
    const before = changesTo('D0MARIA').length;
    const job = { kind: 'checkin' as const, team: { id: TEAM, enterpriseInstall: false }, channelId: 'D0MARIA', messageTs: hers.ts, itemId: 'FP-4', replacement: [{ type: 'section', block_id: 'checkin-item:FP-4' }] };
    await expect(harness.handler()(afterAnswerEvent(job), localContext())).resolves.toBeUndefined();
    expect(changesTo('D0MARIA').length - before).toBe(0);
  });

  it('saves a press whose message is nested too deep to copy, tells her nothing went wrong, and reads the message back instead', async () => {
    const hers = await postAsBot('D0MARIA', ['FP-1']);
    const before = await item('FP-1');
    const event = press(`FP-1@${before.version}`, { channel: 'D0MARIA', ts: hers.ts, message: { text: 'Check-in', blocks: [{ type: 'section', block_id: 'checkin-item:FP-1', deep: 'DEEP' }] } });
    const payload = new URLSearchParams(event.body).get('payload')!.replace('"DEEP"', `${'['.repeat(50_000)}"x"${']'.repeat(50_000)}`);
    const sent = await harness.send(signedEvent(new URLSearchParams({ payload }).toString()));
    const told = harness.slack.calls.filter((c) => c.method.startsWith('response_url:')).slice(-1).map((c) => String(c.args['text']));
    expect({ status: sent.statusCode, saved: (await item('FP-1')).version > before.version, told: told.filter((text) => /nothing was changed|went wrong/i.test(text)) }).toEqual({ status: 200, saved: true, told: [] });
  });
});

describe('a check-in press with a response_url that is not Slack’s', () => {
  const hits: string[] = [];
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is answered, but its refusal is posted nowhere: not to an address of the sender’s choosing', async () => {
    const { port } = server.address() as AddressInfo;
    const answer = await harness.send(press('QZ-1@1', { channel: 'D0MARIA', ts: '1700000000.000100', message: { text: 'x', blocks: [] } }, `http://127.0.0.1:${port}/2018-06-01/runtime/invocation/x/response`));
    expect({ status: answer.statusCode, hits }).toEqual({ status: 200, hits: [] });
  });
});

describe('snooze until a day that does not exist', () => {
  it.each(['2026-02-30', '2026-13-01'])('%s is refused beside the field, and nothing is written', async (day) => {
    const current = await item('FP-2');
    n += 1;
    const payload = viewSubmission(TEAM, VIEW_IDS.checkInSnooze, JSON.stringify({ id: 'FP-2', version: current.version }), { until: { until: { type: 'datepicker', selected_date: day } } }, PEDRO);
    const answer = await harness.send(interactionEvent({ ...payload, trigger_id: `ts${n}`, view: { ...payload.view, hash: `h${n}` } }));
    expect({ version: (await item('FP-2')).version, errors: answer.json()['errors'] }).toEqual({ version: current.version, errors: { until: expect.not.stringMatching(/went wrong/) } });
  });
});
