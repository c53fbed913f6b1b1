import { defineCommand, handOff, SLASH, type Handoff } from '#shared/commands/definition';
import { preview, readFiscalYearStart, readTimeZone, readTrack, readTrackTitle, TIME_ZONE_KEYWORDS, type Cursor } from '#shared/commands/grammar';
import type { TrackSettings, TrackSlug } from '#shared/domain/schemas';
import { spoken } from '#shared/i18n/translator';
import { describeAccessChanges } from '#shared/slack/render/roles';
import { renderSettingsChanged, renderTrackSettings } from '#shared/slack/render/track-settings';
import { getTrack } from '#shared/use-cases/commitments';
import { setTrackSettings } from '#shared/use-cases/track-access';

interface SetSettingsArgs {
  track: TrackSlug;
  change: TrackSettings;
}

const SET_USAGE = `${SLASH} <track> settings [title "Title"] [tz Asia/Tokyo] [fy april]  (owners change them; fy: the month its fiscal year starts)`;
const KEYWORDS: ReadonlySet<string> = new Set(['title', ...TIME_ZONE_KEYWORDS, 'fy']);

/** `<track> settings`: the track's title, zone and fiscal year, to anyone who may read it. */
export const settingsCommand = defineCommand({
  name: 'settings',
  words: ['settings'],
  usage: `${SLASH} <track> settings  (title, time zone, fiscal year and parties)`,
  examples: [`${SLASH} japan-korea settings`],
  writes: false,
  need: 'read',
  read: (c: Cursor) => readSettingsAfterTrack(c, readTrack(c, 'settings')),
  target: ({ track }) => ({ track }),
  run: ({ track }, { deps, caller }) => getTrack(deps, caller, track, 'read'),
  render: (track, _, { t }) => ({ message: renderTrackSettings(track, t) }),
});

/** `<track> settings title …|tz …|fy …`: its owners change one or more of them. */
export const setSettingsCommand = defineCommand({
  name: 'settings-set',
  words: [],
  usage: SET_USAGE,
  examples: [`${SLASH} japan-korea settings fy april tz Asia/Seoul`, `${SLASH} japan-korea settings title "Japan–Korea summit follow-ups"`],
  writes: true,
  need: 'manage',
  read: (c: Cursor) => ({ track: readTrack(c, 'settings'), change: readSettings(c) }),
  target: ({ track }) => ({ track }),
  run: ({ track, change }, { deps, caller }) => setTrackSettings(deps, caller, track, change),
  render: ({ track, changes }, _, { t }) => ({ message: renderSettingsChanged(describeAccessChanges(track.slug, changes, t), changes, t) }),
});

/** The words after `<track> settings`: none shows them, `title`, `tz` or `fy` with a value changes them. */
export function readSettingsAfterTrack(c: Cursor, track: TrackSlug): { track: TrackSlug } | Handoff {
  if (c.done) return { track };
  return handOff(setSettingsCommand, { track, change: readSettings(c.handOver(SET_USAGE)) } satisfies SetSettingsArgs);
}

function readSettings(c: Cursor): TrackSettings {
  const change: TrackSettings = {};
  const seen = new Set<string>();
  const isKeyword = (word: string) => KEYWORDS.has(word);
  while (!c.done) {
    const token = c.next()!;
    const keyword = token.quoted ? '' : token.text.toLowerCase();
    if (!isKeyword(keyword)) c.refuse(spoken('settings.notSetting', { word: preview(token.text) }));
    const name = TIME_ZONE_KEYWORDS.has(keyword) ? 'tz' : keyword;
    if (seen.has(name)) c.refuse(spoken('trackAdd.once', { keyword: name }));
    seen.add(name);
    const values = c.takeUntil(isKeyword);
    if (name === 'tz') change.timeZone = readTimeZone(c, values);
    else if (name === 'fy') change.fiscalYearStart = readFiscalYearStart(c, values);
    else change.title = readTrackTitle(c, values) ?? c.refuse(spoken('settings.titleNeeded'));
  }
  return change;
}
