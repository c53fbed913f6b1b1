import type { App, MessageShortcut } from '@slack/bolt';
import { SHORTCUT_IDS } from '#shared/slack-app/definitions';
import type { ListenerDeps } from '../deps.ts';
import { importReadout } from './import-readout.ts';
import { trackAsCommitment } from './track-as-commitment.ts';

/** Message shortcuts: both open a form that starts from the message and keeps its permalink. */
export function registerShortcuts(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUT_IDS.trackAsCommitment, trackAsCommitment(deps));
  app.shortcut<MessageShortcut>(SHORTCUT_IDS.importReadout, importReadout(deps));
}
