import type { Track, TrackChange, TrackSettings } from '#shared/domain/schemas';
import { EN, type Translator } from '#shared/i18n/translator';
import { context, escape, plainText, section, type SlackMessage } from '#shared/slack/render/format';

type Shown = Pick<Track, 'slug' | 'title' | 'timeZone' | 'fiscalYearStart' | 'parties' | 'idPrefix'>;

/** `<track> settings`: its title, zone and fiscal year, which its owners change, and its parties and prefix, which stay. */
export function renderTrackSettings(track: Shown, t: Translator = EN): SlackMessage {
  const lines = [
    t.t('settings.heading', { slug: escape(track.slug) }),
    t.t('settings.title', { title: escape(track.title) }),
    t.t('settings.zone', { zone: track.timeZone }),
    t.t('settings.fy', { month: monthName(track.fiscalYearStart ?? 1, t) }),
    t.t('settings.parties', { parties: t.list(track.parties.map((p) => p.code)), prefix: track.idPrefix }),
  ];
  const how = t.t('settings.how', { slug: escape(track.slug) });
  return { text: plainText(lines.join('\n')), blocks: [section(`:gear: ${lines.join('\n')}`), context(how)] };
}

/** One line per field a settings change set, as its history and the person who made it read it. */
export function settingsChangedText(slug: string, change: Extract<TrackChange, { type: 'settings' }>, t: Translator = EN): string {
  const { from, to } = change;
  return [
    ...(to.title === undefined ? [] : [t.t('settings.titleChanged', { slug, title: escape(to.title) })]),
    ...(to.timeZone === undefined ? [] : [t.t('settings.zoneChanged', { slug, zone: to.timeZone, from: from.timeZone ?? '' })]),
    ...(to.fiscalYearStart === undefined ? [] : [t.t('settings.fyChanged', { slug, month: monthName(to.fiscalYearStart, t), from: monthName(from.fiscalYearStart ?? 1, t) })]),
  ].join('\n');
}

/** The answer to a settings change (`described`: its lines); after a new zone, what that moves and what it does not. */
export function renderSettingsChanged(described: string, changes: readonly TrackChange[], t: Translator = EN): SlackMessage {
  const zone = changes.flatMap((change): TrackSettings[] => (change.type === 'settings' ? [change.to] : [])).find((to) => to.timeZone)?.timeZone;
  const lines = zone ? [described, t.t('settings.zoneNote', { zone })] : [described];
  return { text: plainText(lines.join('\n')), blocks: [section(`:white_check_mark: ${described}`), ...(zone ? [context(lines[1]!)] : [])] };
}

/** "April", "4月", "4월". */
function monthName(month: number, t: Translator): string {
  return t.t('settings.month', { month });
}
