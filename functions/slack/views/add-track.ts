import { commandWordSlug } from '#shared/commands/track-add';
import { REGISTRY } from '#shared/commands/registry';
import { InvalidInputError } from '#shared/errors';
import type { FormFields } from '#shared/slack/answer-error';
import { readTrackForm } from '#shared/slack/forms';
import { INPUTS } from '#shared/slack/render/modals';
import { submitTrack } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { formSubmission } from '../submission.ts';

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
  return formSubmission(
    deps,
    FIELDS,
    (caller, origin, values, t) => {
      const form = readTrackForm(values, origin);
      // `/commitments <word>` runs that command: a track of that name could never be reached.
      if (REGISTRY.byWord(form.slug)) {
        const { text, say } = commandWordSlug(form.slug);
        throw new InvalidInputError(text, undefined, { field: 'slug', say });
      }
      return submitTrack(deps, caller, form, t);
    },
    { redrawsHome: false },
  );
}
