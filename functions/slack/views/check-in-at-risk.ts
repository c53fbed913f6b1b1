import { readAtRiskForm } from '#shared/slack/check-in-forms';
import { INPUTS } from '#shared/slack/render/modals';
import type { ListenerDeps } from '../deps.ts';
import { checkInSubmission } from '../check-in.ts';

/** A check-in's At risk form: the item stalled, with the reason as its note. */
export function checkInAtRiskSubmission(deps: ListenerDeps) {
  return checkInSubmission(deps, readAtRiskForm, { default: INPUTS.reason, reason: INPUTS.reason });
}
