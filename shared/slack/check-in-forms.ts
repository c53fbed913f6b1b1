import type { CheckInAnswer } from '#shared/domain/check-in-answer';
import { LocalDateSchema } from '#shared/domain/schemas';
import { InvalidInputError } from '#shared/errors';
import { spoken } from '#shared/i18n/translator';
import { cappedTextOf } from '#shared/slack/forms';
import { CHECK_IN_INPUTS } from '#shared/slack/render/check-in-modals';
import { INPUT_MAX_CHARS, INPUTS } from '#shared/slack/render/modals';
import { selectedDateOf, selectedUserOf, type ViewValues } from '#shared/slack/view-state';

/** The check-in forms' answers, read from their inputs; a value that cannot be used names its field. */

/** A missing answer, beside its field, in the submitter's language. */
function refusal(key: 'checkIn.reasonNeeded' | 'form.noteNeeded' | 'checkIn.dayNeeded' | 'checkIn.ownerNeeded', field: string): InvalidInputError {
  const { text, say } = spoken(key);
  return new InvalidInputError(text, undefined, { field, say });
}

const noteOf = (values: ViewValues) => cappedTextOf(values, INPUTS.note, INPUT_MAX_CHARS.note, 'note', 'note');

export function readAtRiskForm(values: ViewValues): CheckInAnswer {
  const reason = cappedTextOf(values, INPUTS.reason, INPUT_MAX_CHARS.note, 'reason', 'reason');
  if (!reason) throw refusal('checkIn.reasonNeeded', 'reason');
  return { type: 'at-risk', reason };
}

export function readCheckInDoneForm(values: ViewValues): CheckInAnswer {
  const note = noteOf(values);
  return { type: 'done', ...(note ? { note } : {}) };
}

export function readCheckInNoteForm(values: ViewValues): CheckInAnswer {
  const text = noteOf(values);
  if (!text) throw refusal('form.noteNeeded', 'note');
  return { type: 'note', text };
}

export function readSnoozeForm(values: ViewValues): CheckInAnswer {
  const until = selectedDateOf(values, CHECK_IN_INPUTS.until);
  // A day that exists (a forged 2026-02-30 has the shape of one), or it is refused beside the field.
  if (!until || !LocalDateSchema.safeParse(until).success) throw refusal('checkIn.dayNeeded', 'until');
  return { type: 'snooze-until', until };
}

export function readNotMineForm(values: ViewValues): CheckInAnswer {
  const to = selectedUserOf(values, CHECK_IN_INPUTS.owner);
  if (!to || !/^[UW][A-Z0-9]{2,30}$/.test(to)) throw refusal('checkIn.ownerNeeded', 'owner');
  const note = noteOf(values);
  return { type: 'not-mine', to, ...(note ? { note } : {}) };
}
