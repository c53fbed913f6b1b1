import { describe, expect, it } from 'vitest';
import { editModal, updateModal } from '#shared/slack/render/modals';
import { FormFillError, fillForm, type FormView } from '#local/form-values';
import { CommitmentSchema } from '#shared/domain/schemas';

const item = CommitmentSchema.parse({
  teamId: 'T0TEST',
  track: 'japan-korea',
  id: 'JK-4',
  seq: 4,
  title: 'Convene the committee',
  parties: ['JP', 'KR'],
  owners: [{ label: 'Ministries' }],
  source: { meeting: 'Busan', date: '2025-09-30' },
  kind: { type: 'one-off', due: '2027-03-31' },
  status: 'in-progress',
  version: 3,
  createdAt: '2026-03-01T00:00:00.000Z',
  createdBy: 'U0ALICE',
  updatedAt: '2026-11-20T00:00:00.000Z',
  updatedBy: 'U0ALICE',
});

/** A form as the stand-in receives it from views.open: JSON. */
const asSent = (view: object): FormView => JSON.parse(JSON.stringify(view)) as FormView;

describe('filling a form from key=value (issue 15)', () => {
  it('sends what the form was prefilled with where no value is given, and chooses options by value or label', () => {
    const view = asSent(updateModal(item, {}));
    expect(fillForm(view, ['status=Done', 'Note=Signed'])).toEqual({
      status: { status: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Done' }, value: 'done' } } },
      note: { note: { type: 'plain_text_input', value: 'Signed' } },
    });
    expect(fillForm(view, [])['status']?.['status']?.['selected_option']).toMatchObject({ value: 'in-progress' });
  });

  it('refuses an unknown field, an unknown choice and a malformed date in one line', () => {
    const view = asSent(updateModal(item, {}));
    expect(() => fillForm(view, ['colour=blue'])).toThrow(new FormFillError('This form has no field colour; its fields: status, note.'));
    expect(() => fillForm(view, ['status=finished'])).toThrow(/^status=finished: choose one of /);
    expect(() => fillForm(asSent(editModal(item, {})), ['due=31/03/2027'])).toThrow('due=31/03/2027: a date picker takes YYYY-MM-DD.');
  });
});
