import type { types } from '@slack/bolt';
import type { Commitment } from '#shared/domain/schemas';
import { EN, type Translator } from '#shared/i18n/translator';
import { VIEW_IDS } from '#shared/slack-app/definitions';
import { escape, section } from '#shared/slack/render/format';
import { INPUT_MAX_CHARS, INPUTS, modal, type ModalOrigin } from '#shared/slack/render/modals';

/** Block and action ids of the check-in forms' inputs beyond the item forms' own. */
export const CHECK_IN_INPUTS = { until: 'until', owner: 'owner' } as const;

type View = types.ModalView;

/** A check-in form about `item` as its button showed it: the submission is guarded by that version. */
function checkInModal(callbackId: string, title: string, submit: string, item: Commitment, origin: ModalOrigin, blocks: types.KnownBlock[], t: Translator): View {
  return modal(callbackId, title, submit, { ...origin, id: item.id, version: item.version }, [section(`*${item.id}* ${escape(item.title)}`), ...blocks], t);
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

export function atRiskModal(item: Commitment, origin: ModalOrigin, t: Translator = EN): View {
  return checkInModal(VIEW_IDS.checkInAtRisk, t.t('checkIn.atRiskTitle', { id: item.id }), t.t('checkIn.markStalled'), item, origin, [
    textInput(INPUTS.reason, t.t('checkIn.holdsUp'), false, t.t('checkIn.holdsUpExample')),
  ], t);
}

export function checkInDoneModal(item: Commitment, origin: ModalOrigin, t: Translator = EN): View {
  return checkInModal(VIEW_IDS.checkInDone, t.t('checkIn.doneTitle', { id: item.id }), t.t('item.markDone'), item, origin, [textInput(INPUTS.note, t.t('form.howDone'), true)], t);
}

export function checkInNoteModal(item: Commitment, origin: ModalOrigin, t: Translator = EN): View {
  return checkInModal(VIEW_IDS.checkInNote, t.t('form.noteTitle', { id: item.id }), t.t('item.addNote'), item, origin, [textInput(INPUTS.note, t.t('form.note'), false)], t);
}

export function snoozeDateModal(item: Commitment, origin: ModalOrigin, t: Translator = EN): View {
  return checkInModal(VIEW_IDS.checkInSnooze, t.t('checkIn.snoozeTitle', { id: item.id }), t.t('checkIn.snoozeSubmit'), item, origin, [
    {
      type: 'input',
      block_id: CHECK_IN_INPUTS.until,
      label: { type: 'plain_text', text: t.t('checkIn.notBefore') },
      element: { type: 'datepicker', action_id: CHECK_IN_INPUTS.until },
    },
  ], t);
}

/** "Not mine": submitting it is the confirmation; the chosen person takes the presser's place among the owners. */
export function notMineModal(item: Commitment, origin: ModalOrigin, t: Translator = EN): View {
  return checkInModal(VIEW_IDS.checkInNotMine, t.t('checkIn.notMineTitle', { id: item.id }), t.t('checkIn.handOver'), item, origin, [
    {
      type: 'input',
      block_id: CHECK_IN_INPUTS.owner,
      label: { type: 'plain_text', text: t.t('checkIn.whoOwns') },
      element: { type: 'users_select', action_id: CHECK_IN_INPUTS.owner },
    },
    textInput(INPUTS.note, t.t('checkIn.noteOptional'), true),
  ], t);
}
