import type { Context as BoltContext } from '@slack/bolt';
import { EN, translatorOf, type Translator } from '#shared/i18n/translator';
import type { FormFields } from '#shared/slack/answer-error';
import type { ModalOrigin } from '#shared/slack/render/modals';
import { readOrigin, type ViewValues } from '#shared/slack/view-state';
import type { Caller, CommandTarget } from '#shared/use-cases/commitments';
import type { ListenerDeps } from './deps.ts';
import { echoJob, jobTeam } from './after-answer.ts';
import { viewCaller, type ViewArgs } from './payload.ts';
import { answerForm } from './form-error.ts';

/** What one form does with what was typed: saves it and returns what it did, or throws the problem. */
export type SaveForm<R> = (caller: Caller, origin: ModalOrigin, values: ViewValues, t: Translator) => Promise<R>;

/** What a form's save reads first, as its origin names it: read with the submitter's records, in one request. */
export type FormReads = 'item' | 'track';

function targetOf(origin: ModalOrigin, reads: FormReads | undefined): CommandTarget | undefined {
  if (reads === 'item' && origin.id) return { item: origin.id };
  if (reads === 'track' && origin.track) return { track: origin.track };
  return undefined;
}

/**
 * A form that saves and closes: `save` runs for the submitter, in their language; saved, the
 * form closes and `after` leaves the work for after the answer; refused, the form stays open
 * with the problem beside its field (`fields`), in the same language.
 */
export function viewSubmission<R>(
  deps: ListenerDeps,
  fields: FormFields,
  save: SaveForm<R>,
  after: (context: BoltContext, caller: Caller, origin: ModalOrigin, saved: R, t: Translator) => void,
  reads?: FormReads,
) {
  return async ({ ack, body, view, context }: ViewArgs): Promise<void> => {
    const origin = readOrigin(view.private_metadata, deps.slackApiUrl);
    let t = EN;
    try {
      const caller = await viewCaller(deps, body, deps.clock(), targetOf(origin, reads));
      t = await translatorOf(caller);
      const saved = await save(caller, origin, view.state.values, t);
      await ack();
      after(context, caller, origin, saved, t);
    } catch (error) {
      await ack(await answerForm(deps, body, error, fields, t));
    }
  };
}

/** A {@link viewSubmission} whose `save` returns its confirmation: echoed where the form was opened after the answer, and the submitter's Home redrawn when `redrawsHome`. */
export function formSubmission(deps: ListenerDeps, fields: FormFields, save: SaveForm<string>, { redrawsHome, reads }: { redrawsHome: boolean; reads?: FormReads }) {
  return viewSubmission(
    deps,
    fields,
    save,
    (context, caller, origin, confirmation) => {
      const team = jobTeam(context, caller.teamId);
      deps.afterAnswer.later(context, echoJob(team, caller.userId, origin, confirmation));
      if (redrawsHome) deps.afterAnswer.later(context, { kind: 'home', team, userId: caller.userId });
    },
    reads,
  );
}
