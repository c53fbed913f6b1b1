import { InvalidInputError } from '#shared/errors';
import { spoken, translatorFor } from '#shared/i18n/translator';
import { languageOf } from '#shared/use-cases/access';
import { snoozeDateModal } from '#shared/slack/render/check-in-modals';
import type { ListenerDeps } from '../deps.ts';
import { answerPress, openCheckInForm, refusePress } from '../check-in.ts';
import { teamOf, type OverflowArgs } from '../payload.ts';

const SNOOZE_DAYS = { day: 1, week: 7 } as const;

/** A check-in's Snooze menu (`week JK-4@7`): 1 day or 1 week at once, or a form to pick the day. */
export function checkInSnooze(deps: ListenerDeps) {
  return async (args: OverflowArgs): Promise<void> => {
    await args.ack();
    const [choice = '', value = ''] = args.action.selected_option.value.split(' ');
    if (choice === 'date') return openCheckInForm(deps, args, value, snoozeDateModal);
    if (choice === 'day' || choice === 'week') return answerPress(deps, args, value, { type: 'snooze', days: SNOOZE_DAYS[choice] });
    // Read only for this rare refusal: the presser's language, from their record.
    const { body } = args;
    const t = await translatorFor(await languageOf(deps, teamOf(body), body.user.id));
    const { text, say } = spoken('checkIn.unknownSnooze');
    await refusePress(deps, body, new InvalidInputError(text, undefined, { say }), t);
  };
}
