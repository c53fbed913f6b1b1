import { localeOfSlack, type Locale } from '#shared/domain/locale';
import { ConflictError } from '#shared/errors';
import { spoken } from '#shared/i18n/translator';
import type { Caller, Deps } from '#shared/use-cases/commitments';

/**
 * Sets (or, with none, clears) the language the caller is answered in, in steps:
 * 1. read their record (the request has just read it, or looked them up in Slack);
 * 2. keep the choice on it, beside what Slack says of them, which a later lookup leaves alone;
 * 3. say which language answers from now on, and whether it is their Slack's.
 */
export async function chooseLanguage(deps: Pick<Deps, 'directory'>, caller: Caller, language: Locale | undefined): Promise<{ locale: Locale; fromSlack: boolean }> {
  const person = await deps.directory.person(caller.teamId, caller.userId);
  if (!(await deps.directory.setLanguage(caller.teamId, caller.userId, language))) {
    const { text, say } = spoken('me.recordGone');
    throw new ConflictError(text, { say });
  }
  return language ? { locale: language, fromSlack: false } : { locale: localeOfSlack(person.locale), fromSlack: true };
}
