import { IntlMessageFormat } from 'intl-messageformat';
import { en, type MessageKey } from '#shared/i18n/en';
import { createTranslator, EN, type Translator } from '#shared/i18n/translator';

/**
 * The pseudo-locale: English with every letter that came through the catalog swapped for an
 * accented look-alike ("Ōṽéŕďúé"), placeholders and plural/select structure kept. A rendering in
 * it that still shows a plain English word wrote that word without the catalog.
 */
const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'áƀćďéƒǵĥíĵķĺḿńóṕɋŕśťúṽẃẋýźÁƁĆĎÉƑǴĤÍĴĶĹḾŃÓṔɊŔŚŤÚṼẂẊÝŹ'][i]!]),
);

export function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => ACCENTED[c]!);
}

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

function accentElements(elements: Element[]): Element[] {
  return elements.map((el) => {
    if (el.type === 0 && el.value !== undefined) return { ...el, value: accent(el.value) };
    if (!el.options) return el;
    return { ...el, options: Object.fromEntries(Object.entries(el.options).map(([k, option]) => [k, { ...option, value: accentElements(option.value) }])) };
  });
}

/** The ICU elements of a message, as intl-messageformat parses it. */
export function messageElements(message: string, locale = 'en'): Element[] {
  return new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst();
}

/** The names a message's placeholders use, in its select and plural branches too. */
export function placeholdersOf(message: string, locale = 'en'): string[] {
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      if (el.type >= 1 && el.type <= 6 && el.value !== undefined) names.add(el.value);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  walk(messageElements(message, locale));
  return [...names].sort();
}

/** A translator of the pseudo-locale: the English catalog accented, and dates and ages accented too. */
export function pseudoTranslator(): Translator {
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const base = createTranslator(
    'en',
    en,
    (key) => {
      let found = compiled.get(key);
      if (!found) compiled.set(key, (found = new IntlMessageFormat(accentElements(messageElements(en[key])), 'en-US', undefined, { ignoreTag: true })));
      return found;
    },
    (d) => accent(EN.date(d)),
  );
  return {
    ...base,
    shortDate: (d) => accent(base.shortDate(d)),
    relative: (value, unit) => accent(base.relative(value, unit)),
    and: accentedList(base.and),
    or: accentedList(base.or),
  };
}

/** Lists as `join` writes them, its words ("and", "or") accented and the items kept as given. */
function accentedList(join: (items: readonly string[]) => string): (items: readonly string[]) => string {
  return (items) => accent(join(items.map((_, i) => `\u0000${i}\u0000`))).replace(/\u0000(\d+)\u0000/g, (_, i: string) => items[Number(i)]!);
}

/** Words that stay as they are in every language: names of products. */
const PROPER_NOUNS = new Set(['Slack', 'Markdown', 'CSV', 'ID']);

/**
 * The English words left in `text` outside what may stay as it is: people's text (`people`),
 * ids such as JK-4, track slugs, command syntax (code spans, `/commitments …` forms, and the
 * words those forms take, `commandWords`, where a gloss names one), Slack's
 * codes (mentions, links, emoji) and time-zone names.
 */
export function englishLeftIn(text: string, allowed: { people?: readonly string[]; slugs?: readonly string[]; commandWords?: ReadonlySet<string> } = {}): string[] {
  let rest = text;
  // Longest first, so a title containing another's words goes whole.
  for (const kept of [...(allowed.people ?? []), ...(allowed.slugs ?? [])].sort((a, b) => b.length - a.length)) rest = rest.split(kept).join(' ');
  rest = rest
    .replace(/&(lt|gt|amp);/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\/commitments[^\n(（]*/g, ' ')
    .replace(/<[^>\s][^>]*>/g, ' ')
    .replace(/:[a-z0-9_+-]+:/g, ' ')
    .replace(/\b[A-Z][A-Z0-9]{0,5}-\d+\b/g, ' ')
    .replace(/\b[A-Z][a-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?\b/g, ' ');
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !PROPER_NOUNS.has(word) && !allowed.commandWords?.has(word.toLowerCase()));
}

/** Every string a Slack message or view shows: its fallback text and each text of its blocks. */
export function shownTexts(message: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      if (key === 'text') found.push(value);
      return;
    }
    if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k === 'text' ? 'text' : k);
  };
  walk(message);
  return found;
}
