import { InvalidInputError } from '#shared/errors';
import { snoozeDateModal } from '#shared/slack/render/check-in-modals';
import type { ListenerDeps } from '../deps.ts';
import { answerPress, openCheckInForm, refusePress } from '../check-in.ts';
import type { OverflowArgs } from '../payload.ts';

const SNOOZE_DAYS = { day: 1, week: 7 } as const;

/** A check-in's Snooze menu (`week JK-4@7`): 1 day or 1 week at once, or a form to pick the day. */
export function checkInSnooze(deps: ListenerDeps) {
  return async (args: OverflowArgs): Promise<void> => {
    await args.ack();
    const [choice = '', value = ''] = args.action.selected_option.value.split(' ');
    if (choice === 'date') return openCheckInForm(deps, args, value, snoozeDateModal);
    if (choice === 'day' || choice === 'week') return answerPress(deps, args, value, { type: 'snooze', days: SNOOZE_DAYS[choice] });
    await refusePress(deps, args.body, args.respond, new InvalidInputError('That snooze choice is not one this app drew; show the item again.'));
  };
}
