import type { types } from '@slack/bolt';
import { EN, spoken, type MessageValues, type Translator } from '#shared/i18n/translator';
import { deriveFlags } from '#shared/dates/flags';
import { parseOwners } from '#shared/domain/changes';
import { CLOSED_STATUSES, foldLines, type Archival, type Commitment, type FieldChange, type HistoryEntry, type Track } from '#shared/domain/schemas';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { InvalidInputError } from '#shared/errors';
import { age, closedText, formatDayOf, nextDateText, scoreText, statusLabel } from '#shared/format/text';
import {
  SLACK_LIMITS,
  STATUS_EMOJI,
  actorText,
  button,
  context,
  escape,
  escapeLines,
  flagTexts,
  header,
  kindText,
  movedText,
  ownersText,
  plainText,
  quoteLines,
  section,
  sourceText,
  truncate,
  type Block,
  type SlackMessage,
} from '#shared/slack/render/format';

/** Characters of the latest note a report line shows; `show` has the notes in full. */
export const NOTE_PREVIEW_CHARS = 300;

/**
 * The mrkdwn summary of one item: id and title, when and how it was closed, flags or its next
 * date, owners and last update, its latest note, source.
 */
export function commitmentSummary(item: Commitment, timeZone: string, now: Date, t: Translator = EN): string {
  const raised = deriveFlags(item, timeZone, now);
  // A flagged date already says when; an open item's date shows anyway.
  const next = CLOSED_STATUSES.has(item.status) || raised.overdue || raised.dueSoon ? undefined : nextDateText(item, timeZone, t);
  const flags = [...flagTexts(raised, t), next, movedText(item, t)].filter((f) => f !== undefined);
  const owners = ownersText(item);
  const lines = [
    `${STATUS_EMOJI[item.status]} *${item.id}* ${escape(item.title)}`,
    item.archived ? archivedText(item.archived, timeZone, t) : undefined,
    closedText(item, timeZone, escapeLines, (actor) => actorText(actor, t), t),
    flags.length > 0 ? flags.join(' · ') : undefined,
    [owners ? t.t('item.owners', { owners }) : undefined, t.t('item.updated', { ago: age(item.updatedAt, now, timeZone, t) })].filter(Boolean).join(' · '),
    latestNoteText(item, timeZone, t),
    `_${t.t('item.source', { source: sourceText(item, t) })}_`,
  ];
  return lines.filter(Boolean).join('\n');
}

/** "Latest note, Tue 3 Mar 2026, @maria: …", unless it is the note the item was closed with. */
export function latestNoteText(item: Pick<Commitment, 'notes' | 'closed'>, timeZone: string, t: Translator = EN): string | undefined {
  const note = item.notes.at(-1);
  if (!note || (item.closed?.at === note.at && item.closed.note === note.text)) return undefined;
  return t.t('item.latestNote', { date: formatDayOf(note.at, timeZone, t), who: actorText(note.by, t), text: escapeLines(truncate(note.text, NOTE_PREVIEW_CHARS)) });
}

/** The buttons every open item carries, in reports and digests alike. */
export function commitmentActions(item: Pick<Commitment, 'id' | 'status' | 'archived'>, t: Translator = EN): types.ActionsBlock | undefined {
  if (CLOSED_STATUSES.has(item.status) || item.archived) return undefined;
  return {
    type: 'actions',
    block_id: `item:${item.id}`,
    elements: [
      button(t.t('item.markDone'), ACTION_IDS.markDone, item.id, 'primary'),
      button(t.t('item.update'), ACTION_IDS.update, item.id),
      button(t.t('item.addNote'), ACTION_IDS.addNote, item.id),
      button(t.t('item.edit'), ACTION_IDS.edit, item.id),
    ],
  };
}

/** The one button an archived item carries where it is shown on its own, guarded by the version it shows. */
function unarchiveActions(item: Pick<Commitment, 'id' | 'version'>, t: Translator): types.ActionsBlock {
  return { type: 'actions', block_id: `archived:${item.id}`, elements: [button(t.t('show.unarchive'), ACTION_IDS.unarchive, itemVersionValue(item))] };
}

/** The one button a closed item (done, dropped) carries where it is shown on its own: back to in progress, guarded by the version it shows. */
function reopenActions(item: Pick<Commitment, 'id' | 'version'>, t: Translator): types.ActionsBlock {
  return { type: 'actions', block_id: `closed:${item.id}`, elements: [button(t.t('show.reopen'), ACTION_IDS.reopen, itemVersionValue(item))] };
}

/** A button value naming an item and the version its message showed: `JK-4@7`. */
export function itemVersionValue(item: Pick<Commitment, 'id' | 'version'>): string {
  return `${item.id}@${item.version}`;
}

/** The item id a button's `<id>@<version>` value starts with (what to read before the value is checked). */
export function itemIdOf(value: string): string {
  return value.split('@', 1)[0] ?? '';
}

export function readItemVersion(value: string): { id: string; version: number } {
  const match = /^([^@\s]{1,40})@(\d{1,9})$/.exec(value);
  if (!match) throw notDrawnByUs();
  return { id: match[1]!, version: Number(match[2]) };
}

/** A button or form value the app cannot have drawn (a forged one): refused without echoing it. */
export function notDrawnByUs(): InvalidInputError {
  const { text, say } = spoken('show.staleButton');
  return new InvalidInputError(text, undefined, { say });
}

/** One item as blocks: its summary, then its buttons while it is open. */
export function renderCommitmentBlocks(item: Commitment, timeZone: string, now: Date, t: Translator = EN): Block[] {
  const actions = commitmentActions(item, t);
  return [section(commitmentSummary(item, timeZone, now, t)), ...(actions ? [actions] : [])];
}

/** How one item is drawn: with its whole history (else its latest notes); `readOnly` for someone who may not change it, with no buttons. */
export interface CommitmentView {
  history?: HistoryEntry[];
  readOnly?: boolean;
}

/** `show JK-4`: everything about one item, with its latest notes (or its whole history). */
export function renderCommitment(item: Commitment, track: Pick<Track, 'title' | 'timeZone'>, now: Date, { history, readOnly = false }: CommitmentView = {}, t: Translator = EN): SlackMessage {
  const { timeZone } = track;
  const kind = [kindText(item, t), item.kind.type === 'recurring' && !CLOSED_STATUSES.has(item.status) ? nextDateText(item, timeZone, t) : undefined, movedText(item, t)];
  const scores = item.parties.map((p) => `${p} ${item.compliance[p] ? scoreText(item.compliance[p].score, t) : t.t('show.notAssessed')}`);
  const fields = [
    t.t('show.status', { status: `${STATUS_EMOJI[item.status]} ${statusLabel(item.status, t)}` }),
    t.t('show.kind', { kind: t.list(kind.filter((k) => k !== undefined)) }),
    t.t('show.parties', { parties: t.list(item.parties) || '—' }),
    t.t('show.owners', { owners: ownersText(item) ?? '—' }),
    t.t('show.compliance', { scores: scores.join(' · ') || '—' }),
  ];
  const flags = flagTexts(deriveFlags(item, timeZone, now), t);
  const heading = `${item.id} · ${item.title}`;
  const blocks: Block[] = [
    { ...header(heading), block_id: `item|${item.id}` },
    // A header holds 150 characters: a longer title is given whole below it.
    ...(heading.length > SLACK_LIMITS.plainText ? [section(`*${escape(item.title)}*`)] : []),
    context(t.t('show.context', { track: escape(track.title), version: String(item.version), ago: age(item.updatedAt, now, timeZone, t), who: actorText(item.updatedBy, t) })),
  ];
  if (item.archived) blocks.push(section(archivedText(item.archived, timeZone, t)));
  const closed = closedText(item, timeZone, escapeLines, (actor) => actorText(actor, t), t);
  if (closed) blocks.push(section(closed));
  if (item.detail) blocks.push(section(quoteLines(item.detail)));
  blocks.push({ type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) });
  if (flags.length > 0) blocks.push(section(flags.join('\n')));
  blocks.push(context(t.t('item.source', { source: sourceText(item, t) })));
  if (item.kind.type === 'recurring' && item.kind.occurrences.length > 0) {
    const lines = item.kind.occurrences.slice(-10).map((o) => `• ${t.date(o.date)}${o.place ? ` — ${escape(o.place)}` : ''}${o.text ? `: ${escapeLines(o.text)}` : ''}`);
    blocks.push(section(`${t.t('show.occurrences')}\n${lines.join('\n')}`));
  }
  if (history) {
    blocks.push(section(`${t.t('show.history', { count: history.length })}\n${history.slice(-25).map((h) => `• ${historyLine(h, timeZone, t)}`).join('\n')}`));
  } else if (item.notes.length > 0) {
    const notes = item.notes.slice(-5).map((n) => `• ${formatDayOf(n.at, timeZone, t)} ${actorText(n.by, t)}: ${escapeLines(n.text)}`);
    blocks.push(section(`${t.t('show.latestNotes')}\n${notes.join('\n')}`));
  }
  const actions = readOnly ? undefined : item.archived ? unarchiveActions(item, t) : CLOSED_STATUSES.has(item.status) ? reopenActions(item, t) : commitmentActions(item, t);
  if (actions) blocks.push(actions);
  const text = [
    `${item.id} · ${escape(item.title)}`,
    `${statusLabel(item.status, t)} · ${plainText(kindText(item, t))}`,
    ...(item.archived ? [plainText(archivedText(item.archived, timeZone, t))] : []),
    ...(closed ? [plainText(closed)] : []),
    ...flags.map(plainText),
  ].join('\n');
  return { text, blocks };
}

/** One change of an item's history in a line: when, who, and what they did. */
export function historyLine(entry: HistoryEntry, timeZone: string, t: Translator = EN): string {
  const base = { when: formatDayOf(entry.at, timeZone, t), who: actorText(entry.by, t) };
  const noted = (note: string | undefined): MessageValues => (note ? { noted: 'yes', note: escapeLines(note) } : { noted: 'no' });
  const placed = (place: string | undefined): MessageValues => (place ? { placed: 'yes', place: escape(place) } : { placed: 'no' });
  const { change } = entry;
  switch (change.type) {
    case 'created':
      return t.t('history.created', { ...base, status: statusLabel(change.status, t) });
    case 'status':
      return t.t('history.status', { ...base, from: statusLabel(change.from, t), to: statusLabel(change.to, t), ...noted(change.note) });
    case 'note':
      return t.t('history.note', { ...base, note: escapeLines(change.text) });
    case 'assessment': {
      const from: MessageValues = change.from === undefined ? { replaced: 'no' } : { replaced: 'yes', from: scoreText(change.from, t) };
      return t.t('history.assessed', { ...base, party: change.party, ...from, to: scoreText(change.to, t), date: t.date(change.date), ...noted(change.note) });
    }
    case 'occurrence':
      return t.t('history.logged', { ...base, date: t.date(change.occurrence.date), ...placed(change.occurrence.place), ...noted(change.occurrence.text) });
    case 'unlog':
      return t.t('history.unlogged', { ...base, date: t.date(change.occurrence.date), ...placed(change.occurrence.place) });
    case 'archive':
      return t.t('history.archived', { ...base, ...noted(change.reason) });
    case 'unarchive':
      return t.t('history.unarchived', base);
    case 'snooze':
      return t.t('history.snoozed', { ...base, date: t.date(change.until) });
    case 'field':
    case 'fields': {
      const changes = change.type === 'field' ? [change] : change.changes;
      return t.t('history.changed', { ...base, changes: changes.map((c) => fieldText(c, t)).join(t.t('history.changeSeparator')), ...noted(change.note) });
    }
  }
}

function fieldText(change: FieldChange, t: Translator): string {
  const value = (text: string | undefined): string => {
    if (text === undefined) return '—';
    if (change.field === 'due') return t.date(text);
    if (change.field === 'owners') return ownersText({ owners: parseOwners(text) }) ?? '—';
    // A title stored in history before titles were one line is shown on one.
    return change.field === 'detail' ? escapeLines(text) : escape(foldLines(text));
  };
  const what = change.field === 'due' ? (change.from ? 'movedDue' : 'setDue') : change.field;
  const fromTo: MessageValues = change.from === undefined ? { fromTo: 'no' } : { fromTo: 'yes', from: value(change.from) };
  return t.t('history.field', { what, ...fromTo, to: value(change.to) });
}

/** The archived mark an item carries wherever it is still shown (`all`, `show`, `history`). */
export function archivedText(archived: Archival, timeZone: string, t: Translator = EN): string {
  const values = { date: formatDayOf(archived.at, timeZone, t), who: actorText(archived.by, t) };
  return archived.reason ? t.t('item.archivedWithReason', { ...values, reason: escapeLines(archived.reason) }) : t.t('item.archived', values);
}

export { actorText };
