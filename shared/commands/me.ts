import { defineCommand, handOff, SLASH, type Handoff } from '#shared/commands/definition';
import { expectEnd, preview, type Cursor } from '#shared/commands/grammar';
import { WEEKDAYS } from '#shared/domain/check-ins';
import type { PreferenceChange } from '#shared/domain/preferences';
import { renderPreferences } from '#shared/slack/render/preferences';
import { renderDone } from '#shared/slack/render/notice';
import { LocaleSchema, type Locale } from '#shared/domain/locale';
import { spoken, translatorFor } from '#shared/i18n/translator';
import { chooseLanguage } from '#shared/use-cases/language';
import { changePreferences, showPreferences } from '#shared/use-cases/preferences';

const SET_USAGE = `${SLASH} me time 08:30 | days weekdays|every day|mon,tue,thu | pause until <date> | resume`;

/** `me`: the caller's own check-in preferences. */
export const meCommand = defineCommand({
  name: 'me',
  words: ['me'],
  usage: `${SLASH} me  (your check-ins)`,
  examples: [`${SLASH} me`],
  writes: false,
  need: 'self',
  read: readMe,
  run: (_, { deps, caller }) => showPreferences(deps, caller),
  render: (view, _, { caller, t }) => ({ message: renderPreferences(view, caller.now, t) }),
});

/** `me time|days|pause|resume …`: changes the caller's own check-in preferences, and no one else's. */
export const meSetCommand = defineCommand({
  name: 'me-set',
  words: [],
  usage: SET_USAGE,
  examples: [`${SLASH} me pause until next friday`],
  writes: true,
  need: 'self',
  read: (c: Cursor) => ({ change: readChange(c) }),
  run: ({ change }, { deps, caller, t }) => changePreferences(deps, caller, change, t),
  render: (view, _, { caller, t }) => ({ message: renderPreferences(view, caller.now, t) }),
});

function readMe(c: Cursor): object | Handoff {
  if (c.done) return {};
  if (c.peekWord() === 'language') {
    c.next();
    return handOff(meLanguageCommand, readLanguage(c.handOver(LANGUAGE_USAGE)));
  }
  return handOff(meSetCommand, { change: readChange(c.handOver(SET_USAGE)) });
}

const LANGUAGE_USAGE = `${SLASH} me language ja|ko|en|slack  (slack: your Slack's language again)`;

/** `me language ja|ko|en|slack`: the language the bot answers the caller in; `slack` goes back to their Slack's. */
export const meLanguageCommand = defineCommand({
  name: 'me-language',
  words: [],
  usage: LANGUAGE_USAGE,
  examples: [`${SLASH} me language ja`],
  writes: true,
  need: 'self',
  read: readLanguage,
  run: async ({ language }, { deps, caller }) => {
    const chosen = await chooseLanguage(deps, caller, language === 'slack' ? undefined : language);
    return { ...chosen, t: await translatorFor(chosen.locale) };
  },
  render: ({ fromSlack, locale, t }) => ({ message: renderDone(t.t(fromSlack ? 'me.languageSlack' : 'me.language', { language: locale })) }),
});

function readLanguage(c: Cursor): { language: Locale | 'slack' } {
  const word = c.next();
  const typed = word && !word.quoted ? word.text.toLowerCase() : undefined;
  const language = typed === 'slack' ? 'slack' : LocaleSchema.safeParse(typed).data;
  if (!language) c.refuse(word ? spoken('parse.notLanguage', { word: preview(word.text) }) : spoken('parse.languageNeeded'));
  expectEnd(c);
  return { language };
}

const DAY_NAMES: ReadonlyMap<string, number> = new Map(
  WEEKDAYS.flatMap((short, day) => {
    const long = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][day]!;
    return [[short, day] as const, [long, day] as const, [`${long}s`, day] as const];
  }),
);

function readChange(c: Cursor): PreferenceChange {
  const word = c.next();
  const setting = word && !word.quoted ? word.text.toLowerCase() : '';
  switch (setting) {
    case 'time':
    case 'at': {
      const time = readTime(c);
      expectEnd(c);
      return { type: 'time', time };
    }
    case 'days':
    case 'on': {
      const days = readDays(c);
      expectEnd(c);
      return { type: 'days', days };
    }
    case 'pause': {
      if (c.peekWord() === 'until') c.next();
      const untilText = c.textOf(c.rest());
      if (!untilText) c.refuse(spoken('me.pauseNeedsDate'));
      return { type: 'pause', untilText };
    }
    case 'resume':
    case 'unpause':
      expectEnd(c);
      return { type: 'resume' };
    default:
      return c.refuse(word ? spoken('me.notSetting', { word: preview(word.text) }) : spoken('me.needsSetting'));
  }
}

/** `08:30`, `8:30`, `8` (on the hour): a 24-hour time. */
function readTime(c: Cursor): string {
  const token = c.next();
  const match = token && !token.quoted ? /^([01]?\d|2[0-3])(?::([0-5]\d))?$/.exec(token.text) : undefined;
  if (!match) c.refuse(token ? spoken('me.notTime', { word: preview(token.text) }) : spoken('me.timeNeeded'));
  return `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}`;
}

/** `weekdays`, `every day` (or `daily`), `weekends`, or days such as `mon,tue,thu` / `mon, tue thu`. */
function readDays(c: Cursor): number[] {
  const words = c
    .rest()
    .flatMap((t) => t.text.toLowerCase().split(','))
    .map((w) => w.trim())
    .filter(Boolean);
  const phrase = words.join(' ');
  if (phrase === 'weekdays') return [1, 2, 3, 4, 5];
  if (phrase === 'every day' || phrase === 'everyday' || phrase === 'daily') return [0, 1, 2, 3, 4, 5, 6];
  if (phrase === 'weekends') return [0, 6];
  if (words.length === 0) c.refuse(spoken('me.daysNeeded'));
  const days = new Set<number>();
  for (const word of words) {
    const day = DAY_NAMES.get(word);
    if (day === undefined) c.refuse(spoken('me.notDay', { word: preview(word) }));
    days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}
