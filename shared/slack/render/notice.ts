import { EN, type Translator } from '#shared/i18n/translator';
import { escapeEntities, section, context, plainText, type SlackMessage } from '#shared/slack/render/format';
import { localUsage } from '#shared/slack/render/usage';

/** What a person sees when input cannot be used: what was wrong (already in their language; `mentions`, the people it names, shown as mentions), then the right form. */
export function renderProblem(problem: string, usage?: string, t: Translator = EN, mentions: readonly string[] = []): SlackMessage {
  const form = usage === undefined ? undefined : escapeEntities(localUsage(usage, t));
  const shown = withMentions(escapeEntities(problem), mentions);
  const text = form ? `${shown}\n${t.t('problem.try', { usage: form })}` : shown;
  return {
    text,
    blocks: [section(`:warning: ${shown}`), ...(form ? [context(t.t('problem.try', { usage: `\`${form}\`` }))] : [])],
  };
}

/** A person as the bot writes one into a refusal (`<@U0123>`): nothing else is let through unescaped. */
const MENTION = /^<@([UW][A-Z0-9]+)>$/;

/** The user id of a refusal's value that is exactly a mention (`<@U0123>` → `U0123`); otherwise undefined. */
export function mentionedUser(value: string): string | undefined {
  return MENTION.exec(value)?.[1];
}

/**
 * The escaped problem with the people it names (values the bot put in, `<@U0123>`) written back
 * as mentions, so Slack shows their names; any other `<`, `>` or `&` stays escaped.
 */
function withMentions(escaped: string, mentions: readonly string[]): string {
  return mentions.filter((m) => mentionedUser(m) !== undefined).reduce((text, mention) => text.replaceAll(escapeEntities(mention), mention), escaped);
}

/**
 * Why Slack refused a post or a direct message, in words, from its error code (`not_in_channel`:
 * the bot is not in the channel…); a code without words is shown as it is, in code marks when
 * `markup` (mrkdwn keeps its underscores whole there).
 */
export function slackWhy(code: string, t: Translator = EN, markup = true): string {
  const shown = markup ? `\`${escapeEntities(code)}\`` : escapeEntities(code);
  return t.t('slack.why', { code, shown });
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
