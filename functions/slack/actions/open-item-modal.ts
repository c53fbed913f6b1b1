import type { types } from '@slack/bolt';
import type { Commitment } from '#shared/domain/schemas';
import { EN, translatorOf, type Translator } from '#shared/i18n/translator';
import { answerError } from '#shared/slack/answer-error';
import { postToResponseUrl } from '#shared/slack/respond';
import type { ModalOrigin } from '#shared/slack/render/modals';
import { getCommitment } from '#shared/use-cases/interactions';
import { headerRef } from '#shared/use-cases/redraw';
import type { ListenerDeps } from '../deps.ts';
import { postedInChannel } from '../after-answer.ts';
import { buttonCaller, type ButtonArgs } from '../payload.ts';

/** An item's button (mark done, update, add note, edit): opens its modal in the presser's language, remembering the message to redraw. */
export function openItemModal(deps: ListenerDeps, modal: (item: Commitment, origin: ModalOrigin, t: Translator) => types.ModalView) {
  return async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    let t = EN;
    try {
      const caller = await buttonCaller(deps, body, deps.clock(), action.value ?? '');
      t = await translatorOf(caller);
      const item = await getCommitment(deps, caller, action.value ?? '');
      const refresh = headerRef(body.message?.blocks);
      const origin: ModalOrigin = {
        ...(body.response_url ? { responseUrl: body.response_url } : {}),
        ...(body.channel?.id ? { channelId: body.channel.id } : {}),
        ...(body.container?.message_ts ? { messageTs: body.container.message_ts } : {}),
        ...(refresh ? { refresh } : {}),
        ...(postedInChannel(body) ? { inChannel: true } : {}),
      };
      await client.views.open({ trigger_id: body.trigger_id, view: modal(item, origin, t) });
    } catch (error) {
      if (body.response_url) await postToResponseUrl({ url: body.response_url, slackApiUrl: deps.slackApiUrl }, answerError(error, deps.log, t));
    }
  };
}
