import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';
import type { Caller } from '#shared/use-cases/commitments';
import type { MessageRef } from '#shared/use-cases/interactions';

/** What Bolt hands each kind of listener. */
export type ViewArgs = SlackViewMiddlewareArgs<SlackViewAction> & AllMiddlewareArgs;
export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
export type MessageShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/** Who submitted a modal, and when. */
export function viewCaller(body: SlackViewAction, now: Date): Caller {
  return { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, now };
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
