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
import { loadCaller, type Caller, type Deps } from '#shared/use-cases/commitments';
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

/** Who pressed a button (or chose from a menu), where, and when. */
export function buttonCaller(deps: Pick<Deps, 'directory'>, body: BlockAction, now: Date): Promise<Caller> {
  return loadCaller(deps, { teamId: teamOf(body), userId: body.user.id, channelId: body.channel?.id, now });
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
