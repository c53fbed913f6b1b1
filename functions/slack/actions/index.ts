import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { doneModal, editModal, noteModal, updateModal } from '#shared/slack/render/modals';
import type { ListenerDeps } from '../deps.ts';
import { openItemModal } from './open-item-modal.ts';
import { pageReport } from './page-report.ts';
import { shareReport } from './share-report.ts';
import { unarchiveItem } from './unarchive-item.ts';

/** Item buttons open their modal (Unarchive acts at once); report buttons page or share the report. */
export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(ACTION_IDS.markDone, openItemModal(deps, doneModal));
  app.action<BlockButtonAction>(ACTION_IDS.update, openItemModal(deps, updateModal));
  app.action<BlockButtonAction>(ACTION_IDS.addNote, openItemModal(deps, noteModal));
  app.action<BlockButtonAction>(ACTION_IDS.edit, openItemModal(deps, editModal));
  app.action<BlockButtonAction>(ACTION_IDS.unarchive, unarchiveItem(deps));
  app.action<BlockButtonAction>(ACTION_IDS.pagePrevious, pageReport(deps));
  app.action<BlockButtonAction>(ACTION_IDS.pageNext, pageReport(deps));
  app.action<BlockButtonAction>(ACTION_IDS.share, shareReport(deps));
}
