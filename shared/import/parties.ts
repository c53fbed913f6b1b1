/** A party as the track names it; `aliases` adds leaders' names or other words that mean it. */
export interface PartyRef {
  code: string;
  name: string;
  aliases?: string[];
}

/**
 * How readouts name a country besides its name: adjective, capital, short forms. The first entry
 * of `names` is how a track is likely to spell it; the rest are matched against its name or code.
 */
const GAZETTEER: { names: string[]; aliases: string[] }[] = [
  { names: ['Japan', 'JP', 'JPN'], aliases: ['Japan', 'Japanese', 'Tokyo'] },
  { names: ['South Korea', 'Korea', 'Republic of Korea', 'KR', 'ROK', 'KOR'], aliases: ['South Korea', 'South Korean', 'Republic of Korea', 'ROK', 'Korea', 'Korean', 'Seoul'] },
  { names: ['North Korea', 'DPRK', 'KP', 'PRK'], aliases: ['North Korea', 'North Korean', 'DPRK', 'Pyongyang'] },
  { names: ['China', 'CN', 'PRC', 'CHN'], aliases: ["People's Republic of China", 'China', 'Chinese', 'Beijing', 'PRC'] },
  { names: ['Taiwan', 'TW'], aliases: ['Taiwan', 'Taiwanese', 'Taipei'] },
  { names: ['United States', 'USA', 'US', 'America'], aliases: ['United States', 'U.S.', 'US', 'USA', 'America', 'American', 'Washington'] },
  { names: ['United Kingdom', 'UK', 'GB', 'GBR', 'Britain'], aliases: ['United Kingdom', 'UK', 'U.K.', 'Britain', 'British', 'London'] },
  { names: ['European Union', 'EU'], aliases: ['European Union', 'EU', 'Brussels'] },
  { names: ['France', 'FR', 'FRA'], aliases: ['France', 'French', 'Paris'] },
  { names: ['Germany', 'DE', 'DEU'], aliases: ['Germany', 'German', 'Berlin'] },
  { names: ['Italy', 'IT', 'ITA'], aliases: ['Italy', 'Italian', 'Rome'] },
  { names: ['India', 'IN', 'IND'], aliases: ['India', 'Indian', 'New Delhi'] },
  { names: ['Australia', 'AU', 'AUS'], aliases: ['Australia', 'Australian', 'Canberra'] },
  { names: ['New Zealand', 'NZ', 'NZL'], aliases: ['New Zealand', 'Wellington'] },
  { names: ['Canada', 'CA', 'CAN'], aliases: ['Canada', 'Canadian', 'Ottawa'] },
  { names: ['Indonesia', 'ID', 'IDN'], aliases: ['Indonesia', 'Indonesian', 'Jakarta'] },
  { names: ['Philippines', 'PH', 'PHL'], aliases: ['Philippines', 'Philippine', 'Filipino', 'Manila'] },
  { names: ['Vietnam', 'Viet Nam', 'VN', 'VNM'], aliases: ['Vietnam', 'Viet Nam', 'Vietnamese', 'Hanoi'] },
  { names: ['Singapore', 'SG', 'SGP'], aliases: ['Singapore', 'Singaporean'] },
  { names: ['Thailand', 'TH', 'THA'], aliases: ['Thailand', 'Thai', 'Bangkok'] },
  { names: ['Malaysia', 'MY', 'MYS'], aliases: ['Malaysia', 'Malaysian', 'Kuala Lumpur'] },
  { names: ['Russia', 'RU', 'RUS'], aliases: ['Russia', 'Russian', 'Moscow', 'Kremlin'] },
  { names: ['Ukraine', 'UA', 'UKR'], aliases: ['Ukraine', 'Ukrainian', 'Kyiv'] },
  { names: ['Mexico', 'MX', 'MEX'], aliases: ['Mexico', 'Mexican', 'Mexico City'] },
  { names: ['Brazil', 'BR', 'BRA'], aliases: ['Brazil', 'Brazilian', 'Brasília', 'Brasilia'] },
];

/** Phrases that speak for every party at the table at once. */
const ALL_PARTIES =
  /\b(?:both|the two|all|each)\s+(?:sides|leaders|countries|nations|governments|ministers|parties|delegations|presidents|prime ministers|foreign ministers|partners|states|capitals|navies|coast guards)\b|\bboth sides\b|\bthe (?:leaders|ministers|sides|parties|governments)\b|\b(?:we|our|us|bilateral|jointly|joint|mutual|reciprocal|each other|one another|together)\b|\bboth\b/i;

const PLACE_BEFORE = /\b(?:in|to|at|from|near|across|around|toward|towards|visit|visiting|visited|between)\s+$/i;

/** Alias → party code (`undefined` for a country that is not a party, so "North Korea" is never Korea). */
export function partyLexicon(parties: readonly PartyRef[]): { re: RegExp; codes: Map<string, string | undefined> } {
  const codes = new Map<string, string | undefined>();
  for (const entry of GAZETTEER) {
    const party = parties.find((p) => entry.names.some((n) => n.toLowerCase() === p.name.toLowerCase() || n === p.code));
    for (const alias of entry.aliases) if (!codes.has(alias)) codes.set(alias, party?.code);
  }
  for (const party of parties) {
    for (const alias of [party.name, ...(party.aliases ?? [])]) codes.set(alias, party.code);
  }
  // Longest first, so "South Korean" wins over "Korea" and "North Korea" is consumed whole.
  const alternatives = [...codes.keys()].sort((a, b) => b.length - a.length).map(escape);
  return { re: new RegExp(String.raw`(?<![\w.])(?:${alternatives.join('|')})(?![\w])`, 'g'), codes };
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
    if (ALL_PARTIES.test(text)) return all;
    const named = new Set(namedParties(text, lexicon));
    return named.size ? all.filter((code) => named.has(code)) : undefined;
  };
  return (subject ? inText(subject) : undefined) ?? inText(sentence) ?? all;
}

/** Codes of the parties named in `text`, in order of mention; other countries are skipped. */
export function namedParties(text: string, lexicon: ReturnType<typeof partyLexicon>): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(lexicon.re)) {
    // "talks in Seoul", "a delegation to Britain": a place the act happens, not a party to it.
    if (PLACE_BEFORE.test(text.slice(0, match.index))) continue;
    const code = lexicon.codes.get(match[0]);
    if (code) found.push(code);
  }
  return found;
}

/** Whether `text` names a country that is not a party (for "North Korea will …"). */
export function namesOutsider(text: string, lexicon: ReturnType<typeof partyLexicon>): boolean {
  for (const match of text.matchAll(lexicon.re)) if (lexicon.codes.get(match[0]) === undefined) return true;
  return false;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
