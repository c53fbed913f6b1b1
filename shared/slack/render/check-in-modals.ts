import type { types } from '@slack/bolt';
import type { Commitment } from '#shared/domain/schemas';
import { VIEW_IDS } from '#shared/slack-app/definitions';
import { escape, section } from '#shared/slack/render/format';
import { INPUT_MAX_CHARS, INPUTS, modal, type ModalOrigin } from '#shared/slack/render/modals';

/** Block and action ids of the check-in forms' inputs beyond the item forms' own. */
export const CHECK_IN_INPUTS = { until: 'until', owner: 'owner' } as const;

type View = types.ModalView;

/** A check-in form about `item` as its button showed it: the submission is guarded by that version. */
function checkInModal(callbackId: string, title: string, submit: string, item: Commitment, origin: ModalOrigin, blocks: types.KnownBlock[]): View {
  return modal(callbackId, title, submit, { ...origin, id: item.id, version: item.version }, [section(`*${item.id}* ${escape(item.title)}`), ...blocks]);
}

function textInput(id: string, label: string, optional: boolean, placeholder?: string): types.InputBlock {
  return {
    type: 'input',
    block_id: id,
    optional,
    label: { type: 'plain_text', text: label },
    element: { type: 'plain_text_input', action_id: id, multiline: true, max_length: INPUT_MAX_CHARS.note, ...(placeholder ? { placeholder: { type: 'plain_text', text: placeholder } } : {}) },
  };
}

export function atRiskModal(item: Commitment, origin: ModalOrigin): View {
  return checkInModal(VIEW_IDS.checkInAtRisk, `${item.id} is at risk`, 'Mark stalled', item, origin, [
    textInput(INPUTS.reason, 'What holds it up?', false, 'Waiting for the other side’s dates'),
  ]);
}

export function checkInDoneModal(item: Commitment, origin: ModalOrigin): View {
  return checkInModal(VIEW_IDS.checkInDone, `${item.id} is done`, 'Mark done', item, origin, [textInput(INPUTS.note, 'How it was done (optional)', true)]);
}

export function checkInNoteModal(item: Commitment, origin: ModalOrigin): View {
  return checkInModal(VIEW_IDS.checkInNote, `Note on ${item.id}`, 'Add note', item, origin, [textInput(INPUTS.note, 'Note', false)]);
}

export function snoozeDateModal(item: Commitment, origin: ModalOrigin): View {
  return checkInModal(VIEW_IDS.checkInSnooze, `Snooze ${item.id}`, 'Snooze', item, origin, [
    {
      type: 'input',
      block_id: CHECK_IN_INPUTS.until,
      label: { type: 'plain_text', text: 'No check-in about it before' },
      element: { type: 'datepicker', action_id: CHECK_IN_INPUTS.until },
    },
  ]);
}

/** "Not mine": submitting it is the confirmation; the chosen person takes the presser's place among the owners. */
export function notMineModal(item: Commitment, origin: ModalOrigin): View {
  return checkInModal(VIEW_IDS.checkInNotMine, `Who owns ${item.id}?`, 'Hand it over', item, origin, [
    {
      type: 'input',
      block_id: CHECK_IN_INPUTS.owner,
      label: { type: 'plain_text', text: 'Who owns it?' },
      element: { type: 'users_select', action_id: CHECK_IN_INPUTS.owner },
    },
    textInput(INPUTS.note, 'Note (optional)', true),
  ]);
}
