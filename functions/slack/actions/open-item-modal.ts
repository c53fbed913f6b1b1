import type { types } from '@slack/bolt';
import type { Commitment } from '#shared/domain/schemas';
import { answerError } from '#shared/slack/answer-error';
import type { ModalOrigin } from '#shared/slack/render/modals';
import { getCommitment } from '#shared/use-cases/interactions';
import { headerRef } from '#shared/use-cases/redraw';
import type { ListenerDeps } from '../deps.ts';
import { buttonCaller, type ButtonArgs } from '../payload.ts';

/** An item's button (mark done, update, add note): opens its modal, remembering the message to redraw. */
export function openItemModal(deps: ListenerDeps, modal: (item: Commitment, origin: ModalOrigin) => types.ModalView) {
  return async ({ ack, body, action, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    try {
      const item = await getCommitment(deps, await buttonCaller(deps, body, deps.clock()), action.value ?? '');
      const refresh = headerRef(body.message?.blocks);
      const origin: ModalOrigin = {
        ...(body.response_url ? { responseUrl: body.response_url } : {}),
        ...(body.channel?.id ? { channelId: body.channel.id } : {}),
        ...(body.container?.message_ts ? { messageTs: body.container.message_ts } : {}),
        ...(refresh ? { refresh } : {}),
      };
      await client.views.open({ trigger_id: body.trigger_id, view: modal(item, origin) });
    } catch (error) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...answerError(error, deps.log) });
    }
  };
}
