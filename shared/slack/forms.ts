import { localDate } from '#shared/dates/flags';
import { readZoneName } from '#shared/dates/zone-names';
import { isSourceLink, StatusSchema, type LocalDate, type Role, type Source, type Status } from '#shared/domain/schemas';
import { DEFAULT_UPDATE_EVERY_DAYS } from '#shared/domain/kind';
import { InvalidInputError } from '#shared/errors';
import { IMPORT_INPUTS, IMPORT_KINDS, IMPORT_MAX_CHARS, PICKS_PER_GROUP, READOUT_PARTS } from '#shared/slack/render/import';
import { MAX_PROPOSALS, type ImportPick } from '#shared/domain/import-draft';
import { MEMBERS_PER_TRACK, OWNERS_PER_ITEM, PARTIES_PER_LIST } from '#shared/domain/bounds';
import { ROLE_INPUTS } from '#shared/slack/render/roles';
import { ARCHIVE_TICKED, INPUT_MAX_CHARS, INPUTS, MAX_CHECKBOXES, type ModalOrigin } from '#shared/slack/render/modals';
import { checkedIn, checkedValuesOf, selectedDateOf, selectedUsersOf, selectedValueOf, textOf, urlOf, type ViewValues } from '#shared/slack/view-state';
import type { MessageKey } from '#shared/i18n/en';
import { spoken, type MessageValues } from '#shared/i18n/translator';

/**
 * What each submitted form asks for, read from its inputs. Input that cannot be used is an
 * InvalidInputError naming its field; everything else is left to the use case to judge.
 */

/**
 * A text input's value, refused past the `max_length` its form gave it: a forged payload can exceed it.
 * The refusal names the input by `field` (`numbered`: one of a form's numbered inputs, such as a
 * readout's second box), by `what` in English where the catalogs have no name for it.
 */
export function cappedTextOf(values: ViewValues, id: string, max: number, what: string, field: string, numbered?: { as: 'textPart' | 'proposalTitle'; n: number }): string | undefined {
  const text = textOf(values, id);
  if (text !== undefined && text.length > max) {
    throw formError('form.tooLong', { field: numbered?.as ?? field, what, length: text.length, max, ...(numbered ? { n: numbered.n } : {}) }, field);
  }
  return text;
}

/** A form's refusal beside `field`, said in the submitter's language (the catalogs' `form.` keys). */
function formError(key: MessageKey, values: MessageValues | undefined, field: string): InvalidInputError {
  const { text, say } = spoken(key, values);
  return new InvalidInputError(text, undefined, { field, say });
}

const noteOf = (values: ViewValues) => cappedTextOf(values, INPUTS.note, INPUT_MAX_CHARS.note, 'note', 'note');

export function readUpdateForm(values: ViewValues): { type: 'status'; status: Status; note?: string } {
  const status = StatusSchema.safeParse(selectedValueOf(values, INPUTS.status));
  if (!status.success) throw formError('form.chooseStatus', undefined, 'status');
  const note = noteOf(values);
  return { type: 'status', status: status.data, ...(note ? { note } : {}) };
}

export function readDoneForm(values: ViewValues): { type: 'status'; status: 'done'; note?: string } {
  const note = noteOf(values);
  return { type: 'status', status: 'done', ...(note ? { note } : {}) };
}

export function readNoteForm(values: ViewValues): { type: 'note'; text: string } {
  const text = noteOf(values);
  if (!text) throw formError('form.noteNeeded', undefined, 'note');
  return { type: 'note', text };
}

export interface EditForm {
  type: 'edit';
  title: string;
  due?: LocalDate;
  owners: string[];
  parties: string[];
  reason?: string;
  /** Ticked "Archive this item": the reason above becomes the archive reason. */
  archive: boolean;
  /** The places, in the item's occurrence list, of the occurrences ticked for removal. */
  unlog: number[];
}

/** The edit form: every field as shown or changed; the use case keeps what did not change. */
export function readEditForm(values: ViewValues): EditForm {
  const title = cappedTextOf(values, INPUTS.title, INPUT_MAX_CHARS.title, 'title', 'title');
  if (!title) throw formError('change.titleEmpty', undefined, 'title');
  const names = cappedTextOf(values, INPUTS.ownerNames, INPUT_MAX_CHARS.ownerNames, 'list of owners', 'ownerNames') ?? '';
  const parties = cappedTextOf(values, INPUTS.parties, INPUT_MAX_CHARS.parties, 'list of parties', 'parties') ?? '';
  const reason = cappedTextOf(values, INPUTS.reason, INPUT_MAX_CHARS.note, 'reason', 'reason');
  const due = selectedDateOf(values, INPUTS.due);
  const nameList = names.split(',').map((n) => n.trim()).filter(Boolean);
  const tooLong = nameList.find((n) => n.length > MAX_OWNER_NAME_CHARS);
  if (tooLong) throw formError('form.ownerNameTooLong', { name: tooLong.slice(0, 40), length: tooLong.length, max: MAX_OWNER_NAME_CHARS }, 'ownerNames');
  return {
    type: 'edit',
    title,
    ...(due ? { due } : {}),
    // A name cannot become a mention: only the people picker names Slack users.
    owners: [...pickedOwnersOf(values, nameList.length).map((id) => `<@${id}>`), ...nameList.map((n) => n.replace(/[<>]/g, ''))],
    parties: partyListOf(parties, 'item'),
    ...(reason ? { reason } : {}),
    archive: checkedValuesOf(values, INPUTS.archive, INPUTS.archive).includes(ARCHIVE_TICKED),
    unlog: readOccurrenceChecks(values),
  };
}

function readOccurrenceChecks(values: ViewValues): number[] {
  const checked = checkedValuesOf(values, INPUTS.unlog, INPUTS.unlog);
  // The form lists at most ten occurrences; a payload claiming more is not the form's.
  if (new Set(checked).size > MAX_CHECKBOXES || !checked.every((v) => /^\d{1,4}$/.test(v))) throw formError('form.notListed', undefined, 'unlog');
  return [...new Set(checked.map(Number))];
}

const MAX_OWNER_NAME_CHARS = 100;

export interface CommitmentForm {
  track: string;
  title: string;
  detail?: string;
  due?: LocalDate;
  ownerIds: string[];
  kind?: { type: 'recurring' } | { type: 'ongoing'; updateEveryDays: number };
  source?: Source;
  clientToken?: string;
}

/** The add form; a track the modal was opened for wins over the picker, a message it came from is the source. */
export function readCommitmentForm(values: ViewValues, origin: ModalOrigin, now: Date): CommitmentForm {
  const kind = selectedValueOf(values, INPUTS.kind) ?? 'one-off';
  const due = selectedDateOf(values, INPUTS.due);
  const detail = cappedTextOf(values, INPUTS.detail, INPUT_MAX_CHARS.detail, 'detail', 'detail');
  const title = cappedTextOf(values, INPUTS.title, INPUT_MAX_CHARS.title, 'title', 'title');
  return {
    track: origin.track ?? selectedValueOf(values, INPUTS.track) ?? '',
    ...(origin.clientToken ? { clientToken: origin.clientToken } : {}),
    ...(origin.sourceLink ? { source: { meeting: 'Slack message', date: origin.sourceDate ?? localDate(now, 'UTC'), link: origin.sourceLink } } : {}),
    title: title ?? '',
    ...(detail ? { detail } : {}),
    ...(due ? { due } : {}),
    ownerIds: pickedOwnersOf(values),
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
  const link = urlOf(values, IMPORT_INPUTS.link)?.trim() || undefined;
  if (link !== undefined && (link.length > IMPORT_MAX_CHARS.link || !isSourceLink(link))) {
    throw formError('import.linkInvalid', { max: IMPORT_MAX_CHARS.link }, 'link');
  }
  const meeting = cappedTextOf(values, IMPORT_INPUTS.meeting, IMPORT_MAX_CHARS.meeting, 'meeting', 'meeting');
  // The readout's boxes in order, a blank line between them so no paragraph runs into the next.
  const parts = Array.from({ length: READOUT_PARTS }, (_, i) =>
    i === 0
      ? cappedTextOf(values, IMPORT_INPUTS.text, IMPORT_MAX_CHARS.text, 'readout text', 'text')
      : cappedTextOf(values, IMPORT_INPUTS.textPart(i + 1), IMPORT_MAX_CHARS.text, `readout text (part ${i + 1})`, IMPORT_INPUTS.textPart(i + 1), { as: 'textPart', n: i + 1 }),
  );
  const text = parts.filter((part) => part?.trim()).join('\n\n') || undefined;
  return {
    track: origin.track ?? selectedValueOf(values, IMPORT_INPUTS.track) ?? '',
    meeting: meeting ?? 'Readout',
    date: selectedDateOf(values, IMPORT_INPUTS.date) ?? localDate(now, 'UTC'),
    ...(link ? { link } : {}),
    text: text ?? '',
  };
}

/**
 * Step 2 of an import: the ticked proposals, in their order, each once, with their title, kind,
 * due date and parties as the person left them. Only the checkbox groups the form can hold are
 * read, and in each only the values it offers (group k: proposals 10k to 10k + 9); anything else
 * a forged payload claims is left out. Whether the parties and the date fit the track is the use
 * case's to judge.
 */
export function readPicksForm(values: ViewValues): ImportPick[] {
  const picked = new Set<number>();
  for (let group = 0; group * PICKS_PER_GROUP < MAX_PROPOSALS; group += 1) {
    for (const value of checkedIn(values, `${IMPORT_INPUTS.pick}_${group}`, IMPORT_INPUTS.pick)) {
      const index = /^\d{1,2}$/.test(value) ? Number(value) : -1;
      if (index < MAX_PROPOSALS && Math.floor(index / PICKS_PER_GROUP) === group) picked.add(index);
    }
  }
  return [...picked].sort((a, b) => a - b).map((index) => readPick(values, index));
}

function readPick(values: ViewValues, index: number): ImportPick {
  const n = index + 1;
  const title = cappedTextOf(values, IMPORT_INPUTS.title(index), IMPORT_MAX_CHARS.title, `title of follow-up ${n}`, IMPORT_INPUTS.title(index), { as: 'proposalTitle', n }) ?? '';
  const kindInput = values[IMPORT_INPUTS.kind(index)]?.[IMPORT_INPUTS.kind(index)];
  const kind = selectedValueOf(values, IMPORT_INPUTS.kind(index));
  if (kindInput && !IMPORT_KINDS.some((k) => k.value === kind)) {
    throw formError('import.chooseKind', { n }, IMPORT_INPUTS.kind(index));
  }
  const dueInput = values[IMPORT_INPUTS.due(index)]?.[IMPORT_INPUTS.due(index)];
  const partiesInput = values[IMPORT_INPUTS.parties(index)]?.[IMPORT_INPUTS.parties(index)];
  const parties = [...new Set(checkedIn(values, IMPORT_INPUTS.parties(index), IMPORT_INPUTS.parties(index)))];
  if (parties.length > PARTIES_PER_LIST) {
    throw formError('import.tooManyParties', { max: PARTIES_PER_LIST, n, count: parties.length }, IMPORT_INPUTS.parties(index));
  }
  return {
    index,
    title,
    ...(kindInput ? { kind } : {}),
    ...(dueInput ? { due: selectedDateOf(values, IMPORT_INPUTS.due(index)) ?? null } : {}),
    ...(partiesInput ? { parties } : {}),
  };
}

export interface TrackForm {
  slug: string;
  title: string;
  parties: string[];
  timeZone: string;
  prefix?: string;
  clientToken?: string;
}

/** The track form; the modal's client token, when `origin` carries one, makes its create happen once. */
export function readTrackForm(values: ViewValues, origin: ModalOrigin = {}): TrackForm {
  const capped = (id: string, max: number, what: string, field: string) => cappedTextOf(values, id, max, what, field) ?? '';
  const prefix = cappedTextOf(values, INPUTS.prefix, INPUT_MAX_CHARS.prefix, 'id prefix', 'idPrefix');
  return {
    slug: capped(INPUTS.slug, INPUT_MAX_CHARS.slug, 'slug', 'slug').toLowerCase(),
    title: capped(INPUTS.title, INPUT_MAX_CHARS.trackTitle, 'title', 'title'),
    parties: partyListOf(capped(INPUTS.parties, INPUT_MAX_CHARS.parties, 'list of parties', 'parties'), 'track'),
    timeZone: zoneAsTyped(capped(INPUTS.timeZone, INPUT_MAX_CHARS.timeZone, 'time zone', 'timeZone')),
    ...(prefix ? { prefix } : {}),
    ...(origin.clientToken ? { clientToken: origin.clientToken } : {}),
  };
}

/** A zone under the name it was typed with; anything else as typed, for the track's own check to refuse beside its field. */
function zoneAsTyped(text: string): string {
  return readZoneName(text) ?? text;
}

/**
 * The add form's prefill from a message: its first non-empty line as the title, its start as
 * the detail, both as the message reads in Slack (see {@link messageTextAsRead}), since the
 * form's fields are plain text.
 */
export function prefillFromMessage(text: string, names: ReadonlyMap<string, string> = new Map()): { title: string; detail: string } {
  const detail = messageTextAsRead(text, names).slice(0, INPUT_MAX_CHARS.detail);
  return { title: (detail.split('\n').find((line) => line.trim()) ?? '').trim().slice(0, INPUT_MAX_CHARS.title), detail };
}

/** Slack's `<…>` markup in a message's text: a mention, channel, special mention, date or link. */
const MESSAGE_MARKUP = /<([^<>|]*)(?:\|([^<>]*))?>/g;

/** The people a message's text mentions with no name written in it (`<@U123>`): whose names its prefill needs. */
export function unnamedMentions(text: string): string[] {
  return [...new Set([...text.matchAll(MESSAGE_MARKUP)].flatMap(([, target, label]) => (/^@[UW][A-Z0-9]+$/.test(target!) && !label?.trim() ? [target!.slice(1)] : [])))];
}

/**
 * A message's text as Slack shows it: `<@U1|maria>` → @maria (a bare `<@U1>`: the name `names`
 * gives, else @U1), `<#C1|gov-affairs>` → #gov-affairs, `<!subteam^S1|@gov-team>` → @gov-team,
 * `<!here>` → @here, a date → its fallback text, `<https://x|the text>` → the text, `<https://x>`
 * → the URL; `&lt;`, `&gt;` and `&amp;` as the characters they stand for.
 */
export function messageTextAsRead(text: string, names: ReadonlyMap<string, string> = new Map()): string {
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };
  return text
    .replace(MESSAGE_MARKUP, (_, target: string, label: string | undefined) => {
      const written = label?.trim();
      const [kind, id = ''] = [target.slice(0, 1), target.slice(1)];
      if (kind === '@') return `@${written || names.get(id) || id}`;
      if (kind === '#') return `#${written || id}`;
      if (kind !== '!') return written || target.replace(/^mailto:/, '');
      const [command = '', argument] = id.split('^');
      if (command === 'date') return written || '';
      return `@${written?.replace(/^@/, '') || (command === 'subteam' ? argument : command)}`;
    })
    .replace(/&(?:lt|gt|amp);/g, (entity) => entities[entity]!);
}

/** The roles form: the people picked for each role, refused past the members a track may have. */
export function readRolesForm(values: ViewValues): Record<Role, string[]> {
  const lists = {
    owner: selectedUsersOf(values, ROLE_INPUTS.owner),
    editor: selectedUsersOf(values, ROLE_INPUTS.editor),
    viewer: selectedUsersOf(values, ROLE_INPUTS.viewer),
  };
  const named = new Set([...lists.owner, ...lists.editor, ...lists.viewer]).size;
  if (named > MEMBERS_PER_TRACK) {
    const field = (['viewer', 'editor', 'owner'] as const).find((role) => lists[role].length > 0) ?? 'owner';
    throw formError('roles.formTooMany', { max: MEMBERS_PER_TRACK, named }, ROLE_INPUTS[field]);
  }
  return lists;
}

/** Party codes as typed, comma- or space-separated, refused past what an item or track may name. */
function partyListOf(text: string, whose: 'item' | 'track'): string[] {
  const parties = text.split(/[,\s]+/).filter(Boolean);
  const distinct = new Set(parties.map((code) => code.toUpperCase())).size;
  if (distinct > PARTIES_PER_LIST) throw formError('form.tooManyParties', { whose, max: PARTIES_PER_LIST, count: distinct }, 'parties');
  return parties;
}

/** The people picked as owners, refused past what an item may have (a forged payload can send more). */
function pickedOwnersOf(values: ViewValues, names = 0): string[] {
  const picked = selectedUsersOf(values, INPUTS.owners);
  if (picked.length + names > OWNERS_PER_ITEM) {
    throw formError('form.tooManyOwners', { max: OWNERS_PER_ITEM, count: picked.length + names }, 'owners');
  }
  return picked;
}
