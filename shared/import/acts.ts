import { DEFAULT_UPDATE_EVERY_DAYS, type KindDraft } from '#shared/domain/kind';
import type { LocalDate } from '#shared/domain/schemas';
import { INSTITUTIONS, LEADING_ADVERBS, actionText, type Cue } from '#shared/import/clauses';
import { CONTINUING_VERBS, findRecurrence, leadingVerb, verbKind } from '#shared/import/lexicon';
import { tokenIndexAt, tokensOf } from '#shared/import/tagger';

interface ActVerb {
  base: string;
  /** The verb a continuing verb leads to: "continue to hold" → hold. */
  inner?: string;
  rest: string;
  /** "will be procuring": an act going on rather than done once. */
  progressive?: boolean;
}

/**
 * The act's verb at `offset` of the sentence: a verb whose kind we know, else any word the
 * tagger reads as a verb in this sentence ("double", "digitise", "be procuring").
 */
export function actVerbAt(sentence: string, offset: number): ActVerb | undefined {
  const known = actVerb(sentence.slice(offset));
  if (known) return known;
  const tokens = tokensOf(sentence);
  let i = tokenIndexAt(tokens, offset);
  let progressive = false;
  for (; tokens[i] && (tokens[i]!.pos === 'ADV' || /^(?:be|being)$/i.test(tokens[i]!.text)); i += 1) progressive ||= /^be$/i.test(tokens[i]!.text);
  const verb = tokens[i];
  // The tagger reads "co-host", "co-chair" after a modal as nouns.
  if (verb && /^co-[a-z]+$/i.test(verb.text)) return { base: verb.text.toLowerCase(), rest: sentence.slice(verb.end).trimStart() };
  // Right after "will" or "to", a word read as a noun or adjective but followed by its object is the verb ("will double its payments").
  if (verb && /^(?:NOUN|ADJ)$/.test(verb.pos) && /^[a-z]+$/.test(verb.text) && /^(?:DET|PRON|NUM)$/.test(tokens[i + 1]?.pos ?? '')) {
    return { base: verb.text, rest: sentence.slice(verb.end).trimStart() };
  }
  if (!verb || verb.pos !== 'VERB' || HEDGE_VERBS.has(verb.lemma)) return undefined;
  return { base: verb.lemma, rest: sentence.slice(verb.end).trimStart(), progressive: progressive && /ing$/i.test(verb.text) };
}

export function startsWithActAt(sentence: string, offset: number): boolean {
  return actVerbAt(sentence, offset) !== undefined;
}

/** Verbs that say what a party feels or thinks, not what it will do. */
const HEDGE_VERBS = new Set(['welcome', 'consider', 'hope', 'wish', 'like', 'want', 'believe', 'think', 'feel', 'appreciate', 'note', 'recognize', 'recognise', 'say', 'be', 'have', 'do', 'need', 'depend', 'matter', 'remain']);

/** The act's verb: "further strengthen" → strengthen; "continue to hold" → continue (then hold). */
export function actVerb(text: string): ActVerb | undefined {
  let rest = text.trimStart().replace(LEADING_ADVERBS, '');
  rest = rest.replace(/^be\s+/i, '');
  const verb = leadingVerb(rest);
  if (!verb) return undefined;
  const after = rest.slice(verb.length).replace(/^\s+(?:to\s+)?/i, '').replace(LEADING_ADVERBS, '');
  const inner = CONTINUING_VERBS.has(verb.base) || /^(?:work|seek|strive|endeavou?r|aim|try|make efforts)$/.test(verb.base) ? leadingVerb(after)?.base : undefined;
  return { base: verb.base, ...(inner ? { inner } : {}), rest: after };
}

/** One agreed act inside a cue's clause: its words and where they sit in the sentence. */
export interface Act {
  text: string;
  start: number;
  end: number;
  /** The first act takes the cue's own reading (a verb put before a noun, a passive subject). */
  first: boolean;
  last: boolean;
  /** Words to put before the act's own ("hold the next meeting" + "in Madrid"). */
  lead?: string;
}

/**
 * The acts of a cue's clause, split where it joins another infinitive or modal to the first
 * ("to expand X and to create Y", "will fund X and will train Y", "to A, to B and to C").
 */
export function actsOf(sentence: string, cue: Cue): Act[] {
  const { end } = actionText(sentence, cue);
  const clause = sentence.slice(cue.action, end);
  const joins = [...clause.matchAll(ACT_JOIN)].filter((m) => startsWithActAt(sentence, cue.action + m.index + m[0].length));
  // "will fund X, train Y and map Z": bare verbs joined when the first act is a bare verb too.
  if (joins.length === 0 && bareVerbAt(sentence, cue.action)) {
    joins.push(...[...clause.matchAll(BARE_JOIN)].filter((m) => bareVerbAt(sentence, cue.action + m.index + m[0].length)));
  }
  // ", to B" or ", B" joins only in a list that ends "and (to) C"; alone it is a purpose ("…, to be delivered by June").
  const listed = joins.some((m) => /\band\b/i.test(m[0]));
  const cuts = joins.filter((m) => listed || /\band\b/i.test(m[0]));
  const acts: Act[] = [];
  let from = 0;
  for (const cut of [...cuts, undefined]) {
    const to = cut ? cut.index : clause.length;
    const text = clause.slice(from, to).trim();
    if (text) acts.push({ text, start: cue.action + from, end: cue.action + to, first: acts.length === 0, last: false });
    if (cut) from = cut.index + cut[0].length;
  }
  // ", the next one in Madrid in 2027": the next of what the clause holds, an act of its own.
  const next = /^,\s+the\s+(next|first)\s+(one|meeting|round|session)\b([^,;]*)/i.exec(sentence.slice(end));
  const thing = [...clause.matchAll(new RegExp(INSTITUTIONS.source, 'gi'))].at(-1)?.[0];
  if (next && thing && acts.length && !/\b(?:will|would|shall|is|are|was|were|be)\b/i.test(next[3]!)) {
    const start = end + next[0].length - next[3]!.length;
    const noun = next[2]!.toLowerCase() === 'one' ? thing : next[2]!;
    acts.push({ text: next[3]!.trim(), start, end: end + next[0].length, first: false, last: false, lead: `hold the ${next[1]!.toLowerCase()} ${noun}` });
  }
  const last = acts.at(-1);
  if (last) last.last = true;
  return acts;
}

const BARE_JOIN = /,?\s+and\s+|,\s+/gi;

/** Whether a verb in its bare form ("fund", "map", "digitise") starts at `offset`, as the tagger reads the sentence. */
function bareVerbAt(sentence: string, offset: number): boolean {
  const tokens = tokensOf(sentence);
  let i = tokenIndexAt(tokens, offset);
  while (tokens[i]?.pos === 'ADV') i += 1;
  const t = tokens[i];
  if (!t) return false;
  const word = t.text.toLowerCase();
  // The tagger reads "train its staff" after a comma as a noun; a verb we know before an object is one.
  if (t.pos !== 'VERB') return leadingVerb(sentence.slice(t.start))?.base === word && /^(?:DET|PRON)$/.test(tokens[i + 1]?.pos ?? '');
  if (HEDGE_VERBS.has(t.lemma)) return false;
  return word === t.lemma || word.replace(/is(e)$/, 'iz$1') === t.lemma || word.replace(/our$/, 'or') === t.lemma;
}

/** Words that join a second act to the first: "and to", ", to", "and will". */
const ACT_JOIN = /,?\s+and,?\s+(?:[^,;]{1,40},\s+)?(?:to|will|shall|would)\s+(?:also\s+)?|,\s+to\s+/gi;

/** ", and both sides will …": a clause with acts of its own. */
const NEXT_CLAUSE = /,?\s+and\s+(?:[\w'’-]+\s+){0,4}?(?:will|shall|would|agreed|decided|pledged|committed)\b|,\s+(?:which|who)\s+(?:will|would|shall|is\s+to|are\s+to)\b/i;
/** Phrases after which the rest of a sentence modifies the act rather than being part of it. */
const MODIFIERS = /,\s+(?:including|such as|building on|based on|bringing|with a focus on|with the aim of|covering|in line with|alternating|in order to)\b|\s+in order to\b/i;

/** Acts that never finish, even with a date: "deepen cooperation by 2030" is still ongoing. */
const OPEN_ENDED = new Set([
  'continue', 'maintain', 'keep', 'remain', 'stay', 'sustain', 'deepen', 'strengthen', 'enhance', 'promote', 'uphold', 'foster',
  'pursue', 'coordinate', 'cooperate', 'consult', 'communicate', 'work', 'collaborate', 'engage', 'monitor', 'share', 'exchange',
]);

/** A sum of money at the start of an object: "AUD 40 million", "$5m", "USD 2 billion". */
const SUM = /^(?:an?\s+(?:additional|further|extra)\s+)?(?:[A-Z]{3}\s?|US\$|A\$|\$|€|£|¥)\s?\d[\d.,]*\s*(?:m|bn|million|billion)?\b/;

/** Process nouns: holding them is ongoing work, unlike holding "a meeting". */
const PROCESS_NOUNS = /^(?:discussions|talks|consultations|negotiations|dialogues|exchanges|conversations|deliberations|meetings|contacts)$/i;

/** `scope` is where a cadence may be stated: the act, and for the last act, the rest of the sentence up to a modifier. */
export function classify(scope: string, cue: Cue, verb: ActVerb | undefined, action: string, due: LocalDate | undefined): KindDraft {
  const recurrence = findRecurrence(scope);
  if (recurrence) return { type: 'recurring', ...recurrence };
  const ongoing: KindDraft = { type: 'ongoing', updateEveryDays: DEFAULT_UPDATE_EVERY_DAYS };
  const oneOff: KindDraft = due ? { type: 'one-off', due } : { type: 'one-off' };
  const base = cue.lead ? cue.lead.split(' ')[0]! : verb?.base;
  if (!base) return due ? oneOff : ongoing;
  if (CONTINUING_VERBS.has(base) || /^further\b/i.test(action)) return ongoing;
  if (/^(?:hold|have|conduct)$/.test(base) && !due && PROCESS_NOUNS.test(objectHead(verb?.rest ?? ''))) return ongoing;
  const inner = cue.lead ? base : (verb?.inner ?? base);
  const kind = verbKind(inner);
  if (kind === 'one-off') return oneOff;
  // "provide AUD 40 million": a sum handed over once, whatever the verb's usual kind.
  if (/^(?:provide|contribute|allocate|grant|disburse|give)$/.test(inner) && SUM.test(verb?.rest ?? '')) return oneOff;
  // "train 200 agronomists by March 2029": a deadline makes a measurable act one-off.
  if (kind === 'ongoing') return due && !OPEN_ENDED.has(inner) ? oneOff : ongoing;
  // A verb we do not class: "will be procuring" goes on; "will fund a centre" is done once.
  return verb?.progressive && !due ? ongoing : oneOff;
}

/** Where a cadence may be stated: the act, and for the last act, the rest of its sentence up to a modifier or the next clause. */
export function cadenceScope(sentence: string, act: Act): string {
  return act.last ? sentence.slice(act.start).split(MODIFIERS)[0]!.split(NEXT_CLAUSE)[0]! : act.text;
}

/** The head noun of an object: the last word before its first preposition ("talks" in "formal talks on trade"). */
function objectHead(text: string): string {
  const phrase = text.split(/\s+(?:on|of|in|at|for|with|between|to|by|under|among|from|about|regarding|toward|towards)\s+|[,.;]/i)[0] ?? '';
  return phrase.trim().split(/\s+/).at(-1) ?? '';
}
