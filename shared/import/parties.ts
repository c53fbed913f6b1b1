import { addAlias, gazetteerIndex, joins, rowAliases, tokenize, type AliasIndex, type Token } from '#shared/import/gazetteer';
import { GAZETTEER_ROWS, type GazetteerRow } from '#shared/import/gazetteer-data';

/** A party as the track names it; `aliases` adds leaders' names or other words that mean it. */
export interface PartyRef {
  code: string;
  name: string;
  aliases?: string[];
}

/** Phrases that speak for every party at the table at once. */
const ALL_PARTIES =
  /\b(?:both|the two|all|each)\s+(?:sides|leaders|countries|nations|governments|ministers|parties|delegations|presidents|prime ministers|foreign ministers|partners|states|capitals|navies|coast guards)\b|\bboth sides\b|\bthe (?:leaders|ministers|sides|parties|governments|presidents|prime ministers|foreign ministers|heads of (?:state|government)|co-chairs|delegations)\b|\b(?:we|our|bilateral|jointly|joint|mutual|reciprocal|each other|one another|together)\b|\bboth\b/i;

// Our pronoun, never "US" the country.
const US_PRONOUN = /\b[Uu]s\b/;

const PLACE_BEFORE = /\b(?:in|to|at|from|near|across|around|toward|towards|visit|visiting|visited|between)\s+$/i;

/** A country or body named in a text: a party's code, or the gazetteer's codes for an outsider. */
export interface Mention {
  code: string;
  /** Every country the words may mean ("Congo": CD and CG); just `code` for a party. */
  codes: string[];
  party: boolean;
  start: number;
  end: number;
}

/** What the matching functions need: the gazetteer, the track's own words, and which code is whose. */
export interface PartyLexicon {
  gazetteer: AliasIndex;
  own: AliasIndex;
  /** Gazetteer code → the code of the track party it is. */
  partyOf: Map<string, string>;
  /** Map look-ups made so far, so a test can see the cost grow with the text alone. */
  lookups: number;
}

/**
 * Links each track party to its gazetteer entry (by name, else by code) and indexes the party's
 * own name, aliases and code (three letters or more, so "IN" never reads as "in").
 */
export function partyLexicon(parties: readonly PartyRef[]): PartyLexicon {
  const partyOf = new Map<string, string>();
  const own: AliasIndex = { codes: new Map(), starts: new Map() };
  for (const party of parties) {
    const row = findRow(party);
    if (row && !partyOf.has(row[0])) partyOf.set(row[0], party.code);
    const words = [party.name, ...(party.aliases ?? []), ...(party.code.length >= 3 ? [party.code] : [])];
    for (const alias of words) addAlias(own, alias, party.code);
  }
  return { gazetteer: gazetteerIndex(), own, partyOf, lookups: 0 };
}

/**
 * The party's Japanese and Korean names from the gazetteer ("ウズベキスタン", "핀란드"), those of three
 * characters or more: with no spaces between words, a shorter one ("가나", "이란") is too often part of
 * another word.
 */
export function localNames(party: PartyRef): string[] {
  return (findRow(party)?.[6] ?? '').split('|').filter((name) => name.length >= 3);
}

function findRow(party: PartyRef): GazetteerRow | undefined {
  const name = party.name.toLowerCase();
  return (
    GAZETTEER_ROWS.find((row) => rowAliases(row).some((alias) => alias.toLowerCase() === name)) ??
    GAZETTEER_ROWS.find((row) => row[0] === party.code || row[1] === party.code || row[5].split('|').includes(party.code))
  );
}

/** The text read last: a cue's subject is asked what it names several times in a row, and often the next cue's is the same. */
let lastRead: { text: string; lexicon: PartyLexicon; found: readonly Mention[] } | undefined;

/**
 * Every country or body `text` names, in order, longest name first ("North Korea" is never
 * Korea). Each word starts at most one probe per name length, so the cost is linear in the text.
 */
export function mentions(text: string, lexicon: PartyLexicon): readonly Mention[] {
  if (lastRead?.text === text && lastRead.lexicon === lexicon) return lastRead.found;
  const tokens = tokenize(text);
  const found: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const hit = longestAt(text, tokens, i, lexicon);
    if (!hit) {
      i += 1;
      continue;
    }
    found.push({ ...hit.mention, start: tokens[i]!.start, end: hit.end });
    i += hit.length;
  }
  lastRead = { text, lexicon, found };
  return found;
}

function longestAt(
  text: string,
  tokens: readonly Token[],
  i: number,
  lexicon: PartyLexicon,
): { length: number; end: number; mention: Omit<Mention, 'start' | 'end'> } | undefined {
  const head = tokens[i]!;
  let most = 0;
  for (const first of head.bare ? [head.key, head.bare] : [head.key]) {
    lexicon.lookups += 2;
    most = Math.max(most, lexicon.own.starts.get(first) ?? 0, lexicon.gazetteer.starts.get(first) ?? 0);
  }
  let run = 1;
  while (run < most && i + run < tokens.length && joins(text, tokens[i + run - 1]!, tokens[i + run]!)) run += 1;
  for (let length = run; length >= 1; length -= 1) {
    const inner = tokens.slice(i, i + length - 1).map((t) => `${t.key} `).join('');
    const last = tokens[i + length - 1]!;
    // "China's envoy": the name without its possessive, ending before the apostrophe.
    for (const [word, end] of last.bare ? [[last.key, last.end], [last.bare, last.end - 2]] as const : [[last.key, last.end]] as const) {
      const mention = lookUp(`${inner}${word}`, lexicon);
      if (mention) return { length, end, mention };
    }
  }
  return undefined;
}

function lookUp(key: string, lexicon: PartyLexicon): Omit<Mention, 'start' | 'end'> | undefined {
  lexicon.lookups += 2;
  const own = lexicon.own.codes.get(key);
  if (own) return { code: own[0]!, codes: [own[0]!], party: true };
  const codes = lexicon.gazetteer.codes.get(key);
  if (!codes) return undefined;
  const party = codes.map((code) => lexicon.partyOf.get(code)).find((code) => code !== undefined);
  return party ? { code: party, codes: [party], party: true } : { code: codes[0]!, codes, party: false };
}

/**
 * The parties a follow-up binds: those its subject names ("the German side promised"), else those
 * the sentence names; a collective ("both sides", "we") or no name at all means every party.
 */
export function detectParties(
  sentence: string,
  parties: readonly PartyRef[],
  lexicon = partyLexicon(parties),
  subject?: string,
): string[] {
  const all = parties.map((p) => p.code);
  const inText = (text: string): string[] | undefined => {
    if (ALL_PARTIES.test(text) || US_PRONOUN.test(text)) return all;
    const named = new Set(namedParties(text, lexicon));
    return named.size ? all.filter((code) => named.has(code)) : undefined;
  };
  return (subject ? inText(subject) : undefined) ?? inText(sentence) ?? all;
}

/** Codes of the parties named in `text`, in order of mention; other countries are skipped. */
export function namedParties(text: string, lexicon: PartyLexicon): string[] {
  // "talks in Seoul", "a delegation to Britain": a place the act happens, not a party to it.
  return mentions(text, lexicon)
    .filter((m) => m.party && !PLACE_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start)))
    .map((m) => m.code);
}

/** Whether `text` names a country that is not a party (for "North Korea will …"). */
export function namesOutsider(text: string, lexicon: PartyLexicon): boolean {
  return mentions(text, lexicon).some((m) => !m.party);
}
