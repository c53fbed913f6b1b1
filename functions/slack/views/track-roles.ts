import { DEFAULT_LOCALE } from '#shared/domain/locale';
import { EN, translatorFor } from '#shared/i18n/translator';
import type { FormFields } from '#shared/slack/answer-error';
import { readRolesForm } from '#shared/slack/forms';
import { ROLE_INPUTS } from '#shared/slack/render/roles';
import { readOrigin } from '#shared/slack/view-state';
import { submitRoles } from '#shared/use-cases/track-access';
import type { ListenerDeps } from '../deps.ts';
import { echoJob, jobTeam } from '../after-answer.ts';
import { viewCaller, type ViewArgs } from '../payload.ts';
import { answerForm } from '../form-error.ts';

const FIELDS: FormFields = { default: ROLE_INPUTS.owner, [ROLE_INPUTS.editor]: ROLE_INPUTS.editor, [ROLE_INPUTS.viewer]: ROLE_INPUTS.viewer };

/** The roles form: set the members to its lists, guarded by the version it showed; answered in the submitter's language. */
export function trackRolesSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view, context }: ViewArgs): Promise<void> => {
    const origin = readOrigin(view.private_metadata);
    let t = EN;
    try {
      const caller = await viewCaller(deps, body, deps.clock());
      t = await translatorFor(caller.access.locale ?? DEFAULT_LOCALE);
      const confirmation = await submitRoles(deps, caller, origin, readRolesForm(view.state.values), t);
      await ack();
      deps.afterAnswer.later(context, echoJob(jobTeam(context, caller.teamId), caller.userId, origin, confirmation));
    } catch (error) {
      await ack(await answerForm(deps, body, error, FIELDS, t));
    }
  };
}
