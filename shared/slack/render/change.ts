import { deriveFlags } from '#shared/dates/flags';
import { formatLocalDate } from '#shared/dates/natural';
import type { Change, Commitment, FieldChange, Track } from '#shared/domain/schemas';
import { renderCommitment } from '#shared/slack/render/commitment';
import { scoreText, STATUS_LABEL } from '#shared/format/text';
import { escape, type SlackMessage } from '#shared/slack/render/format';
import { renderDone } from '#shared/slack/render/notice';

/** What a change did, in one line: the status move, the assessment, the logged date or the note. */
export function describeChange(from: string, to: string, change: Change, id: string): string {
  if (change.type === 'assessment') return `Assessed ${change.party} on *${id}*: ${scoreText(change.to)} as of ${formatLocalDate(change.date)}.`;
  if (change.type === 'status') return `*${id}*: ${STATUS_LABEL[from as keyof typeof STATUS_LABEL]} → ${STATUS_LABEL[to as keyof typeof STATUS_LABEL]}.`;
  if (change.type === 'occurrence') {
    return `Logged ${formatLocalDate(change.occurrence.date)}${change.occurrence.place ? ` in ${escape(change.occurrence.place)}` : ''} on *${id}*.`;
  }
  if (change.type === 'unlog') return `Removed the occurrence of ${formatLocalDate(change.occurrence.date)} from *${id}*.`;
  if (change.type === 'archive') return `Archived *${id}*: it no longer shows in reports (but \`all\`), digests or Home.`;
  if (change.type === 'unarchive') return `Unarchived *${id}*: it shows in reports, digests and Home again.`;
  if (change.type === 'snooze') return `Snoozed *${id}*: no check-in about it before ${formatLocalDate(change.until)}.`;
  if (change.type === 'field' || change.type === 'fields') {
    const fields = change.type === 'field' ? [change] : change.changes;
    const due = fields.find((f) => f.field === 'due');
    const moved = due?.from && due.to ? `Moved *${id}* from ${formatLocalDate(due.from)} to ${formatLocalDate(due.to)}.` : undefined;
    const others = fields.filter((f) => f !== due || !moved).map((f) => FIELD_LABEL[f.field]);
    return [moved, others.length > 0 ? `Changed the ${others.join(', ')} of *${id}*.` : undefined].filter(Boolean).join(' ');
  }
  return `Noted on *${id}*.`;
}

const FIELD_LABEL: Record<FieldChange['field'], string> = { title: 'title', detail: 'detail', due: 'due date', owners: 'owners', parties: 'parties' };

/** A changed item: the line saying what changed, then the item as it now stands. */
export function renderChange(result: { before: Commitment; after: Commitment; track: Track; change: Change }, now: Date): SlackMessage {
  const { before, after, track, change } = result;
  const line = describeChange(before.status, after.status, change, after.id);
  const overdue = setsDue(change) ? overdueNotice(after, track, now) : undefined;
  return withItem(overdue ? `${line} ${overdue}` : line, renderCommitment(after, track, now));
}

/** Whether the change gives the item a due date. */
export function setsDue(change: Change): boolean {
  const fields = change.type === 'field' ? [change] : change.type === 'fields' ? change.changes : [];
  return fields.some((f) => f.field === 'due');
}

/**
 * Said when a due date is set on a day that has passed: the item is saved as given (an
 * agreement's deadline may well lie behind), and the answer says plainly that it is overdue.
 */
export function overdueNotice(item: Commitment, track: Pick<Track, 'timeZone'>, now: Date): string | undefined {
  if (item.kind.type !== 'one-off') return undefined;
  const overdue = deriveFlags(item, track.timeZone, now).overdue;
  return overdue ? `*${item.id}* is already overdue: ${formatLocalDate(overdue.due)} has passed.` : undefined;
}

/** A confirmation line followed by the item it is about. */
export function withItem(confirmation: string, item: SlackMessage): SlackMessage {
  const done = renderDone(confirmation);
  return { text: `${done.text}\n${item.text}`, blocks: [...done.blocks, ...item.blocks] };
}
