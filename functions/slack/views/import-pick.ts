import { DEFAULT_LOCALE } from '#shared/domain/locale';
import { EN, translatorFor } from '#shared/i18n/translator';
import type { FormFields } from '#shared/slack/answer-error';
import { readPicksForm } from '#shared/slack/forms';
import { MAX_PROPOSALS } from '#shared/domain/import-draft';
import { IMPORT_INPUTS } from '#shared/slack/render/import';
import { readOrigin } from '#shared/slack/view-state';
import { submitPicks } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { echoJob, jobTeam } from '../after-answer.ts';
import { viewCaller, type ViewArgs } from '../payload.ts';
import { answerForm } from '../form-error.ts';

/** An error about one proposal's field shows beside that field; the rest beside the first checkbox group. */
const FIELDS: FormFields = {
  default: `${IMPORT_INPUTS.pick}_0`,
  ...Object.fromEntries(
    Array.from({ length: MAX_PROPOSALS }, (_, i) => [IMPORT_INPUTS.title(i), IMPORT_INPUTS.kind(i), IMPORT_INPUTS.due(i), IMPORT_INPUTS.parties(i)]).flat().map((id) => [id, id]),
  ),
};

/** Step 2 of an import: save what stayed ticked, and say so in the submitter's language. */
export function importPickSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view, context }: ViewArgs): Promise<void> => {
    const origin = readOrigin(view.private_metadata);
    let t = EN;
    try {
      const caller = await viewCaller(deps, body, deps.clock());
      t = await translatorFor(caller.access.locale ?? DEFAULT_LOCALE);
      const picks = readPicksForm(view.state.values);
      const confirmation = await submitPicks(deps, caller, origin.id ?? '', picks, t);
      await ack();
      const team = jobTeam(context, caller.teamId);
      deps.afterAnswer.later(context, echoJob(team, caller.userId, origin, confirmation));
      deps.afterAnswer.later(context, { kind: 'home', team, userId: caller.userId });
    } catch (error) {
      await ack(await answerForm(deps, body, error, FIELDS, t));
    }
  };
}
