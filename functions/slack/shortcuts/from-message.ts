import type { MessageShortcut, types } from '@slack/bolt';
import { EN, translatorOf, type Translator } from '#shared/i18n/translator';
import { answerError } from '#shared/slack/answer-error';
import { postToResponseUrl } from '#shared/slack/respond';
import { startFromMessage } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { messageOf, shortcutCaller, type MessageShortcutArgs } from '../payload.ts';

/** What a message shortcut starts from: the tracks the person may write to, the message's link, date and text. */
export type MessageStart = Awaited<ReturnType<typeof startFromMessage>>;

/**
 * A message shortcut that opens a form about the message: acked at once, then the form `modal`
 * draws from what the message gives, in the person's language; a refusal (not a writer, a
 * message too long) goes back to where the shortcut was used, in the same language.
 */
export function messageShortcut(deps: ListenerDeps, modal: (start: MessageStart, shortcut: MessageShortcut, t: Translator) => types.ModalView) {
  return async ({ ack, shortcut, client }: MessageShortcutArgs): Promise<void> => {
    await ack();
    let t = EN;
    try {
      const caller = await shortcutCaller(deps, shortcut, deps.clock());
      t = await translatorOf(caller);
      const start = await startFromMessage(deps, caller, messageOf(shortcut, client));
      await client.views.open({ trigger_id: shortcut.trigger_id, view: modal(start, shortcut, t) });
    } catch (error) {
      await postToResponseUrl({ url: shortcut.response_url, slackApiUrl: deps.slackApiUrl }, answerError(error, deps.log, t));
    }
  };
}
