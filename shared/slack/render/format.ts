import { formatDistanceStrict, parseISO } from 'date-fns';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import type { types } from '@slack/bolt';
import type { Flags } from '#shared/dates/flags';
import { formatLocalDate } from '#shared/dates/natural';
import type { Commitment, ComplianceScore, LocalDate, Status } from '#shared/domain/schemas';

/** Slack's limits that shape every message. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  plainText: 150,
  fallbackText: 4000,
  modalTitle: 24,
} as const;

/** What every renderer returns: Block Kit plus the plain text Slack shows where blocks cannot go. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** A Block Kit block, as Bolt's own types describe it. */
export type Block = types.KnownBlock;

export const STATUS_LABEL: Record<Status, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  stalled: 'Stalled',
  dropped: 'Dropped',
};

export const STATUS_EMOJI: Record<Status, string> = {
  'not-started': ':white_circle:',
  'in-progress': ':large_blue_circle:',
  done: ':white_check_mark:',
  stalled: ':double_vertical_bar:',
  dropped: ':heavy_multiplication_x:',
};

const SCORE_LABEL: Record<ComplianceScore, string> = { [-1]: '−1 not complying', 0: '0 partial', 1: '+1 full' };

/** A compliance score as researchers write it, with its meaning. */
export function scoreText(score: ComplianceScore): string {
  return SCORE_LABEL[score];
}

/** A party's average score over the items assessed for it: "+0.50 (4 of 5 assessed)". */
export function averageText(average: { mean: number; assessed: number; total: number }): string {
  const sign = average.mean > 0 ? '+' : average.mean < 0 ? '−' : '';
  return `${sign}${Math.abs(average.mean).toFixed(2)} (${average.assessed} of ${average.total} assessed)`;
}

/** Escapes the three characters Slack's mrkdwn treats as markup. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Mon 2 Mar 2026, 09:00 JST" in the given zone. */
export function formatInstant(instant: Date, timeZone: string): string {
  return format(instant, 'EEE d MMM yyyy, HH:mm', { in: tz(timeZone) }) + ` (${timeZone})`;
}

export function age(since: string, now: Date): string {
  const ms = now.getTime() - Date.parse(since);
  if (ms < 60_000) return 'just now';
  if (ms < 86_400_000) return `${formatDistanceStrict(parseISO(since), now)} ago`;
  return `${formatDistanceStrict(parseISO(since), now, { unit: 'day', roundingMethod: 'floor' })} ago`;
}

export function flagTexts(flags: Flags): string[] {
  const texts: string[] = [];
  if (flags.overdue) texts.push(`:red_circle: overdue ${plural(flags.overdue.days, 'day')} (due ${formatLocalDate(flags.overdue.due)})`);
  if (flags.dueSoon) {
    const when = flags.dueSoon.days === 0 ? 'today' : `in ${plural(flags.dueSoon.days, 'day')}`;
    texts.push(`:large_yellow_circle: due ${when} (${formatLocalDate(flags.dueSoon.due)})`);
  }
  if (flags.quiet) texts.push(`:zzz: quiet for ${plural(flags.quiet.days, 'day')}`);
  return texts;
}

export function ownersText(item: Pick<Commitment, 'owners'>): string | undefined {
  if (item.owners.length === 0) return undefined;
  return item.owners.map((o) => (o.slackUserId ? `<@${o.slackUserId}>` : escape(o.label))).join(', ');
}

export function sourceText(item: Pick<Commitment, 'source'>): string {
  const { meeting, date, place, link, point } = item.source;
  const where = [escape(meeting), place ? escape(place) : undefined, formatLocalDate(date)].filter(Boolean).join(', ');
  const named = link ? `<${link}|${where}>` : where;
  return point ? `${named} · ${escape(point)}` : named;
}

export function kindText(item: Pick<Commitment, 'kind'>): string {
  const { kind } = item;
  switch (kind.type) {
    case 'one-off':
      return kind.due ? `One-off, due ${formatLocalDate(kind.due)}` : 'One-off, no date set';
    case 'recurring': {
      const cadence = kind.every ? `every ${plural(kind.every.count, kind.every.unit.replace(/s$/, ''))}` : 'no fixed interval';
      const last = kind.occurrences.at(-1);
      return `Recurring, ${cadence}${last ? `; last ${formatLocalDate(last.date)}${last.place ? ` in ${escape(last.place)}` : ''}` : ''}`;
    }
    case 'ongoing':
      return `Ongoing, update expected every ${plural(kind.updateEveryDays, 'day')}`;
  }
}

export function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) } };
}

export function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) }] };
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.plainText), emoji: true } };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text, emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

/** Turns mrkdwn into the plain fallback text: links to their labels, mentions kept. */
export function plainText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/:[a-z_]+: ?/g, '')
    // Only emphasis markers: underscores inside words (is_archived, America/New_York) stay.
    .replace(/(^|[\s(])([*_])([^*_\n]+?)\2(?=[\s).,:;!?]|$)/g, '$1$3')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
