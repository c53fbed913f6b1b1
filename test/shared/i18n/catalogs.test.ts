import { describe, expect, it } from 'vitest';
import { LOCALES } from '#shared/domain/locale';
import { en, type Catalog, type MessageKey } from '#shared/i18n/en';
import { ja } from '#shared/i18n/ja';
import { ko } from '#shared/i18n/ko';
import { translatorFor } from '#shared/i18n/translator';
import { COMMANDS } from '#shared/commands/registry';
import { messageElements, placeholdersOf } from '../../support/pseudo-locale.ts';

const CATALOGS: Record<string, Catalog> = { en, ja, ko };
const KEYS = Object.keys(en) as MessageKey[];

describe('message catalogs (issue 26)', () => {
  it('has a catalog for every language the bot speaks, each with exactly the English keys', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual([...LOCALES].sort());
    for (const [locale, catalog] of Object.entries(CATALOGS)) {
      expect({ locale, keys: Object.keys(catalog).sort() }).toEqual({ locale, keys: [...KEYS].sort() });
      for (const key of KEYS) expect({ locale, key, empty: catalog[key].trim() === '' }).toEqual({ locale, key, empty: false });
    }
  });

  it('compiles every message of every catalog as ICU MessageFormat', () => {
    let compiled = 0;
    for (const [locale, catalog] of Object.entries(CATALOGS)) {
      for (const key of KEYS) {
        expect(() => messageElements(catalog[key], locale), `${locale} ${key}`).not.toThrow();
        compiled++;
      }
    }
    expect(compiled).toBe(KEYS.length * 3);
  });

  it('uses the same placeholders in each language as in English', () => {
    for (const key of KEYS) {
      const english = placeholdersOf(en[key]);
      expect({ key, ja: placeholdersOf(ja[key], 'ja') }).toEqual({ key, ja: english });
      expect({ key, ko: placeholdersOf(ko[key], 'ko') }).toEqual({ key, ko: english });
    }
  });

  it('has each command form’s gloss, as help shows it, in the catalog', () => {
    const glosses = COMMANDS.flatMap((c) => {
      const at = c.usage.indexOf('  (');
      return at === -1 ? [] : [{ name: c.name, gloss: c.usage.slice(at + 3, -1) }];
    });
    expect(glosses.length).toBeGreaterThan(5);
    for (const { name, gloss } of glosses) expect({ name, gloss: en[`gloss.${name}` as MessageKey] }).toEqual({ name, gloss });
  });

  it('loads Japanese and Korean on first use and formats with each language’s plural and date rules', async () => {
    const [jaT, koT] = await Promise.all([translatorFor('ja'), translatorFor('ko')]);
    expect(await translatorFor('ja')).toBe(jaT);
    expect(jaT.date('2025-09-30')).toBe('2025年9月30日(火)');
    expect(koT.date('2025-09-30')).toBe('2025년 9월 30일 (화)');
    expect(jaT.t('flag.dueIn', { days: 3, date: jaT.date('2025-10-03') })).toBe('あと3日で期限(2025年10月3日(金))');
    expect(koT.t('flag.quiet', { days: 1200 })).toBe('1,200일째 소식 없음');
    expect(jaT.relative(-3, 'day')).toBe('3日前');
    expect(koT.relative(-3, 'day')).toBe('3일 전');
    expect(jaT.relative(2, 'hour')).toBe('2時間後');
  });
});
