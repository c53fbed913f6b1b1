import { randomUUID } from 'node:crypto';
import type { ViewErrorsResponseAction } from '@slack/bolt';
import { AppError, InvalidInputError } from '#shared/errors';
import { EN, type Translator } from '#shared/i18n/translator';
import type { Logger } from '#shared/observe/log';
import { countHandledError } from '#shared/observe/metrics';
import { mentionedUser, renderProblem, renderUnexpected } from '#shared/slack/render/notice';
import { SLACK_LIMITS, type SlackMessage } from '#shared/slack/render/format';

/** An error sorted for a person: a known one keeps its own text, anything else gets an id that is in the log. */
type Sorted = { known: AppError } | { errorId: string };

/** A refusal whose own text a person can act on; configuration and Slack failures are not. */
export function isRefusal(error: unknown): error is AppError {
  return error instanceof AppError && error.code !== 'config' && error.code !== 'slack';
}

function sortError(error: unknown, log: Logger): Sorted {
  if (isRefusal(error)) {
    log.info('refused', { code: error.code, reason: error.message, ...(error.field ? { field: error.field } : {}) });
    return { known: error };
  }
  const errorId = randomUUID().slice(0, 8);
  log.error('unexpected error', { errorId, error });
  countHandledError(error);
  return { errorId };
}

/**
 * The one place errors become what a person sees: known errors show their own text (and the
 * right form, for bad input); anything else a generic line with an id that is in the log.
 */
export function answerError(error: unknown, log: Logger, t: Translator = EN): SlackMessage {
  const sorted = sortError(error, log);
  if ('errorId' in sorted) return renderUnexpected(sorted.errorId, t);
  const { known } = sorted;
  const hint = known instanceof InvalidInputError && known.hint !== undefined ? t.say({ text: known.hint, say: known.hintSay }) : undefined;
  // The people a refusal names are among its values (`who: <@U0123>`): shown as mentions.
  return renderProblem(t.say({ text: known.message, say: known.say }), hint, t, stringValues(known));
}

function stringValues(error: AppError): string[] {
  return Object.values(error.say?.values ?? {}).filter((value): value is string => typeof value === 'string');
}

/** The user ids of the people a refusal names (its values that are mentions, `<@U0123>`). */
export function peopleNamed(error: unknown): string[] {
  if (!isRefusal(error)) return [];
  return [...new Set(stringValues(error).flatMap((value) => mentionedUser(value) ?? []))];
}

/** Which block of a form shows the errors about each field; `default` takes the rest. */
export type FormFields = { default: string } & Readonly<Record<string, string>>;

/**
 * The same answer for a modal that stays open: the text beside the block of the field the
 * error names (`error.field`), or beside the form's default block; in the submitter's language.
 * A field error is plain text, where Slack shows a mention as its raw `<@U0123>`: the people
 * the refusal names are written `@name` instead, from `names` (user id → name), where known.
 */
export function answerFormError(error: unknown, fields: FormFields, log: Logger, t: Translator = EN, names: ReadonlyMap<string, string> = new Map()): ViewErrorsResponseAction {
  const sorted = sortError(error, log);
  const said = 'errorId' in sorted ? renderUnexpected(sorted.errorId, t).text : t.say({ text: sorted.known.message, say: sorted.known.say });
  const text = [...names].reduce((shown, [userId, name]) => shown.replaceAll(`<@${userId}>`, `@${name}`), said);
  const field = 'known' in sorted && sorted.known.field ? sorted.known.field : undefined;
  const blockId = (field && fields[field]) || fields.default;
  return { response_action: 'errors', errors: { [blockId]: text.slice(0, SLACK_LIMITS.plainText) } };
}
