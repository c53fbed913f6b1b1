import { defineCommand, SLASH } from '#shared/commands/definition';
import { checkLength, decodeEntities, preview, readTimeZone, readTrack, TIME_ZONE_KEYWORDS, type Cursor, type Token } from '#shared/commands/grammar';
import { LOCALES, type Locale } from '#shared/domain/locale';
import type { Track, TrackSlug } from '#shared/domain/schemas';
import { DIGEST_SECTIONS, type DigestSection } from '#shared/domain/subscription';
import { spoken } from '#shared/i18n/translator';
import { renderSubscribed } from '#shared/slack/render/subscriptions';
import { withTrackSuggestions } from '#shared/use-cases/commitments';
import { subscribe } from '#shared/use-cases/subscriptions';

interface SubscribeArgs {
  track: TrackSlug;
  /** Left as typed: the subscription use case reads schedules. */
  scheduleText?: string;
  timeZone?: string;
  /** Only these sections (`only overdue,no-answer`); all when absent. */
  sections?: DigestSection[];
  /** `always`: post even when there is nothing to report. */
  always?: boolean;
  /** `in ja|ko|en`: the digest's language; the subscriber's own when absent. */
  language?: Locale;
}

const MAX_SCHEDULE_CHARS = 100;

const SECTION_WORDS: ReadonlyMap<string, DigestSection> = new Map([
  ...DIGEST_SECTIONS.map((section) => [section, section] as const),
  ['due', 'due-soon'],
  ['soon', 'due-soon'],
  ['late', 'overdue'],
  ['stale', 'quiet'],
  ['unanswered', 'no-answer'],
]);

/**
 * `subscribe <track> [schedule] [tz <zone>] [only …] [always] [in ja|ko|en]`: a digest of the
 * track posted in this channel, in the language given, else the subscriber's. `in` followed by
 * anything but a language is left to the schedule, which reads it as a time zone (`in Asia/Tokyo`).
 */
export const subscribeCommand = defineCommand({
  name: 'subscribe',
  words: ['subscribe'],
  usage: `${SLASH} subscribe <track> [schedule, such as every monday 09:00] [tz Asia/Tokyo] [only overdue,no-answer,…] [always] [in ja|ko|en]  (in: the digest's language, yours when not given)`,
  examples: [
    `${SLASH} subscribe japan-korea every monday 09:00 tz Asia/Tokyo`,
    `${SLASH} subscribe japan-korea weekdays 08:00 only overdue,no-answer`,
    `${SLASH} subscribe japan-korea every monday 09:00 in ko`,
  ],
  writes: true,
  need: 'write',
  read: readSubscribe,
  target: ({ track }) => ({ track }),
  run: ({ track, scheduleText, timeZone, sections, always, language }, { deps, caller, where, t }) =>
    withTrackSuggestions(deps, caller, track, () =>
      subscribe(deps, {
        teamId: caller.teamId,
        channelId: where.channelId,
        track,
        checked: caller.prefetched?.take<Track>(`track:${track}`),
        ...(scheduleText ? { scheduleText } : {}),
        ...(timeZone ? { timeZone } : {}),
        ...(sections ? { sections } : {}),
        skipWhenEmpty: !always,
        language: language ?? t.locale,
        by: caller.userId,
        now: caller.now,
      }),
    ),
  render: (result, _, { t }) => ({ message: renderSubscribed(result, t) }),
});

function readSubscribe(c: Cursor): SubscribeArgs {
  const track = readTrack(c, 'subscribe');
  const schedule: Token[] = [];
  let timeZone: string | undefined;
  let sections: DigestSection[] | undefined;
  let always = false;
  let language: Locale | undefined;
  for (let token = c.next(); token; token = c.next()) {
    const word = token.quoted ? undefined : token.text.toLowerCase();
    if (word !== undefined && TIME_ZONE_KEYWORDS.has(word)) {
      if (timeZone) c.refuse(spoken('subscribe.tzOnce'));
      const zone = c.next();
      timeZone = readTimeZone(c, zone ? [zone] : []);
    } else if (word === 'only') {
      if (sections) c.refuse(spoken('subscribe.onlyOnce'));
      sections = readSections(c);
    } else if (word === 'in' && isLanguage(c.peekWord())) {
      if (language) c.refuse(spoken('subscribe.languageOnce'));
      language = c.next()!.text.toLowerCase() as Locale;
    } else if (word === 'always') {
      always = true;
    } else schedule.push(token);
  }
  const scheduleText = checkLength(c, 'schedule', schedule.map((t) => decodeEntities(t.text)).join(' ').trim() || undefined, MAX_SCHEDULE_CHARS);
  const args: SubscribeArgs = { track };
  if (scheduleText) args.scheduleText = scheduleText;
  if (timeZone) args.timeZone = timeZone;
  if (sections) args.sections = sections;
  if (always) args.always = true;
  if (language) args.language = language;
  return args;
}

function isLanguage(word: string | undefined): boolean {
  return (LOCALES as readonly (string | undefined)[]).includes(word);
}

/** `overdue,no-answer` or `overdue, no-answer`: the words up to the next one without a comma, in DIGEST_SECTIONS order. */
function readSections(c: Cursor): DigestSection[] {
  const chosen = new Set<DigestSection>();
  for (let token = c.peek(); token && !token.quoted; token = c.peek()) {
    const words = token.text.toLowerCase().split(',').filter(Boolean);
    if (words.length === 0 || (chosen.size > 0 && !c.input.slice(0, token.start).trimEnd().endsWith(',') && !token.text.startsWith(','))) break;
    for (const word of words) {
      const section = SECTION_WORDS.get(word);
      if (!section) c.refuse(spoken('subscribe.notSection', { word: preview(word), sections: DIGEST_SECTIONS.join(', ') }));
      chosen.add(section);
    }
    c.next();
  }
  if (chosen.size === 0) c.refuse(spoken('subscribe.sectionsNeeded', { sections: DIGEST_SECTIONS.join(', ') }));
  return DIGEST_SECTIONS.filter((s) => chosen.has(s));
}
