import { DEFAULT_LOCALE } from '#shared/domain/locale';
import { EN, translatorFor, type Translator } from '#shared/i18n/translator';
import type { FormFields } from '#shared/slack/answer-error';
import type { ModalOrigin } from '#shared/slack/render/modals';
import { readOrigin, type ViewValues } from '#shared/slack/view-state';
import type { Caller } from '#shared/use-cases/commitments';
import type { ListenerDeps } from '../deps.ts';
import { echoJob, jobTeam } from '../after-answer.ts';
import { viewCaller, type ViewArgs } from '../payload.ts';
import { answerForm } from '../form-error.ts';

/** What one form does with what was typed: saves it and returns the confirmation to echo, or throws the problem. */
export type SaveForm = (caller: Caller, origin: ModalOrigin, values: ViewValues, t: Translator) => Promise<string>;

/**
 * A form that saves and closes: `save` runs for the submitter, in their language; saved, the
 * form closes, and after the answer the confirmation is echoed where the form was opened (and
 * the submitter's Home redrawn when `redrawsHome`); refused, the form stays open with the
 * problem beside its field (`fields`), in the same language.
 */
export function formSubmission(deps: ListenerDeps, fields: FormFields, save: SaveForm, { redrawsHome }: { redrawsHome: boolean }) {
  return async ({ ack, body, view, context }: ViewArgs): Promise<void> => {
    const origin = readOrigin(view.private_metadata);
    let t = EN;
    try {
      const caller = await viewCaller(deps, body, deps.clock());
      t = await translatorFor(caller.access.locale ?? DEFAULT_LOCALE);
      const confirmation = await save(caller, origin, view.state.values, t);
      await ack();
      const team = jobTeam(context, caller.teamId);
      deps.afterAnswer.later(context, echoJob(team, caller.userId, origin, confirmation));
      if (redrawsHome) deps.afterAnswer.later(context, { kind: 'home', team, userId: caller.userId });
    } catch (error) {
      await ack(await answerForm(deps, body, error, fields, t));
    }
  };
}
