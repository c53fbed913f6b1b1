import { randomUUID } from 'node:crypto';
import { AppError, InvalidInputError } from '#shared/errors';
import type { Logger } from '#shared/log';
import { renderProblem, renderUnexpected } from '#shared/slack/render/notice';
import type { SlackMessage } from '#shared/slack/render/format';

/**
 * The one place errors become what a person sees: known errors show their own text (and the
 * right form, for bad input); anything else a generic line with an id that is in the log.
 */
export function answerError(error: unknown, log: Logger): SlackMessage {
  if (error instanceof AppError && error.code !== 'config' && error.code !== 'slack') {
    log.info('refused', { code: error.code, reason: error.message });
    return renderProblem(error.message, error instanceof InvalidInputError ? error.hint : undefined);
  }
  const errorId = randomUUID().slice(0, 8);
  log.error('unexpected error', { errorId, error });
  return renderUnexpected(errorId);
}
