import type { FormFields } from '#shared/slack/answer-error';
import { readPicksForm } from '#shared/slack/forms';
import { MAX_PROPOSALS } from '#shared/domain/import-draft';
import { IMPORT_INPUTS } from '#shared/slack/render/import';
import { submitPicks } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { formSubmission } from '../submission.ts';

/** An error about one proposal's field shows beside that field; the rest beside the first checkbox group. */
const FIELDS: FormFields = {
  default: `${IMPORT_INPUTS.pick}_0`,
  ...Object.fromEntries(
    Array.from({ length: MAX_PROPOSALS }, (_, i) => [IMPORT_INPUTS.title(i), IMPORT_INPUTS.kind(i), IMPORT_INPUTS.due(i), IMPORT_INPUTS.parties(i)]).flat().map((id) => [id, id]),
  ),
};

/** Step 2 of an import: save what stayed ticked, and say so in the submitter's language. */
export function importPickSubmission(deps: ListenerDeps) {
  return formSubmission(deps, FIELDS, (caller, origin, values, t) => submitPicks(deps, caller, origin.id ?? '', readPicksForm(values), t), { redrawsHome: true });
}
