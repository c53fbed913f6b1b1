import { readCheckInDoneForm } from '#shared/slack/check-in-forms';
import { INPUTS } from '#shared/slack/render/modals';
import type { ListenerDeps } from '../deps.ts';
import { checkInSubmission } from '../check-in.ts';

/** A check-in's Done form: the item done, with the note if one was written. */
export function checkInDoneSubmission(deps: ListenerDeps) {
  return checkInSubmission(deps, readCheckInDoneForm, { default: INPUTS.note });
}
