import { checkInDoneModal } from '#shared/slack/render/check-in-modals';
import type { ListenerDeps } from '../deps.ts';
import { openCheckInForm } from '../check-in.ts';
import type { ButtonArgs } from '../payload.ts';

/** A check-in's Done: a form with an optional note. */
export function checkInDone(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await openCheckInForm(deps, args, args.action.value ?? '', checkInDoneModal);
  };
}
