import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIGEST_EVENT_TYPE } from '#shared/reminders/deliver';
import { ACTION_IDS, SHORTCUT_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { IMPORT_INPUTS } from '#shared/slack/render/import';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { blockAction, commandEvent, interactionEvent, messageShortcut, viewSubmission } from '#local/slack-request';
import { localContext } from '#local/http-adapter';

// Issue 13: text people type cannot notify a channel, hide a link or reorder a line, and no
// request is read past Slack's own limits.
const IN_CHANNEL = { channelId: 'C0HOSTILE', channelName: 'hostile' };
const NOW = new Date('2026-03-25T01:00:00Z'); // 10:00 in Tokyo
const harness = useSlackHandler();
const TEAM = 'T0HOSTILE';
const RAW = ['<!channel>', '<!here>', '<@U12345>', '<https://evil.example|click>', '\u202E', '\x1b[31m'];
const HOSTILE = `Ping ${RAW.join(' ')} now`;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
let sweepHandler: typeof import('../../../functions/reminders/handler.ts').handler;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  ({ handler: sweepHandler } = await import('../../../functions/reminders/handler.ts'));
});
afterAll(() => {
  vi.useRealTimers();
});

interface Message {
  response_type?: string;
  text: string;
  blocks: unknown[];
}

async function command(text: string): Promise<Message> {
  const result = await harness.send(commandEvent(text, { teamId: TEAM, channelId: 'C0HOSTILE', responseUrl: harness.slack.responseUrl('cmd') }));
  expect(result.statusCode).toBe(200);
  return result.json() as unknown as Message;
}

/** Every mrkdwn text in the blocks: what Slack reads for mentions and links (plain_text it shows as typed). */
function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own = object['type'] === 'mrkdwn' && typeof object['text'] === 'string' ? [object['text']] : [];
  return [...own, ...Object.values(object).flatMap(mrkdwnTexts)];
}

/** Every string anywhere in the message. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** The hostile title shows (escaped) and none of its sequences reaches Slack raw. */
function expectDefused(message: Message): void {
  for (const text of [message.text, ...mrkdwnTexts(message.blocks)]) {
    for (const raw of RAW) expect(text, `${JSON.stringify(raw)} in ${JSON.stringify(text)}`).not.toContain(raw);
  }
  for (const text of allStrings(message)) expect(text).not.toMatch(CONTROL);
  expect(message.text).toContain('&lt;!channel&gt;');
}

/** Every item but the replay guard's claims (a signed form submission is claimed before it is read). */
async function snapshot(): Promise<string> {
  const { Items = [] } = await harness.table.client.send(new ScanCommand({ TableName: harness.table.tableName, ConsistentRead: true }));
  const data = Items.filter((i) => i['type']?.S !== 'seen');
  return JSON.stringify(data.map((i) => `${i['pk']?.S}|${i['sk']?.S}|${i['version']?.N ?? ''}`).sort());
}

describe('hostile text, for issue 13', () => {
  it('stores a track and an item titled with mentions, a disguised link and control characters without the control characters', async () => {
    const created = await command(`track add hostile "${HOSTILE}" parties JP,KR tz Asia/Tokyo prefix HO`);
    expectDefused(created);
    const added = await command(`add hostile "${HOSTILE}" due 2026-03-28`);
    expectDefused(added);
    const item = await harness.store().getCommitment(TEAM, 'HO-1');
    const track = await harness.store().getTrack(TEAM, 'hostile');
    for (const title of [item.title, track.title]) {
      expect(title).not.toMatch(CONTROL);
      expect(title).toBe('Ping <!channel> <!here> <@U12345> <https://evil.example|click>  [31m now');
    }
  });

  it('escapes the title in the report, the item view, the track list and a shared report', async () => {
    for (const text of ['hostile', 'show HO-1', 'history HO-1', '']) expectDefused(await command(text));
    const shared = await command('hostile share');
    expect(shared.response_type).toBe('in_channel');
    expectDefused(shared);
  });

  it('escapes the title in a report shared from its button and in the confirmation of a note', async () => {
    const report = await command('hostile');
    const share = allStrings(report.blocks).find((s) => s.startsWith('hostile|'))!;
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.share, share, harness.slack.responseUrl('share'), report.blocks, IN_CHANNEL)));
    expectDefused(harness.slack.callsTo('response_url:share').at(-1)!.args as unknown as Message);
    const noted = await command(`note HO-1 "${HOSTILE}"`);
    expectDefused(noted);
    expect((await harness.store().getCommitment(TEAM, 'HO-1')).notes.at(-1)?.text).not.toMatch(CONTROL);
  });

  it('escapes the title in a digest the sweep posts', async () => {
    expect((await command('subscribe hostile daily 09:00 tz Asia/Tokyo')).text).toMatch(/Subscribed/);
    vi.setSystemTime(new Date('2026-03-26T00:00:30Z'));
    await sweepHandler({ 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} }, { ...localContext(), getRemainingTimeInMillis: () => 60_000 });
    vi.setSystemTime(NOW);
    const digest = harness.slack.messagesWithMetadata(DIGEST_EVENT_TYPE).find((m) => m.channel === 'C0HOSTILE');
    expect(digest).toBeDefined();
    expect(String(digest!.text)).toContain('HO-1');
    expectDefused({ text: String(digest!.text), blocks: digest!.blocks as unknown[] });
  });

  it('refuses a source link that is not a plain https link in the import form', async () => {
    await command('import hostile');
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { private_metadata: string };
    const before = await snapshot();
    for (const link of ['http://example.org/readout', 'https://evil.example|click', 'javascript:alert(1)']) {
      const values = {
        [IMPORT_INPUTS.link]: { [IMPORT_INPUTS.link]: { type: 'url_text_input', value: link } },
        [IMPORT_INPUTS.text]: { [IMPORT_INPUTS.text]: { type: 'plain_text_input', value: 'Japan will hold a meeting by May.' } },
      };
      const answer = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.importText, view.private_metadata, values)));
      expect(answer.json()).toMatchObject({ response_action: 'errors', errors: { [IMPORT_INPUTS.text]: expect.stringMatching(/https:\/\//) } });
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('requests past Slack’s limits, for issue 13', () => {
  it('answers a 64 KB quote-heavy command with a short ephemeral refusal naming the limit, and writes nothing', async () => {
    const before = await snapshot();
    const text = `add hostile ${'"a" \u201cb\u201d \'c\' <<'.repeat(5_000)}`.slice(0, 64 * 1024);
    const answer = await command(text);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/^The command is 65,536 characters long; a command can be at most 4,000\. Nothing was read or changed\./);
    expect(answer.text.length).toBeLessThan(400);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a forged form value longer than its input’s max_length beside the field, and writes nothing', async () => {
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.addNote, 'HO-1', harness.slack.responseUrl('note'), [], IN_CHANNEL)));
    const view = harness.slack.callsTo('views.open').at(-1)!.args['view'] as { private_metadata: string };
    const before = await snapshot();
    const answer = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addNote, view.private_metadata, { note: { note: { type: 'plain_text_input', value: 'n'.repeat(50_000) } } })));
    expect(answer.json()).toMatchObject({ response_action: 'errors', errors: { note: 'The note is 50,000 characters long; the limit is 1,000.' } });
    expect(await snapshot()).toBe(before);
  });

  it('refuses a shortcut on a message longer than Slack allows, and opens no form', async () => {
    const opened = harness.slack.callsTo('views.open').length;
    for (const callbackId of [SHORTCUT_IDS.importReadout, SHORTCUT_IDS.trackAsCommitment]) {
      await harness.send(interactionEvent(messageShortcut(TEAM, callbackId, 'x'.repeat(40_001), harness.slack.responseUrl('shortcut'), IN_CHANNEL)));
      const answer = harness.slack.callsTo('response_url:shortcut').at(-1)!.args as { text: string };
      expect(answer.text).toMatch(/40,001 characters long; a Slack message holds at most 40,000/);
    }
    expect(harness.slack.callsTo('views.open')).toHaveLength(opened);
  });
});


