import type { ListenerDeps } from '../deps.ts';
import { answerPress } from '../check-in.ts';
import type { ButtonArgs } from '../payload.ts';

/** A check-in's On track: in progress with the note "on track", saved at once, then shown in place. */
export function checkInOnTrack(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await answerPress(deps, args, args.action.value ?? '', { type: 'on-track' });
  };
}
