import { importTextModal } from '#shared/slack/render/import';
import type { ListenerDeps } from '../deps.ts';
import { messageShortcut } from './from-message.ts';

/** "Import readout": the import form with the message as its text and its permalink as the link, in the person's language. */
export function importReadout(deps: ListenerDeps) {
  return messageShortcut(deps, ({ tracks, link, date, text }, shortcut, t) =>
    importTextModal({ channelId: shortcut.channel.id, responseUrl: shortcut.response_url }, { tracks, text, ...(link ? { link } : {}), today: date }, t),
  );
}
