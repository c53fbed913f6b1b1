import type { CheckInSettings, Track } from '#shared/domain/schemas';
import { EN, type Translator } from '#shared/i18n/translator';
import { context, escape, plainText, section, type SlackMessage } from '#shared/slack/render/format';

/** "asks owners 7 and 1 days before a due date, and flags no answer after 3 days", in the reader's language. */
export function checkInSettingsPhrase(settings: CheckInSettings, t: Translator = EN): string {
  const days = [...settings.beforeDueDays].sort((a, b) => b - a);
  const written = days.map((d) => t.number(d));
  return t.t('checkIns.settings', {
    before: written.length > 0 ? t.and(written) : 'none',
    // "1 day" or "7 days" for one; "days" for several.
    last: days.length === 1 ? days[0]! : 2,
    never: settings.escalateAfterDays === null ? 'yes' : 'no',
    escalate: settings.escalateAfterDays ?? 0,
  });
}

/** `<track> check-ins`: how the track asks its owners, and how its editors change that. */
export function renderCheckInSettings(track: Pick<Track, 'slug' | 'checkIns'>, t: Translator = EN): SlackMessage {
  const line = t.t('checkIns.show', { slug: escape(track.slug), settings: checkInSettingsPhrase(track.checkIns, t) });
  const how = t.t('checkIns.how', { slug: escape(track.slug) });
  return { text: plainText(line), blocks: [section(`:bell: ${line}`), context(how)] };
}

/** "japan-korea now asks owners …": a track's check-ins as just changed. */
export function checkInsChangedText(track: Pick<Track, 'slug' | 'checkIns'>, t: Translator = EN): string {
  return t.t('checkIns.changed', { slug: track.slug, settings: checkInSettingsPhrase(track.checkIns, t) });
}
