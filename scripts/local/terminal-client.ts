import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SLACK_APP } from '#shared/slack-app/definitions';
import { blocksToText } from './blocks-to-text.ts';
import { readEndpoints } from './endpoints.ts';
import { FormFillError, describeForm, fillForm, type FormView } from './form-values.ts';
import { openMailbox } from './slack-outbox.ts';

export interface ClientSettings {
  /** The folder `npm start` writes its endpoints to. */
  localDir: string;
  signingSecret: string;
  /** `SLACK_ENDPOINT`: where to send, when not the running `npm start`'s. */
  endpoint?: string | undefined;
  defaults: { teamId: string; userId: string; channelId: string };
  print: (text: string) => void;
}

export const CLIENT_USAGE = [
  'npm run slack -- [--team T…] [--user U…] [--channel C…] "/commitments <what to type>"',
  'npm run slack -- --press <action id or button label> [--item JK-4]   (a button of the last reply, e.g. --press Next)',
  'npm run slack -- --submit key=value …                                (fills and submits the last opened form)',
].join('\n');

interface Message {
  text?: string;
  blocks?: Record<string, unknown>[];
}

/** What the client remembers per workspace and user between runs: the last reply, and the last form opened. */
interface ClientState {
  reply?: Message & { channelId: string; ephemeral: boolean };
  form?: { view: FormView; responseId: string };
}

interface Sender {
  teamId: string;
  userId: string;
  channelId: string;
}

/** A refusal before anything is sent, in one line. */
class ClientError extends Error {}

/**
 * The terminal client: sends a slash command, a button press or a form submission to the local
 * bot, signed as Slack signs it, and prints what came back (the answer, messages posted to its
 * response URL, a form opened). Returns the process's exit code.
 */
export async function runClient(argv: readonly string[], settings: ClientSettings): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        team: { type: 'string' },
        user: { type: 'string' },
        channel: { type: 'string' },
        press: { type: 'string' },
        item: { type: 'string' },
        submit: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help || (!values.press && !values.submit && positionals.length === 0)) {
      settings.print(CLIENT_USAGE);
      return values.help ? 0 : 2;
    }
    const sender: Sender = {
      teamId: values.team ?? settings.defaults.teamId,
      userId: values.user ?? settings.defaults.userId,
      channelId: values.channel ?? settings.defaults.channelId,
    };
    const client = new Client(settings, sender);
    if (values.press) return await client.press(values.press, values.item);
    if (values.submit) return await client.submit(positionals);
    return await client.command(positionals.join(' ').trim());
  } catch (error) {
    if (error instanceof ClientError || error instanceof FormFillError || error instanceof TypeError) {
      settings.print(error.message);
      return 2;
    }
    throw error;
  }
}

class Client {
  private readonly endpoint: string;
  private readonly fakeSlackUrl: string | undefined;
  private readonly stateFile: string;

  constructor(
    private readonly settings: ClientSettings,
    private readonly sender: Sender,
  ) {
    const running = readEndpoints(settings.localDir);
    const endpoint = settings.endpoint ?? running?.slackEndpoint;
    if (!endpoint) throw new ClientError('No npm start is running here: start it in another terminal (or set SLACK_ENDPOINT to the bot\'s /slack/events URL).');
    this.endpoint = endpoint;
    this.fakeSlackUrl = running?.fakeSlackUrl;
    this.stateFile = join(settings.localDir, 'client', `${sender.teamId}-${sender.userId}.json`);
  }

  async command(input: string): Promise<number> {
    const name = SLACK_APP.command.name;
    const text = input.startsWith(name) ? input.slice(name.length).trim() : input;
    const { responseId, responseUrl } = this.responseUrl();
    const triggerId = newTriggerId();
    const body = new URLSearchParams({
      team_id: this.sender.teamId,
      team_domain: 'local',
      channel_id: this.sender.channelId,
      channel_name: 'local',
      user_id: this.sender.userId,
      user_name: 'you',
      command: name,
      text,
      response_url: responseUrl,
      trigger_id: triggerId,
    }).toString();
    return this.exchange(body, { responseId, triggerId });
  }

  async press(target: string, item: string | undefined): Promise<number> {
    const state = this.readState();
    const reply = state.reply;
    if (!reply?.blocks) throw new ClientError('No reply with buttons yet: send a command first.');
    const button = findButton(reply.blocks, target, item);
    const { responseId, responseUrl } = this.responseUrl();
    const triggerId = newTriggerId();
    const ts = '1700000000.000100';
    const payload = {
      type: 'block_actions',
      team: { id: this.sender.teamId, domain: 'local' },
      user: { id: this.sender.userId, team_id: this.sender.teamId },
      api_app_id: 'A0LOCAL',
      trigger_id: triggerId,
      response_url: responseUrl,
      container: { type: 'message', message_ts: ts, channel_id: reply.channelId, is_ephemeral: reply.ephemeral },
      channel: { id: reply.channelId, name: 'local' },
      message: { type: 'message', ts, text: reply.text ?? '', blocks: reply.blocks },
      actions: [{ type: 'button', action_id: button.actionId, block_id: button.blockId, value: button.value, text: { type: 'plain_text', text: button.label }, action_ts: `${Date.now() / 1000}` }],
    };
    return this.exchange(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { responseId, triggerId });
  }

  async submit(pairs: readonly string[]): Promise<number> {
    const state = this.readState();
    const form = state.form;
    if (!form) throw new ClientError('No form is open: press a button that opens one first (e.g. --press "Mark done" --item JK-5).');
    const values = fillForm(form.view, pairs);
    const payload = {
      type: 'view_submission',
      team: { id: this.sender.teamId, domain: 'local' },
      user: { id: this.sender.userId, team_id: this.sender.teamId },
      api_app_id: 'A0LOCAL',
      trigger_id: newTriggerId(),
      view: { ...form.view, id: form.view.id ?? 'V0LOCAL', type: 'modal', state: { values }, hash: 'local' },
    };
    return this.exchange(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { responseId: form.responseId, triggerId: payload.trigger_id, submitted: form });
  }

  /** Sends one signed request, then prints its answer and whatever the bot sent back to this client. */
  private async exchange(body: string, sent: { responseId: string; triggerId: string; submitted?: NonNullable<ClientState['form']> }): Promise<number> {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', this.settings.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
        body,
      });
    } catch (error) {
      this.settings.print(`Could not reach ${this.endpoint}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}. Is \`npm start\` running?`);
      return 1;
    }
    const raw = await response.text();
    if (response.status !== 200) {
      this.settings.print(`HTTP ${response.status}: ${raw}`);
      return 1;
    }
    const state = this.readState();
    const answer = raw ? (JSON.parse(raw) as Message & { response_type?: string; response_action?: string; errors?: Record<string, string>; view?: FormView }) : undefined;
    if (sent.submitted) {
      if (answer?.response_action === 'errors') {
        this.settings.print(`The form was not accepted:\n${Object.entries(answer.errors ?? {}).map(([key, error]) => `  ${key}: ${error}`).join('\n')}`);
        return 1;
      }
      if ((answer?.response_action === 'update' || answer?.response_action === 'push') && answer.view) {
        state.form = { view: answer.view, responseId: sent.submitted.responseId };
        this.settings.print(`== Form: ${answer.view.title?.text ?? ''} ==\n${describeForm(answer.view)}`);
      } else {
        delete state.form;
        this.settings.print('(Form submitted and closed.)');
      }
    } else if (answer && (answer.text !== undefined || answer.blocks)) {
      this.show(state, answer, answer.response_type === 'in_channel' ? '[posted in channel]' : '[only you can see this]');
    }
    const mailbox = openMailbox(this.settings.localDir);
    for (const message of mailbox.replies(sent.responseId) as (Message & { response_type?: string; replace_original?: boolean; delete_original?: boolean })[]) {
      if (message.delete_original) {
        this.settings.print('[the message was removed]');
        continue;
      }
      const label = message.response_type === 'in_channel' ? '[posted in channel]' : message.replace_original === false ? '[only you can see this]' : '[the message now reads]';
      this.show(state, message, label);
    }
    const view = mailbox.view(sent.triggerId);
    if (view) {
      state.form = { view, responseId: sent.responseId };
      this.settings.print(`== Form opened: ${view.title?.text ?? ''} ==\n${describeForm(view)}`);
    }
    if (!answer && !view && !sent.submitted) this.settings.print('(Acknowledged; anything else the bot sent shows in the npm start terminal.)');
    this.writeState(state);
    return 0;
  }

  private show(state: ClientState, message: Message & { response_type?: string }, label: string): void {
    this.settings.print(`${label}\n\n${blocksToText(message)}`);
    if (message.blocks?.length) {
      state.reply = { ...(message.text !== undefined ? { text: message.text } : {}), blocks: message.blocks, channelId: this.sender.channelId, ephemeral: message.response_type !== 'in_channel' };
    }
  }

  /** A response URL of its own per request, on the local stand-in, so what the bot posts there comes back to this client. */
  private responseUrl(): { responseId: string; responseUrl: string } {
    const responseId = `client-${randomUUID()}`;
    return { responseId, responseUrl: this.fakeSlackUrl ? `${this.fakeSlackUrl}/response/${responseId}` : 'http://127.0.0.1:9/unused' };
  }

  private readState(): ClientState {
    try {
      return JSON.parse(readFileSync(this.stateFile, 'utf8')) as ClientState;
    } catch {
      return {};
    }
  }

  private writeState(state: ClientState): void {
    mkdirSync(join(this.stateFile, '..'), { recursive: true });
    writeFileSync(this.stateFile, JSON.stringify(state));
  }
}

function newTriggerId(): string {
  return `${Date.now()}.${randomUUID().slice(0, 8)}`;
}

interface Button {
  actionId: string;
  blockId: string;
  value: string;
  label: string;
}

/** Every button of a message, from its actions blocks and section accessories. */
function buttonsOf(blocks: readonly Record<string, unknown>[]): Button[] {
  type Element = { type?: string; action_id?: string; value?: string; text?: { text?: string } };
  const toButton = (blockId: string, e: Element): Button[] =>
    e.type === 'button' && e.action_id ? [{ actionId: e.action_id, blockId, value: e.value ?? '', label: e.text?.text ?? e.action_id }] : [];
  return blocks.flatMap((block) => {
    const blockId = String(block['block_id'] ?? '');
    if (block['type'] === 'actions') return ((block['elements'] as Element[] | undefined) ?? []).flatMap((e) => toButton(blockId, e));
    const accessory = block['accessory'] as Element | undefined;
    return accessory ? toButton(blockId, accessory) : [];
  });
}

const normalise = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The button named by its action id or label, on `item`'s row when given (its value names the item). */
function findButton(blocks: readonly Record<string, unknown>[], target: string, item: string | undefined): Button {
  const all = buttonsOf(blocks);
  const named = all.filter((b) => b.actionId === target || normalise(b.label) === normalise(target));
  if (named.length === 0) {
    const labels = [...new Set(all.map((b) => b.label))];
    throw new ClientError(`The last reply has no button ${target}; its buttons: ${labels.join(', ') || 'none'}.`);
  }
  const forItem = item ? named.filter((b) => b.value.toUpperCase() === item.toUpperCase() || b.value.toUpperCase().startsWith(`${item.toUpperCase()}@`)) : named;
  if (item && forItem.length === 0) throw new ClientError(`No ${target} button for ${item} in the last reply; it has one for ${named.map((b) => b.value).join(', ')}.`);
  if (forItem.length > 1) throw new ClientError(`The last reply has ${forItem.length} ${target} buttons: add --item, one of ${forItem.map((b) => b.value.split('@')[0]).join(', ')}.`);
  return forItem[0]!;
}
