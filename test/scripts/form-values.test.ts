import { describe, expect, it } from 'vitest';
import { editModal, updateModal } from '#shared/slack/render/modals';
import { FormFillError, describeForm, fillForm, type FormView } from '#local/form-values';
import { importPickModal, importTextModal } from '#shared/slack/render/import';
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

describe('the import form in the terminal', () => {
  it('asks for the readout’s link as a link, not as a choice', () => {
    const lines = describeForm(asSent(importTextModal({}, { track: { slug: 'japan-korea', title: 'Japan–Korea' }, today: '2026-12-08' }))).split('\n');
    expect(lines.find((line) => line.startsWith('  import_link='))).toMatch(/\[an https link\]/);
  });
});

describe('the import confirmation in the terminal (issue 24)', () => {
  const view = asSent(
    importPickModal(
      'd1',
      {},
      [
        { title: 'Expand the working-holiday programme', kind: { type: 'one-off', due: '2027-03-31' }, due: '2027-03-31', parties: ['JP', 'KR'], sentence: 'Japan and the Republic of Korea committed to expanding the working-holiday programme <by> spring.', paragraph: 2 },
        { title: 'Hold the dialogue', kind: { type: 'recurring', occurrences: [] }, parties: ['KR'], sentence: 'Korea will hold the dialogue every year.', paragraph: 3 },
      ],
      [
        { code: 'JP', name: 'Japan' },
        { code: 'KR', name: 'Republic of Korea' },
        { code: 'US', name: 'United States' },
      ],
    ),
  );

  it('prints every field of each proposal with what it holds, and its source sentence beneath', () => {
    const lines = describeForm(view).split('\n');
    const at = (start: string) => lines.findIndex((line) => line.startsWith(start));
    expect(lines[at('  import_title_0=')]).toMatch(/1\. Title .*now: Expand the working-holiday programme$/);
    expect(lines[at('  import_kind_0=')]).toMatch(/1\. Kind .*\[one of: one-off\|recurring\|ongoing\] now: one-off$/);
    expect(lines[at('  import_due_0=')]).toMatch(/1\. Due date .*\[YYYY-MM-DD\] now: 2027-03-31$/);
    expect(lines[at('  import_parties_0=')]).toMatch(/1\. Parties .*\[values, comma-separated: JP\|KR\|US\] now: JP,KR$/);
    expect(lines[at('  import_parties_0=') + 1]).toContain('“Japan and the Republic of Korea committed to expanding the working-holiday programme <by> spring.”');
    expect(lines[at('  import_kind_1=')]).toMatch(/now: recurring$/);
    expect(lines[at('  import_due_1=')]).not.toContain('now:');
    expect(lines[at('  import_parties_1=')]).toMatch(/now: KR$/);
    expect(at('  Found *2*')).toBe(-1);
    expect(lines[0]).toContain('Found 2 possible follow-ups');
  });

  it('sets each field with --submit key=value, keeping the rest as shown', () => {
    const values = fillForm(view, ['import_kind_0=ongoing', 'import_due_1=2027-06-30', 'import_parties_0=JP,US', '2. Title=Hold the annual dialogue']);
    expect(values['import_kind_0']?.['import_kind_0']?.['selected_option']).toMatchObject({ value: 'ongoing' });
    expect(values['import_due_1']?.['import_due_1']).toMatchObject({ selected_date: '2027-06-30' });
    expect(values['import_due_0']?.['import_due_0']).toMatchObject({ selected_date: '2027-03-31' });
    expect((values['import_parties_0']?.['import_parties_0']?.['selected_options'] as { value: string }[]).map((o) => o.value)).toEqual(['JP', 'US']);
    expect((values['import_parties_1']?.['import_parties_1']?.['selected_options'] as { value: string }[]).map((o) => o.value)).toEqual(['KR']);
    expect(values['import_title_1']?.['import_title_1']).toMatchObject({ value: 'Hold the annual dialogue' });
    expect(() => fillForm(view, ['import_parties_0=CN'])).toThrow('import_parties_0=CN: choose one of JP, KR, US.');
  });
});
