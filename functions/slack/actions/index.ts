import type { AllMiddlewareArgs, App, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS } from '#shared/slack/definitions';
import { answerError } from '#shared/slack/answer-error';
import { doneModal, noteModal, updateModal, type ModalOrigin } from '#shared/slack/render/modals';
import { parseReportRef, reportBlockId } from '#shared/slack/render/report';
import { headerRef, redraw } from '#shared/use-cases/redraw';
import type { ListenerDeps } from '../deps.ts';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const MODALS = {
  [ACTION_IDS.markDone]: doneModal,
  [ACTION_IDS.update]: updateModal,
  [ACTION_IDS.addNote]: noteModal,
} as const;

/** Item buttons open their modal; report buttons page or share the report. */
export function registerActions(app: App, deps: ListenerDeps): void {
  for (const [actionId, modal] of Object.entries(MODALS)) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, client, respond }: Args) => {
      await ack();
      try {
        const { item } = await deps.store.getCommitmentWithTrack(body.team?.id ?? '', action.value ?? '');
        const origin: ModalOrigin = {
          ...(body.response_url ? { responseUrl: body.response_url } : {}),
          ...(body.channel?.id ? { channelId: body.channel.id } : {}),
          ...(body.container?.message_ts ? { messageTs: body.container.message_ts } : {}),
          ...(headerRef(body.message?.blocks) ? { refresh: headerRef(body.message?.blocks) } : {}),
        };
        await client.views.open({ trigger_id: body.trigger_id, view: modal(item, origin) as never });
      } catch (error) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...answerError(error, deps.log) });
      }
    });
  }

  for (const actionId of [ACTION_IDS.pagePrevious, ACTION_IDS.pageNext, ACTION_IDS.share]) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }: Args) => {
      await ack();
      const ref = parseReportRef(action.value ?? '');
      const share = actionId === ACTION_IDS.share;
      try {
        const message = ref && (await redraw(deps, body.team?.id ?? '', reportBlockId(ref), deps.clock(), share));
        if (!message) return;
        await respond(
          share
            ? { response_type: 'in_channel', replace_original: false, ...message }
            : { response_type: 'ephemeral', replace_original: true, ...message },
        );
      } catch (error) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...answerError(error, deps.log) });
      }
    });
  }
}
