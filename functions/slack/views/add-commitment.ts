import { DEFAULT_LOCALE } from '#shared/domain/locale';
import { EN, translatorFor } from '#shared/i18n/translator';
import type { FormFields } from '#shared/slack/answer-error';
import { readCommitmentForm } from '#shared/slack/forms';
import { INPUTS } from '#shared/slack/render/modals';
import { readOrigin } from '#shared/slack/view-state';
import { submitCommitment } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { echoJob, jobTeam } from '../after-answer.ts';
import { viewCaller, type ViewArgs } from '../payload.ts';
import { answerForm } from '../form-error.ts';

const FIELDS: FormFields = { default: INPUTS.title, detail: INPUTS.detail, due: INPUTS.due, owners: INPUTS.owners };

/** The add form: saved once, or kept open with the problem beside its field, in the submitter's language. */
export function addCommitmentSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view, context }: ViewArgs): Promise<void> => {
    const origin = readOrigin(view.private_metadata);
    let t = EN;
    try {
      const caller = await viewCaller(deps, body, deps.clock());
      t = await translatorFor(caller.access.locale ?? DEFAULT_LOCALE);
      const confirmation = await submitCommitment(deps, caller, readCommitmentForm(view.state.values, origin, caller.now), t);
      await ack();
      const team = jobTeam(context, caller.teamId);
      deps.afterAnswer.later(context, echoJob(team, caller.userId, origin, confirmation));
      deps.afterAnswer.later(context, { kind: 'home', team, userId: caller.userId });
    } catch (error) {
      await ack(await answerForm(deps, body, error, FIELDS, t));
    }
  };
}
