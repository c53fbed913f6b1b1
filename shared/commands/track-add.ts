import { defineCommand, modalOrigin, OpenModal, SLASH, type ReadContext } from '#shared/commands/definition';
import { preview, readFiscalYearStart, readTimeZone, readTrack, readTrackTitle, TIME_ZONE_KEYWORDS, type Cursor, type Spoken, type Token } from '#shared/commands/grammar';
import { IdPrefixSchema, PartyCodeSchema, type TrackSlug } from '#shared/domain/schemas';
import { spoken } from '#shared/i18n/translator';
import { addTrackModal } from '#shared/slack/render/modals';
import { renderDone } from '#shared/slack/render/notice';
import { addTrack, createdTrackLine } from '#shared/use-cases/commitments';

/** Whatever was given; the form asks for the rest. */
interface TrackAddArgs {
  slug?: TrackSlug;
  title?: string;
  parties?: string[];
  timeZone?: string;
  prefix?: string;
  /** The month (1–12) its fiscal year starts in. */
  fiscalYearStart?: number;
}

const TRACK_KEYWORDS = new Set(['parties', 'party', ...TIME_ZONE_KEYWORDS, 'prefix', 'fy']);
const MAX_PARTIES = 20;

/** `track add …`: a new track, at once when every field is given, else through a form. */
export const trackAddCommand = defineCommand({
  name: 'track-add',
  words: ['track'],
  usage: `${SLASH} track add <slug> ["Title"] [parties JP,KR] [tz Asia/Tokyo] [prefix JK] [fy april]  (fy: the month its fiscal year starts, January if not given)`,
  examples: [`${SLASH} track add us-eu "US–EU trade" parties US,EU tz Europe/Brussels prefix UE`],
  writes: true,
  // A new track names none yet; only guests and strangers are refused.
  need: 'write',
  read: readTrackAdd,
  async run(args, { deps, caller, where, t }) {
    const { slug, title, parties, timeZone, prefix, fiscalYearStart } = args;
    if (!(slug && title && parties && timeZone)) {
      const { parties: _, fiscalYearStart: __, ...rest } = args;
      return new OpenModal(addTrackModal(modalOrigin(where), { ...rest, ...(parties ? { parties: parties.join(', ') } : {}) }, t));
    }
    return addTrack(deps, caller, { slug, title, parties, timeZone, ...(prefix ? { prefix } : {}), ...(fiscalYearStart ? { fiscalYearStart } : {}) });
  },
  render: (track, { prefix }, { t }) => ({ message: renderDone(createdTrackLine(track, prefix, t)) }),
});

function readTrackAdd(c: Cursor, { registry }: ReadContext): TrackAddArgs {
  const verb = c.next();
  if (!verb || verb.quoted || !['add', 'new', 'create'].includes(verb.text.toLowerCase())) {
    c.refuse(spoken('trackAdd.verbNeeded'));
  }
  const isKeyword = (word: string) => TRACK_KEYWORDS.has(word);
  const first = c.peekWord();
  const slug = first !== undefined && !isKeyword(first) ? readTrack(c, 'track add', true) : undefined;
  // `/commitments <word>` runs that command, so a track of that name could never be reached.
  if (slug && registry.byWord(slug)) c.refuse(commandWordSlug(slug));
  const title = readTrackTitle(c, c.takeUntil(isKeyword));
  const args: TrackAddArgs = {};
  if (slug) args.slug = slug;
  if (title) args.title = title;
  const seen = new Set<string>();
  while (!c.done) {
    const keyword = c.next()?.text.toLowerCase() ?? '';
    const name = keyword === 'party' ? 'parties' : keyword === 'timezone' ? 'tz' : keyword;
    if (seen.has(name)) c.refuse(spoken('trackAdd.once', { keyword: name }));
    seen.add(name);
    const values = c.takeUntil(isKeyword);
    if (name === 'parties') args.parties = readParties(c, values);
    else if (name === 'tz') args.timeZone = readTimeZone(c, values);
    else if (name === 'fy') args.fiscalYearStart = readFiscalYearStart(c, values);
    else args.prefix = readPrefix(c, values);
  }
  // The form has no fiscal-year field, so a month given with too little would be lost there.
  if (args.fiscalYearStart && !(args.slug && args.title && args.parties && args.timeZone)) {
    c.refuse(spoken('trackAdd.fyNeedsAll'));
  }
  return args;
}

function readParties(c: Cursor, tokens: readonly Token[]): string[] {
  const codes = tokens.flatMap((t) => t.text.split(/[,\s]+/)).filter(Boolean);
  if (codes.length === 0) c.refuse(spoken('trackAdd.partiesNeeded'));
  const parties = [...new Set(codes.map((code) => code.toUpperCase()))];
  for (const party of parties) {
    if (!PartyCodeSchema.safeParse(party).success) {
      c.refuse(spoken('trackAdd.notParty', { code: preview(party) }));
    }
  }
  if (parties.length > MAX_PARTIES) c.refuse(spoken('trackAdd.tooManyParties', { max: MAX_PARTIES, given: parties.length }));
  return parties;
}

function readPrefix(c: Cursor, tokens: readonly Token[]): string {
  const [token, extra] = tokens;
  const prefix = token?.text.toUpperCase();
  if (!prefix || extra || !IdPrefixSchema.safeParse(prefix).success) {
    c.refuse(spoken('trackAdd.prefixNeeded'));
  }
  return prefix;
}

/** Why a command word cannot be a track's slug, for the typed command and the form alike. */
export function commandWordSlug(slug: string): Spoken {
  return spoken('trackAdd.commandWord', { slug });
}
