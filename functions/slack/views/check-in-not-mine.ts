import { readNotMineForm } from '#shared/slack/check-in-forms';
import { CHECK_IN_INPUTS } from '#shared/slack/render/check-in-modals';
import { INPUTS } from '#shared/slack/render/modals';
import type { ListenerDeps } from '../deps.ts';
import { checkInSubmission } from '../check-in.ts';

/** A check-in's Not mine form: submitting it confirms; the person chosen takes the presser's place among the owners. */
export function checkInNotMineSubmission(deps: ListenerDeps) {
  return checkInSubmission(deps, readNotMineForm, { default: CHECK_IN_INPUTS.owner, owner: CHECK_IN_INPUTS.owner, note: INPUTS.note });
}
