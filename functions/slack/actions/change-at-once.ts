import { EN, translatorOf, type Translator } from '#shared/i18n/translator';
import { answerError } from '#shared/slack/answer-error';
import { postToResponseUrl } from '#shared/slack/respond';
import { itemIdOf } from '#shared/slack/render/commitment';
import type { Caller, Deps } from '#shared/use-cases/commitments';
import { headerRef } from '#shared/use-cases/redraw';
import type { ListenerDeps } from '../deps.ts';
import { echoJob, jobTeam } from '../after-answer.ts';
import { buttonCaller, type ButtonArgs } from '../payload.ts';

/** A use case behind a button whose value is `<id>@<version>`: it makes the change and says what it did. */
type ChangeFromButton = (deps: Deps, caller: Caller, value: string, t: Translator) => Promise<string>;

/**
 * An item button that changes the item at once, with no form (Unarchive, Reopen): `change`
 * makes it, then the confirmation goes back and the message it sat on is redrawn.
 */
export function changeAtOnce(deps: ListenerDeps, change: ChangeFromButton) {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    // The confirmation and any refusal are said in the presser's language.
    let t = EN;
    try {
      const caller = await buttonCaller(deps, body, deps.clock(), itemIdOf(action.value ?? ''));
      t = await translatorOf(caller);
      const confirmation = await change(deps, caller, action.value ?? '', t);
      const refresh = headerRef(body.message?.blocks);
      const origin = { ...(body.response_url ? { responseUrl: body.response_url } : {}), ...(refresh ? { refresh } : {}) };
      const team = jobTeam(context, caller.teamId);
      deps.afterAnswer.later(context, echoJob(team, caller.userId, origin, confirmation));
      deps.afterAnswer.later(context, { kind: 'home', team, userId: caller.userId });
    } catch (error) {
      if (body.response_url) await postToResponseUrl({ url: body.response_url, slackApiUrl: deps.slackApiUrl }, answerError(error, deps.log, t));
    }
  };
}
