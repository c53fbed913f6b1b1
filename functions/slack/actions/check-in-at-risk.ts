import { atRiskModal } from '#shared/slack/render/check-in-modals';
import type { ListenerDeps } from '../deps.ts';
import { openCheckInForm } from '../check-in.ts';
import type { ButtonArgs } from '../payload.ts';

/** A check-in's At risk: a form asking what holds it up (stalled, with the reason). */
export function checkInAtRisk(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await openCheckInForm(deps, args, args.action.value ?? '', atRiskModal);
  };
}
