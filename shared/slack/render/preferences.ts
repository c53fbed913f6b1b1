import { localDate } from '#shared/dates/flags';
import { formatLocalDate } from '#shared/dates/natural';
import { WEEKDAYS, type CheckInPreferences } from '#shared/domain/check-ins';
import type { PreferencesView } from '#shared/domain/preferences';
import { formatInstant } from '#shared/format/text';
import { context, escapeEntities, plainText, section, type Block, type SlackMessage } from '#shared/slack/render/format';

/** "weekdays", "every day", "Mon, Tue, Thu". */
export function daysText(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  if (sorted.join() === '1,2,3,4,5') return 'weekdays';
  if (sorted.length === 7) return 'every day';
  return sorted.map((d) => WEEKDAYS[d]!.charAt(0).toUpperCase() + WEEKDAYS[d]!.slice(1)).join(', ');
}

/**
 * `/commitments me`: when the person is asked (time, days, zone), any pause and any stop with
 * its reason, and how to change each; after a change, what changed first.
 */
export function renderPreferences(view: PreferencesView, now: Date): SlackMessage {
  const { prefs, timeZone } = view;
  const lines = [`*Your check-ins* · ${daysText(prefs.days)} at ${prefs.time} (${escapeEntities(timeZone)}, your Slack time zone)`];
  if (prefs.pausedUntil && prefs.pausedUntil >= localDate(now, timeZone)) lines.push(`:double_vertical_bar: Paused until ${formatLocalDate(prefs.pausedUntil)} (inclusive)`);
  if (prefs.stopped) lines.push(`:no_entry: Stopped since ${formatInstant(new Date(prefs.stopped.at), timeZone)}: \`${escapeEntities(prefs.stopped.reason)}\``);
  const blocks: Block[] = [];
  const done = view.change ? changedText(view.change, prefs) : undefined;
  if (done) blocks.push(section(`:white_check_mark: ${done}`));
  blocks.push(section(lines.join('\n')));
  blocks.push(context('Change with `/commitments me time 08:30` · `me days weekdays|every day|mon,tue,thu` · `me pause until &lt;date&gt;` · `me resume`'));
  // Code marks keep a reason such as cannot_dm_bot whole in blocks; the fallback text goes without.
  const text = [done, ...lines].filter(Boolean).map((line) => plainText(line!).replace(/`/g, '')).join('\n');
  return { text, blocks };
}

function changedText(change: NonNullable<PreferencesView['change']>, prefs: CheckInPreferences): string {
  switch (change.type) {
    case 'time':
      return `Check-ins now come at ${prefs.time}.`;
    case 'days':
      return `Check-ins now come on ${daysText(prefs.days)}.`;
    case 'pause':
      return `Check-ins paused until ${formatLocalDate(prefs.pausedUntil!)}.`;
    case 'resume':
      return 'Check-ins resumed.';
  }
}
