import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockButtonAction,
  BlockOverflowAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';
import { CommitmentIdSchema, TrackSlugSchema } from '#shared/domain/schemas';
import { loadCaller, readCallerAndTarget, type Caller, type CallerInput, type CommandTarget, type Deps } from '#shared/use-cases/commitments';
import type { MessageRef } from '#shared/use-cases/interactions';

/** What Bolt hands each kind of listener. */
export type ViewArgs = SlackViewMiddlewareArgs<SlackViewAction> & AllMiddlewareArgs;
export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
export type OverflowArgs = SlackActionMiddlewareArgs<BlockOverflowAction> & AllMiddlewareArgs;
export type MessageShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * Who submitted a modal, and when. `target`: what the form's save reads (the item or track its
 * origin names), read in the same BatchGetItem as the submitter's records.
 */
export function viewCaller(deps: Deps, body: SlackViewAction, now: Date, target?: CommandTarget): Promise<Caller> {
  return callerReading(deps, { teamId: teamOf(body), userId: body.user.id, now }, target);
}

/** The workspace a modal, a press or a shortcut came from. */
export function teamOf(body: { team?: { id: string } | null; user: { team_id?: string | undefined } }): string {
  return body.team?.id ?? body.user.team_id ?? '';
}

/** Who pressed a button on an item (`itemId`, as its value gives it), where, and when; the item is read with their records. */
export function buttonCaller(deps: Deps, body: BlockAction, now: Date, itemId: string): Promise<Caller> {
  return callerReading(deps, { teamId: teamOf(body), userId: body.user.id, channelId: body.channel?.id, now }, { item: itemId });
}

/**
 * The caller, with what the request names read in the same BatchGetItem as their records and
 * handed to the use case, which checks it (`caller.prefetched`). A name that cannot be an item
 * id or a slug reads the records alone; the use case then answers it.
 */
async function callerReading(deps: Deps, input: CallerInput, target: CommandTarget | undefined): Promise<Caller> {
  const { caller, read } = await readCallerAndTarget(deps, input, target && wellFormed(target) ? target : undefined);
  return { ...caller, prefetched: read };
}

function wellFormed(target: CommandTarget): boolean {
  if ('item' in target) return CommitmentIdSchema.safeParse(target.item).success;
  return TrackSlugSchema.safeParse('track' in target ? target.track : target.report).success;
}

/** Who used a message shortcut, where, and when. */
export function shortcutCaller(deps: Pick<Deps, 'directory'>, shortcut: MessageShortcut, now: Date): Promise<Caller> {
  return loadCaller(deps, { teamId: teamOf(shortcut), userId: shortcut.user.id, channelId: shortcut.channel.id, now });
}

/** The message a shortcut was used on; its permalink is asked for only when needed. */
export function messageOf(shortcut: MessageShortcut, client: AllMiddlewareArgs['client']): MessageRef {
  return {
    channelId: shortcut.channel.id,
    ts: shortcut.message_ts,
    text: shortcut.message.text ?? '',
    permalink: async () => (await client.chat.getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message_ts })).permalink,
  };
}
