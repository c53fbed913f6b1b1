import { answerError } from '#shared/slack/answer-error';
import { redrawReport } from '#shared/use-cases/interactions';
import type { ListenerDeps } from '../deps.ts';
import { buttonCaller, type ButtonArgs } from '../payload.ts';

/** A report's share button: the same page posted in the channel, without the share button. */
export function shareReport(deps: ListenerDeps) {
  return async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    try {
      const message = await redrawReport(deps, await buttonCaller(deps, body, deps.clock()), action.value ?? '', true);
      if (message) await respond({ response_type: 'in_channel', replace_original: false, ...message });
    } catch (error) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...answerError(error, deps.log) });
    }
  };
}
