import { GAZETTEER_ROWS, type GazetteerRow } from '#shared/import/gazetteer-data';

/** A word of the text with its offsets and the form aliases are looked up by. */
export interface Token {
  key: string;
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

/** Words of `text` in order; "U.S." keys as "US" and "China's" as "China", case kept. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    let word = match[0].replace(/’/g, "'");
    let end = match.index + word.length;
    if (/'s$/.test(word)) {
      word = word.slice(0, -2);
      end -= 2;
    }
    tokens.push({ key: word.replace(/\./g, ''), start: match.index, end });
  }
  return tokens;
}

/** Whether tokens `a` and `b` are one name's words: only a space or a hyphen between them. */
export function joins(text: string, a: Token, b: Token): boolean {
  return b.start - a.end <= 3 && /^(?:\s+|-)$/.test(text.slice(a.end, b.start));
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
