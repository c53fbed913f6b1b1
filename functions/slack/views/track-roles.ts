import type { FormFields } from '#shared/slack/answer-error';
import { readRolesForm } from '#shared/slack/forms';
import { ROLE_INPUTS } from '#shared/slack/render/roles';
import { submitRoles } from '#shared/use-cases/track-access';
import type { ListenerDeps } from '../deps.ts';
import { formSubmission } from '../submission.ts';

const FIELDS: FormFields = { default: ROLE_INPUTS.owner, [ROLE_INPUTS.editor]: ROLE_INPUTS.editor, [ROLE_INPUTS.viewer]: ROLE_INPUTS.viewer };

/** The roles form: set the members to its lists, guarded by the version it showed; answered in the submitter's language. */
export function trackRolesSubmission(deps: ListenerDeps) {
  return formSubmission(deps, FIELDS, (caller, origin, values, t) => submitRoles(deps, caller, origin, readRolesForm(values), t), { redrawsHome: false, reads: 'track' });
}
