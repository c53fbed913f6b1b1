import type { App } from '@slack/bolt';
import { VIEW_IDS } from '#shared/slack-app/definitions';
import { readDoneForm, readNoteForm, readUpdateForm } from '#shared/slack/forms';
import type { ListenerDeps } from '../deps.ts';
import { addCommitmentSubmission } from './add-commitment.ts';
import { addTrackSubmission } from './add-track.ts';
import { changeItemSubmission, editItemSubmission } from './change-item.ts';
import { checkInAtRiskSubmission } from './check-in-at-risk.ts';
import { checkInDoneSubmission } from './check-in-done.ts';
import { checkInNoteSubmission } from './check-in-note.ts';
import { checkInNotMineSubmission } from './check-in-not-mine.ts';
import { checkInSnoozeSubmission } from './check-in-snooze.ts';
import { importPickSubmission } from './import-pick.ts';
import { importTextSubmission } from './import-text.ts';
import { trackRolesSubmission } from './track-roles.ts';

/**
 * Modal submissions: each either closes its modal and redraws the message it came from, or
 * keeps it open with the problem beside the field it concerns.
 */
export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(VIEW_IDS.update, changeItemSubmission(deps, readUpdateForm));
  app.view(VIEW_IDS.markDone, changeItemSubmission(deps, readDoneForm));
  app.view(VIEW_IDS.addNote, changeItemSubmission(deps, readNoteForm));
  app.view(VIEW_IDS.edit, editItemSubmission(deps));
  app.view(VIEW_IDS.addCommitment, addCommitmentSubmission(deps));
  app.view(VIEW_IDS.importText, importTextSubmission(deps));
  app.view(VIEW_IDS.importPick, importPickSubmission(deps));
  app.view(VIEW_IDS.addTrack, addTrackSubmission(deps));
  app.view(VIEW_IDS.trackRoles, trackRolesSubmission(deps));
  app.view(VIEW_IDS.checkInAtRisk, checkInAtRiskSubmission(deps));
  app.view(VIEW_IDS.checkInDone, checkInDoneSubmission(deps));
  app.view(VIEW_IDS.checkInNote, checkInNoteSubmission(deps));
  app.view(VIEW_IDS.checkInSnooze, checkInSnoozeSubmission(deps));
  app.view(VIEW_IDS.checkInNotMine, checkInNotMineSubmission(deps));
}
