import { checkInNoteModal } from '#shared/slack/render/check-in-modals';
import type { ListenerDeps } from '../deps.ts';
import { openCheckInForm } from '../check-in.ts';
import type { ButtonArgs } from '../payload.ts';

/** A check-in's Add note: a form for the note. */
export function checkInNote(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await openCheckInForm(deps, args, args.action.value ?? '', checkInNoteModal);
  };
}
