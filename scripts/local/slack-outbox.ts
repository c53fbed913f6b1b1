import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import type { FakeSlack, SlackCall } from './fake-slack.ts';
import { countOf } from '#shared/render/count';
import { blocksToText } from './blocks-to-text.ts';
import { describeForm, type FormView } from './form-values.ts';

/** What the local Slack stand-in keeps for the terminal client: replies sent to its response URLs, forms opened for its triggers. */
export interface ClientMailbox {
  /** Messages posted to the response URL `<fake>/response/<id>`, in order. */
  replies(id: string): Record<string, unknown>[];
  /** The form opened with this trigger id, if any. */
  view(triggerId: string): FormView | undefined;
}

function mailboxDir(localDir: string): string {
  return join(localDir, 'client', 'mailbox');
}

/** The Home tab last published for a user, as the stand-in answered it (with its view id). */
export function homeFile(localDir: string, userId: string): string {
  return join(localDir, 'client', 'home', `${safeName(userId)}.json`);
}

/** The outbox's folder: files the bot uploaded, under their own names. */
export function outboxDir(localDir: string): string {
  return join(localDir, 'outbox');
}

/**
 * Shows what the bot sends through the local stand-in that no reply carries: messages and direct
 * messages (digests, check-ins) as text, forms opened, Home tabs published, files uploaded (saved
 * in the outbox). Replies to the terminal client's response URLs and the forms it opened are kept
 * for it to read.
 */
export function watchOutbox(fake: FakeSlack, options: { localDir: string; print: (text: string) => void }): void {
  const { localDir, print } = options;
  const directMessages = new Map<string, string>();
  const show = (title: string, body = ''): void => print(`\n── ${new Date().toTimeString().slice(0, 8)} · ${title} ──${body ? `\n${body}` : ''}`);
  const where = (channel: string): string => {
    const user = directMessages.get(channel);
    if (user) return `direct message to <@${user}>`;
    return channel.startsWith('D') ? `direct message ${channel}` : `#${channel}`;
  };

  const observe = (call: SlackCall, result: Record<string, unknown>): void => {
    if (call.method.startsWith('response_url:')) return keep(join(mailboxDir(localDir), `${safeName(call.method.slice('response_url:'.length))}.reply.json`), call.args);
    if (result['ok'] !== true) return;
    const args = call.args;
    const channel = String(args['channel'] ?? '');
    switch (call.method) {
      case 'conversations.open': {
        const id = (result['channel'] as { id?: string } | undefined)?.id;
        if (id) directMessages.set(id, String(args['users'] ?? ''));
        return;
      }
      case 'chat.postMessage':
        return show(`Message in ${where(channel)}`, blocksToText(messageOf(args)));
      case 'chat.update':
        return show(`Message updated in ${where(channel)}`, blocksToText(messageOf(args)));
      case 'chat.postEphemeral':
        return show(`Only <@${String(args['user'] ?? '')}> sees, in ${where(channel)}`, blocksToText(messageOf(args)));
      case 'views.open':
      case 'views.push':
      case 'views.update': {
        const view = args['view'] as FormView | undefined;
        if (!view) return;
        const triggerId = args['trigger_id'];
        if (typeof triggerId === 'string') writeFileSync(ensure(join(mailboxDir(localDir), `${safeName(triggerId)}.view.json`)), JSON.stringify(view));
        return show(`Form ${call.method === 'views.update' ? 'updated' : 'opened'}: ${view.title?.text ?? view.callback_id ?? ''}`, describeForm(view));
      }
      case 'views.publish':
        // Kept for the terminal client, which presses Home's buttons as the tab now stands.
        writeFileSync(ensure(homeFile(localDir, String(args['user_id'] ?? ''))), JSON.stringify(result['view'] ?? args['view'] ?? {}));
        return show(`Home tab of <@${String(args['user_id'] ?? '')}> published`, blocksToText((args['view'] as { blocks?: object[] } | undefined) ?? {}));
      case 'files.completeUploadExternal':
        return saveUploads(fake, args, localDir, (title, body) => show(title, body), where);
    }
  };
  fake.options.observe = (call, result) => {
    try {
      observe(call, result);
    } catch (error) {
      // What is shown is a convenience: the bot's call has already been answered.
      print(`(could not show ${call.method}: ${(error as Error).message})`);
    }
  };
}

/** Reads what the stand-in kept for the terminal client, and removes it once read. */
export function openMailbox(localDir: string): ClientMailbox {
  const take = <T>(file: string): T | undefined => {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as T;
      rmSync(file, { force: true });
      return parsed;
    } catch {
      return undefined;
    }
  };
  return {
    replies: (id) => take<Record<string, unknown>[]>(join(mailboxDir(localDir), `${safeName(id)}.reply.json`)) ?? [],
    view: (triggerId) => take<FormView>(join(mailboxDir(localDir), `${safeName(triggerId)}.view.json`)),
  };
}

function saveUploads(fake: FakeSlack, args: Record<string, unknown>, localDir: string, show: (title: string, body: string) => void, where: (channel: string) => string): void {
  const files = (args['files'] as { id?: string; title?: string }[] | undefined) ?? [];
  const lines: string[] = [];
  for (const file of files) {
    const upload = file.id ? fake.uploads.get(file.id) : undefined;
    if (!upload?.bytes) continue;
    const path = ensure(join(outboxDir(localDir), basename(upload.filename)));
    writeFileSync(path, upload.bytes);
    lines.push(`  saved ${shortPath(path)} (${countOf(upload.bytes.length, 'byte')})`);
  }
  const comment = typeof args['initial_comment'] === 'string' ? `${args['initial_comment']}\n` : '';
  const channel = typeof args['channel_id'] === 'string' ? ` in ${where(args['channel_id'])}` : '';
  show(`${files.length === 1 ? 'File' : countOf(files.length, 'file')} shared${channel}`, `${comment}${lines.join('\n')}`);
}

/** Relative to where `npm start` runs when inside it, else as is. */
function shortPath(path: string): string {
  const short = relative(process.cwd(), path);
  return short && !short.startsWith('..') && !isAbsolute(short) ? short : path;
}

function messageOf(args: Record<string, unknown>): { text?: string; blocks?: object[] } {
  return { ...(typeof args['text'] === 'string' ? { text: args['text'] } : {}), ...(Array.isArray(args['blocks']) ? { blocks: args['blocks'] as object[] } : {}) };
}

/** Appends one message to a JSON list. */
function keep(file: string, message: Record<string, unknown>): void {
  let list: unknown[] = [];
  try {
    list = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
  } catch {
    // First message to this URL.
  }
  writeFileSync(ensure(file), JSON.stringify([...list, message]));
}

function ensure(file: string): string {
  mkdirSync(join(file, '..'), { recursive: true });
  return file;
}

/** Ids come from requests; only safe characters reach a file name. */
function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}
