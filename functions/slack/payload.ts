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
import { CommitmentIdSchema } from '#shared/domain/schemas';
import { loadCaller, readCallerAndTarget, type Caller, type Deps } from '#shared/use-cases/commitments';
import type { MessageRef } from '#shared/use-cases/interactions';

/** What Bolt hands each kind of listener. */
export type ViewArgs = SlackViewMiddlewareArgs<SlackViewAction> & AllMiddlewareArgs;
export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
export type OverflowArgs = SlackActionMiddlewareArgs<BlockOverflowAction> & AllMiddlewareArgs;
export type MessageShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/** Who submitted a modal, and when; their standing comes from Slack. */
export function viewCaller(deps: Pick<Deps, 'directory'>, body: SlackViewAction, now: Date): Promise<Caller> {
  return loadCaller(deps, { teamId: teamOf(body), userId: body.user.id, now });
}

/** The workspace a modal, a press or a shortcut came from. */
export function teamOf(body: { team?: { id: string } | null; user: { team_id?: string | undefined } }): string {
  return body.team?.id ?? body.user.team_id ?? '';
}

/**
 * Who pressed a button on an item, where, and when. The item the button names (`itemId`, as its
 * value gives it) is read in the same BatchGetItem as the presser's records and handed to the use
 * case, which checks it; a value that is no item id reads the records alone.
 */
export async function buttonCaller(deps: Deps, body: BlockAction, now: Date, itemId: string): Promise<Caller> {
  const input = { teamId: teamOf(body), userId: body.user.id, channelId: body.channel?.id, now };
  if (!CommitmentIdSchema.safeParse(itemId).success) return loadCaller(deps, input);
  const { caller, read } = await readCallerAndTarget(deps, input, { item: itemId });
  return { ...caller, prefetched: read };
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
