/**
 * Numbers and counted nouns in English for what only English speaks: the scripts' and the local
 * terminal's lines, and the English text a refusal keeps beside its catalog key (logs, tests).
 * Digits grouped as en-US groups them ("3,900"), the noun's form chosen by the plural rules, not
 * by a hand-written `n === 1`. It imports nothing, so every layer may use it. What people read in
 * Slack goes through the catalogs instead (`t.number`, ICU `{n, number}` and plurals).
 */

/** The locale numbers and plural forms are written in. */
export const LOCALE = 'en-US';

// Built on first use, not at import: the first Intl object of a process starts ICU, about 20 ms of CPU.
let numbers: Intl.NumberFormat | undefined;
let plurals: Intl.PluralRules | undefined;

/** A noun's forms: a regular one is given once ("item" → "items"), an irregular one in full. */
export type Noun = string | { one: string; other: string };

/** "3,900", "1,234,567", "0.5". */
export function formatNumber(n: number): string {
  return (numbers ??= new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 })).format(n);
}

/** The form of `noun` that goes with `n`: "item" for 1, "items" for 0 or 2. */
export function nounFor(n: number, noun: Noun): string {
  const forms = typeof noun === 'string' ? { one: noun, other: `${noun}s` } : noun;
  return (plurals ??= new Intl.PluralRules(LOCALE)).select(n) === 'one' ? forms.one : forms.other;
}

/** "1 item", "0 items", "3,900 characters", "2 replies" (with `{ one: 'reply', other: 'replies' }`). */
export function countOf(n: number, noun: Noun): string {
  return `${formatNumber(n)} ${nounFor(n, noun)}`;
}
