import type { ListenerDeps } from '../deps.ts';
import { reportRedraw } from '../after-answer.ts';
import type { ButtonArgs } from '../payload.ts';

/** A report's previous/next button: the other page, in place of the message, once the press is acknowledged. */
export function pageReport(deps: ListenerDeps) {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    deps.afterAnswer.later(context, reportRedraw(context, body, action.value ?? '', 'replace'));
  };
}
