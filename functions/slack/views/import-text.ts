import { EN, translatorOf } from '#shared/i18n/translator';
import type { FormFields } from '#shared/slack/answer-error';
import { readReadoutForm } from '#shared/slack/forms';
import { IMPORT_INPUTS, READOUT_PARTS, importPickModal } from '#shared/slack/render/import';
import { readOrigin } from '#shared/slack/view-state';
import { proposeImport } from '#shared/use-cases/import';
import type { ListenerDeps } from '../deps.ts';
import { viewCaller, type ViewArgs } from '../payload.ts';
import { answerForm } from '../form-error.ts';

const FIELDS: FormFields = {
  default: IMPORT_INPUTS.text,
  ...Object.fromEntries(Array.from({ length: READOUT_PARTS - 1 }, (_, i) => [IMPORT_INPUTS.textPart(i + 2), IMPORT_INPUTS.textPart(i + 2)])),
};

/** Step 1 of an import: find the follow-ups and turn the modal into the list to confirm, in the submitter's language. */
export function importTextSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view }: ViewArgs): Promise<void> => {
    const origin = readOrigin(view.private_metadata, deps.slackApiUrl);
    let t = EN;
    try {
      const caller = await viewCaller(deps, body, deps.clock());
      t = await translatorOf(caller);
      const { draft, track, found, leftFrom } = await proposeImport(deps, caller, readReadoutForm(view.state.values, origin, caller.now));
      await ack({ response_action: 'update', view: importPickModal(draft.id, origin, draft.proposals, track.parties, { found, leftFrom }, t) });
    } catch (error) {
      await ack(await answerForm(deps, body, error, FIELDS, t));
    }
  };
}
