import * as z from 'zod';

/**
 * The languages the bot answers in. English is the default and the fallback; a person's Slack
 * language (`ja-JP`, `ko-KR`, …) decides unless they chose one with `me language`.
 */
export const LOCALES = ['en', 'ja', 'ko'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const DEFAULT_LOCALE: Locale = 'en';

/** The BCP 47 tag `Intl` formats each language's dates and numbers with. */
export const INTL_TAG: Record<Locale, string> = { en: 'en-US', ja: 'ja-JP', ko: 'ko-KR' };

/** Which language a Slack locale (`ja-JP`, `ko-KR`, `en-GB`, …) answers in: its language if the bot speaks it, else English. */
export function localeOfSlack(slackLocale: string | undefined): Locale {
  const language = slackLocale?.toLowerCase().split(/[-_]/)[0];
  return language === 'ja' || language === 'ko' ? language : DEFAULT_LOCALE;
}

/** A person's language: the one they chose (`me language ja`), else their Slack's. */
export function resolveLocale(person: { locale?: string | undefined; language?: Locale | undefined } | null | undefined): Locale {
  return person?.language ?? localeOfSlack(person?.locale);
}
