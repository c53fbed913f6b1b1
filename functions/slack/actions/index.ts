import type { App, BlockButtonAction, BlockOverflowAction } from '@slack/bolt';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { doneModal, editModal, noteModal, updateModal } from '#shared/slack/render/modals';
import type { ListenerDeps } from '../deps.ts';
import { reopenFromButton, unarchiveFromButton } from '#shared/use-cases/interactions';
import { changeAtOnce } from './change-at-once.ts';
import { checkInAtRisk } from './check-in-at-risk.ts';
import { checkInDone } from './check-in-done.ts';
import { checkInNote } from './check-in-note.ts';
import { checkInNotMine } from './check-in-not-mine.ts';
import { checkInOnTrack } from './check-in-on-track.ts';
import { checkInSnooze } from './check-in-snooze.ts';
import { openItemModal } from './open-item-modal.ts';
import { pageReport } from './page-report.ts';
import { shareReport } from './share-report.ts';

/**
 * Item buttons open their modal (Unarchive and Reopen act at once); report buttons page or share the report;
 * a check-in's answers act at once (On track, Snooze 1 day or 1 week) or open their form.
 */
export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(ACTION_IDS.markDone, openItemModal(deps, doneModal));
  app.action<BlockButtonAction>(ACTION_IDS.update, openItemModal(deps, updateModal));
  app.action<BlockButtonAction>(ACTION_IDS.addNote, openItemModal(deps, noteModal));
  app.action<BlockButtonAction>(ACTION_IDS.edit, openItemModal(deps, editModal));
  app.action<BlockButtonAction>(ACTION_IDS.unarchive, changeAtOnce(deps, unarchiveFromButton));
  app.action<BlockButtonAction>(ACTION_IDS.reopen, changeAtOnce(deps, reopenFromButton));
  app.action<BlockButtonAction>(ACTION_IDS.pagePrevious, pageReport(deps));
  app.action<BlockButtonAction>(ACTION_IDS.pageNext, pageReport(deps));
  app.action<BlockButtonAction>(ACTION_IDS.share, shareReport(deps));
  app.action<BlockButtonAction>(ACTION_IDS.checkInOnTrack, checkInOnTrack(deps));
  app.action<BlockButtonAction>(ACTION_IDS.checkInAtRisk, checkInAtRisk(deps));
  app.action<BlockButtonAction>(ACTION_IDS.checkInDone, checkInDone(deps));
  app.action<BlockButtonAction>(ACTION_IDS.checkInNote, checkInNote(deps));
  app.action<BlockOverflowAction>(ACTION_IDS.checkInSnooze, checkInSnooze(deps));
  app.action<BlockButtonAction>(ACTION_IDS.checkInNotMine, checkInNotMine(deps));
}
