import { DEFAULT_LOCALE } from '#shared/domain/locale';
import { EN, translatorFor } from '#shared/i18n/translator';
import { answerError } from '#shared/slack/answer-error';
import { prefillFromMessage } from '#shared/slack/forms';
import { addCommitmentModal } from '#shared/slack/render/modals';
import { postToResponseUrl } from '#shared/slack/respond';
import { startFromMessage } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { messageOf, shortcutCaller, type MessageShortcutArgs } from '../payload.ts';

/** "Track as commitment": the add form, prefilled from the message, with its permalink as the source. */
export function trackAsCommitment(deps: ListenerDeps) {
  return async ({ ack, shortcut, client }: MessageShortcutArgs): Promise<void> => {
    await ack();
    // The form and its refusals speak the person's language.
    let t = EN;
    try {
      const caller = await shortcutCaller(deps, shortcut, deps.clock());
      t = await translatorFor(caller.access.locale ?? DEFAULT_LOCALE);
      const { tracks, link, date, text } = await startFromMessage(deps, caller, messageOf(shortcut, client));
      const view = addCommitmentModal(
        { choices: tracks },
        { channelId: shortcut.channel.id, responseUrl: shortcut.response_url, ...(link ? { sourceLink: link } : {}), sourceDate: date },
        prefillFromMessage(text),
        t,
      );
      await client.views.open({ trigger_id: shortcut.trigger_id, view });
    } catch (error) {
      await postToResponseUrl(shortcut.response_url, answerError(error, deps.log, t));
    }
  };
}
