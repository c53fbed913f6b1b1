import type { types } from '@slack/bolt';
import type { Commitment } from '#shared/domain/schemas';
import { CLOSED_STATUSES } from '#shared/domain/schemas';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { itemVersionValue } from '#shared/slack/render/commitment';
import { SLACK_LIMITS, button, context, escape, escapeLines, plainText, section, sourceText, truncate, type Block, type SlackMessage } from '#shared/slack/render/format';
import type { CheckInEntry, CheckInMessageModel } from '#shared/domain/check-in-message';
import { EN, type Translator } from '#shared/i18n/translator';

/** Snooze choices of a check-in's overflow menu (1 day, 1 week); `date` opens a form to pick the day. */
export const SNOOZE_CHOICES = ['day', 'week', 'date'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** The overflow option value of a snooze choice for one item as the message showed it: `week JK-4@7`. */
export function snoozeValue(choice: SnoozeChoice, item: Pick<Commitment, 'id' | 'version'>): string {
  return `${choice} ${itemVersionValue(item)}`;
}

/**
 * The one-tap answers to a check-in, for the owner in their direct message and on Home: each
 * carries the item and the version shown, so a press on a message that has gone stale changes nothing.
 * `block_id` is `checkin:<id>`: an answer redraws exactly the blocks of its item.
 */
export function checkInActions(item: Pick<Commitment, 'id' | 'version' | 'status' | 'archived'>, t: Translator = EN): types.ActionsBlock | undefined {
  if (CLOSED_STATUSES.has(item.status) || item.archived) return undefined;
  const value = itemVersionValue(item);
  return {
    type: 'actions',
    block_id: `checkin:${item.id}`,
    elements: [
      button(t.t('checkIn.onTrack'), ACTION_IDS.checkInOnTrack, value, 'primary'),
      button(t.t('checkIn.atRisk'), ACTION_IDS.checkInAtRisk, value, 'danger'),
      button(t.t('checkIn.done'), ACTION_IDS.checkInDone, value),
      button(t.t('item.addNote'), ACTION_IDS.checkInNote, value),
      {
        type: 'overflow',
        action_id: ACTION_IDS.checkInSnooze,
        options: SNOOZE_CHOICES.map((choice) => ({
          text: { type: 'plain_text', text: t.t('checkIn.snooze', { choice }), emoji: true },
          value: snoozeValue(choice, item),
        })),
      },
      button(t.t('checkIn.notMine'), ACTION_IDS.checkInNotMine, value),
    ],
  };
}

/** Items one check-in lists at most: each takes two blocks, and a message holds 50. */
export const CHECK_IN_MAX_ITEMS = 15;

/** Why the owner is asked: "due in 7 days", "overdue 3 days", "no update for 31 days"; "new to you, …" the first time. */
export function askReasonText(entry: Pick<CheckInEntry, 'reason' | 'days' | 'newOwner'>, t: Translator = EN): string {
  if (!entry.newOwner) return dueText(entry, t);
  // No due date, and news today: nothing more to say than that it is theirs.
  return entry.reason === 'quiet' && entry.days === 0 ? t.t('checkIn.new') : t.t('checkIn.newOwner', { why: dueText(entry, t) });
}

function dueText(entry: Pick<CheckInEntry, 'reason' | 'days'>, t: Translator): string {
  const { reason, days } = entry;
  if (reason === 'overdue') return t.t('checkIn.overdue', { days });
  if (reason === 'quiet') return t.t('checkIn.quiet', { days });
  if (days <= 0) return t.t('checkIn.dueToday');
  return days === 1 ? t.t('checkIn.dueTomorrow') : t.t('checkIn.dueIn', { days });
}

/**
 * A person's check-in: a line saying why they get it, then per item its section
 * (`checkin-item:<id>`: id, title, track, due date, why asked, last note, source) and its answers
 * (`checkin:<id>`), "…and N more" past the cap, and how to change when they are asked (to someone
 * from another organisation, what they can do instead: snooze, Not mine, ask the track's owners).
 */
export function renderCheckIn(model: CheckInMessageModel, t: Translator = EN): SlackMessage {
  const entries = model.entries.slice(0, CHECK_IN_MAX_ITEMS);
  const more = model.more + (model.entries.length - entries.length);
  const count = entries.length + more;
  const blocks: Block[] = [section(t.t('checkIn.intro', { count }))];
  const lines: string[] = [];
  for (const entry of entries) {
    const { item } = entry;
    const title = escape(truncate(item.title, 300));
    const why = askReasonText(entry, t);
    const facts = [`_${escape(truncate(entry.trackTitle, 150))}_`, ...(entry.dueOn ? [t.t('item.due', { date: t.shortDate(entry.dueOn) })] : []), `*${why}*`];
    const note = item.notes.at(-1);
    const text = [
      `*${item.id}* ${title}`,
      facts.join(' · '),
      ...(note ? [t.t('checkIn.lastNote', { text: escapeLines(truncate(note.text, 500)) })] : []),
      t.t('item.source', { source: sourceText(item, t) }),
    ].join('\n');
    blocks.push({ ...section(text), block_id: `checkin-item:${item.id}` });
    const actions = checkInActions(item, t);
    if (actions) blocks.push(actions);
    lines.push(t.t('checkIn.fallbackItem', { id: item.id, title, why }));
  }
  if (more > 0) blocks.push(context(t.t('checkIn.more', { count: more })));
  blocks.push(context(t.t(model.outsider ? 'checkIn.changeOutsider' : 'checkIn.change')));
  const text = truncate(plainText(t.t('checkIn.fallback', { items: lines.join('; '), more })), SLACK_LIMITS.fallbackText);
  return { text, blocks };
}
