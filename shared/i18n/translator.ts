import { IntlMessageFormat } from 'intl-messageformat';
import { formatLocalDate, formatShortDate } from '#shared/i18n/written-dates';
import { DEFAULT_LOCALE, INTL_TAG, type Locale } from '#shared/domain/locale';
import type { LocalDate } from '#shared/domain/schemas';
import type { Say, SayValues } from '#shared/errors';
import { en, type Catalog, type MessageKey } from '#shared/i18n/en';

/** What fills a message's placeholders: people's text and ids as strings, counts as numbers, days as `{ date }` or `{ dates }` (written the language's way). */
export type MessageValues = SayValues;

/**
 * One language's words and ways of writing dates and numbers, for one request (or one
 * recipient). Renderers take it as an argument; English ({@link EN}) is the default everywhere.
 */
export interface Translator {
  readonly locale: Locale;
  /** The catalog's message for `key` with its placeholders filled. */
  t(key: MessageKey, values?: MessageValues): string;
  /** A refusal's or notice's text, from its key (and values) when it has one, else as written. */
  say(message: { text: string; say?: Say | undefined }): string;
  /** "Tue 30 Sep 2025", "2025年9月30日(火)", "2025년 9월 30일 (화)". */
  date(date: LocalDate): string;
  /** "30 Sep", "9月30日", "9월 30일". */
  shortDate(date: LocalDate): string;
  /** "3,900". */
  number(n: number): string;
  /** Items all meant together: "A, B and C", "A、B、C", "A, B 및 C". */
  and(items: readonly string[]): string;
  /** Items one of which is meant: "A, B or C", "A、B、またはC", "A, B 또는 C". */
  or(items: readonly string[]): string;
  /** Days or names in a row with no last word, with the commas `and` writes: "A, B, C", "A、B、C". */
  list(items: readonly string[]): string;
  /** A time before or after now in the language's words, for the languages other than English: "3日前", "3일 후". */
  relative(value: number, unit: Intl.RelativeTimeFormatUnit): string;
}

/**
 * The tag each language's lists are written with. English lists come from British English:
 * en-US puts a comma before "and"/"or" ("A, B, and C"), which the bot's English has never written.
 */
const LIST_TAG: Record<Locale, string> = { ...INTL_TAG, en: 'en-GB' };

/** A catalog's message compiled once per process; ICU tags are not read, so Slack's `<@U1>` and `<url|label>` pass as text. */
function compiler(locale: Locale, catalog: Catalog) {
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  return (key: MessageKey): IntlMessageFormat => {
    let message = compiled.get(key);
    if (!message) {
      // A key the catalog lacks (a test fails on it) falls back to English rather than to nothing.
      message = new IntlMessageFormat(catalog[key] ?? en[key], INTL_TAG[locale], undefined, { ignoreTag: true });
      compiled.set(key, message);
    }
    return message;
  };
}

/** Builds the translator of `locale` over `catalog`; `compile` and `date` may stand in for the catalog's own messages and dates (the pseudo-locale). */
export function createTranslator(
  locale: Locale,
  catalog: Catalog,
  compile: (key: MessageKey) => IntlMessageFormat = compiler(locale, catalog),
  date: (day: LocalDate) => string = (day) => formatLocalDate(day, locale),
): Translator {
  // Built on first use: the first Intl object of a process starts ICU (about 20 ms), which a cold
  // start does while its first reads are in flight (`loadTimeZoneData`), not while it imports.
  const numbers = once(() => new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: 2 }));
  const relative = once(() => new Intl.RelativeTimeFormat(INTL_TAG[locale], { numeric: 'always' }));
  const and = once(() => new Intl.ListFormat(LIST_TAG[locale], { type: 'conjunction' }));
  const or = once(() => new Intl.ListFormat(LIST_TAG[locale], { type: 'disjunction' }));
  // Intl's own plain lists (`unit`) join Japanese and Korean with spaces; the conjunction's comma reads right in all three.
  const comma = once(() => and().formatToParts(['a', 'b', 'c']).find((part) => part.type === 'literal')!.value);
  const list = (items: readonly string[]): string => items.join(comma());
  const t = (key: MessageKey, values?: MessageValues): string => String(compile(key).format(withDates(values, date, list)));
  return {
    locale,
    t,
    say: (message) => (message.say ? t(message.say.key as MessageKey, message.say.values) : message.text),
    date,
    shortDate: (date) => formatShortDate(date, locale),
    number: (n) => numbers().format(n),
    and: (items) => and().format(items),
    or: (items) => or().format(items),
    list,
    relative(value, unit) {
      // ICU writes "3 日前" with a space; Japanese is written without one.
      const text = relative().format(value, unit);
      return locale === 'ja' ? text.replace(/(\d) (?=\p{Script=Han})/u, '$1') : text;
    },
  };
}

/** `make()` the first time the returned function is called, and its result ever after. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** English: bundled, and the language of anyone whose Slack speaks none of the others. */
export const EN: Translator = createTranslator(DEFAULT_LOCALE, en);

/**
 * The other catalogs, each its own chunk of the bundle: an English answer never loads them,
 * the first Japanese or Korean one in a container loads its language's once.
 */
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Catalog>> = {
  ja: async () => (await import('#shared/i18n/ja')).ja,
  ko: async () => (await import('#shared/i18n/ko')).ko,
};

const loaded = new Map<Locale, Promise<Translator>>([[DEFAULT_LOCALE, Promise.resolve(EN)]]);

/** The translator of `locale`, its catalog loaded on first use (English is there already). */
export function translatorFor(locale: Locale): Promise<Translator> {
  let found = loaded.get(locale);
  if (!found) {
    found = LOADERS[locale as Exclude<Locale, 'en'>]().then((catalog) => createTranslator(locale, catalog));
    // A failed load is tried again by the next request rather than kept.
    found.catch(() => loaded.delete(locale));
    loaded.set(locale, found);
  }
  return found;
}

/** The language of a person the bot is answering: their own choice, else their Slack's, as their record says; English without either. */
export function translatorOf(person: { access: { locale?: Locale | undefined } }): Promise<Translator> {
  return translatorFor(person.access.locale ?? DEFAULT_LOCALE);
}

/** A catalog message as a refusal carries it: its English text (logs, English answers) and its key and values; a day goes in as `{ date }`. */
export function spoken(key: MessageKey, values?: SayValues): { text: string; say: Say } {
  return { text: EN.t(key, values), say: { key, ...(values ? { values } : {}) } };
}

/** The values with each day written as `date` writes it, and each row of days as `list` lists them. */
function withDates(values: MessageValues | undefined, date: (day: LocalDate) => string, list: (items: readonly string[]) => string): Readonly<Record<string, string | number>> | undefined {
  if (!values) return undefined;
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value !== 'object' ? value : 'date' in value ? date(value.date) : list(value.dates.map(date))]),
  );
}
