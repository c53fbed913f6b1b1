import { readCheckInNoteForm } from '#shared/slack/check-in-forms';
import { INPUTS } from '#shared/slack/render/modals';
import type { ListenerDeps } from '../deps.ts';
import { checkInSubmission } from '../check-in.ts';

/** A check-in's Add note form. */
export function checkInNoteSubmission(deps: ListenerDeps) {
  return checkInSubmission(deps, readCheckInNoteForm, { default: INPUTS.note });
}
