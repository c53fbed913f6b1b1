import { defineCommand, handOff, SLASH, type Handoff } from '#shared/commands/definition';
import { expectEnd, preview, readTrack, type Cursor } from '#shared/commands/grammar';
import { CHECK_IN_LIMITS, type CheckInSettings, type TrackSlug } from '#shared/domain/schemas';
import { spoken } from '#shared/i18n/translator';
import { checkInsChangedText, renderCheckInSettings } from '#shared/slack/render/check-in-settings';
import { renderDone } from '#shared/slack/render/notice';
import { getCheckInSettings, setCheckIns } from '#shared/use-cases/track-access';

interface SetCheckInsArgs {
  track: TrackSlug;
  change: Partial<CheckInSettings>;
}

const SET_USAGE = `${SLASH} <track> check-ins before 14,3 | escalate 5|off  (days)`;

/** `<track> check-ins`: how the track asks its owners about their items. */
export const checkInsCommand = defineCommand({
  name: 'check-ins',
  words: ['check-ins', 'checkins'],
  usage: `${SLASH} <track> check-ins  (when owners are asked)`,
  examples: [`${SLASH} japan-korea check-ins`],
  writes: false,
  need: 'read',
  read: (c: Cursor) => readCheckInsAfterTrack(c, readTrack(c, 'check-ins')),
  target: ({ track }) => ({ track }),
  run: ({ track }, { deps, caller }) => getCheckInSettings(deps, caller, track),
  render: (track, _, { t }) => ({ message: renderCheckInSettings(track, t) }),
});

/** `<track> check-ins before …|escalate …`: editors and owners change how the track asks. */
export const setCheckInsCommand = defineCommand({
  name: 'check-ins-set',
  words: [],
  usage: SET_USAGE,
  examples: [`${SLASH} japan-korea check-ins before 14,3`, `${SLASH} japan-korea check-ins escalate off`],
  writes: true,
  need: 'write',
  read: (c: Cursor) => ({ track: readTrack(c, 'check-ins'), change: readSetting(c) }),
  target: ({ track }) => ({ track }),
  run: ({ track, change }, { deps, caller, t }) => setCheckIns(deps, caller, track, change, t),
  render: ({ track }, _, { t }) => ({ message: renderDone(checkInsChangedText(track, t)) }),
});

/** The words after `<track> check-ins`: none shows the settings, a setting changes one. */
export function readCheckInsAfterTrack(c: Cursor, track: TrackSlug): { track: TrackSlug } | Handoff {
  if (c.done) return { track };
  return handOff(setCheckInsCommand, { track, change: readSetting(c.handOver(SET_USAGE)) } satisfies SetCheckInsArgs);
}

function readSetting(c: Cursor): Partial<CheckInSettings> {
  const word = c.next();
  const setting = word && !word.quoted ? word.text.toLowerCase() : '';
  if (setting === 'before') {
    const words = c
      .rest()
      .flatMap((t) => t.text.split(','))
      .map((w) => w.trim())
      .filter(Boolean);
    if (words.length === 0) c.refuse(spoken('checkIns.beforeNeeded'));
    if (words.length === 1 && ['none', 'off'].includes(words[0]!.toLowerCase())) return { beforeDueDays: [] };
    const days = [...new Set(words.map((w) => readDays(c, w, CHECK_IN_LIMITS.beforeDueDays)))].sort((a, b) => b - a);
    if (days.length > CHECK_IN_LIMITS.reminders) c.refuse(spoken('checkIns.tooMany', { count: days.length, max: CHECK_IN_LIMITS.reminders }));
    return { beforeDueDays: days };
  }
  if (setting === 'escalate') {
    const value = c.next();
    if (!value) c.refuse(spoken('checkIns.escalateNeeded'));
    expectEnd(c);
    if (!value.quoted && ['off', 'never', 'none'].includes(value.text.toLowerCase())) return { escalateAfterDays: null };
    return { escalateAfterDays: readDays(c, value.text, CHECK_IN_LIMITS.escalateAfterDays) };
  }
  return c.refuse(word ? spoken('checkIns.notSetting', { word: preview(word.text) }) : spoken('checkIns.needsSetting'));
}

/** A whole number of days from 1 to `max`. */
function readDays(c: Cursor, text: string, max: number): number {
  if (!/^\d{1,4}$/.test(text)) c.refuse(spoken('checkIns.notDays', { word: preview(text), max }));
  const days = Number(text);
  if (days < 1 || days > max) c.refuse(spoken('checkIns.outOfRange', { days, max }));
  return days;
}
