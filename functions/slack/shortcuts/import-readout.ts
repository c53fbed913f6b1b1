import { DEFAULT_LOCALE } from '#shared/domain/locale';
import { EN, translatorFor } from '#shared/i18n/translator';
import { answerError } from '#shared/slack/answer-error';
import { importTextModal } from '#shared/slack/render/import';
import { postToResponseUrl } from '#shared/slack/respond';
import { startFromMessage } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { messageOf, shortcutCaller, type MessageShortcutArgs } from '../payload.ts';

/** "Import readout": the import form with the message as its text and its permalink as the link, in the person's language. */
export function importReadout(deps: ListenerDeps) {
  return async ({ ack, shortcut, client }: MessageShortcutArgs): Promise<void> => {
    await ack();
    let t = EN;
    try {
      const caller = await shortcutCaller(deps, shortcut, deps.clock());
      t = await translatorFor(caller.access.locale ?? DEFAULT_LOCALE);
      const { tracks, link, date, text } = await startFromMessage(deps, caller, messageOf(shortcut, client));
      const view = importTextModal(
        { channelId: shortcut.channel.id, responseUrl: shortcut.response_url },
        { tracks, text, ...(link ? { link } : {}), today: date },
        t,
      );
      await client.views.open({ trigger_id: shortcut.trigger_id, view });
    } catch (error) {
      await postToResponseUrl(shortcut.response_url, answerError(error, deps.log, t));
    }
  };
}
