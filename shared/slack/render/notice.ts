import { EN, type Translator } from '#shared/i18n/translator';
import { escapeEntities, section, context, plainText, type SlackMessage } from '#shared/slack/render/format';
import { localUsage } from '#shared/slack/render/usage';

/** What a person sees when input cannot be used: what was wrong (already in their language), then the right form. */
export function renderProblem(problem: string, usage?: string, t: Translator = EN): SlackMessage {
  const form = usage === undefined ? undefined : escapeEntities(localUsage(usage, t));
  const text = form ? `${escapeEntities(problem)}\n${t.t('problem.try', { usage: form })}` : escapeEntities(problem);
  return {
    text,
    blocks: [section(`:warning: ${escapeEntities(problem)}`), ...(form ? [context(t.t('problem.try', { usage: `\`${form}\`` }))] : [])],
  };
}

/** A short confirmation (mrkdwn, user text already escaped), with what was resolved (e.g. a date) echoed back. */
export function renderDone(message: string): SlackMessage {
  return { text: plainText(message), blocks: [section(`:white_check_mark: ${message}`)] };
}

/** Anything unexpected: a generic answer and the id under which the details are logged. */
export function renderUnexpected(errorId: string, t: Translator = EN): SlackMessage {
  const text = t.t('unexpected', { errorId });
  return { text, blocks: [section(`:x: ${text}`)] };
}
