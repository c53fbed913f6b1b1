import type { FormFields } from '#shared/slack/answer-error';
import { readCommitmentForm } from '#shared/slack/forms';
import { INPUTS } from '#shared/slack/render/modals';
import { submitCommitment } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { formSubmission } from '../submission.ts';

const FIELDS: FormFields = { default: INPUTS.title, detail: INPUTS.detail, due: INPUTS.due, owners: INPUTS.owners };

/** The add form: saved once, or kept open with the problem beside its field, in the submitter's language. */
export function addCommitmentSubmission(deps: ListenerDeps) {
  return formSubmission(deps, FIELDS, (caller, origin, values, t) => submitCommitment(deps, caller, readCommitmentForm(values, origin, caller.now), t), { redrawsHome: true, reads: 'track' });
}
