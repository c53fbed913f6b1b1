import type { FormFields } from '#shared/slack/answer-error';
import { readEditForm } from '#shared/slack/forms';
import { INPUTS } from '#shared/slack/render/modals';
import type { ViewValues } from '#shared/slack/view-state';
import type { ItemAction } from '#shared/use-cases/commitments';
import { submitEditForm, submitItemChange } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { formSubmission } from '../submission.ts';

const FIELDS: FormFields = { default: INPUTS.note, status: INPUTS.status };

/** The edit form shows each problem beside its field, and the rest (a stale version) beside the reason. */
export const EDIT_FIELDS: FormFields = {
  default: INPUTS.reason,
  title: INPUTS.title,
  due: INPUTS.due,
  owners: INPUTS.owners,
  ownerNames: INPUTS.ownerNames,
  parties: INPUTS.parties,
  reason: INPUTS.reason,
  archive: INPUTS.archive,
  unlog: INPUTS.unlog,
};

/** An item modal (update, mark done, add note): save its action, then redraw where it came from. */
export function changeItemSubmission(deps: ListenerDeps, readForm: (values: ViewValues) => ItemAction, fields: FormFields = FIELDS) {
  return formSubmission(deps, fields, (caller, origin, values, t) => submitItemChange(deps, caller, origin, readForm(values), t), { redrawsHome: true, reads: 'item' });
}

/** The Edit form: its field changes, archive or occurrences to remove, then a redraw. */
export function editItemSubmission(deps: ListenerDeps) {
  return formSubmission(deps, EDIT_FIELDS, (caller, origin, values, t) => submitEditForm(deps, caller, origin, readEditForm(values), t), { redrawsHome: true, reads: 'item' });
}
