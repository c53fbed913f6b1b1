import { DEFAULT_LOCALE } from '#shared/domain/locale';
import { EN, translatorFor, type Translator } from '#shared/i18n/translator';
import type { FormFields } from '#shared/slack/answer-error';
import { readEditForm } from '#shared/slack/forms';
import { INPUTS, type ModalOrigin } from '#shared/slack/render/modals';
import { readOrigin, type ViewValues } from '#shared/slack/view-state';
import type { Caller, ItemAction } from '#shared/use-cases/commitments';
import { submitEditForm, submitItemChange } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { echoJob, jobTeam } from '../after-answer.ts';
import { viewCaller, type ViewArgs } from '../payload.ts';
import { answerForm } from '../form-error.ts';

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
  return itemSubmission(deps, (caller, origin, values, t) => submitItemChange(deps, caller, origin, readForm(values), t), fields);
}

/** The Edit form: its field changes, archive or occurrences to remove, then a redraw. */
export function editItemSubmission(deps: ListenerDeps) {
  return itemSubmission(deps, (caller, origin, values, t) => submitEditForm(deps, caller, origin, readEditForm(values), t), EDIT_FIELDS);
}

function itemSubmission(deps: ListenerDeps, save: (caller: Caller, origin: ModalOrigin, values: ViewValues, t: Translator) => Promise<string>, fields: FormFields) {
  return async ({ ack, body, view, context }: ViewArgs): Promise<void> => {
    const origin = readOrigin(view.private_metadata);
    // The problem beside its field is said in the submitter's language.
    let t = EN;
    try {
      const caller = await viewCaller(deps, body, deps.clock());
      t = await translatorFor(caller.access.locale ?? DEFAULT_LOCALE);
      const confirmation = await save(caller, origin, view.state.values, t);
      await ack();
      const team = jobTeam(context, caller.teamId);
      deps.afterAnswer.later(context, echoJob(team, caller.userId, origin, confirmation));
      deps.afterAnswer.later(context, { kind: 'home', team, userId: caller.userId });
    } catch (error) {
      await ack(await answerForm(deps, body, error, fields, t));
    }
  };
}
