import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommand, type Command } from '#shared/slack/command-parser';
import { answerError } from '#shared/slack/answer-error';
import { renderProblem } from '#shared/slack/render/notice';
import { addTrackModal, addCommitmentModal } from '#shared/slack/render/modals';
import type { SlackMessage } from '#shared/slack/render/format';
import { runCommand } from '#shared/use-cases/run-command';
import { getTrack } from '#shared/use-cases/commitments';
import type { ListenerDeps } from '../deps.ts';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/commitments …`: parse, then answer in the HTTP response itself (no extra call to Slack),
 * ephemerally unless the person asked to share. Commands given too little open a modal.
 */
export function commitmentsCommand(deps: ListenerDeps) {
  return async ({ command, ack, client }: Args): Promise<void> => {
    const parsed = parseCommand(command.text);
    if (!parsed.ok) return ack(ephemeral(renderProblem(parsed.error, parsed.usage)));
    const caller = {
      teamId: command.team_id,
      userId: command.user_id,
      now: deps.clock(),
    };
    try {
      const modal = await modalFor(deps, parsed.command, caller.teamId, { channelId: command.channel_id, responseUrl: command.response_url });
      if (modal) {
        await client.views.open({ trigger_id: command.trigger_id, view: modal as never });
        return ack();
      }
      const answer = await runCommand(deps, caller, { channelId: command.channel_id }, parsed.command);
      return ack(answer.share ? { response_type: 'in_channel', ...answer.message } : ephemeral(answer.message));
    } catch (error) {
      return ack(ephemeral(answerError(error, deps.log)));
    }
  };
}

/** Adding without enough fields opens the form instead of refusing. */
async function modalFor(deps: ListenerDeps, command: Command, teamId: string, origin: { channelId: string; responseUrl: string }) {
  if (command.type === 'track-add' && !(command.slug && command.title && command.parties && command.timeZone)) {
    const { parties, ...rest } = command;
    return addTrackModal(origin, { ...rest, ...(parties ? { parties: parties.join(', ') } : {}) });
  }
  if (command.type === 'add' && !command.title) {
    const track = await getTrack(deps, teamId, command.track);
    return addCommitmentModal(track, origin);
  }
  return undefined;
}

function ephemeral(message: SlackMessage) {
  return { response_type: 'ephemeral' as const, ...message };
}
