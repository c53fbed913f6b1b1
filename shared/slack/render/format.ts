import type { types } from '@slack/bolt';
import type { Flags } from '#shared/dates/flags';
import { isSourceLink, type Commitment, type Status } from '#shared/domain/schemas';
import { EN, type MessageValues, type Translator } from '#shared/i18n/translator';
import { flagPhrases, sourceLabel, type FlagName } from '#shared/format/text';

/** Slack's limits that shape every message. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  plainText: 150,
  fallbackText: 4000,
  modalTitle: 24,
  optionText: 75,
} as const;

/** What every renderer returns: Block Kit plus the plain text Slack shows where blocks cannot go. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** A Block Kit block, as Bolt's own types describe it. */
export type Block = types.KnownBlock;

export const STATUS_EMOJI: Record<Status, string> = {
  'not-started': ':white_circle:',
  'in-progress': ':large_blue_circle:',
  done: ':white_check_mark:',
  stalled: ':double_vertical_bar:',
  dropped: ':heavy_multiplication_x:',
};

/** Escapes the three characters Slack reads as control characters: for text the bot itself writes, and plain_text. */
export function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * mrkdwn has no escape character, so the markers of bold, italic, strike and code (and the
 * full-width forms Slack also reads) become look-alikes that it does not read, as jsx-slack does.
 */
const MARKER_LOOKALIKES: Record<string, string> = { '*': '\u2217', '＊': '\ufe61', _: '\u02cd', '＿': '\u2e0f', '~': '\u223c', '`': '\u02cb', '｀': '\u02cb' };
const MARKERS = /[*＊_＿~`｀]/g;
/** Left whole: a bare link (Slack links it before reading markers) and an emoji code, whose underscores sit inside words. */
const KEPT_WHOLE = /(https?:\/\/[^\s<>]*[^\s<>.,;:!?'")\]*_~`]|:[+-]?[a-z0-9]+(?:[_-][a-z0-9]+)*:)/;

/**
 * People's text in mrkdwn, shown as typed and never as markup: `&`, `<` and `>` escaped, and
 * `*`, `_`, `~` and backticks replaced by look-alikes (∗ ˍ ∼ ˋ), outside bare links and emoji codes.
 */
export function escape(text: string): string {
  return text
    .split(KEPT_WHOLE)
    .map((part, i) => escapeEntities(i % 2 === 1 ? part : part.replace(MARKERS, (c) => MARKER_LOOKALIKES[c]!)))
    .join('');
}

/**
 * People's text of several lines (a note, a detail) in mrkdwn: each line escaped, and each
 * line after the first quoted under it, so that no line of it can pass for an item line.
 */
export function escapeLines(text: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? escape(line) : `> ${escape(line)}`))
    .join('\n');
}

/** People's text of several lines that starts a block of its own (an item's detail): every line quoted. */
export function quoteLines(text: string): string {
  return `> ${escapeLines(text)}`;
}

/** The start of an entity (`&amp;`, `&lt;`, `&gt;`) at the end of a cut: Slack would show it as written. */
const PARTIAL_ENTITY = /&(?:a(?:mp?)?|lt?|gt?)?$/;

/**
 * At most `max` characters, an ellipsis last when cut. A cut never splits an entity or the bot's
 * own `<…>` (a link, a mention): it falls before either, which people's escaped text never holds;
 * nor a character people see as one (a flag, an emoji and its skin tone, a letter and its marks).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = wholeGraphemes(text, max - 1).replace(PARTIAL_ENTITY, '');
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  return `${cut}…`;
}

let graphemes: Intl.Segmenter | undefined;

/** The longest start of `text` within `max` UTF-16 units that ends between graphemes. */
function wholeGraphemes(text: string, max: number): string {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let end = 0;
  // The code point after the cut (up to two units) tells whether the grapheme before it ends there.
  for (const { index, segment } of graphemes.segment(text.slice(0, max + 2))) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

const FLAG_EMOJI: Record<FlagName, string> = { overdue: ':red_circle:', dueSoon: ':large_yellow_circle:', quiet: ':zzz:' };

/** Each raised flag as a line with its emoji. */
export function flagTexts(flags: Flags, t: Translator = EN): string[] {
  return flagPhrases(flags, t).map(({ flag, text }) => `${FLAG_EMOJI[flag]} ${text}`);
}

export function ownersText(item: Pick<Commitment, 'owners'>): string | undefined {
  if (item.owners.length === 0) return undefined;
  return item.owners.map((o) => (o.slackUserId ? `<@${o.slackUserId}>` : escape(o.label))).join(', ');
}

export function sourceText(item: Pick<Commitment, 'source'>, t: Translator = EN): string {
  const { link, point } = item.source;
  const where = sourceLabel(item.source, escape, (actor) => actorText(actor, t), t);
  // A link stored before the https rule is left out rather than trusted inside `<…|…>`.
  const named = link && isSourceLink(link) ? `<${link}|${where}>` : where;
  return point ? `${named} · ${escape(point)}` : named;
}

/** "One-off, due Tue 3 Mar 2026", "Recurring, every 2 weeks; last Tue 3 Mar 2026 in Busan", "Ongoing, update expected every 30 days". */
export function kindText(item: Pick<Commitment, 'kind'>, t: Translator = EN): string {
  const { kind } = item;
  switch (kind.type) {
    case 'one-off':
      return kind.due ? t.t('show.oneOffDue', { date: { date: kind.due } }) : t.t('show.oneOffNoDate');
    case 'recurring': {
      const last = kind.occurrences.at(-1);
      const every = kind.every ? { unit: kind.every.unit, count: kind.every.count } : { unit: 'none', count: 0 };
      const lastly: MessageValues = last ? { last: last.place ? 'at' : 'yes', date: { date: last.date }, place: last.place ? escape(last.place) : '' } : { last: 'no' };
      return t.t('show.recurring', { ...every, ...lastly });
    }
    case 'ongoing':
      return t.t('show.ongoing', { days: kind.updateEveryDays });
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

/** `*bold*` or `_italic_` between spaces or punctuation, or beside Japanese or Korean, which leave no space ("*JK-4*을(를)", "。*JK-4* は"). */
const EMPHASIS = /(^|[\s(（「。、\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])([*_])([^*_\n]+?)\2(?=[\s).,:;!?）」。、\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|$)/gu;

/**
 * Turns mrkdwn into the fallback text: links to their labels, mentions kept, and `&amp;`,
 * `&lt;`, `&gt;` left escaped, since Slack reads the fallback as mrkdwn too.
 */
export function plainText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/:[a-z_]+: ?/g, '')
    // Only emphasis markers: underscores inside words (is_archived, America/New_York) stay.
    .replace(EMPHASIS, '$1$3');
}

/** "moved 2× from 31 Mar": how often the due date slipped, from the first date it had. */
export function movedText(item: Pick<Commitment, 'moved'>, t: Translator = EN): string | undefined {
  return item.moved ? t.t('item.moved', { times: item.moved.times, date: t.shortDate(item.moved.from) }) : undefined;
}

/** A Slack user as a mention; a system actor (seed, import) by its name in the reader's language. */
export function actorText(actor: string, t: Translator = EN): string {
  return /^[UW][A-Z0-9]+$/.test(actor) ? `<@${actor}>` : t.t('show.actor', { actor });
}
