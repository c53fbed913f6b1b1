import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHECK_IN_EVENT_TYPE } from '#shared/check-ins/sweep';
import { DIGEST_EVENT_TYPE } from '#shared/reminders/deliver';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { commandEvent } from '#local/slack-request';
import { localContext } from '#local/http-adapter';

// Issue 23, finding 5: text people type is shown as written, never as structure. A title is
// one line; a note's later lines are quoted under it; mrkdwn markers show as typed; invisible
// and direction marks are not stored.
const NOW = new Date('2026-03-25T01:00:00Z'); // Wed 10:00 in Tokyo
const harness = useSlackHandler();
const TEAM = 'T0FORGED';
const FORGED_TITLE = 'Line one\n● XX-98 Spoofed line';
const FORGED_NOTE = 'Talks held\n:white_check_mark: *FO-9* Forged item\n> quoted';
const FORMATTED = '*bold* _italic_ ~struck~ `code` ＊wide＊ see https://example.org/a_b_c :white_check_mark:';
/** What FORMATTED shows in mrkdwn: look-alike markers, the link and the emoji code as typed. */
const FORMATTED_SHOWN = '∗bold∗ ˍitalicˍ ∼struck∼ ˋcodeˋ ﹡wide﹡ see https://example.org/a_b_c :white_check_mark:';
const INVISIBLE = 'Zero\u200bwidth\u200c \u202Eflipped\u202C \u2066isolated\u2069 \uFEFFmarks\u061C\u200E\u200F\u2028and\u2029more 👩‍💻';
const INVISIBLE_MARKS = /[\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
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
  text: string;
  blocks: unknown[];
}

async function command(text: string): Promise<Message> {
  const result = await harness.send(commandEvent(text, { teamId: TEAM, channelId: 'C0FORGED', responseUrl: harness.slack.responseUrl('cmd') }));
  expect(result.statusCode).toBe(200);
  return result.json() as unknown as Message;
}

async function sweepAt(iso: string): Promise<void> {
  vi.setSystemTime(new Date(iso));
  await sweepHandler({ 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} }, { ...localContext(), getRemainingTimeInMillis: () => 60_000 });
  vi.setSystemTime(NOW);
}

/** Every text Slack shows: the fallback, then each text object's (mrkdwn or plain). */
function texts(message: Message): string[] {
  const found: string[] = [message.text];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if ((object['type'] === 'mrkdwn' || object['type'] === 'plain_text') && typeof object['text'] === 'string') found.push(object['text']);
    Object.values(object).forEach(walk);
  };
  walk(message.blocks);
  return found;
}

function mrkdwnTexts(message: Message): string[] {
  const found: string[] = [message.text];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if (object['type'] === 'mrkdwn' && typeof object['text'] === 'string') found.push(object['text']);
    Object.values(object).forEach(walk);
  };
  walk(message.blocks);
  return found;
}

const lines = (message: Message): string[] => texts(message).flatMap((t) => t.split('\n'));

/**
 * The forged title shows on its one line, and each later line of the note starts with Slack's
 * quote mark, so neither can pass for an item line; `where` names the message in a failure.
 */
function expectNoForgedLine(message: Message, where: string): void {
  const all = lines(message);
  const spoofed = all.filter((line) => line.includes('XX-98'));
  expect(spoofed.length, `${where}: the forged title`).toBeGreaterThan(0);
  for (const line of spoofed) expect(line, where).toContain('Line one ● XX-98 Spoofed line');
  const forged = all.filter((line) => line.includes('Forged item') || line.includes('quoted'));
  expect(forged.length, `${where}: the note's later lines`).toBeGreaterThan(0);
  for (const line of forged) expect(line, where).toMatch(/^>/);
}

describe('text shown as written, for issue 23', () => {
  it('stores a title typed on two lines as one line, in the track and the item', async () => {
    await command('track add forged "Forged\ntrack" parties JP,KR tz Asia/Tokyo prefix FO');
    const added = await command(`add forged "${FORGED_TITLE}" due 2026-04-01 owner <@U0OWNER>`);
    expect(added.text).toContain('FO-1');
    expect((await harness.store().getCommitment(TEAM, 'FO-1')).title).toBe('Line one ● XX-98 Spoofed line');
    expect((await harness.store().getTrack(TEAM, 'forged')).title).toBe('Forged track');
    const noted = await command(`note FO-1 "${FORGED_NOTE}"`);
    expect(noted.text).not.toMatch(/^[^>].*Forged item/m);
    // A note keeps its lines: only how they are shown changes.
    expect((await harness.store().getCommitment(TEAM, 'FO-1')).notes.at(-1)?.text).toBe(FORGED_NOTE);
  });

  it('shows no forged item line in the report, the item, its history or a shared report', async () => {
    expectNoForgedLine(await command('forged'), 'report');
    expectNoForgedLine(await command('show FO-1'), 'show');
    expectNoForgedLine(await command('history FO-1'), 'history');
    expectNoForgedLine(await command('forged share'), 'shared report');
  });

  it('shows no forged item line in the digest a channel gets', async () => {
    expect((await command('subscribe forged daily 09:00 tz Asia/Tokyo')).text).toMatch(/Subscribed/);
    await sweepAt('2026-03-26T00:00:30Z');
    const digest = harness.slack.messagesWithMetadata(DIGEST_EVENT_TYPE).find((m) => m.channel === 'C0FORGED');
    expect(digest).toBeDefined();
    expectNoForgedLine({ text: String(digest!.text), blocks: digest!.blocks as unknown[] }, 'digest');
  });

  it('shows no forged item line in the check-in the owner gets', async () => {
    // The day before the due date, at 09:00 in the owner's zone (UTC); the sweep before it looks them up.
    await sweepAt('2026-03-31T08:59:00Z');
    await sweepAt('2026-03-31T09:00:30Z');
    const checkIns = harness.slack.messagesWithMetadata(CHECK_IN_EVENT_TYPE);
    expect(checkIns).toHaveLength(1);
    expectNoForgedLine({ text: String(checkIns[0]!.text), blocks: checkIns[0]!.blocks as unknown[] }, 'check-in');
  });

  it('shows mrkdwn markers in a title, a note and an owner’s name as typed, keeping links and mentions the bot writes', async () => {
    const added = await command(`add forged "${FORMATTED}" owner <@U0OWNER>, "Kim *Lee*" source https://example.org/read_out "Talks_2026"`);
    const id = /FO-\d+/.exec(added.text)![0];
    await command(`note ${id} "${FORMATTED}"`);
    const stored = await harness.store().getCommitment(TEAM, id);
    expect(stored.title).toBe(FORMATTED);
    for (const [where, message] of [['report', await command('forged')], ['show', await command(`show ${id}`)]] as const) {
      const mrkdwn = mrkdwnTexts(message).join('\n');
      expect(mrkdwn.split(FORMATTED_SHOWN).length - 1, `${where}: title and note`).toBeGreaterThanOrEqual(2);
      for (const marker of ['*bold*', '_italic_', '~struck~', '`code`', '＊wide＊', '*Lee*']) expect(mrkdwn, where).not.toContain(marker);
      expect(mrkdwn, where).toContain('Kim ∗Lee∗');
      expect(mrkdwn, where).toContain('<@U0OWNER>');
      expect(mrkdwn, where).toContain('<https://example.org/read_out|Talksˍ2026');
    }
  });

  it('stores no invisible or direction marks, keeping the joiner inside an emoji', async () => {
    const added = await command(`add forged "${INVISIBLE}"`);
    const id = /FO-\d+/.exec(added.text)![0];
    await command(`note ${id} "${INVISIBLE}"`);
    const stored = await harness.store().getCommitment(TEAM, id);
    expect(stored.title).toBe('Zerowidth flipped isolated marks and more 👩‍💻');
    expect(stored.notes.at(-1)?.text).toBe('Zerowidth flipped isolated marks\nand\nmore 👩‍💻');
    for (const text of lines(await command(`show ${id}`))) expect(text.replaceAll('👩‍💻', '')).not.toMatch(INVISIBLE_MARKS);
  });
});
