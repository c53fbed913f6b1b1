import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '#shared/commands/registry';
import { en, type MessageKey } from '#shared/i18n/en';
import { EN, translatorFor, type Translator } from '#shared/i18n/translator';
import { renderHelp } from '#shared/slack/render/help';
import { renderProblem, renderUnexpected } from '#shared/slack/render/notice';
import { renderReport } from '#shared/slack/render/report';
import type { ReportFilter } from '#shared/domain/report-filter';
import { englishLeftIn, messageElements, pseudoTranslator, shownTexts } from '../../support/pseudo-locale.ts';
import { FIXTURE_NOW, FIXTURE_SLUG, longestReport, longestTrack, longText } from '../../support/longest-track.ts';
import { slackLimitBreaches, type Rendering } from '../../support/slack-limits-cjk.ts';

/**
 * Issue 26, Done-when 1: every message, view and form kind the bot renders, in English,
 * Japanese, Korean and the pseudo-locale, from the same fixture (test/support/longest-track.ts:
 * every people's text at its longest, in Japanese and Korean). In Japanese, Korean and the
 * pseudo-locale no English word may be left outside people's text, ids, command syntax and
 * Slack's codes; in every language each rendering keeps to Slack's limits, and has the same
 * blocks as the English one (only the words differ).
 */
type Language = 'en' | 'ja' | 'ko' | 'pseudo';
const LANGUAGES: readonly Language[] = ['en', 'ja', 'ko', 'pseudo'];
const translators = {} as Record<Language, Translator>;

/** The words command forms take (`open`, `fy`, `as of`, …): command syntax, which a gloss may name in any language. */
const COMMAND_WORDS = new Set(COMMANDS.flatMap((c) => [c.usage.split('  (')[0]!, ...c.examples]).flatMap((form) => form.toLowerCase().match(/[a-z]+/g) ?? []));

const report = longestReport();
const track = longestTrack();
/**
 * What a rendering may show as it is: the fixture's slug and its parties' codes (ids), the
 * system actor a seeded note names (`seed`, as a person's id would be), file extensions and IANA
 * (the time-zone database's name, with its zone names).
 */
const IDS = [FIXTURE_SLUG, ...track.parties.map((p) => p.code), 'seed', '.csv', '.md', 'IANA'];

/** One surface: a name and how it renders in a language. */
interface Surface {
  name: string;
  render(t: Translator): Rendering;
}

const FILTERS: readonly ReportFilter[] = ['open', 'overdue', 'due', 'quiet', 'done', 'all'];

/** Every surface converted so far; each helper's surface joins this list as it lands. */
const SURFACES: Surface[] = [
  { name: 'help', render: (t) => ({ message: renderHelp(COMMANDS, undefined, t) }) },
  ...COMMANDS.map((command) => ({ name: `help ${command.name}`, render: (t: Translator) => ({ message: renderHelp(COMMANDS, command, t) }) })),
  ...FILTERS.flatMap((filter) =>
    [0, 1, 2].map((page) => ({ name: `report ${filter} page ${page + 1}`, render: (t: Translator) => ({ message: renderReport(report, { filter, page, now: FIXTURE_NOW, t }) }) })),
  ),
  { name: 'report shared in a channel', render: (t) => ({ message: renderReport(report, { filter: 'all', page: 1, now: FIXTURE_NOW, shared: true, t }) }) },
  { name: 'report of a track with no items', render: (t) => ({ message: renderReport({ track, commitments: [] }, { filter: 'open', page: 0, now: FIXTURE_NOW, t }) }) },
  { name: 'the notice for anything unexpected', render: (t) => ({ message: renderUnexpected('3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', t) }) },
];

beforeAll(async () => {
  Object.assign(translators, { en: EN, ja: await translatorFor('ja'), ko: await translatorFor('ko'), pseudo: pseudoTranslator() });
});

/** Everything a rendering shows, fallback text and blocks, title, labels and options of a view. */
const shown = (r: Rendering) => shownTexts(r.message ?? r.view).join('\n');

/** The English words a rendering in `language` shows that it should not: none may be left in Japanese, Korean or the pseudo-locale. */
function englishIn(r: Rendering, people: readonly string[] = []): string[] {
  return englishLeftIn(shown(r), { people: [...people, ...IDS], slugs: [FIXTURE_SLUG], commandWords: COMMAND_WORDS });
}

/** The shape of a rendering: its blocks' types and ids, which a language must not change. */
function shapeOf(r: Rendering): string[] {
  const blocks = (r.message?.blocks ?? r.view?.blocks ?? []) as { type: string; block_id?: string }[];
  return blocks.map((b) => `${b.type}${b.block_id ? `#${b.block_id}` : ''}`);
}

describe('every surface in English, Japanese, Korean and the pseudo-locale (issue 26)', () => {
  it('covers the converted surfaces', () => {
    expect(SURFACES.length).toBeGreaterThan(COMMANDS.length + FILTERS.length * 3);
    expect(new Set(SURFACES.map((s) => s.name)).size).toBe(SURFACES.length);
  });

  it.each(SURFACES.map((s) => [s.name, s] as const))('%s: no English word left, within Slack’s limits, the same blocks in each language', (_, surface) => {
    const english = surface.render(translators.en);
    for (const language of LANGUAGES) {
      const rendering = language === 'en' ? english : surface.render(translators[language]);
      expect({ language, breaches: slackLimitBreaches(rendering) }).toEqual({ language, breaches: [] });
      expect({ language, shape: shapeOf(rendering) }).toEqual({ language, shape: shapeOf(english) });
      if (language !== 'en') expect({ language, left: [...new Set(englishIn(rendering))] }).toEqual({ language, left: [] });
    }
  });

  it('writes dates the language’s way in the report: 2026年3月1日(日), 2026년 3월 1일 (일)', () => {
    const text = (language: Language) => shown({ message: renderReport(report, { filter: 'overdue', page: 0, now: FIXTURE_NOW, t: translators[language] }) });
    expect(text('ja')).toContain('2026年3月1日(日)');
    expect(text('ko')).toContain('2026년 3월 1일 (일)');
    expect(text('en')).toContain('Sun 1 Mar 2026');
    for (const language of ['ja', 'ko'] as const) expect(text(language)).not.toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
  });

  it('shows people’s text as written, escaped in mrkdwn, in every language', () => {
    for (const language of LANGUAGES) {
      const rendering = renderReport(report, { filter: 'all', page: 0, now: FIXTURE_NOW, t: translators[language] });
      expect(rendering.blocks[0]).toMatchObject({ type: 'header', text: { text: track.title } });
      const mrkdwn = (rendering.blocks as { text?: { type: string; text: string } }[]).flatMap((b) => (b.text?.type === 'mrkdwn' ? [b.text.text] : [])).join('\n');
      expect(mrkdwn).toContain(`*${report.commitments[2]!.id}* 日韓首脳会談フォローアップ、外務省と防衛省の協議&lt;&amp;&gt;∗ˍ∼ˋ日韓`);
      expect(mrkdwn).not.toMatch(/<&>|[*_~`]日韓/);
    }
  });
});

/** Each argument of a message, with its options when it is a select. */
function argumentsOf(message: string): { name: string; type: number; options: string[] }[] {
  const found = new Map<string, { name: string; type: number; options: string[] }>();
  const walk = (elements: ReturnType<typeof messageElements>) => {
    for (const el of elements) {
      if (el.type >= 1 && el.type <= 6 && el.value !== undefined) {
        const known = found.get(el.value);
        const options = el.type === 5 ? Object.keys(el.options ?? {}) : [];
        found.set(el.value, { name: el.value, type: known && known.type !== 1 ? known.type : el.type, options: [...new Set([...(known?.options ?? []), ...options])] });
      }
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  walk(messageElements(en[message as MessageKey] ?? message));
  return [...found.values()];
}

/** Values for a message, the `round`-th option of each select (so each branch is shown once over the rounds); text as people write it. */
function valuesFor(key: MessageKey, round: number): Record<string, string | number> {
  return Object.fromEntries(
    argumentsOf(key).map(({ name, type, options }) => {
      // `other` stands for any value the message echoes as it is: a word of people's text.
      if (type === 5) return [name, options[round % options.length] === 'other' ? 'その他' : options[round % options.length]!];
      if (type === 2 || type === 6) return [name, round % 2 ? 1 : 1234];
      return [name, longText('한일 정상회담', 40)];
    }),
  );
}

const KEYS = Object.keys(en) as MessageKey[];

describe('every catalog message, each branch, as a refusal or notice shows it (issue 26)', () => {
  it.each(['ja', 'ko', 'pseudo'] as const)('in %s holds no English word outside command syntax, and keeps to Slack’s limits', (language) => {
    const t = () => translators[language];
    const left = new Set<string>();
    const breaches = new Set<string>();
    let shownCount = 0;
    for (const key of KEYS) {
      const rounds = Math.max(1, ...argumentsOf(key).map((a) => a.options.length));
      for (let round = 0; round < rounds; round++) {
        const message = renderProblem(t().t(key, valuesFor(key, round)), COMMANDS[round % COMMANDS.length]!.usage, t());
        const words = englishIn({ message }, [longText('한일 정상회담', 40), 'その他']);
        if (words.length) left.add(`${key}: ${[...new Set(words)].join(' ')}`);
        for (const breach of slackLimitBreaches({ message })) breaches.add(`${key}: ${breach}`);
        shownCount++;
      }
    }
    expect(shownCount).toBeGreaterThan(KEYS.length);
    expect([...left]).toEqual([]);
    expect([...breaches]).toEqual([]);
  });
});
