import { localDate } from '#shared/dates/flags';
import { StatusSchema, type LocalDate, type Role, type Source, type Status } from '#shared/domain/schemas';
import { DEFAULT_UPDATE_EVERY_DAYS } from '#shared/domain/kind';
import { InvalidInputError } from '#shared/errors';
import { IMPORT_INPUTS } from '#shared/slack/render/import';
import { ROLE_INPUTS } from '#shared/slack/render/roles';
import { INPUTS, type ModalOrigin } from '#shared/slack/render/modals';
import { checkedValuesOf, selectedDateOf, selectedUsersOf, selectedValueOf, textOf, urlOf, type ViewValues } from '#shared/slack/view-state';

/**
 * What each submitted form asks for, read from its inputs. Input that cannot be used is an
 * InvalidInputError naming its field; everything else is left to the use case to judge.
 */

export function readUpdateForm(values: ViewValues): { type: 'status'; status: Status; note?: string } {
  const status = StatusSchema.safeParse(selectedValueOf(values, INPUTS.status));
  if (!status.success) throw new InvalidInputError('Choose a status.', undefined, { field: 'status' });
  const note = textOf(values, INPUTS.note);
  return { type: 'status', status: status.data, ...(note ? { note } : {}) };
}

export function readDoneForm(values: ViewValues): { type: 'status'; status: 'done'; note?: string } {
  const note = textOf(values, INPUTS.note);
  return { type: 'status', status: 'done', ...(note ? { note } : {}) };
}

export function readNoteForm(values: ViewValues): { type: 'note'; text: string } {
  const text = textOf(values, INPUTS.note);
  if (!text) throw new InvalidInputError('Write the note first.', undefined, { field: 'note' });
  return { type: 'note', text };
}

export interface CommitmentForm {
  track: string;
  title: string;
  detail?: string;
  due?: LocalDate;
  ownerIds: string[];
  kind?: { type: 'recurring' } | { type: 'ongoing'; updateEveryDays: number };
  source?: Source;
}

/** The add form; a track the modal was opened for wins over the picker, a message it came from is the source. */
export function readCommitmentForm(values: ViewValues, origin: ModalOrigin, now: Date): CommitmentForm {
  const kind = selectedValueOf(values, INPUTS.kind) ?? 'one-off';
  const due = selectedDateOf(values, INPUTS.due);
  const detail = textOf(values, INPUTS.detail);
  return {
    track: origin.track ?? selectedValueOf(values, INPUTS.track) ?? '',
    ...(origin.sourceLink ? { source: { meeting: 'Slack message', date: origin.sourceDate ?? localDate(now, 'UTC'), link: origin.sourceLink } } : {}),
    title: textOf(values, INPUTS.title) ?? '',
    ...(detail ? { detail } : {}),
    ...(due ? { due } : {}),
    ownerIds: selectedUsersOf(values, INPUTS.owners),
    ...(kind === 'recurring' ? { kind: { type: 'recurring' as const } } : kind === 'ongoing' ? { kind: { type: 'ongoing' as const, updateEveryDays: DEFAULT_UPDATE_EVERY_DAYS } } : {}),
  };
}

export interface ReadoutForm {
  track: string;
  meeting: string;
  date: LocalDate;
  link?: string;
  text: string;
}

/** Step 1 of an import; the meeting date defaults to today (UTC) and its name to "Readout". */
export function readReadoutForm(values: ViewValues, origin: ModalOrigin, now: Date): ReadoutForm {
  const link = urlOf(values, IMPORT_INPUTS.link);
  return {
    track: origin.track ?? selectedValueOf(values, IMPORT_INPUTS.track) ?? '',
    meeting: textOf(values, IMPORT_INPUTS.meeting) ?? 'Readout',
    date: selectedDateOf(values, IMPORT_INPUTS.date) ?? localDate(now, 'UTC'),
    ...(link ? { link } : {}),
    text: textOf(values, IMPORT_INPUTS.text) ?? '',
  };
}

/** Step 2 of an import: the ticked proposals, in their order, with their titles as edited. */
export function readPicksForm(values: ViewValues): { index: number; title: string }[] {
  return checkedValuesOf(values, IMPORT_INPUTS.pick, IMPORT_INPUTS.pick)
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => ({ index, title: textOf(values, IMPORT_INPUTS.title(index)) ?? '' }));
}

export interface TrackForm {
  slug: string;
  title: string;
  parties: string[];
  timeZone: string;
  prefix?: string;
}

export function readTrackForm(values: ViewValues): TrackForm {
  const prefix = textOf(values, INPUTS.prefix);
  return {
    slug: (textOf(values, INPUTS.slug) ?? '').toLowerCase(),
    title: textOf(values, INPUTS.title) ?? '',
    parties: (textOf(values, INPUTS.parties) ?? '').split(/[,\s]+/).filter(Boolean),
    timeZone: textOf(values, INPUTS.timeZone) ?? '',
    ...(prefix ? { prefix } : {}),
  };
}

/** The add form's prefill from a message: its first non-empty line as the title, all of it as the detail. */
export function prefillFromMessage(text: string): { title: string; detail: string } {
  return { title: (text.split('\n').find((line) => line.trim()) ?? '').trim().slice(0, 200), detail: text };
}

/** The roles form: the people picked for each role. */
export function readRolesForm(values: ViewValues): Record<Role, string[]> {
  return {
    owner: selectedUsersOf(values, ROLE_INPUTS.owner),
    editor: selectedUsersOf(values, ROLE_INPUTS.editor),
    viewer: selectedUsersOf(values, ROLE_INPUTS.viewer),
  };
}
