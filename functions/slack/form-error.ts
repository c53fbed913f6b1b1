import type { SlackViewAction, ViewErrorsResponseAction } from '@slack/bolt';
import type { Translator } from '#shared/i18n/translator';
import { answerFormError, peopleNamed, type FormFields } from '#shared/slack/answer-error';
import type { ListenerDeps } from './deps.ts';
import { teamOf } from './payload.ts';

/**
 * A form's refusal as field errors (see `answerFormError`), the people it names written by name:
 * one read of their records in the submitter's workspace, no Slack call. A person without a
 * record, or a read that fails, leaves the mention as it was.
 */
export async function answerForm(deps: Pick<ListenerDeps, 'directory' | 'log'>, body: SlackViewAction, error: unknown, fields: FormFields, t: Translator): Promise<ViewErrorsResponseAction> {
  const named = peopleNamed(error);
  const names =
    named.length === 0
      ? new Map<string, string>()
      : await deps.directory.names(teamOf(body), named).catch((failure: unknown) => {
          deps.log.warn('no names for the people a form error names', { error: failure });
          return new Map<string, string>();
        });
  return answerFormError(error, fields, deps.log, t, names);
}
