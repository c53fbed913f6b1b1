import { answerError } from '#shared/slack/answer-error';
import { redrawReport } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { buttonCaller, type ButtonArgs } from '../payload.ts';

/** A report's previous/next button: the other page, in place of the message. */
export function pageReport(deps: ListenerDeps) {
  return async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    try {
      const message = await redrawReport(deps, await buttonCaller(deps, body, deps.clock()), action.value ?? '', false);
      if (message) await respond({ response_type: 'ephemeral', replace_original: true, ...message });
    } catch (error) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...answerError(error, deps.log) });
    }
  };
}
