import { escapeEntities, section, context, plainText, type SlackMessage } from '#shared/slack/render/format';

/** What a person sees when input cannot be used: what was wrong, then the right form. */
export function renderProblem(problem: string, usage?: string): SlackMessage {
  const text = usage ? `${escapeEntities(problem)}\nTry: ${escapeEntities(usage)}` : escapeEntities(problem);
  return {
    text,
    blocks: [section(`:warning: ${escapeEntities(problem)}`), ...(usage ? [context(`Try: \`${escapeEntities(usage)}\``)] : [])],
  };
}

/** A short confirmation (mrkdwn, user text already escaped), with what was resolved (e.g. a date) echoed back. */
export function renderDone(message: string): SlackMessage {
  return { text: plainText(message), blocks: [section(`:white_check_mark: ${message}`)] };
}

/** Anything unexpected: a generic answer and the id under which the details are logged. */
export function renderUnexpected(errorId: string): SlackMessage {
  const text = `Something went wrong on our side; nothing was changed. If it keeps happening, quote error id ${errorId}.`;
  return { text, blocks: [section(`:x: ${text}`)] };
}
