import {
  CommitmentIdSchema,
  IdPrefixSchema,
  LIMITS,
  OccurrenceSchema,
  PartyCodeSchema,
  STATUSES,
  TimeZoneSchema,
  TrackSchema,
  TrackSlugSchema,
  type Cadence,
  type ComplianceScore,
  type CommitmentId,
  type Status,
  type TrackSlug,
} from '#shared/domain/schemas';
import { SLACK_APP } from '#shared/slack/definitions';
import { ownerFromToken } from '#shared/domain/changes';

export const REPORT_FILTERS = ['open', 'overdue', 'due', 'quiet', 'done', 'all'] as const;
/** `open` (the default) is everything not done or dropped. */
export type ReportFilter = (typeof REPORT_FILTERS)[number];

/** An `ongoing` item given no interval goes quiet after this many days without an update. */
export const DEFAULT_UPDATE_EVERY_DAYS = 30;

export type AddKind = { type: 'recurring'; every?: Cadence } | { type: 'ongoing'; updateEveryDays: number };

export type Command =
  | { type: 'list-tracks' }
  | { type: 'help'; topic?: UsageKey }
  | { type: 'report'; track: TrackSlug; filter: ReportFilter; share: boolean }
  | { type: 'show'; id: CommitmentId }
  | { type: 'history'; id: CommitmentId }
  | { type: 'track-add'; slug?: TrackSlug; title?: string; parties?: string[]; timeZone?: string; prefix?: string }
  /** `dueText` is left as typed: only the caller knows the track's time zone to resolve it in. */
  | { type: 'add'; track: TrackSlug; title?: string; dueText?: string; owners: string[]; kind?: AddKind }
  | { type: 'update'; id: CommitmentId; status: Status; note?: string }
  | { type: 'note'; id: CommitmentId; text: string }
  | { type: 'done'; id: CommitmentId; note?: string }
  | { type: 'log'; id: CommitmentId; dateText: string; place?: string; text?: string }
  | { type: 'subscribe'; track: TrackSlug; scheduleText?: string; timeZone?: string }
  | { type: 'unsubscribe'; track: TrackSlug }
  | { type: 'subscriptions' }
  | { type: 'assess'; id: CommitmentId; party: string; score: ComplianceScore; note?: string }
  | { type: 'export'; track: TrackSlug }
  | { type: 'import'; track: TrackSlug };

/** Commands that change something: the ones a replayed request must not repeat. */
export const WRITE_COMMANDS: ReadonlySet<Command['type']> = new Set([
  'track-add',
  'add',
  'update',
  'note',
  'done',
  'log',
  'subscribe',
  'unsubscribe',
  'assess',
  // Not a table write, but a replay would upload the files again.
  'export',
]);

export type ParseResult = { ok: true; command: Command } | { ok: false; error: string; usage: string };

const CMD = SLACK_APP.command.name;

/** The right form of each subcommand, shown with every refusal and by `help`. */
export const USAGE = {
  'list-tracks': `${CMD}`,
  help: `${CMD} help [command]`,
  report: `${CMD} <track> [open|overdue|due|quiet|done|all] [share]  (open, the default, leaves out done and dropped items)`,
  show: `${CMD} show <ID>`,
  history: `${CMD} history <ID>`,
  'track-add': `${CMD} track add <slug> ["Title"] [parties JP,KR] [tz Asia/Tokyo] [prefix JK]`,
  add:
    `${CMD} add <track> ["Title"] [due <date>] [owner @user, "Name"] ` +
    `[recurring [every <n> days|weeks|months|years] | ongoing [update every <n> days]]  (ongoing defaults to every ${DEFAULT_UPDATE_EVERY_DAYS} days)`,
  update: `${CMD} update <ID> <${STATUSES.join('|')}> ["note"]`,
  note: `${CMD} note <ID> <text>`,
  done: `${CMD} done <ID> ["note"]`,
  log:
    `${CMD} log <ID> <date> [at|in <place>] ["what happened"]  ` +
    `(the date is the words before at, in or a quote; a one-word date such as 2026-01-13 or today may be followed by the place)`,
  subscribe: `${CMD} subscribe <track> [schedule, such as every monday 09:00] [tz Asia/Tokyo]`,
  unsubscribe: `${CMD} unsubscribe <track>`,
  subscriptions: `${CMD} subscriptions`,
  assess: `${CMD} assess <ID> <party> <-1|0|+1> ["note"]  (−1 not complying, 0 partial, +1 full)`,
  export: `${CMD} <track> export  (a Markdown briefing and a CSV, sent to you as files)`,
  import: `${CMD} import <track>  (paste a readout; pick the follow-ups to add)`,
} as const satisfies Record<Command['type'], string>;
export type UsageKey = keyof typeof USAGE;

const OVERVIEW = Object.values(USAGE).join('\n');

/** The first word of each subcommand, and the form it is explained by. */
const COMMAND_WORDS: Record<string, UsageKey> = {
  help: 'help',
  '?': 'help',
  tracks: 'list-tracks',
  list: 'report',
  report: 'report',
  share: 'report',
  show: 'show',
  history: 'history',
  track: 'track-add',
  add: 'add',
  update: 'update',
  note: 'note',
  done: 'done',
  log: 'log',
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  subscriptions: 'subscriptions',
};

const STATUS_ALIASES: Record<string, Status> = {
  'not-started': 'not-started',
  notstarted: 'not-started',
  todo: 'not-started',
  'to-do': 'not-started',
  agreed: 'not-started',
  'in-progress': 'in-progress',
  inprogress: 'in-progress',
  started: 'in-progress',
  progress: 'in-progress',
  wip: 'in-progress',
  done: 'done',
  complete: 'done',
  completed: 'done',
  finished: 'done',
  stalled: 'stalled',
  blocked: 'stalled',
  stuck: 'stalled',
  'on-hold': 'stalled',
  dropped: 'dropped',
  cancelled: 'dropped',
  canceled: 'dropped',
};

const FILTER_ALIASES: Record<string, ReportFilter> = {
  ...Object.fromEntries(REPORT_FILTERS.map((f) => [f, f])),
  late: 'overdue',
  soon: 'due',
  'due-soon': 'due',
  stale: 'quiet',
};

const CADENCE_UNITS: Record<string, Cadence['unit']> = { day: 'days', week: 'weeks', month: 'months', year: 'years' };
const CADENCE_ADVERBS: Record<string, Cadence> = {
  daily: { count: 1, unit: 'days' },
  weekly: { count: 1, unit: 'weeks' },
  monthly: { count: 1, unit: 'months' },
  fortnightly: { count: 2, unit: 'weeks' },
  quarterly: { count: 3, unit: 'months' },
  yearly: { count: 1, unit: 'years' },
  annually: { count: 1, unit: 'years' },
  annual: { count: 1, unit: 'years' },
};
const COUNT_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, six: 6, twelve: 12 };
const COUNT = String.raw`(\d{1,4}|a|an|one|two|three|four|six|twelve)`;
const CADENCE = new RegExp(String.raw`^(?:${COUNT} )?(day|week|month|year)s?$`);
const MAX_CADENCE = 365;

const ADD_KEYWORDS = new Set(['due', 'owner', 'owners', 'recurring', 'ongoing']);
const TRACK_KEYWORDS = new Set(['parties', 'party', 'tz', 'timezone', 'prefix']);
const TIME_ZONE_KEYWORDS = new Set(['tz', 'timezone']);
const PLACE_KEYWORDS = new Set(['at', 'in']);
/** Dates of one word, after which `log` may take the place without `at`. */
const ONE_WORD_DATE =
  /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}(\/\d{2,4})?|today|yesterday|tomorrow|(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?)$/;

const MAX_OWNERS = 10;
const MAX_OWNER_CHARS = 100;
const MAX_PARTIES = 20;
const MAX_SCHEDULE_CHARS = 100;
const TRACK_TITLE_CHARS = TrackSchema.shape.title.maxLength ?? 150;
const PLACE_CHARS = OccurrenceSchema.shape.place.unwrap().maxLength ?? 100;
const OCCURRENCE_TEXT_CHARS = OccurrenceSchema.shape.text.unwrap().maxLength ?? 500;

/**
 * Reads the text of a `/commitments` command into a command, or says in one sentence what is
 * wrong with it and shows the right form. Never throws on any input.
 */
export function parseCommand(text: string): ParseResult {
  try {
    return { ok: true, command: readCommand(new Cursor(text, tokenize(text, usageOfHead(text)))) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message, usage: error.usage };
    throw error;
  }
}

class Refusal extends Error {
  readonly usage: string;

  constructor(message: string, usage: string) {
    super(message);
    this.usage = usage;
  }
}

function refuse(message: string, usage: UsageKey | 'overview'): never {
  throw new Refusal(message, usage === 'overview' ? OVERVIEW : USAGE[usage]);
}

interface Token {
  /** The text inside the quotes for a quoted token, else the word as typed. */
  text: string;
  quoted: boolean;
  start: number;
  end: number;
}

const DOUBLE_QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e', '\u201f']);
const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);

/**
 * Splits on white space, keeping "quoted text" (straight or smart quotes) and Slack's
 * `<@U123|name>` escapes whole. A single quote opens only at the start of a word and closes only
 * at the end of one, so the apostrophe in "Lee's" stays a letter.
 */
function tokenize(input: string, usage: UsageKey | 'overview'): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input.charAt(i);
    if (/\s/.test(char)) {
      i += 1;
    } else if (DOUBLE_QUOTES.has(char) || SINGLE_QUOTES.has(char)) {
      const close = DOUBLE_QUOTES.has(char) ? findDoubleClose(input, i + 1) : findSingleClose(input, i + 1);
      const after = preview(input.slice(i + 1), 30);
      if (close < 0) refuse(after ? `The quote before “${after}” is never closed.` : 'The quote at the end is never closed.', usage);
      tokens.push({ text: input.slice(i + 1, close), quoted: true, start: i, end: close + 1 });
      i = close + 1;
    } else {
      const start = i;
      while (i < input.length && !/\s/.test(input.charAt(i)) && !DOUBLE_QUOTES.has(input.charAt(i))) {
        const close = input.charAt(i) === '<' ? input.indexOf('>', i) : -1;
        i = close > 0 ? close + 1 : i + 1;
      }
      tokens.push({ text: input.slice(start, i), quoted: false, start, end: i });
    }
  }
  return tokens;
}

/** Which form to show for a refusal before the text is split into words. */
function usageOfHead(input: string): UsageKey | 'overview' {
  const head = input.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return COMMAND_WORDS[head] ?? (TrackSlugSchema.safeParse(head).success ? 'report' : 'overview');
}

function findDoubleClose(input: string, from: number): number {
  for (let j = from; j < input.length; j += 1) if (DOUBLE_QUOTES.has(input.charAt(j))) return j;
  return -1;
}

function findSingleClose(input: string, from: number): number {
  for (let j = from; j < input.length; j += 1) {
    const after = input.charAt(j + 1);
    if (SINGLE_QUOTES.has(input.charAt(j)) && (after === '' || /[\s,]/.test(after))) return j;
  }
  return -1;
}

class Cursor {
  private index = 0;

  constructor(
    readonly input: string,
    readonly tokens: readonly Token[],
  ) {}

  get done(): boolean {
    return this.index >= this.tokens.length;
  }

  peek(): Token | undefined {
    return this.tokens[this.index];
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
function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Offending input quoted back on one short line. */
function preview(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function readCommand(c: Cursor): Command {
  const head = c.peekWord();
  if (c.done) return { type: 'list-tracks' };
  if (head === undefined) refuse('Start with a command or a track, not quoted text.', 'overview');
  switch (head) {
    case 'help':
    case '?':
      c.next();
      return readHelp(c);
    case 'tracks':
      c.next();
      expectEnd(c, 'list-tracks');
      return { type: 'list-tracks' };
    case 'list':
    case 'report':
      c.next();
      return c.done && head === 'list' ? { type: 'list-tracks' } : readReport(c, false, true);
    case 'share':
      c.next();
      return readReport(c, true, true);
    case 'show':
    case 'history':
      c.next();
      return readShow(c, head);
    case 'track':
      c.next();
      return readTrackAdd(c);
    case 'add':
      c.next();
      return readAdd(c);
    case 'update':
      c.next();
      return readUpdate(c);
    case 'note':
      c.next();
      return readNote(c);
    case 'done':
      c.next();
      return readDone(c);
    case 'log':
      c.next();
      return readLog(c);
    case 'subscribe':
      c.next();
      return readSubscribe(c);
    case 'unsubscribe':
      c.next();
      return { type: 'unsubscribe', track: readTrack(c, 'unsubscribe', 'unsubscribe') };
    case 'subscriptions':
      c.next();
      expectEnd(c, 'subscriptions');
      return { type: 'subscriptions' };
    case 'assess':
      c.next();
      return readAssess(c);
    case 'export':
    case 'import': {
      c.next();
      const track = readTrack(c, head, head);
      expectEnd(c, head);
      return { type: head, track };
    }
    default:
      if (!TrackSlugSchema.safeParse(head).success) {
        refuse(`“${preview(head)}” is not a command or a track.`, 'overview');
      }
      return readReport(c, false, false);
  }
}

function readHelp(c: Cursor): Command {
  const word = c.peekWord() ?? '';
  const topic = word === 'list' ? 'list-tracks' : (COMMAND_WORDS[word] ?? (word in USAGE ? (word as UsageKey) : undefined));
  return topic ? { type: 'help', topic } : { type: 'help' };
}

function expectEnd(c: Cursor, usage: UsageKey): void {
  const extra = c.peek();
  if (extra) refuse(`Nothing more was expected after “${preview(c.input.slice(0, extra.start).trim())}”.`, usage);
}

/** `explicit` when a command word came first; a bare first word may be a mistyped command. */
function readReport(c: Cursor, share: boolean, explicit: boolean): Command {
  const track = readTrack(c, share ? 'share' : 'report', 'report');
  const filters = new Set<ReportFilter>();
  for (let token = c.next(); token; token = c.next()) {
    const word = token.quoted ? undefined : token.text.toLowerCase();
    const filter = word === undefined ? undefined : FILTER_ALIASES[word];
    if (word === 'share') share = true;
    else if (word === 'export' && c.done && filters.size === 0 && !share) return { type: 'export', track };
    else if (filter) filters.add(filter);
    else if (explicit) refuse(`“${preview(token.text)}” is not a report filter; use ${REPORT_FILTERS.join(', ')}.`, 'report');
    else refuse(`“${preview(track)}” is not a command, and a track report takes only a filter and share.`, 'report');
  }
  if (filters.size > 1) refuse(`Give one report filter, not ${[...filters].join(' and ')}.`, 'report');
  return { type: 'report', track, filter: [...filters][0] ?? 'open', share };
}

function readTrack(c: Cursor, verb: string, usage: UsageKey): TrackSlug {
  const token = c.peek();
  if (!token || token.quoted) refuse(`${verb} needs a track, such as japan-korea.`, usage);
  c.next();
  const slug = token.text.toLowerCase();
  if (!TrackSlugSchema.safeParse(slug).success) {
    refuse(`“${preview(token.text)}” is not a track; tracks are lower-case words joined by hyphens, at most 40 characters.`, usage);
  }
  return slug;
}

function readId(c: Cursor, verb: UsageKey): CommitmentId {
  const token = c.next();
  if (!token) refuse(`${verb} needs a commitment id, such as JK-4.`, verb);
  const id = normaliseId(token.text);
  if (!id) refuse(`“${preview(token.text)}” is not a commitment id; ids look like JK-4.`, verb);
  return id;
}

/** `jk-4`, `JK4`, `#JK-04`, `JK–4` (an autocorrected dash) all mean `JK-4`. */
function normaliseId(text: string): CommitmentId | undefined {
  const match = /^#?([a-z]{1,6})[-\u2010-\u2015]?0*([1-9][0-9]{0,5})[,.:;]?$/i.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const id = `${match[1].toUpperCase()}-${match[2]}`;
  return CommitmentIdSchema.safeParse(id).success ? id : undefined;
}

function readShow(c: Cursor, verb: 'show' | 'history'): Command {
  const id = readId(c, verb);
  expectEnd(c, verb);
  return { type: verb, id };
}

function readUpdate(c: Cursor): Command {
  const id = readId(c, 'update');
  const status = readStatus(c);
  const note = checkLength('note', textOf(c.input, c.rest()), LIMITS.noteChars, 'update');
  return note === undefined ? { type: 'update', id, status } : { type: 'update', id, status, note };
}

function readStatus(c: Cursor): Status {
  const vocabulary = `${STATUSES.slice(0, -1).join(', ')} or ${STATUSES.at(-1)}`;
  const first = c.peek();
  if (!first) refuse(`update needs a status: ${vocabulary}.`, 'update');
  const second = c.tokens[c.tokens.indexOf(first) + 1];
  const key = (text: string) => text.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/[.,:;!]+$/, '');
  // Two words first, so "in progress" is not read as "in" plus a note.
  const pair = second && !first.quoted && !second.quoted ? STATUS_ALIASES[key(`${first.text} ${second.text}`)] : undefined;
  if (pair) {
    c.next();
    c.next();
    return pair;
  }
  const single = STATUS_ALIASES[key(first.text)];
  if (!single) refuse(`“${preview(first.text)}” is not a status; use ${vocabulary}.`, 'update');
  c.next();
  return single;
}

const SCORES: Record<string, ComplianceScore> = {
  '-1': -1,
  '\u22121': -1,
  '\u20131': -1,
  none: -1,
  'not-complying': -1,
  '0': 0,
  '+0': 0,
  partial: 0,
  '1': 1,
  '+1': 1,
  full: 1,
};

function readAssess(c: Cursor): Command {
  const id = readId(c, 'assess');
  const partyToken = c.next();
  const party = partyToken?.text.toUpperCase();
  if (!party || !PartyCodeSchema.safeParse(party).success) {
    refuse(`assess needs a party code after the id, such as JP.`, 'assess');
  }
  const scoreToken = c.next();
  const score = scoreToken ? SCORES[scoreToken.text.toLowerCase()] : undefined;
  if (score === undefined) refuse(`“${preview(scoreToken?.text ?? '')}” is not a score; use -1 (not complying), 0 (partial) or +1 (full).`, 'assess');
  const note = checkLength('note', textOf(c.input, c.rest()), LIMITS.noteChars, 'assess');
  return { type: 'assess', id, party, score, ...(note === undefined ? {} : { note }) };
}

function readNote(c: Cursor): Command {
  const id = readId(c, 'note');
  const text = checkLength('note', textOf(c.input, c.rest()), LIMITS.noteChars, 'note');
  if (text === undefined) refuse('note needs some text after the id.', 'note');
  return { type: 'note', id, text };
}

function readDone(c: Cursor): Command {
  const id = readId(c, 'done');
  const note = checkLength('note', textOf(c.input, c.rest()), LIMITS.noteChars, 'done');
  return note === undefined ? { type: 'done', id } : { type: 'done', id, note };
}

function checkLength(what: string, text: string | undefined, limit: number, usage: UsageKey): string | undefined {
  if (text !== undefined && text.length > limit) {
    refuse(`The ${what} is ${text.length} characters long; the limit is ${limit}.`, usage);
  }
  return text;
}

function readTrackAdd(c: Cursor): Command {
  const verb = c.next();
  if (!verb || verb.quoted || !['add', 'new', 'create'].includes(verb.text.toLowerCase())) {
    refuse('To create a track, say track add.', 'track-add');
  }
  const isKeyword = (word: string) => TRACK_KEYWORDS.has(word);
  const first = c.peekWord();
  const slug = first !== undefined && !isKeyword(first) ? readTrack(c, 'track add', 'track-add') : undefined;
  const title = checkLength('title', textOf(c.input, c.takeUntil(isKeyword)), TRACK_TITLE_CHARS, 'track-add');
  const command: Extract<Command, { type: 'track-add' }> = { type: 'track-add' };
  if (slug) command.slug = slug;
  if (title) command.title = title;
  const seen = new Set<string>();
  while (!c.done) {
    const keyword = c.next()?.text.toLowerCase() ?? '';
    const name = keyword === 'party' ? 'parties' : keyword === 'timezone' ? 'tz' : keyword;
    if (seen.has(name)) refuse(`Give ${name} only once.`, 'track-add');
    seen.add(name);
    const values = c.takeUntil(isKeyword);
    if (name === 'parties') command.parties = readParties(values);
    else if (name === 'tz') command.timeZone = readTimeZone(values, 'track-add');
    else command.prefix = readPrefix(values);
  }
  return command;
}

function readParties(tokens: readonly Token[]): string[] {
  const codes = tokens.flatMap((t) => t.text.split(/[,\s]+/)).filter(Boolean);
  if (codes.length === 0) refuse('parties needs party codes, such as JP,KR.', 'track-add');
  const parties = [...new Set(codes.map((code) => code.toUpperCase()))];
  for (const party of parties) {
    if (!PartyCodeSchema.safeParse(party).success) {
      refuse(`“${preview(party)}” is not a party code; use 2 to 8 letters, such as JP.`, 'track-add');
    }
  }
  if (parties.length > MAX_PARTIES) refuse(`A track can have at most ${MAX_PARTIES} parties; you gave ${parties.length}.`, 'track-add');
  return parties;
}

function readPrefix(tokens: readonly Token[]): string {
  const [token, extra] = tokens;
  const prefix = token?.text.toUpperCase();
  if (!prefix || extra || !IdPrefixSchema.safeParse(prefix).success) {
    refuse('prefix needs 1 to 6 letters, such as JK.', 'track-add');
  }
  return prefix;
}

function readTimeZone(tokens: readonly Token[], usage: UsageKey): string {
  const [token, extra] = tokens;
  if (!token || extra) refuse('tz needs one time zone, such as Asia/Tokyo.', usage);
  const zone = canonicalZone(token.text);
  if (!zone) refuse(`“${preview(token.text)}” is not a time zone; use a name such as Asia/Tokyo.`, usage);
  return zone;
}

/** The zone as Intl spells it, so `asia/tokyo` is stored as `Asia/Tokyo`. */
function canonicalZone(text: string): string | undefined {
  try {
    const zone = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
    return TimeZoneSchema.safeParse(zone).success ? zone : undefined;
  } catch {
    return undefined;
  }
}

function readAdd(c: Cursor): Command {
  const track = readTrack(c, 'add', 'add');
  const isKeyword = (word: string) => ADD_KEYWORDS.has(word);
  const title = checkLength('title', textOf(c.input, c.takeUntil(isKeyword)), LIMITS.titleChars, 'add');
  let dueText: string | undefined;
  let kind: AddKind | undefined;
  const owners: string[] = [];
  while (!c.done) {
    const keyword = c.next()?.text.toLowerCase() ?? '';
    const values = c.takeUntil(isKeyword);
    if (keyword === 'due') {
      if (dueText !== undefined) refuse('Give due only once.', 'add');
      dueText = textOf(c.input, values);
      if (dueText === undefined) refuse('due needs a date, such as next friday or 2026-03-31.', 'add');
    } else if (keyword === 'owner' || keyword === 'owners') {
      const named = readOwners(values);
      if (named.length === 0) refuse(`${keyword} needs a person, such as @maria or "Foreign Ministry".`, 'add');
      owners.push(...named);
    } else {
      if (kind) refuse(kind.type === keyword ? `Give ${keyword} only once.` : 'An item is either recurring or ongoing, not both.', 'add');
      kind = keyword === 'recurring' ? readRecurring(values) : readOngoing(values);
    }
  }
  if (owners.length > MAX_OWNERS) refuse(`An item can have at most ${MAX_OWNERS} owners; you gave ${owners.length}.`, 'add');
  if (dueText !== undefined && kind) refuse(`A ${kind.type} item has no due date; leave out due or ${kind.type}.`, 'add');
  const command: Extract<Command, { type: 'add' }> = { type: 'add', track, owners };
  if (title) command.title = title;
  if (dueText) command.dueText = dueText;
  if (kind) command.kind = kind;
  return command;
}

/**
 * `@a @b`, `@a, "Foreign Ministry"`, `Foreign Ministry and <@U123|lee>`: mentions and quoted
 * names stand alone; other words run together into one name until a comma, `and` or a mention.
 */
function readOwners(tokens: readonly Token[]): string[] {
  const owners: string[] = [];
  let words: string[] = [];
  const flush = () => {
    if (words.length > 0) owners.push(words.join(' '));
    words = [];
  };
  for (const token of tokens) {
    if (token.quoted) {
      flush();
      const name = decodeEntities(token.text).trim();
      if (name) owners.push(name);
      continue;
    }
    token.text.split(',').forEach((piece, i) => {
      if (i > 0) flush();
      const word = piece.trim();
      if (!word) return;
      if (/^(and|&|&amp;)$/i.test(word)) flush();
      else if (word.startsWith('@') || word.startsWith('<@')) {
        flush();
        owners.push(word);
      } else words.push(decodeEntities(word));
    });
  }
  flush();
  for (const owner of owners) {
    if (owner.length > MAX_OWNER_CHARS) {
      refuse(`The owner “${preview(owner)}” is ${owner.length} characters long; the limit is ${MAX_OWNER_CHARS}.`, 'add');
    }
  }
  return owners;
}

function readRecurring(tokens: readonly Token[]): AddKind {
  const words = wordsOf(tokens).replace(/^every /, '');
  if (!words) return { type: 'recurring' };
  return { type: 'recurring', every: readCadence(words, 'recurring takes every <n> days, weeks, months or years, such as every 6 months.') };
}

function readOngoing(tokens: readonly Token[]): AddKind {
  const words = wordsOf(tokens).replace(/^update /, '').replace(/^every /, '');
  if (!words) return { type: 'ongoing', updateEveryDays: DEFAULT_UPDATE_EVERY_DAYS };
  const wrong = 'ongoing takes update every <n> days or weeks, such as update every 14 days.';
  const every = readCadence(words, wrong);
  if (every.unit !== 'days' && every.unit !== 'weeks') refuse(wrong, 'add');
  const days = every.count * (every.unit === 'weeks' ? 7 : 1);
  if (days > MAX_CADENCE) refuse(`ongoing updates can be at most ${MAX_CADENCE} days apart.`, 'add');
  return { type: 'ongoing', updateEveryDays: days };
}

/** `6 months`, `week`, `two weeks`, `quarterly`: what follows `every`. */
function readCadence(words: string, wrong: string): Cadence {
  const adverb = CADENCE_ADVERBS[words];
  if (adverb) return adverb;
  const match = CADENCE.exec(words);
  const unit = match?.[2] ? CADENCE_UNITS[match[2]] : undefined;
  if (!match || !unit) refuse(wrong, 'add');
  const count = match[1] === undefined ? 1 : (COUNT_WORDS[match[1]] ?? Number(match[1]));
  if (count < 1 || count > MAX_CADENCE) refuse(`The count after every must be from 1 to ${MAX_CADENCE}.`, 'add');
  return { count, unit };
}

function wordsOf(tokens: readonly Token[]): string {
  return tokens
    .map((t) => t.text.toLowerCase())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function readLog(c: Cursor): Command {
  const id = readId(c, 'log');
  const first = c.peek();
  const oneWord = first !== undefined && !first.quoted && ONE_WORD_DATE.test(first.text.toLowerCase());
  const dateTokens = oneWord
    ? c.takeWhile((token) => token === first)
    : c.takeWhile((token) => !token.quoted && !PLACE_KEYWORDS.has(token.text.toLowerCase()));
  const dateText = textOf(c.input, dateTokens);
  if (dateText === undefined) refuse('log needs a date, such as today or 2026-01-13.', 'log');
  const keyword = c.peekWord();
  const introduced = keyword !== undefined && PLACE_KEYWORDS.has(keyword);
  if (introduced) c.next();
  const place = checkLength('place', textOf(c.input, c.takeWhile((token) => !token.quoted)), PLACE_CHARS, 'log');
  if (introduced && place === undefined) refuse(`${keyword} needs a place.`, 'log');
  const text = checkLength('text', textOf(c.input, c.rest()), OCCURRENCE_TEXT_CHARS, 'log');
  const command: Extract<Command, { type: 'log' }> = { type: 'log', id, dateText };
  if (place) command.place = place;
  if (text) command.text = text;
  return command;
}

function readSubscribe(c: Cursor): Command {
  const track = readTrack(c, 'subscribe', 'subscribe');
  const schedule: Token[] = [];
  let timeZone: string | undefined;
  while (!c.done) {
    const token = c.next() as Token;
    if (!token.quoted && TIME_ZONE_KEYWORDS.has(token.text.toLowerCase())) {
      if (timeZone) refuse('Give tz only once.', 'subscribe');
      const zone = c.next();
      timeZone = readTimeZone(zone ? [zone] : [], 'subscribe');
    } else schedule.push(token);
  }
  const scheduleText = checkLength(
    'schedule',
    schedule.map((t) => decodeEntities(t.text)).join(' ').trim() || undefined,
    MAX_SCHEDULE_CHARS,
    'subscribe',
  );
  const command: Extract<Command, { type: 'subscribe' }> = { type: 'subscribe', track };
  if (scheduleText) command.scheduleText = scheduleText;
  if (timeZone) command.timeZone = timeZone;
  return command;
}
