import type { ListenerDeps } from '../deps.ts';
import { reportRedraw } from '../after-answer.ts';
import type { ButtonArgs } from '../payload.ts';

/** A report's share button: the same page posted in the channel, without the share button, once the press is acknowledged. */
export function shareReport(deps: ListenerDeps) {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    deps.afterAnswer.later(context, reportRedraw(context, body, action.value ?? '', 'share'));
  };
}
