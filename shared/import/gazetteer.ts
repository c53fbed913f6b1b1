import { GAZETTEER_ROWS, type GazetteerRow } from '#shared/import/gazetteer-data';

/** A word of the text with its offsets, the form aliases are looked up by, and that form less "'s". */
export interface Token {
  key: string;
  bare?: string;
  start: number;
  end: number;
}

/** Normalised alias → codes that share it, and the most tokens an alias starting with a word has. */
export interface AliasIndex {
  codes: Map<string, string[]>;
  starts: Map<string, number>;
}

// Initials with dots ("U.S.") or a word with inner apostrophes ("People's", "Nuku'alofa").
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/** Words of `text` in order; "U.S." keys as "US", case kept; "China's" also offers "China". */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const key = match[0].replace(/’/g, "'").replace(/\./g, '');
    const token: Token = { key, start: match.index, end: match.index + match[0].length };
    if (/'s$/.test(key)) token.bare = key.slice(0, -2);
    tokens.push(token);
  }
  return tokens;
}

/** Whether `a` and `b` are one name's words: a space, a hyphen, or "St." and a space between them. */
export function joins(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap.length <= 3 && (/^(?:\s+|-)$/.test(gap) || (/^\.\s+$/.test(gap) && /^\p{Lu}\p{Ll}?$/u.test(a.key)));
}

/** The index key of an alias, or undefined for one that does not read as whole words. */
export function aliasKey(alias: string): { key: string; first: string; length: number } | undefined {
  const tokens = tokenize(alias);
  if (!tokens.length) return undefined;
  return { key: tokens.map((t) => t.key).join(' '), first: tokens[0]!.key, length: tokens.length };
}

/** Adds `alias` for `code` to `index`, after any code that already has it. */
export function addAlias(index: AliasIndex, alias: string, code: string): void {
  const parsed = aliasKey(alias);
  if (!parsed) return;
  const codes = index.codes.get(parsed.key) ?? [];
  if (!codes.includes(code)) codes.push(code);
  index.codes.set(parsed.key, codes);
  index.starts.set(parsed.first, Math.max(index.starts.get(parsed.first) ?? 0, parsed.length));
}

/** Every alias a row gives: names, capitals, demonyms and abbreviations. */
export function rowAliases(row: GazetteerRow): string[] {
  return [row[2], row[3], row[4], row[5]].flatMap((list) => (list ? list.split('|') : []));
}

let built: AliasIndex | undefined;

/** The index of every gazetteer alias, built once per process. */
export function gazetteerIndex(): AliasIndex {
  if (built) return built;
  const index: AliasIndex = { codes: new Map(), starts: new Map() };
  for (const row of GAZETTEER_ROWS) for (const alias of rowAliases(row)) addAlias(index, alias, row[0]);
  built = index;
  return index;
}
