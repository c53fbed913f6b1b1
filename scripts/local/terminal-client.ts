import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SLACK_APP } from '#shared/slack-app/definitions';
import { blocksToText } from './blocks-to-text.ts';
import { readEndpoints } from './endpoints.ts';
import { FormFillError, describeForm, fillForm, type FormView } from './form-values.ts';
import { CHANNELS, PERSONAS, escapeCommandText, findChannel, findPersona } from './personas.ts';
import { homeFile, openMailbox } from './slack-outbox.ts';

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
  'npm run slack -- [--team T…] [--user <name>|U…] [--channel <#name>|C…] "/commitments <what to type>"',
  'npm run slack -- --press <button label or action id> [--item JK-4] [--in dm|home|channel]',
  '    (a button of the last reply, or of the newest message in your direct messages with the bot, your Home tab or the channel)',
  'npm run slack -- --submit key=value …                                (fills and submits the last opened form)',
  'npm run slack -- --home                                              (opens your Home tab, as Slack does, and prints it)',
  'npm run slack -- --shortcut "Track as commitment"|"Import readout" --text "a message" | --in dm|channel',
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
  /** The person's handle, and their own workspace (another organisation's for someone in a Slack Connect channel). */
  userName: string;
  userTeamId: string;
  channelId: string;
}

/** Where `--press` looks for its button, and `--shortcut` for its message. */
type Place = 'reply' | 'dm' | 'home' | 'channel';
const PLACES: readonly Place[] = ['dm', 'home', 'channel'];

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
        in: { type: 'string' },
        submit: { type: 'boolean', default: false },
        home: { type: 'boolean', default: false },
        shortcut: { type: 'string' },
        text: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help || (!values.press && !values.submit && !values.home && !values.shortcut && positionals.length === 0)) {
      settings.print(CLIENT_USAGE);
      return values.help ? 0 : 2;
    }
    const place = placeOf(values.in);
    const client = new Client(settings, senderOf(values, settings.defaults));
    if (values.press) return await client.press(values.press, values.item, place);
    if (values.submit) return await client.submit(positionals);
    if (values.home) return await client.home();
    if (values.shortcut) return await client.shortcut(values.shortcut, values.text, place);
    return await client.command(positionals.join(' ').trim());
  } catch (error) {
    if (error instanceof ClientError || error instanceof FormFillError || error instanceof TypeError) {
      settings.print(error.message);
      return 2;
    }
    throw error;
  }
}

function placeOf(given: string | undefined): Place {
  if (given === undefined) return 'reply';
  const place = PLACES.find((p) => p === given.toLowerCase());
  if (!place) throw new ClientError(`--in ${given}: say where the message is, one of ${PLACES.join(', ')}.`);
  return place;
}

/** Who is acting, and where: a local person by name (or any user id), a channel by #name (or any id). */
function senderOf(values: { team?: string | undefined; user?: string | undefined; channel?: string | undefined }, defaults: ClientSettings['defaults']): Sender {
  const teamId = values.team ?? defaults.teamId;
  const given = values.user ?? defaults.userId;
  const persona = findPersona(given);
  if (!persona && !/^[UW][A-Z0-9]{2,30}$/.test(given)) {
    throw new ClientError(`No one called ${given} here; the local people: ${PERSONAS.map((p) => p.name).join(', ')} (or a user id U…).`);
  }
  const channelGiven = values.channel ?? defaults.channelId;
  const channel = findChannel(channelGiven);
  if (!channel && !/^[CGD][A-Z0-9]{2,30}$/.test(channelGiven)) {
    throw new ClientError(`No channel ${channelGiven} here; the local channels: ${CHANNELS.map((c) => `#${c.name}`).join(', ')} (or a channel id C…).`);
  }
  return {
    teamId,
    userId: persona?.id ?? given,
    userName: persona?.name ?? given.toLowerCase(),
    userTeamId: persona && persona.user.team_id !== defaults.teamId ? persona.user.team_id : teamId,
    channelId: channel?.id ?? channelGiven,
  };
}

/** A message as the stand-in keeps it: what `conversations.history` gives. */
interface StoredMessage extends Message {
  ts: string;
}

/** Where a button was found: the message (and its channel) or the Home tab it sits on. */
type Surface =
  | { kind: 'reply'; channelId: string; ephemeral: boolean; message: Message }
  | { kind: 'message'; channelId: string; message: StoredMessage }
  | { kind: 'home'; view: FormView & { blocks?: Record<string, unknown>[] } };

const APP_ID = 'A0LOCAL';
const BOT_USER_ID = 'U0BOT';

class Client {
  private readonly endpoint: string;
  private readonly fakeSlackUrl: string | undefined;
  private readonly slackApi: { url: string; token: string } | undefined;
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
    this.slackApi = running?.slackApiUrl ? { url: running.slackApiUrl, token: running.botToken ?? 'xoxb-local' } : undefined;
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
      user_name: this.sender.userName,
      command: name,
      // Typed @names and #channels arrive as Slack sends them with the manifest's escaping on.
      text: escapeCommandText(text),
      response_url: responseUrl,
      trigger_id: triggerId,
    }).toString();
    return this.exchange(body, { responseId, triggerId });
  }

  /**
   * Presses a button (or an overflow menu's choice) as Slack sends the press: of the last reply,
   * or of the newest message in the person's direct messages with the bot or in the channel that
   * has it, or of their Home tab as it is drawn when they open it. Prints the surface as it reads after.
   */
  async press(target: string, item: string | undefined, place: Place): Promise<number> {
    const { button, surface } = await this.findOnSurface(target, item, place);
    const { responseId, responseUrl } = this.responseUrl();
    const triggerId = newTriggerId();
    const action = {
      type: button.type,
      action_id: button.actionId,
      block_id: button.blockId,
      ...(button.type === 'overflow' ? { selected_option: { text: { type: 'plain_text', text: button.label }, value: button.value } } : { value: button.value, text: { type: 'plain_text', text: button.label } }),
      action_ts: `${Date.now() / 1000}`,
    };
    const base = { type: 'block_actions', ...this.who(), trigger_id: triggerId, state: { values: {} }, actions: [action] };
    let payload: Record<string, unknown>;
    if (surface.kind === 'home') {
      // Home has no channel, message or response URL: the view itself is the container.
      payload = { ...base, container: { type: 'view', view_id: surface.view.id ?? 'V0HOME' }, view: { ...surface.view, type: 'home', state: { values: {} }, hash: 'local' } };
    } else {
      const ts = surface.kind === 'message' ? surface.message.ts : '1700000000.000100';
      const ephemeral = surface.kind === 'reply' && surface.ephemeral;
      payload = {
        ...base,
        response_url: responseUrl,
        container: { type: 'message', message_ts: ts, channel_id: surface.channelId, is_ephemeral: ephemeral },
        channel: { id: surface.channelId, name: surface.channelId.startsWith('D') ? 'directmessage' : (findChannel(surface.channelId)?.name ?? 'local') },
        message: { type: 'message', ...(surface.kind === 'message' ? { user: BOT_USER_ID, bot_id: 'B0BOT' } : {}), ts, text: surface.message.text ?? '', blocks: surface.message.blocks },
      };
    }
    return this.exchange(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { responseId, triggerId, redrawn: () => this.redrawn(surface) });
  }

  /** Opens the person's Home tab as Slack does (an `app_home_opened` event) and prints it. */
  async home(): Promise<number> {
    const view = await this.openHome();
    this.settings.print(`== Home tab of ${this.sender.userName} ==\n\n${blocksToText(view)}`);
    return 0;
  }

  /** A message shortcut (its name or callback id) used on a message given as text, or on the newest message in a place. */
  async shortcut(name: string, text: string | undefined, place: Place): Promise<number> {
    const shortcut = SLACK_APP.shortcuts.find((s) => normalise(s.name) === normalise(name) || s.callbackId === name);
    if (!shortcut) throw new ClientError(`No shortcut ${name}; the app has: ${SLACK_APP.shortcuts.map((s) => s.name).join(', ')}.`);
    let channelId = this.sender.channelId;
    let message: StoredMessage & { user: string };
    if (text !== undefined) {
      message = { ts: `${Math.floor(Date.now() / 1000)}.${String(Date.now() % 1_000_000).padStart(6, '0')}`, text: escapeCommandText(text), user: this.sender.userId };
    } else if (place === 'dm' || place === 'channel') {
      channelId = place === 'dm' ? await this.directMessageChannel() : channelId;
      const newest = (await this.history(channelId))[0];
      if (!newest) throw new ClientError(`There is no message in ${this.placeName(place)} yet.`);
      message = { ...newest, user: BOT_USER_ID };
    } else {
      throw new ClientError('--shortcut needs its message: --text "…" (a message of yours in the channel) or --in dm|channel (the newest message there).');
    }
    const { responseId, responseUrl } = this.responseUrl();
    const triggerId = newTriggerId();
    const payload = {
      type: 'message_action',
      ...this.who(),
      callback_id: shortcut.callbackId,
      trigger_id: triggerId,
      response_url: responseUrl,
      action_ts: `${Date.now() / 1000}`,
      channel: { id: channelId, name: findChannel(channelId)?.name ?? 'directmessage' },
      message_ts: message.ts,
      message: { type: 'message', ...message },
    };
    return this.exchange(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { responseId, triggerId });
  }

  /** Who acts, as interactivity payloads carry it. */
  private who() {
    return {
      token: 'local-verification-token',
      team: { id: this.sender.teamId, domain: 'local' },
      user: { id: this.sender.userId, username: this.sender.userName, name: this.sender.userName, team_id: this.sender.userTeamId },
      api_app_id: APP_ID,
      is_enterprise_install: false,
      enterprise: null,
    };
  }

  private placeName(place: Place): string {
    if (place === 'dm') return 'your direct messages with the bot';
    if (place === 'home') return 'your Home tab';
    if (place === 'channel') return `#${findChannel(this.sender.channelId)?.name ?? this.sender.channelId}`;
    return 'the last reply';
  }

  private async findOnSurface(target: string, item: string | undefined, place: Place): Promise<{ button: Button; surface: Surface }> {
    if (place === 'reply') {
      const reply = this.readState().reply;
      if (!reply?.blocks) throw new ClientError('No reply with buttons yet: send a command first (or press a button of another message with --in dm, home or channel).');
      const surface: Surface = { kind: 'reply', channelId: reply.channelId, ephemeral: reply.ephemeral, message: reply };
      return { button: findButton([reply.blocks], target, item, 'the last reply').button, surface };
    }
    if (place === 'home') {
      const view = await this.openHome();
      return { button: findButton([view.blocks ?? []], target, item, this.placeName(place)).button, surface: { kind: 'home', view } };
    }
    const channelId = place === 'dm' ? await this.directMessageChannel() : this.sender.channelId;
    const messages = await this.history(channelId);
    const { button, source } = findButton(messages.map((m) => m.blocks ?? []), target, item, this.placeName(place));
    return { button, surface: { kind: 'message', channelId, message: messages[source]! } };
  }

  /** After a press: the message or Home tab as it now reads, when the bot changed it. */
  private async redrawn(surface: Surface): Promise<boolean> {
    if (surface.kind === 'home') {
      const now = readJson<FormView & { blocks?: Record<string, unknown>[] }>(homeFile(this.settings.localDir, this.sender.userId));
      if (!now || JSON.stringify(now.blocks) === JSON.stringify(surface.view.blocks)) return false;
      this.settings.print(`[the Home tab now reads]\n\n${blocksToText(now)}`);
      return true;
    }
    if (surface.kind !== 'message') return false;
    const now = (await this.history(surface.channelId)).find((m) => m.ts === surface.message.ts);
    if (!now || JSON.stringify(now.blocks) === JSON.stringify(surface.message.blocks)) return false;
    this.settings.print(`[the message now reads]\n\n${blocksToText(now)}`);
    return true;
  }

  /** Sends `app_home_opened` as Slack does when the person opens the tab; the bot publishes it before answering. */
  private async openHome(): Promise<FormView & { blocks?: Record<string, unknown>[] }> {
    this.requireStandIn('--in home and --home');
    const body = JSON.stringify({
      token: 'local-verification-token',
      team_id: this.sender.teamId,
      api_app_id: APP_ID,
      type: 'event_callback',
      event_id: `Ev${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_home_opened', user: this.sender.userId, channel: await this.directMessageChannel(), tab: 'home', event_ts: `${Date.now() / 1000}` },
      authorizations: [{ enterprise_id: null, team_id: this.sender.teamId, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    });
    const response = await this.post(body, 'application/json');
    if (response.status !== 200) throw new ClientError(`HTTP ${response.status}: ${response.raw}`);
    const view = readJson<FormView & { blocks?: Record<string, unknown>[] }>(homeFile(this.settings.localDir, this.sender.userId));
    if (!view) throw new ClientError('The bot published no Home tab; the npm start terminal says why.');
    return view;
  }

  private requireStandIn(what: string): { url: string; token: string } {
    if (!this.slackApi) throw new ClientError(`${what} need the local Slack stand-in: npm start without SLACK_BOT_TOKEN.`);
    return this.slackApi;
  }

  /** A call to the stand-in's Web API, as the bot would make it. */
  private async webApi(method: string, args: Record<string, string>): Promise<Record<string, unknown>> {
    const api = this.requireStandIn('--in dm and --in channel');
    const response = await fetch(`${api.url}${method}`, { method: 'POST', headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(args).toString() });
    const result = (await response.json()) as Record<string, unknown>;
    if (result['ok'] !== true) throw new ClientError(`The stand-in answered ${method} with ${String(result['error'])}.`);
    return result;
  }

  private async directMessageChannel(): Promise<string> {
    const opened = await this.webApi('conversations.open', { users: this.sender.userId });
    return String((opened['channel'] as { id?: string } | undefined)?.id ?? '');
  }

  /** The channel's messages as they now read (updates included), newest first. */
  private async history(channelId: string): Promise<StoredMessage[]> {
    const result = await this.webApi('conversations.history', { channel: channelId, limit: '100' });
    return ((result['messages'] as StoredMessage[] | undefined) ?? []).map((m) => ({ ts: m.ts, ...(m.text !== undefined ? { text: m.text } : {}), ...(m.blocks ? { blocks: m.blocks } : {}) }));
  }

  async submit(pairs: readonly string[]): Promise<number> {
    const state = this.readState();
    const form = state.form;
    if (!form) throw new ClientError('No form is open: press a button that opens one first (e.g. --press "Mark done" --item JK-5).');
    // A person picker takes a local person's name too.
    const values = fillForm(form.view, pairs, { userId: (text) => findPersona(text)?.id ?? text });
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
  /** Sends one request signed as Slack signs it (v0), as a form or as JSON (events). */
  private async post(body: string, contentType: string): Promise<{ status: number; raw: string }> {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', this.settings.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
        body,
      });
      return { status: response.status, raw: await response.text() };
    } catch (error) {
      throw new ClientError(`Could not reach ${this.endpoint}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}. Is \`npm start\` running?`);
    }
  }

  private async exchange(
    body: string,
    sent: { responseId: string; triggerId: string; submitted?: NonNullable<ClientState['form']>; redrawn?: () => Promise<boolean> },
  ): Promise<number> {
    let response: { status: number; raw: string };
    try {
      response = await this.post(body, 'application/x-www-form-urlencoded');
    } catch (error) {
      this.settings.print((error as Error).message);
      return 1;
    }
    const { raw } = response;
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
    const redrawn = (await sent.redrawn?.()) ?? false;
    if (!answer && !view && !sent.submitted && !redrawn) this.settings.print('(Acknowledged; anything else the bot sent shows in the npm start terminal.)');
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
    return readJson<ClientState>(this.stateFile) ?? {};
  }

  private writeState(state: ClientState): void {
    mkdirSync(join(this.stateFile, '..'), { recursive: true });
    writeFileSync(this.stateFile, JSON.stringify(state));
  }
}

function newTriggerId(): string {
  return `${Date.now()}.${randomUUID().slice(0, 8)}`;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

interface Button {
  type: 'button' | 'overflow';
  actionId: string;
  blockId: string;
  value: string;
  label: string;
}

/** Every button of a message, from its actions blocks and section accessories; an overflow menu's choices count as buttons. */
function buttonsOf(blocks: readonly Record<string, unknown>[]): Button[] {
  type Element = { type?: string; action_id?: string; value?: string; text?: { text?: string }; options?: { text?: { text?: string }; value?: string }[] };
  const toButtons = (blockId: string, e: Element): Button[] => {
    if (e.type === 'button' && e.action_id) return [{ type: 'button', actionId: e.action_id, blockId, value: e.value ?? '', label: e.text?.text ?? e.action_id }];
    if (e.type === 'overflow' && e.action_id) return (e.options ?? []).map((o) => ({ type: 'overflow', actionId: e.action_id!, blockId, value: o.value ?? '', label: o.text?.text ?? '' }));
    return [];
  };
  return blocks.flatMap((block) => {
    const blockId = String(block['block_id'] ?? '');
    if (block['type'] === 'actions') return ((block['elements'] as Element[] | undefined) ?? []).flatMap((e) => toButtons(blockId, e));
    const accessory = block['accessory'] as Element | undefined;
    return accessory ? toButtons(blockId, accessory) : [];
  });
}

const normalise = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The item a button's value names: `JK-4`, `JK-4@7`, or an overflow choice's `week JK-4@7`. */
function itemOf(value: string): string {
  return (value.split(' ').at(-1) ?? '').split('@')[0]!.toUpperCase();
}

/**
 * The button named by its action id or label, on `item`'s row when given, from the first of
 * `sources` (newest first) that has one; `where` names them in refusals.
 */
function findButton(sources: readonly (readonly Record<string, unknown>[])[], target: string, item: string | undefined, where: string): { button: Button; source: number } {
  const all = sources.flatMap((blocks, source) => buttonsOf(blocks).map((button) => ({ button, source })));
  const named = all.filter(({ button: b }) => b.actionId === target || normalise(b.label) === normalise(target));
  const lastReply = where === 'the last reply';
  if (named.length === 0) {
    const labels = [...new Set(all.map(({ button: b }) => b.label))].join(', ') || 'none';
    throw new ClientError(
      lastReply ? `The last reply has no button ${target}; its buttons: ${labels}. Another message's: add --in dm, home or channel.` : `No ${target} button in ${where}; the buttons there: ${labels}.`,
    );
  }
  const forItem = item ? named.filter(({ button: b }) => itemOf(b.value) === item.toUpperCase()) : named;
  if (item && forItem.length === 0) {
    const items = [...new Set(named.map(({ button: b }) => itemOf(b.value)))].join(', ');
    throw new ClientError(`No ${target} button for ${item} in ${where}; ${lastReply ? 'it has one' : 'there is one'} for ${items}.`);
  }
  const newest = forItem.filter(({ source }) => source === forItem[0]!.source);
  if (newest.length > 1) {
    const items = newest.map(({ button: b }) => itemOf(b.value)).join(', ');
    throw new ClientError(lastReply ? `The last reply has ${newest.length} ${target} buttons: add --item, one of ${items}.` : `There are ${newest.length} ${target} buttons in ${where}: add --item, one of ${items}.`);
  }
  return newest[0]!;
}
