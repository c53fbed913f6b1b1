import { commandWordSlug } from '#shared/commands/track-add';
import { REGISTRY } from '#shared/commands/registry';
import { DEFAULT_LOCALE } from '#shared/domain/locale';
import { InvalidInputError } from '#shared/errors';
import { EN, translatorFor } from '#shared/i18n/translator';
import type { FormFields } from '#shared/slack/answer-error';
import { readTrackForm } from '#shared/slack/forms';
import { INPUTS } from '#shared/slack/render/modals';
import { readOrigin } from '#shared/slack/view-state';
import { submitTrack } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { echoJob, jobTeam } from '../after-answer.ts';
import { viewCaller, type ViewArgs } from '../payload.ts';
import { answerForm } from '../form-error.ts';

const FIELDS: FormFields = {
  default: INPUTS.slug,
  slug: INPUTS.slug,
  title: INPUTS.title,
  parties: INPUTS.parties,
  timeZone: INPUTS.timeZone,
  idPrefix: INPUTS.prefix,
};

/** The new-track form: the track created once, or the form kept open with the problem beside its field, in the submitter's language. */
export function addTrackSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view, context }: ViewArgs): Promise<void> => {
    const origin = readOrigin(view.private_metadata);
    let t = EN;
    try {
      const caller = await viewCaller(deps, body, deps.clock());
      t = await translatorFor(caller.access.locale ?? DEFAULT_LOCALE);
      const form = readTrackForm(view.state.values, origin);
      // `/commitments <word>` runs that command: a track of that name could never be reached.
      if (REGISTRY.byWord(form.slug)) {
        const { text, say } = commandWordSlug(form.slug);
        throw new InvalidInputError(text, undefined, { field: 'slug', say });
      }
      const confirmation = await submitTrack(deps, caller, form, t);
      await ack();
      deps.afterAnswer.later(context, echoJob(jobTeam(context, caller.teamId), caller.userId, origin, confirmation));
    } catch (error) {
      await ack(await answerForm(deps, body, error, FIELDS, t));
    }
  };
}
