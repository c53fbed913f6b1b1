import { deriveFlags } from '#shared/dates/flags';
import type { Change, Commitment, Track } from '#shared/domain/schemas';
import { renderCommitment } from '#shared/slack/render/commitment';
import { selectKey } from '#shared/format/text';
import { EN, type Translator } from '#shared/i18n/translator';
import { escape, type SlackMessage } from '#shared/slack/render/format';
import { renderDone } from '#shared/slack/render/notice';

/** A score as the catalogs select it (ICU keys are words, not numbers). */
const SCORE_KEY = { [-1]: 'minus', 0: 'zero', 1: 'plus' } as const;

/** What a change did, in one line: the status move, the assessment, the logged date or the note. */
export function describeChange(from: string, to: string, change: Change, id: string, t: Translator = EN): string {
  if (change.type === 'assessment') return t.t('change.assessed', { party: change.party, id, score: SCORE_KEY[change.to], date: t.date(change.date) });
  if (change.type === 'status') return t.t('change.status', { id, from: selectKey(from), to: selectKey(to) });
  if (change.type === 'occurrence') {
    const { date, place } = change.occurrence;
    return t.t('change.logged', { id, date: t.date(date), hasPlace: place ? 'yes' : 'no', place: place ? escape(place) : '' });
  }
  if (change.type === 'unlog') return t.t('change.unlogged', { id, date: t.date(change.occurrence.date) });
  if (change.type === 'archive') return t.t('change.archived', { id });
  if (change.type === 'unarchive') return t.t('change.unarchived', { id });
  if (change.type === 'snooze') return t.t('change.snoozed', { id, date: t.date(change.until) });
  if (change.type === 'field' || change.type === 'fields') {
    const fields = change.type === 'field' ? [change] : change.changes;
    const due = fields.find((f) => f.field === 'due');
    const moved = due?.from && due.to ? t.t('change.moved', { id, from: t.date(due.from), to: t.date(due.to) }) : undefined;
    const others = fields.filter((f) => f !== due || !moved).map((f) => t.t('change.field', { field: f.field }));
    const changed = others.length > 0 ? t.t('change.changedFields', { id, fields: t.list(others) }) : undefined;
    return [moved, changed].filter(Boolean).join(' ');
  }
  return t.t('change.noted', { id });
}

/** A changed item: the line saying what changed, then the item as it now stands. */
export function renderChange(result: { before: Commitment; after: Commitment; track: Track; change: Change }, now: Date, t: Translator = EN): SlackMessage {
  const { before, after, track, change } = result;
  const line = describeChange(before.status, after.status, change, after.id, t);
  const overdue = setsDue(change) ? overdueNotice(after, track, now, t) : undefined;
  return withItem(overdue ? t.t('change.withOverdue', { line, overdue }) : line, renderCommitment(after, track, now, {}, t));
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
export function overdueNotice(item: Commitment, track: Pick<Track, 'timeZone'>, now: Date, t: Translator = EN): string | undefined {
  if (item.kind.type !== 'one-off') return undefined;
  const overdue = deriveFlags(item, track.timeZone, now).overdue;
  return overdue ? t.t('change.alreadyOverdue', { id: item.id, date: t.date(overdue.due) }) : undefined;
}

/** A confirmation line followed by the item it is about. */
export function withItem(confirmation: string, item: SlackMessage): SlackMessage {
  const done = renderDone(confirmation);
  return { text: `${done.text}\n${item.text}`, blocks: [...done.blocks, ...item.blocks] };
}
