import type { types } from '@slack/bolt';
import type { Commitment } from '#shared/domain/schemas';
import { CLOSED_STATUSES } from '#shared/domain/schemas';
import { ACTION_IDS } from '#shared/slack-app/definitions';
import { itemVersionValue } from '#shared/slack/render/commitment';
import { button } from '#shared/slack/render/format';

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
