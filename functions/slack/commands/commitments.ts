import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommand, WRITE_COMMANDS } from '#shared/slack/command-parser';
import { answerError } from '#shared/slack/answer-error';
import { renderProblem } from '#shared/slack/render/notice';
import type { SlackMessage } from '#shared/slack/render/format';
import { runCommand } from '#shared/use-cases/run-command';
import type { ListenerDeps } from '../deps.ts';
import { publishHome } from '../home.ts';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/commitments …`: parse, then answer in the HTTP response itself (no extra call to Slack),
 * ephemerally unless the person asked to share, or open the modal the command calls for.
 */
export function commitmentsCommand(deps: ListenerDeps) {
  return async ({ command, ack, client, context }: Args): Promise<void> => {
    const parsed = parseCommand(command.text);
    if (!parsed.ok) return ack(ephemeral(renderProblem(parsed.error, parsed.usage)));
    const caller = {
      teamId: command.team_id,
      userId: command.user_id,
      now: deps.clock(),
    };
    try {
      const answer = await runCommand(deps, caller, { channelId: command.channel_id, responseUrl: command.response_url, slack: { apiUrl: deps.slackApiUrl, token: context.botToken ?? '' } }, parsed.command);
      if ('modal' in answer) {
        await client.views.open({ trigger_id: command.trigger_id, view: answer.modal as never });
        return ack();
      }
      await ack(answer.share ? { response_type: 'in_channel', ...answer.message } : ephemeral(answer.message));
      if (WRITE_COMMANDS.has(parsed.command.type)) await publishHome(deps, client, caller.teamId, caller.userId);
      return;
    } catch (error) {
      return ack(ephemeral(answerError(error, deps.log)));
    }
  };
}

function ephemeral(message: SlackMessage) {
  return { response_type: 'ephemeral' as const, ...message };
}
