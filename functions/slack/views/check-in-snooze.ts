import { readSnoozeForm } from '#shared/slack/check-in-forms';
import { CHECK_IN_INPUTS } from '#shared/slack/render/check-in-modals';
import type { ListenerDeps } from '../deps.ts';
import { checkInSubmission } from '../check-in.ts';

/** A check-in's Snooze form: no check-in before the day picked (after today, within a year). */
export function checkInSnoozeSubmission(deps: ListenerDeps) {
  return checkInSubmission(deps, readSnoozeForm, { default: CHECK_IN_INPUTS.until, until: CHECK_IN_INPUTS.until });
}
