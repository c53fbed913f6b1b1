import { en, type MessageKey } from '#shared/i18n/en';
import type { Translator } from '#shared/i18n/translator';

/** Each gloss's English text to its key: a command's form is written once, in its definition. */
const GLOSS_KEYS = new Map(
  (Object.keys(en) as MessageKey[]).filter((key) => key.startsWith('gloss.')).map((key) => [en[key], key] as const),
);

/**
 * A command's form in the person's language: the syntax as typed (`/commitments me`), and the
 * gloss in brackets after two spaces ("(your check-ins)") from the catalog (whose English is the
 * definition's own, word for word: test/shared/i18n).
 */
export function localUsage(usage: string, t: Translator): string {
  // The overview shows every form, one a line.
  return usage.split('\n').map((form) => {
    const at = form.indexOf('  (');
    if (at === -1 || !form.endsWith(')')) return form;
    const key = GLOSS_KEYS.get(form.slice(at + 3, -1));
    return key ? `${form.slice(0, at)}  (${t.t(key)})` : form;
  }).join('\n');
}
