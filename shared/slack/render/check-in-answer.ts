import type { types } from '@slack/bolt';
import { localDate } from '#shared/dates/flags';
import type { CheckInAnswer } from '#shared/domain/check-in-answer';
import type { Commitment, Track } from '#shared/domain/schemas';
import { statusLabel } from '#shared/format/text';
import { EN, type Translator } from '#shared/i18n/translator';
import { checkInActions } from '#shared/slack/render/check-in';
import { STATUS_EMOJI, escape, escapeLines, section, truncate } from '#shared/slack/render/format';

/** The block id of an item's summary in a check-in message; its buttons follow as `checkin:<id>`. */
export function checkInItemBlockId(id: string): string {
  return `checkin-item:${id}`;
}

/** Text quoted from an answer into its one line. */
const QUOTE_CHARS = 200;

/** The one line an answered item shows in its check-in, e.g. "✅ Done — you marked it done on 26 Nov". */
export function answerLine(answer: CheckInAnswer, after: Commitment, track: Pick<Track, 'timeZone'>, now: Date, t: Translator = EN): string {
  const date = t.shortDate(localDate(now, track.timeZone));
  const quoted = (text: string) => escapeLines(truncate(text, QUOTE_CHARS));
  switch (answer.type) {
    case 'on-track':
      return t.t('checkIn.answeredOnTrack', { date });
    case 'at-risk':
      return t.t('checkIn.answeredAtRisk', { date, text: quoted(answer.reason) });
    case 'done':
      return answer.note ? t.t('checkIn.answeredDoneNote', { date, text: quoted(answer.note) }) : t.t('checkIn.answeredDone', { date });
    case 'note':
      return t.t('checkIn.answeredNote', { date, text: quoted(answer.text) });
    case 'snooze':
    case 'snooze-until':
      return t.t('checkIn.answeredSnoozed', { date: after.snoozedUntil ? t.shortDate(after.snoozedUntil) : date });
    case 'not-mine':
      return t.t('checkIn.answeredHanded', { who: `<@${answer.to}>` });
  }
}

/** What replaces an answered item's two blocks: one line, with no buttons left to press. */
export function renderAnswered(answer: CheckInAnswer, after: Commitment, track: Pick<Track, 'timeZone'>, now: Date, t: Translator = EN): types.KnownBlock[] {
  return [{ ...section(`${answerLine(answer, after, track, now, t)} · *${after.id}* ${escape(truncate(after.title, QUOTE_CHARS))}`), block_id: `checkin-answered:${after.id}` }];
}

/**
 * What replaces an item's blocks when its button was older than the item: how it stands now,
 * and fresh buttons while it is open, so the next press answers what is really there.
 */
export function renderChangedSince(item: Commitment, track: Pick<Track, 'timeZone'>, now: Date, t: Translator = EN): types.KnownBlock[] {
  const last = item.notes.at(-1);
  const state = [
    t.t('checkIn.nowStatus', { status: statusLabel(item.status, t) }),
    item.archived ? t.t('checkIn.archived') : undefined,
    item.kind.type === 'one-off' && item.kind.due ? t.t('item.due', { date: t.shortDate(item.kind.due) }) : undefined,
    item.snoozedUntil && item.snoozedUntil > localDate(now, track.timeZone) ? t.t('checkIn.snoozedUntil', { date: t.shortDate(item.snoozedUntil) }) : undefined,
  ].filter(Boolean);
  const lines = [
    `${STATUS_EMOJI[item.status]} *${item.id}* ${escape(truncate(item.title, QUOTE_CHARS))}`,
    `_${t.t('checkIn.changedSince', { state: state.join(' · ') })}_`,
    last ? t.t('checkIn.latestNote', { text: escapeLines(truncate(last.text, QUOTE_CHARS)) }) : undefined,
  ];
  const actions = checkInActions(item, t);
  return [{ ...section(lines.filter(Boolean).join('\n')), block_id: checkInItemBlockId(item.id) }, ...(actions ? [actions] : [])];
}

/**
 * The message's blocks with one item's summary and buttons replaced, in place, by `replacement`;
 * the other items' blocks stay as they were. Undefined when the message does not show the item.
 */
export function replaceItemBlocks<B extends { block_id?: string | undefined }>(blocks: readonly B[], id: string, replacement: readonly B[]): B[] | undefined {
  const ids = new Set([checkInItemBlockId(id), `checkin:${id}`]);
  const mine = (block: B) => block.block_id !== undefined && ids.has(block.block_id);
  const at = blocks.findIndex(mine);
  if (at < 0) return undefined;
  return [...blocks.slice(0, at), ...replacement, ...blocks.slice(at).filter((block) => !mine(block))];
}
