import { prefillFromMessage } from '#shared/slack/forms';
import { addCommitmentModal } from '#shared/slack/render/modals';
import type { ListenerDeps } from '../deps.ts';
import { messageShortcut } from './from-message.ts';

/** "Track as commitment": the add form, prefilled from the message, with its permalink as the source, in the person's language. */
export function trackAsCommitment(deps: ListenerDeps) {
  return messageShortcut(deps, ({ tracks, link, date, text, names }, shortcut, t) =>
    addCommitmentModal(
      { choices: tracks },
      { channelId: shortcut.channel.id, responseUrl: shortcut.response_url, ...(link ? { sourceLink: link } : {}), sourceDate: date },
      prefillFromMessage(text, names),
      t,
    ),
  );
}
