import type { types } from '@slack/bolt';
import type { Commitment } from '#shared/domain/schemas';
import { CLOSED_STATUSES } from '#shared/domain/schemas';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { itemVersionValue } from '#shared/slack/render/commitment';
import { SLACK_LIMITS, button, context, escape, escapeLines, plainText, section, sourceText, truncate, type Block, type SlackMessage } from '#shared/slack/render/format';
import type { CheckInEntry, CheckInMessageModel } from '#shared/domain/check-in-message';
import { formatShortDate } from '#shared/dates/natural';
import { countOf, formatNumber } from '#shared/render/count';

/** Snooze choices of a check-in's overflow menu; `date` opens a form to pick the day. */
export const SNOOZE_CHOICES = { day: '1 day', week: '1 week', date: 'Until a date…' } as const;
export type SnoozeChoice = keyof typeof SNOOZE_CHOICES;

/** The overflow option value of a snooze choice for one item as the message showed it: `week JK-4@7`. */
export function snoozeValue(choice: SnoozeChoice, item: Pick<Commitment, 'id' | 'version'>): string {
  return `${choice} ${itemVersionValue(item)}`;
}

/**
 * The one-tap answers to a check-in, for the owner in their direct message and on Home: each
 * carries the item and the version shown, so a press on a message that has gone stale changes nothing.
 * `block_id` is `checkin:<id>`: an answer redraws exactly the blocks of its item.
 */
export function checkInActions(item: Pick<Commitment, 'id' | 'version' | 'status' | 'archived'>): types.ActionsBlock | undefined {
  if (CLOSED_STATUSES.has(item.status) || item.archived) return undefined;
  const value = itemVersionValue(item);
  return {
    type: 'actions',
    block_id: `checkin:${item.id}`,
    elements: [
      button('On track', ACTION_IDS.checkInOnTrack, value, 'primary'),
      button('At risk', ACTION_IDS.checkInAtRisk, value, 'danger'),
      button('Done', ACTION_IDS.checkInDone, value),
      button('Add note', ACTION_IDS.checkInNote, value),
      {
        type: 'overflow',
        action_id: ACTION_IDS.checkInSnooze,
        options: (Object.keys(SNOOZE_CHOICES) as SnoozeChoice[]).map((choice) => ({
          text: { type: 'plain_text', text: `Snooze ${SNOOZE_CHOICES[choice]}`, emoji: true },
          value: snoozeValue(choice, item),
        })),
      },
      button('Not mine', ACTION_IDS.checkInNotMine, value),
    ],
  };
}

/** Items one check-in lists at most: each takes two blocks, and a message holds 50. */
export const CHECK_IN_MAX_ITEMS = 15;

/** Why the owner is asked: "due in 7 days", "overdue 3 days", "no update for 31 days". */
export function askReasonText(entry: Pick<CheckInEntry, 'reason' | 'days'>): string {
  const { reason, days } = entry;
  if (reason === 'overdue') return `overdue ${countOf(days, 'day')}`;
  if (reason === 'quiet') return `no update for ${countOf(days, 'day')}`;
  if (days <= 0) return 'due today';
  return days === 1 ? 'due tomorrow' : `due in ${countOf(days, 'day')}`;
}

/**
 * A person's check-in: a line saying why they get it, then per item its section
 * (`checkin-item:<id>`: id, title, track, due date, why asked, last note, source) and its answers
 * (`checkin:<id>`), "…and N more" past the cap, and how to change when they are asked.
 */
export function renderCheckIn(model: CheckInMessageModel): SlackMessage {
  const entries = model.entries.slice(0, CHECK_IN_MAX_ITEMS);
  const more = model.more + (model.entries.length - entries.length);
  const count = entries.length + more;
  const intro = `:wave: ${count === 1 ? 'One of your commitments needs' : `${formatNumber(count)} of your commitments need`} a word from you today. One tap answers.`;
  const blocks: Block[] = [section(intro)];
  const lines: string[] = [];
  for (const entry of entries) {
    const { item } = entry;
    const title = escape(truncate(item.title, 300));
    const why = askReasonText(entry);
    const facts = [`_${escape(truncate(entry.trackTitle, 150))}_`, ...(entry.dueOn ? [`due ${formatShortDate(entry.dueOn)}`] : []), `*${why}*`];
    const note = item.notes.at(-1);
    const text = [
      `*${item.id}* ${title}`,
      facts.join(' · '),
      ...(note ? [`Last note: “${escapeLines(truncate(note.text, 500))}”`] : []),
      `Source: ${sourceText(item)}`,
    ].join('\n');
    blocks.push({ ...section(text), block_id: `checkin-item:${item.id}` });
    const actions = checkInActions(item);
    if (actions) blocks.push(actions);
    lines.push(`${item.id} ${title} (${why})`);
  }
  if (more > 0) blocks.push(context(`…and ${more} more, in your next check-in.`));
  blocks.push(context('Change when you are asked, or pause check-ins, with `/commitments me`.'));
  const text = truncate(plainText(`Check-in: ${lines.join('; ')}${more > 0 ? `; and ${more} more` : ''}`), SLACK_LIMITS.fallbackText);
  return { text, blocks };
}
