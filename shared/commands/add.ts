import { defineCommand, modalOrigin, OpenModal, SLASH } from '#shared/commands/definition';
import { checkLength, decodeEntities, preview, readTrack, type Cursor, type Spoken, type Token } from '#shared/commands/grammar';
import { COUNT_WORD_PATTERN, readCount } from '#shared/dates/count-words';
import { notPersonMention } from '#shared/domain/changes';
import { DEFAULT_UPDATE_EVERY_DAYS, takesDueDate, type NamedKind } from '#shared/domain/kind';
import { LIMITS, type Cadence, type TrackSlug } from '#shared/domain/schemas';
import { overdueNotice, withItem } from '#shared/slack/render/change';
import { renderCommitment } from '#shared/slack/render/commitment';
import { addCommitmentModal } from '#shared/slack/render/modals';
import { addCommitment, getTrack } from '#shared/use-cases/commitments';
import { spoken } from '#shared/i18n/translator';

interface AddArgs {
  track: TrackSlug;
  title?: string;
  /** Left as typed: only the track knows the time zone to resolve it in. */
  dueText?: string;
  owners: string[];
  kind?: NamedKind;
  /** Where it comes from, as the person gave it: a link, a name (a meeting, a call), or both. */
  source?: { link?: string; name?: string };
}

const ADD_KEYWORDS = new Set(['due', 'owner', 'owners', 'recurring', 'ongoing', 'source']);
const MAX_SOURCE_NAME_CHARS = 200;
const MAX_OWNERS = 10;
const MAX_OWNER_CHARS = 100;

const CADENCE_UNITS: ReadonlyMap<string, Cadence['unit']> = new Map([
  ['day', 'days'],
  ['week', 'weeks'],
  ['month', 'months'],
  ['year', 'years'],
]);
const CADENCE_ADVERBS: ReadonlyMap<string, Cadence> = new Map([
  ['daily', { count: 1, unit: 'days' }],
  ['weekly', { count: 1, unit: 'weeks' }],
  ['monthly', { count: 1, unit: 'months' }],
  ['fortnightly', { count: 2, unit: 'weeks' }],
  ['quarterly', { count: 3, unit: 'months' }],
  ['yearly', { count: 1, unit: 'years' }],
  ['annually', { count: 1, unit: 'years' }],
  ['annual', { count: 1, unit: 'years' }],
]);
const CADENCE = new RegExp(String.raw`^(?:(\d{1,4}|${COUNT_WORD_PATTERN}) )?(day|week|month|year)s?$`);
const MAX_CADENCE = 365;

/** `add <track> …`: a new item, at once when it has a title, else through a form. */
export const addCommand = defineCommand({
  name: 'add',
  words: ['add'],
  usage:
    `${SLASH} add <track> ["Title"] [due <date>] [owner @user, "Name"] [source <https link> "meeting or call"] ` +
    `[recurring [every <n> days|weeks|months|years] | ongoing [update every <n> days]]  (ongoing defaults to every ${DEFAULT_UPDATE_EVERY_DAYS} days)`,
  examples: [`${SLASH} add japan-korea "Hold the next vice-ministerial dialogue" due end of march owner @maria`],
  writes: true,
  need: 'write',
  read: readAdd,
  target: ({ track }) => ({ track }),
  async run({ track, title, dueText, owners, kind, source }, { deps, caller, where, t }) {
    if (!title) return new OpenModal(addCommitmentModal(await getTrack(deps, caller, track, 'write'), modalOrigin(where), {}, t));
    return addCommitment(deps, caller, { track, title, ...(dueText ? { dueText } : {}), owners, ...(kind ? { kind } : {}), ...(source ? { given: source } : {}) });
  },
  render({ item, track }, _, { caller, t }) {
    const due = item.kind.type === 'one-off' && item.kind.due ? t.date(item.kind.due) : 'none';
    const added = t.t('add.added', { id: item.id, track: track.slug, due });
    const overdue = overdueNotice(item, track, caller.now, t);
    return { message: withItem(overdue ? t.t('change.withOverdue', { line: added, overdue }) : added, renderCommitment(item, track, caller.now, {}, t)) };
  },
});

function readAdd(c: Cursor): AddArgs {
  const track = readTrack(c, 'add');
  const isKeyword = (word: string) => ADD_KEYWORDS.has(word);
  const title = checkLength(c, 'title', c.textOf(c.takeUntil(isKeyword)), LIMITS.titleChars);
  let dueText: string | undefined;
  let kind: NamedKind | undefined;
  const owners: string[] = [];
  let source: AddArgs['source'];
  while (!c.done) {
    const keyword = c.next()?.text.toLowerCase() ?? '';
    const values = c.takeUntil(isKeyword);
    if (keyword === 'source') {
      if (source) c.refuse(spoken('add.onlyOnce', { word: 'source' }));
      source = readSource(c, values);
    } else if (keyword === 'due') {
      if (dueText !== undefined) c.refuse(spoken('add.onlyOnce', { word: 'due' }));
      dueText = c.textOf(values);
      if (dueText === undefined) c.refuse(spoken('add.dueNeedsDate'));
    } else if (keyword === 'owner' || keyword === 'owners') {
      const named = readOwners(c, values);
      if (named.length === 0) c.refuse(spoken('add.ownerNeedsPerson', { word: keyword }));
      owners.push(...named);
    } else {
      if (kind) c.refuse(kind.type === keyword ? spoken('add.onlyOnce', { word: keyword }) : spoken('add.recurringOrOngoing'));
      kind = keyword === 'recurring' ? readRecurring(c, values) : readOngoing(c, values);
    }
  }
  if (owners.length > MAX_OWNERS) c.refuse(spoken('add.tooManyOwners', { max: MAX_OWNERS, given: owners.length }));
  if (dueText !== undefined && kind && !takesDueDate(kind.type)) c.refuse(spoken('add.kindNoDue', { kind: kind.type }));
  const args: AddArgs = { track, owners };
  if (title) args.title = title;
  if (dueText) args.dueText = dueText;
  if (kind) args.kind = kind;
  if (source) args.source = source;
  return args;
}

/** `source https://… "Vice-ministerial call"`: an https link (Slack may wrap it as `<url|label>`), a quoted name, or both. */
function readSource(c: Cursor, values: Token[]): { link?: string; name?: string } {
  const source: { link?: string; name?: string } = {};
  for (const token of values) {
    const text = decodeEntities(token.text);
    const wrapped = /^<(https:\/\/[^|>]+)(?:\|[^>]*)?>$/.exec(text);
    const link = wrapped?.[1] ?? (!token.quoted && text.startsWith('https://') ? text : undefined);
    if (link && !source.link) source.link = link;
    else if (token.quoted && !source.name) source.name = checkLength(c, 'source', text, MAX_SOURCE_NAME_CHARS);
    else c.refuse(spoken('add.sourceNeither', { word: preview(text) }));
  }
  if (!source.link && !source.name) c.refuse(spoken('add.sourceNeeded'));
  return source;
}

/**
 * `@a @b`, `@a, "Foreign Ministry"`, `Foreign Ministry and <@U123|lee>`: mentions and quoted
 * names stand alone; other words run together into one name until a comma, `and` or a mention.
 * A user group or a channel is refused: an item's owners are people, or names.
 */
export function readOwners(c: Cursor, tokens: readonly Token[]): string[] {
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
      const notPerson = notPersonMention(word);
      // A group or a channel kept as a name would show as markup and ask nobody.
      if (notPerson) c.refuse(spoken('add.ownerNotPerson', notPerson));
      if (/^(and|&|&amp;)$/i.test(word)) flush();
      else if (word.startsWith('@') || word.startsWith('<@')) {
        flush();
        owners.push(word);
      } else words.push(decodeEntities(word));
    });
  }
  flush();
  for (const owner of owners) {
    if (owner.length > MAX_OWNER_CHARS) c.refuse(spoken('add.ownerTooLong', { owner: preview(owner), length: owner.length, limit: MAX_OWNER_CHARS }));
  }
  return owners;
}

function readRecurring(c: Cursor, tokens: readonly Token[]): NamedKind {
  const words = wordsOf(tokens).replace(/^every /, '');
  if (!words) return { type: 'recurring' };
  return { type: 'recurring', every: readCadence(c, words, spoken('add.recurringEvery')) };
}

function readOngoing(c: Cursor, tokens: readonly Token[]): NamedKind {
  const words = wordsOf(tokens).replace(/^update /, '').replace(/^every /, '');
  if (!words) return { type: 'ongoing', updateEveryDays: DEFAULT_UPDATE_EVERY_DAYS };
  const wrong = spoken('add.ongoingEvery');
  const every = readCadence(c, words, wrong);
  if (every.unit !== 'days' && every.unit !== 'weeks') c.refuse(wrong);
  const days = every.count * (every.unit === 'weeks' ? 7 : 1);
  if (days > MAX_CADENCE) c.refuse(spoken('add.ongoingMax', { max: MAX_CADENCE }));
  return { type: 'ongoing', updateEveryDays: days };
}

/** `6 months`, `week`, `five weeks`, `quarterly`: what follows `every`. */
function readCadence(c: Cursor, words: string, wrong: Spoken): Cadence {
  const adverb = CADENCE_ADVERBS.get(words);
  if (adverb) return adverb;
  const match = CADENCE.exec(words);
  const unit = match?.[2] ? CADENCE_UNITS.get(match[2]) : undefined;
  if (!match || !unit) c.refuse(wrong);
  const count = match[1] === undefined ? 1 : readCount(match[1]);
  if (count < 1 || count > MAX_CADENCE) c.refuse(spoken('add.everyCount', { max: MAX_CADENCE }));
  return { count, unit };
}

function wordsOf(tokens: readonly Token[]): string {
  return tokens
    .map((t) => t.text.toLowerCase())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
