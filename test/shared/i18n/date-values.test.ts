import { describe, expect, it } from 'vitest';
import { EN, spoken, translatorFor } from '#shared/i18n/translator';

/** Issue 26: a day given to a message (or carried by a refusal) is written the reader's way. */
describe('a day among a message’s values', () => {
  it('is written as each language writes its dates, in a message and in a refusal’s answer', async () => {
    const [ja, ko] = await Promise.all([translatorFor('ja'), translatorFor('ko')]);
    const values = { date: { date: '2026-03-31' } };
    expect(EN.t('item.due', values)).toBe('due Tue 31 Mar 2026');
    expect(ja.t('item.due', values)).toBe('期限 2026年3月31日(火)');
    expect(ko.t('item.due', values)).toContain('2026년 3월 31일 (화)');
    const refusal = spoken('item.due', values);
    expect(refusal.text).toBe('due Tue 31 Mar 2026');
    expect(refusal.say).toEqual({ key: 'item.due', values });
    expect(ja.say(refusal)).toBe('期限 2026年3月31日(火)');
  });
});
