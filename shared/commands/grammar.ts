import { readZoneName } from '#shared/dates/zone-names';
import { CommitmentIdSchema, TrackSchema, TrackSlugSchema, type CommitmentId, type TrackSlug } from '#shared/domain/schemas';
import type { Say } from '#shared/errors';
import { spoken } from '#shared/i18n/translator';

/** A refusal of the typed text: one sentence saying what is wrong, and the form to use instead. */
export class Refusal extends Error {
  readonly usage: string;
  /** The sentence's key in the catalogs, for the refusals said in the person's language so far. */
  readonly say: Say | undefined;

  constructor(message: string | Spoken, usage: string) {
    super(typeof message === 'string' ? message : message.text);
    this.usage = usage;
    this.say = typeof message === 'string' ? undefined : message.say;
  }
}

/** A refusal's sentence as the catalogs hold it: its English text and its key (`spoken` in shared/i18n). */
export interface Spoken {
  text: string;
  say: Say;
}

export function refuse(message: string | Spoken, usage: string): never {
  throw new Refusal(message, usage);
}

export interface Token {
  /** The text inside the quotes for a quoted token, else the word as typed. */
  text: string;
  quoted: boolean;
  start: number;
  end: number;
}

const DOUBLE_QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e', '\u201f']);
const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);

/**
 * The longest command text read. Slack documents no limit for a slash command's text, so this
 * is our own: ten times the longest title and note together, far below a message's 40,000.
 */
export const COMMAND_TEXT_CHARS = 4_000;

/** Counts the characters the tokenizer looks at, so tests can show its cost grows linearly. */
export interface TokenizeMeter {
  steps: number;
}

/**
 * Splits on white space, keeping "quoted text" (straight or smart quotes) and Slack's
 * `<@U123|name>` escapes whole. A single quote opens only at the start of a word and closes only
 * at the end of one, so the apostrophe in "Lee's" stays a letter. An unclosed quote is refused
 * with `usage`. Every character is looked at a bounded number of times: linear in the input.
 */
export function tokenize(input: string, usage: string, meter: TokenizeMeter = { steps: 0 }): Token[] {
  const tokens: Token[] = [];
  // The next `>` at or after the last `<` seen; -1 once there is none left, so "<<<<" stays linear.
  let nextClose = -2;
  const closeFrom = (from: number): number => {
    if (nextClose === -1 || nextClose >= from) return nextClose;
    nextClose = input.indexOf('>', from);
    meter.steps += (nextClose < 0 ? input.length : nextClose) - from + 1;
    return nextClose;
  };
  let i = 0;
  while (i < input.length) {
    meter.steps += 1;
    const char = input.charAt(i);
    if (/\s/.test(char)) {
      i += 1;
    } else if (DOUBLE_QUOTES.has(char) || SINGLE_QUOTES.has(char)) {
      const close = DOUBLE_QUOTES.has(char) ? findDoubleClose(input, i + 1, meter) : findSingleClose(input, i + 1, meter);
      if (close < 0) {
        // Previewed only here, and only its start: a preview at every quote made long inputs quadratic.
        const after = preview(input.slice(i + 1, i + 200), 30);
        refuse(after ? spoken('grammar.quoteNotClosed', { after }) : spoken('grammar.quoteAtEndNotClosed'), usage);
      }
      tokens.push({ text: input.slice(i + 1, close), quoted: true, start: i, end: close + 1 });
      i = close + 1;
    } else {
      const start = i;
      while (i < input.length && !/\s/.test(input.charAt(i)) && !DOUBLE_QUOTES.has(input.charAt(i))) {
        meter.steps += 1;
        const close = input.charAt(i) === '<' ? closeFrom(i) : -1;
        i = close > 0 ? close + 1 : i + 1;
      }
      tokens.push({ text: input.slice(start, i), quoted: false, start, end: i });
    }
  }
  return tokens;
}

function findDoubleClose(input: string, from: number, meter: TokenizeMeter): number {
  for (let j = from; j < input.length; j += 1) {
    meter.steps += 1;
    if (DOUBLE_QUOTES.has(input.charAt(j))) return j;
  }
  return -1;
}

function findSingleClose(input: string, from: number, meter: TokenizeMeter): number {
  for (let j = from; j < input.length; j += 1) {
    meter.steps += 1;
    const after = input.charAt(j + 1);
    if (SINGLE_QUOTES.has(input.charAt(j)) && (after === '' || /[\s,]/.test(after))) return j;
  }
  return -1;
}

/** The tokens of one command being read, and the form its refusals show. */
export class Cursor {
  private index = 0;

  constructor(
    readonly input: string,
    readonly tokens: readonly Token[],
    readonly usage: string,
  ) {}

  /** The rest of the words, refused with another command's form: for a reader that hands off. */
  handOver(usage: string): Cursor {
    const cursor = new Cursor(this.input, this.tokens, usage);
    cursor.index = this.index;
    return cursor;
  }

  get done(): boolean {
    return this.index >= this.tokens.length;
  }

  peek(): Token | undefined {
    return this.tokens[this.index];
  }

  /** The token after the next one, as `update` reads "in progress". */
  peekSecond(): Token | undefined {
    return this.tokens[this.index + 1];
  }

  /** The token `offset` places after the next one (0 is the next). */
  peekAt(offset: number): Token | undefined {
    return this.tokens[this.index + offset];
  }

  /** The next token as a lower-case keyword; undefined when quoted, since quoting makes a word text. */
  peekWord(): string | undefined {
    const token = this.peek();
    return token && !token.quoted ? token.text.toLowerCase() : undefined;
  }

  next(): Token | undefined {
    const token = this.tokens[this.index];
    if (token) this.index += 1;
    return token;
  }

  takeWhile(keep: (token: Token) => boolean): Token[] {
    const taken: Token[] = [];
    for (let token = this.peek(); token && keep(token); token = this.peek()) {
      taken.push(token);
      this.index += 1;
    }
    return taken;
  }

  /** Takes tokens until one is a bare word in `stop`. */
  takeUntil(stop: (word: string) => boolean): Token[] {
    return this.takeWhile((token) => token.quoted || !stop(token.text.toLowerCase()));
  }

  rest(): Token[] {
    return this.takeWhile(() => true);
  }

  /** Refuses the command with this cursor's form. */
  refuse(message: string | Spoken): never {
    return refuse(message, this.usage);
  }

  /** The text the tokens span, as typed; see textOf. */
  textOf(tokens: readonly Token[]): string | undefined {
    return textOf(this.input, tokens);
  }
}

/** The text the tokens span, as typed; one quoted token gives just what is inside its quotes. */
function textOf(input: string, tokens: readonly Token[]): string | undefined {
  const [first] = tokens;
  const last = tokens.at(-1);
  if (!first || !last) return undefined;
  const raw = tokens.length === 1 && first.quoted ? first.text : input.slice(first.start, last.end);
  return decodeEntities(raw).trim() || undefined;
}

/** Slack escapes &, < and > in command text; stored text keeps the characters themselves. */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Offending input quoted back on one short line. */
export function preview(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function isTrackSlug(word: string): boolean {
  return TrackSlugSchema.safeParse(word).success;
}

/** The slug a near miss means ("japan_korea", "Japan.Korea" → japan-korea), if it makes one. */
export function suggestSlug(word: string): TrackSlug | undefined {
  const slug = word
    .toLowerCase()
    .replace(/[_.\u2010-\u2015]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug !== word && isTrackSlug(slug) ? slug : undefined;
}

export function expectEnd(c: Cursor): void {
  const extra = c.peek();
  if (extra) c.refuse(spoken('grammar.nothingMore', { after: preview(c.input.slice(0, extra.start).trim()) }));
}

/** `verb` names the command in the refusal ("share needs a track"); a new slug (`naming`) gets the rule, not a guess. */
export function readTrack(c: Cursor, verb: string, naming = false): TrackSlug {
  const token = c.peek();
  if (!token || token.quoted) c.refuse(spoken('grammar.needsTrack', { verb }));
  c.next();
  const slug = token.text.toLowerCase();
  if (!isTrackSlug(slug)) {
    const meant = naming ? undefined : suggestSlug(token.text);
    if (meant) c.refuse(spoken('grammar.notTrackDidYouMean', { word: preview(token.text), meant }));
    c.refuse(spoken('grammar.notTrack', { word: preview(token.text) }));
  }
  return slug;
}

export function readId(c: Cursor, verb: string): CommitmentId {
  const token = c.next();
  if (!token) c.refuse(spoken('grammar.needsId', { verb }));
  const id = normaliseId(token.text);
  if (!id) c.refuse(spoken('grammar.notId', { word: preview(token.text) }));
  return id;
}

/** `jk-4`, `JK4`, `#JK-04`, `JK–4` (an autocorrected dash) all mean `JK-4`. */
function normaliseId(text: string): CommitmentId | undefined {
  const match = /^#?([a-z]{1,6})[-\u2010-\u2015]?0*([1-9][0-9]{0,5})[,.:;]?$/i.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const id = `${match[1].toUpperCase()}-${match[2]}`;
  return CommitmentIdSchema.safeParse(id).success ? id : undefined;
}

/** What `checkLength` may name; each has its word in the catalogs (`grammar.tooLong`). */
export type MeasuredText = 'title' | 'note' | 'reason' | 'source' | 'place' | 'text' | 'schedule';

export function checkLength(c: Cursor, what: MeasuredText, text: string | undefined, limit: number): string | undefined {
  if (text !== undefined && text.length > limit) c.refuse(spoken('grammar.tooLong', { what, length: text.length, limit }));
  return text;
}

/** A note that may follow the rest of a command, as `update`, `done` and `note` take it. */
export function readNote(c: Cursor, limit: number): string | undefined {
  return checkLength(c, 'note', c.textOf(c.rest()), limit);
}

/**
 * Text that options may follow (`assess`'s note, `log`'s text, `edit`'s reason). A quoted token
 * followed by an option (`isOption` sees the next two tokens) is the whole text, and the caller
 * reads the option next; otherwise the text is the words to the end as typed, so a quoted phrase
 * may open a longer note.
 */
export function readTextBeforeOptions(c: Cursor, what: MeasuredText, limit: number, isOption: (next: Token, after: Token | undefined) => boolean): string | undefined {
  const first = c.peek();
  const next = c.peekAt(1);
  if (first?.quoted && next && isOption(next, c.peekAt(2))) {
    c.next();
    return checkLength(c, what, c.textOf([first]), limit);
  }
  return checkLength(c, what, c.textOf(c.rest()), limit);
}

export const TIME_ZONE_KEYWORDS: ReadonlySet<string> = new Set(['tz', 'timezone']);

/** The zone after `tz`, under the name it was typed with (see readZoneName). */
export function readTimeZone(c: Cursor, tokens: readonly Token[]): string {
  const [token, extra] = tokens;
  if (!token || extra) c.refuse(spoken('grammar.tzNeedsOne'));
  const zone = readZoneName(token.text);
  if (!zone) c.refuse(spoken('grammar.notTimeZone', { word: preview(token.text) }));
  return zone;
}

/** The longest track title a command reads, as the track's schema allows. */
export const TRACK_TITLE_CHARS = TrackSchema.shape.title.maxLength ?? 150;

/** A track's title, as `track add` and `<track> settings title` take it. */
export function readTrackTitle(c: Cursor, tokens: readonly Token[]): string | undefined {
  return checkLength(c, 'title', c.textOf(tokens), TRACK_TITLE_CHARS);
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `fy april`, `fy apr`, `fy 4`: the month (1–12) a track's fiscal year starts in. */
export function readFiscalYearStart(c: Cursor, tokens: readonly Token[]): number {
  const [token, extra] = tokens;
  const word = token?.text.toLowerCase() ?? '';
  const month = /^\d{1,2}$/.test(word) ? Number(word) : MONTH_NAMES.findIndex((name) => word.length >= 3 && name.startsWith(word)) + 1;
  if (!token || extra || month < 1 || month > 12) c.refuse(spoken('trackAdd.fyNeeded'));
  return month;
}
