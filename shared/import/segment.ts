import { looksLikeLogRow } from '#shared/import/log-rows';
import type { Paragraph } from '#shared/import/paragraph';

// `1.` `3)` `(2)` `(b)` `b)` `(iv)` at the start of a line; a year such as `2025.` is too long to be one.
const POINT_MARK = /^\s*(?:(\d{1,2})[.)]|\((\d{1,2})\)|\(([a-z]|[ivx]{1,4})\)|([a-z])\))\s+(?=\S)/;
const BULLET_MARK = /^\s*[-•*–]\s+(?=\S)/;
// An action plan's lines: `Action 4 — …`, `2.3 …` (a numbered action), and `II. Heading` above them.
const ACTION_MARK = /^\s*(?:Action\s+(\d{1,3})\b\s*(?:[—–:.-]\s*)?|(\d{1,2}\.\d{1,2})\.?\s+|([IVX]{1,5})\.\s+)(?=\S)/;
// Japanese and Korean marks, often with no space after them: `（１）` `１．` `①`, and `・` `●` bullets.
const CJK_POINT_MARK = /^\s*(?:[（(]([0-9０-９]{1,2})[）)]|([0-9０-９]{1,2})[．.、](?![0-9０-９])|([\u2460-\u2473]))\s*(?=\S)/;
const CJK_BULLET_MARK = /^\s*[・●○■□◆◇▶※]\s*(?=\S)/;

/**
 * Splits a pasted readout into paragraphs: at blank lines, and before every numbered point or
 * bullet that starts a line, since joint statements run their points together without blank lines.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lines: string[] = [];
  let point: string | undefined;
  // A lettered point belongs to the numbered point above it until a blank-line paragraph ends the list.
  let parent: string | undefined;
  // Under an action plan's heading or row, every line is a row of its own until a blank line.
  let rows = false;

  let bullet = false;

  const flush = () => {
    const joined = lines.join(' ').replace(/\s+/g, ' ').trim();
    if (joined) paragraphs.push({ index: paragraphs.length + 1, ...(point ? { point } : {}), ...(bullet ? { bullet: true as const } : {}), text: joined });
    lines = [];
    point = undefined;
    bullet = false;
  };

  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim()) {
      flush();
      rows = false;
      continue;
    }
    const mark = POINT_MARK.exec(line);
    const cjkMark = mark ? undefined : CJK_POINT_MARK.exec(line);
    if (cjkMark) {
      flush();
      parent = cjkPointNumber(cjkMark);
      point = parent;
      lines.push(line.slice(cjkMark[0].length));
      continue;
    }
    if (mark) {
      flush();
      const number = mark[1] ?? mark[2];
      const letter = mark[3] ?? mark[4];
      if (number) parent = number;
      point = number ?? (parent ? `${parent}(${letter})` : `(${letter})`);
      lines.push(line.slice(mark[0].length));
      continue;
    }
    const action = ACTION_MARK.exec(line);
    if (action) {
      flush();
      point = action[1] ? `Action ${action[1]}` : action[2];
      rows = true;
      lines.push(line.slice(action[0].length));
      continue;
    }
    // "A2 | Action: … | Lead: … | Status: …", "Owner — action — date — open": a row of its own.
    if (looksLikeLogRow(line)) {
      flush();
      lines.push(line.trim());
      flush();
      continue;
    }
    // "Status: completed in 2025" under a row is a row of its own, not the row's wrapped end.
    if (rows && /^\s*[A-Z]/.test(line)) flush();
    const bulletMark = BULLET_MARK.exec(line) ?? CJK_BULLET_MARK.exec(line);
    if (bulletMark) {
      flush();
      bullet = true;
      lines.push(line.slice(bulletMark[0].length));
      continue;
    }
    // An unmarked paragraph after a blank line leaves the list; a wrapped line of a point does not.
    if (lines.length === 0) parent = undefined;
    lines.push(line.trim());
  }
  flush();
  return paragraphs;
}

/** `（１）` → `1`, `①` → `1`. */
function cjkPointNumber(mark: RegExpExecArray): string {
  if (mark[3]) return String(mark[3].charCodeAt(0) - 0x2460 + 1);
  const digits = (mark[1] ?? mark[2])!.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return String(Number(digits));
}

/** Abbreviations after which a full stop never ends a sentence. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'amb', 'pres', 'lt', 'col', 'capt', 'sgt', 'hon', 'rev', 'st', 'mt', 'jr', 'sr', 'messrs', 'vs', 'cf', 'approx', 'incl', 'dept', 'govt', 'corp', 'inc', 'ltd', 'co', 'est']);
/** Abbreviations that end a sentence only when no number follows ("No. 2", "Sept. 30"). */
const BEFORE_NUMBERS = new Set(['no', 'nos', 'art', 'arts', 'para', 'paras', 'vol', 'p', 'pp', 'fig', 'sec', 'ch', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Words that open a sentence, so a dotted acronym before them ("… the U.S. The leaders …") ends one. */
const SENTENCE_OPENERS = new Set(['the', 'they', 'he', 'she', 'it', 'we', 'i', 'this', 'that', 'these', 'those', 'both', 'in', 'on', 'at', 'a', 'an', 'but', 'however', 'meanwhile', 'officials', 'there']);

// A run of . ! ? with any closing quotes or brackets, then space, then what could open a sentence.
const BOUNDARY = /([.!?]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?([A-Z0-9][\w'’.-]*))/g;

/** Splits a paragraph into sentences, each verbatim (as it stands in the paragraph text). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[1]!.length + match[2]!.length;
    const next = match[4] ?? '';
    // Only the word before the stop matters; a bounded look keeps a run of "Mr." cheap.
    if (match[1] === '.' && !match[2] && !endsSentence(text.slice(Math.max(start, match.index - 40), match.index), next)) continue;
    sentences.push(...bounded(text.slice(start, end).trim()));
    start = end + match[3]!.length;
  }
  sentences.push(...bounded(text.slice(start).trim()));
  return sentences.filter(Boolean);
}

/** Past this many characters a "sentence" is pasted text without full stops, read in pieces. */
export const MAX_SENTENCE_CHARS = 1_000;

/** A sentence, or pieces of an over-long one cut after its last ";", "," or space within the limit. */
function bounded(sentence: string): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SENTENCE_CHARS) {
    const window = rest.slice(0, MAX_SENTENCE_CHARS);
    const cut = ['; ', ', ', ' '].map((mark) => window.lastIndexOf(mark)).find((i) => i > MAX_SENTENCE_CHARS / 2);
    const at = cut === undefined ? MAX_SENTENCE_CHARS : cut + 1;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** Whether a full stop after `before` ends the sentence, given the word that follows. */
function endsSentence(before: string, next: string): boolean {
  const token = /([A-Za-z][A-Za-z.]*)$/.exec(before)?.[1] ?? '';
  if (!token) return true;
  const word = token.toLowerCase();
  if (TITLES.has(word)) return false;
  if (BEFORE_NUMBERS.has(word)) return !/^\d/.test(next);
  // "e.g." and "i.e." never end one; "U.S." only before a word that opens a sentence.
  if (/^(?:e\.g|i\.e|a\.m|p\.m)$/i.test(token)) return false;
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(token)) return SENTENCE_OPENERS.has(next.toLowerCase());
  // A lone capital is an initial ("J. Smith").
  if (/^[A-Z]$/.test(token)) return false;
  return true;
}
