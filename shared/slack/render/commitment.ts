import type { types } from '@slack/bolt';
import { EN, type Translator } from '#shared/i18n/translator';
import { formatLocalDate } from '#shared/dates/natural';
import { deriveFlags } from '#shared/dates/flags';
import { parseOwners } from '#shared/domain/changes';
import { CLOSED_STATUSES, foldLines, type Archival, type Commitment, type FieldChange, type HistoryEntry, type Track } from '#shared/domain/schemas';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { InvalidInputError } from '#shared/errors';
import { STATUS_LABEL, age, closedText, formatDayOf, nextDateText, scoreText } from '#shared/format/text';
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
    closedText(item, timeZone, escapeLines, actorText, t),
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
  return t.t('item.latestNote', { date: formatDayOf(note.at, timeZone, t), who: actorText(note.by), text: escapeLines(truncate(note.text, NOTE_PREVIEW_CHARS)) });
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
function unarchiveActions(item: Pick<Commitment, 'id' | 'version'>): types.ActionsBlock {
  return { type: 'actions', block_id: `archived:${item.id}`, elements: [button('Unarchive', ACTION_IDS.unarchive, itemVersionValue(item))] };
}

/** A button value naming an item and the version its message showed: `JK-4@7`. */
export function itemVersionValue(item: Pick<Commitment, 'id' | 'version'>): string {
  return `${item.id}@${item.version}`;
}

export function readItemVersion(value: string): { id: string; version: number } {
  const match = /^([^@\s]{1,40})@(\d{1,9})$/.exec(value);
  if (!match) throw new InvalidInputError('That button is not one this app drew; show the item again.');
  return { id: match[1]!, version: Number(match[2]) };
}

/** One item as blocks: its summary, then its buttons while it is open. */
export function renderCommitmentBlocks(item: Commitment, timeZone: string, now: Date, t: Translator = EN): Block[] {
  const actions = commitmentActions(item, t);
  return [section(commitmentSummary(item, timeZone, now, t)), ...(actions ? [actions] : [])];
}

/** `show JK-4`: everything about one item, with its latest notes (or its whole history). */
export function renderCommitment(item: Commitment, track: Pick<Track, 'title' | 'timeZone'>, now: Date, history?: HistoryEntry[]): SlackMessage {
  const fields = [
    `*Status:* ${STATUS_EMOJI[item.status]} ${STATUS_LABEL[item.status]}`,
    `*Kind:* ${[kindText(item), item.kind.type === 'recurring' && !CLOSED_STATUSES.has(item.status) ? nextDateText(item, track.timeZone) : undefined, movedText(item)].filter(Boolean).join(', ')}`,
    `*Parties:* ${item.parties.join(', ') || '—'}`,
    `*Owners:* ${ownersText(item) ?? '—'}`,
    `*Compliance:* ${item.parties.map((p) => `${p} ${item.compliance[p] ? scoreText(item.compliance[p].score) : 'not yet assessed'}`).join(' · ') || '—'}`,
  ];
  const flags = flagTexts(deriveFlags(item, track.timeZone, now));
  const heading = `${item.id} · ${item.title}`;
  const blocks: Block[] = [
    { ...header(heading), block_id: `item|${item.id}` },
    // A header holds 150 characters: a longer title is given whole below it.
    ...(heading.length > SLACK_LIMITS.plainText ? [section(`*${escape(item.title)}*`)] : []),
    context(`${escape(track.title)} · version ${item.version} · updated ${age(item.updatedAt, now, track.timeZone)} by ${actorText(item.updatedBy)}`),
  ];
  if (item.archived) blocks.push(section(archivedText(item.archived, track.timeZone)));
  const closed = closedText(item, track.timeZone, escapeLines, actorText);
  if (closed) blocks.push(section(closed));
  if (item.detail) blocks.push(section(quoteLines(item.detail)));
  blocks.push({ type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) });
  if (flags.length > 0) blocks.push(section(flags.join('\n')));
  blocks.push(context(`Source: ${sourceText(item)}`));
  if (item.kind.type === 'recurring' && item.kind.occurrences.length > 0) {
    const lines = item.kind.occurrences.slice(-10).map((o) => `• ${formatLocalDate(o.date)}${o.place ? ` — ${escape(o.place)}` : ''}${o.text ? `: ${escapeLines(o.text)}` : ''}`);
    blocks.push(section(`*Occurrences*\n${lines.join('\n')}`));
  }
  if (history) {
    blocks.push(section(`*History* (${history.length})\n${history.slice(-25).map((h) => `• ${historyLine(h, track.timeZone)}`).join('\n')}`));
  } else if (item.notes.length > 0) {
    const notes = item.notes.slice(-5).map((n) => `• ${formatDayOf(n.at, track.timeZone)} ${actorText(n.by)}: ${escapeLines(n.text)}`);
    blocks.push(section(`*Latest notes*\n${notes.join('\n')}`));
  }
  const actions = item.archived ? unarchiveActions(item) : commitmentActions(item);
  if (actions) blocks.push(actions);
  const text = [
    `${item.id} · ${escape(item.title)}`,
    `${STATUS_LABEL[item.status]} · ${plainText(kindText(item))}`,
    ...(item.archived ? [plainText(archivedText(item.archived, track.timeZone))] : []),
    ...(closed ? [plainText(closed)] : []),
    ...flags.map(plainText),
  ].join('\n');
  return { text, blocks };
}

export function historyLine(entry: HistoryEntry, timeZone: string): string {
  const when = formatDayOf(entry.at, timeZone);
  const who = actorText(entry.by);
  const { change } = entry;
  switch (change.type) {
    case 'created':
      return `${when} ${who} added it as ${STATUS_LABEL[change.status]}`;
    case 'status':
      return `${when} ${who} changed status ${STATUS_LABEL[change.from]} → ${STATUS_LABEL[change.to]}${change.note ? `: ${escapeLines(change.note)}` : ''}`;
    case 'note':
      return `${when} ${who} noted: ${escapeLines(change.text)}`;
    case 'assessment':
      return `${when} ${who} assessed ${change.party} ${change.from === undefined ? '' : `${scoreText(change.from)} → `}${scoreText(change.to)} as of ${formatLocalDate(change.date)}${change.note ? `: ${escapeLines(change.note)}` : ''}`;
    case 'occurrence':
      return `${when} ${who} logged ${formatLocalDate(change.occurrence.date)}${change.occurrence.place ? ` in ${escape(change.occurrence.place)}` : ''}${change.occurrence.text ? `: ${escapeLines(change.occurrence.text)}` : ''}`;
    case 'unlog':
      return `${when} ${who} removed the occurrence of ${formatLocalDate(change.occurrence.date)}${change.occurrence.place ? ` in ${escape(change.occurrence.place)}` : ''}`;
    case 'archive':
      return `${when} ${who} archived it${change.reason ? `: ${escapeLines(change.reason)}` : ''}`;
    case 'unarchive':
      return `${when} ${who} unarchived it`;
    case 'snooze':
      return `${when} ${who} snoozed check-ins until ${formatLocalDate(change.until)}`;
    case 'field':
      return `${when} ${who} ${fieldText(change)}${change.note ? `: ${escapeLines(change.note)}` : ''}`;
    case 'fields':
      return `${when} ${who} ${change.changes.map(fieldText).join('; ')}${change.note ? `: ${escapeLines(change.note)}` : ''}`;
  }
}

function fieldText(change: FieldChange): string {
  const value = (text: string | undefined): string => {
    if (text === undefined) return '—';
    if (change.field === 'due') return formatLocalDate(text);
    if (change.field === 'owners') return ownersText({ owners: parseOwners(text) }) ?? '—';
    // A title stored in history before titles were one line is shown on one.
    return change.field === 'detail' ? escapeLines(text) : escape(foldLines(text));
  };
  const verb = change.field === 'due' ? (change.from ? 'moved due' : 'set due') : `changed ${change.field}`;
  return change.from === undefined ? `${verb} to ${value(change.to)}` : `${verb} from ${value(change.from)} to ${value(change.to)}`;
}

/** The archived mark an item carries wherever it is still shown (`all`, `show`, `history`). */
export function archivedText(archived: Archival, timeZone: string, t: Translator = EN): string {
  const values = { date: formatDayOf(archived.at, timeZone, t), who: actorText(archived.by) };
  return archived.reason ? t.t('item.archivedWithReason', { ...values, reason: escapeLines(archived.reason) }) : t.t('item.archived', values);
}

export { actorText };
