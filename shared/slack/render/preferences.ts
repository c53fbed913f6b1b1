import { localDate } from '#shared/dates/flags';
import { WEEKDAYS, type CheckInPreferences } from '#shared/domain/check-ins';
import type { PreferencesView } from '#shared/domain/preferences';
import { instantText } from '#shared/export/briefing';
import { EN, type Translator } from '#shared/i18n/translator';
import { context, escapeEntities, plainText, section, type Block, type SlackMessage } from '#shared/slack/render/format';
import { slackWhy } from '#shared/slack/render/notice';

/** "weekdays", "every day", "Mon, Tue, Thu"; "平日", "毎日", "月、火、木". */
export function daysText(days: readonly number[], t: Translator = EN): string {
  const sorted = [...days].sort((a, b) => a - b);
  if (sorted.join() === '1,2,3,4,5') return t.t('me.days', { days: 'weekdays' });
  if (sorted.length === 7) return t.t('me.days', { days: 'every' });
  return t.list(sorted.map((d) => t.t('me.weekday', { day: WEEKDAYS[d]! })));
}

/**
 * `/commitments me`: when the person is asked (time, days, zone), any pause and any stop with
 * its reason, and how to change each; after a change, what changed first. In their language.
 */
export function renderPreferences(view: PreferencesView, now: Date, t: Translator = EN): SlackMessage {
  const { prefs, timeZone } = view;
  const lines = [t.t('me.checkIns', { days: daysText(prefs.days, t), time: prefs.time, timeZone: escapeEntities(timeZone) })];
  if (prefs.pausedUntil && prefs.pausedUntil >= localDate(now, timeZone)) lines.push(t.t('me.paused', { date: t.date(prefs.pausedUntil) }));
  if (prefs.stopped) lines.push(t.t('me.stopped', { when: instantText(new Date(prefs.stopped.at), timeZone, t), reason: slackWhy(prefs.stopped.reason, t) }));
  const blocks: Block[] = [];
  const done = view.change ? changedText(view.change, prefs, t) : undefined;
  if (done) blocks.push(section(`:white_check_mark: ${done}`));
  blocks.push(section(lines.join('\n')));
  blocks.push(context(t.t('me.change')));
  // Code marks keep a Slack code without words (some_error) whole in blocks; the fallback text goes without.
  const text = [done, ...lines].filter(Boolean).map((line) => plainText(line!).replace(/`/g, '')).join('\n');
  return { text, blocks };
}

function changedText(change: NonNullable<PreferencesView['change']>, prefs: CheckInPreferences, t: Translator): string {
  switch (change.type) {
    case 'time':
      return t.t('me.nowAt', { time: prefs.time });
    case 'days':
      return t.t('me.nowOn', { days: daysText(prefs.days, t) });
    case 'pause':
      return t.t('me.pausedUntil', { date: t.date(prefs.pausedUntil!) });
    case 'resume':
      return t.t('me.resumed');
  }
}
