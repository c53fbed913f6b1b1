import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { CommandError, runCommand } from '#shared/commands/registry';
import type { Locale } from '#shared/domain/locale';
import { EN, translatorFor } from '#shared/i18n/translator';
import { languageOf } from '#shared/use-cases/access';
import { answerError } from '#shared/slack/answer-error';
import { PARSED_COMMAND_KEY, parsedFor } from '#shared/commands/replay';
import { countCommand } from '#shared/observe/metrics';
import { renderProblem } from '#shared/slack/render/notice';
import type { SlackMessage } from '#shared/slack/render/format';
import type { ListenerDeps } from '../deps.ts';
import { jobTeam } from '../after-answer.ts';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/commitments …`: take the handler's parse (or parse, under Socket Mode), then answer in the
 * HTTP response itself (no extra call to Slack), ephemerally unless the person asked to share,
 * or open the modal the command calls for. Files to send and the Home redraw after a change
 * wait for after the answer.
 */
export function commitmentsCommand(deps: ListenerDeps) {
  return async ({ command, ack, client, context }: Args): Promise<void> => {
    const parsed = parsedFor(command.text, context[PARSED_COMMAND_KEY]);
    countCommand(parsed.ok ? parsed.definition.name : 'invalid');
    if (!parsed.ok) {
      const t = await translatorFor(await languageOf(deps, command.team_id, command.user_id));
      return ack(ephemeral(renderProblem(t.say({ text: parsed.error, say: parsed.say }), parsed.usage, t)));
    }
    try {
      const caller = { teamId: command.team_id, userId: command.user_id, channelId: command.channel_id, now: deps.clock() };
      const team = jobTeam(context, command.team_id);
      const sendBriefing = (track: string, askedAt: Date, locale: Locale) =>
        deps.afterAnswer.later(context, { kind: 'export', team, userId: command.user_id, channelId: command.channel_id, track, askedAt: askedAt.toISOString(), responseUrl: command.response_url, locale });
      const where = { channelId: command.channel_id, responseUrl: command.response_url, sendBriefing };
      const answer = await runCommand(deps, caller, where, parsed);
      if ('modal' in answer) {
        await client.views.open({ trigger_id: command.trigger_id, view: answer.modal });
        return ack();
      }
      await ack(answer.share ? { response_type: 'in_channel', ...answer.message } : ephemeral(answer.message));
      if (parsed.definition.writes) deps.afterAnswer.later(context, { kind: 'home', team, userId: command.user_id });
      return;
    } catch (failure) {
      const { error, t } = failure instanceof CommandError ? failure : { error: failure, t: EN };
      return ack(ephemeral(answerError(error, deps.log, t)));
    }
  };
}

function ephemeral(message: SlackMessage) {
  return { response_type: 'ephemeral' as const, ...message };
}
