import { actVerb, startsWithActAt } from '#shared/import/acts';
import { ACTOR_START, ADVERBS, INSTITUTIONS, LEADING_ADVERBS, actionText, clauseStart, type Cue } from '#shared/import/clauses';
import { NOMINALISATIONS, leadingVerb } from '#shared/import/lexicon';
import { mentions, namedParties, namesOutsider, type partyLexicon } from '#shared/import/parties';
import { tokenIndexAt, tokensOf } from '#shared/import/tagger';

export type Lexicon = ReturnType<typeof partyLexicon>;

/** When and where, between a verb and its complement: "agreed on Thursday to", "pledged in Seoul to". */
const ADJUNCTS = String.raw`(?:,?\s+(?:on|in|at|during)\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|meeting|talks|summit|principle|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+(?:\s+\d{1,2})?),?)*`;

/** Who else may say "will" in a readout: commentators, and placeholders that are no party. */
const THIRD_PARTY = /\b(?:analysts?|experts?|observers?|critics?|commentators?|pundits?|scholars?|economists?|academics?|researchers?|pollsters?|sceptics?|skeptics?|markets?|investors?|opposition|media|press|some|many|others)\b/i;
const DUMMY_SUBJECTS = new Set(['it', 'this', 'that', 'there', 'which', 'what', 'these', 'those', 'nobody', 'nothing', 'everyone', 'something']);
/** Words for the parties themselves, their people and their bodies. */
const PARTY_WORDS =
  /\b(?:we|our|us|i|he|she|they|both|two|each|leaders?|ministers?|sides|parties|governments?|officials|delegations?|countries|nations|presidents?|prime ministers?|chancellors?|secretar(?:y|ies)|navies|navy|forces|coast guards?|agencies|ministry|ministries|embassies|embassy|office|offices|authorities|negotiators|diplomats)\b/i;
/** Words before a weak cue that make it a question or a possibility, not a decision. */
const HEDGES =
  /\b(?:whether|how|when|if|unless|possibility|possible|possibly|ways?|options?|prospects?|could|might|may|can|unclear|uncertain|doubt|doubts|questions?|hopes?|hoped|hoping|wish(?:es|ed)?|believes?|believed|trusts?|trusted|expects?|expected|ought)\b/i;
/** Who carries out a party's instruction: its own ministers, officials and bodies. */
const OWN_PEOPLE =
  /\b(?:their|its|our|his|her|the)\s+(?:[\w-]+\s+){0,3}(?:ministers?|ministries|officials|officers|agencies|departments?|teams?|negotiators|secretariat|envoys?|ambassadors?|delegations?|staff|services|working groups?|committees?|commissions?)\b/i;
const NEGATION_BEFORE =
  /\b(?:not|never|no|nor|neither|failed to|fail to|declined to|refused to|unable to|without|stopped short of|fell short of|yet to|cannot|can't|didn't|don't|haven't|hasn't|won't)\s+(?:[\w-]+\s+){0,2}$/i;
const NEGATION_AFTER = /^\s+(?:not|never|no longer|hardly)\b/i;
/** "No agreement (was reached) on when the talks will resume": nothing after it is agreed. */
const NO_AGREEMENT = /\bno\s+(?:\w+\s+)?(?:agreement|consensus|decision|commitment|date|timeline)\b/i;
const REPORTING_VERBS = /\b(?:said|says|stated|states|announced|added|noted|told|explained|indicated|confirmed|affirmed|agreed|pledged|promised|vowed|decided|concurred|expressed|reiterated)\b/i;
/** Commentary by someone other than the parties: "analysts say …", "…, said a professor at …". */
const ATTRIBUTED_TO_OTHERS = [
  /\b(?:analysts?|experts?|observers?|critics?|commentators?|pundits?|scholars?|scientists?|economists?|academics?|researchers?|pollsters?|sceptics?|skeptics?)\b[^.;]{0,40}?\b(?:say|says|said|believe|believes|believed|expect|expects|expected|warn|warns|warned|note|notes|noted|caution|cautions|cautioned|argue|argues|argued|predict|predicts|predicted|suggest|suggests|suggested|think|thinks|doubt|doubts|doubted)\b/i,
  /\b(?:said|says|according to)\s+(?:[A-Z][\w'’-]*\s*){0,3},?\s*(?:an?|the|one)?\s*(?:[\w-]+\s+){0,3}(?:analyst|expert|observer|critic|commentator|economist|professor|scholar|scientist|researcher|academic|pollster|lecturer|fellow|consultant|strategist)s?\b/i,
  /\b(?:said|says)\s+(?:a|an|one)\s+(?:former|retired|veteran)\b/i,
];

/**
 * Every cue in the sentence that survives negation, hedging and the subject check, in reading
 * order; a cue inside an earlier cue's act ("agreed that they will …") is part of that act.
 */
export function findCues(sentence: string, lexicon: Lexicon, previous = ''): Cue[] {
  if (/\?["”]?$/.test(sentence)) return [];
  if (ATTRIBUTED_TO_OTHERS.some((re) => re.test(sentence))) return [];
  const cues = [...strongCues(sentence), ...weakCues(sentence)].sort((a, b) => a.index - b.index);
  const found: Cue[] = [];
  const subjects: Subjects = new Map();
  let until = 0;
  for (const cue of cues) {
    if (cue.index < until) continue;
    const subject = acceptedSubject(sentence, cue, lexicon, previous, subjects);
    if (subject === undefined) continue;
    found.push({ ...cue, subject });
    until = actionText(sentence, cue).end;
  }
  return found;
}

/** The cue's subject when it commits a party ("" when a strong cue has none), else undefined. */
function acceptedSubject(sentence: string, cue: Cue, lexicon: Lexicon, previous: string, subjects: Subjects): string | undefined {
  const before = sentence.slice(0, cue.index);
  if (NEGATION_BEFORE.test(before.slice(-60))) return undefined;
  const start = clauseStart(sentence, cue.index);
  // "said that it would": the clause after "said" starts with its "that".
  let subject = subjectBefore(sentence, cue.index, start, subjects).replace(/^that\s+/i, '');
  // A pronoun stands for the party named last ("Kenya said that it would …").
  if (PRONOUN.test(subject)) {
    const named = lastPartyName(`${previous} ${before}`, lexicon);
    if (named) subject = named;
  }
  if (!subjectIsParty(subject, cue.strong, lexicon)) return undefined;
  if (!cue.strong) {
    if (NO_AGREEMENT.test(sentence) || HEDGES.test(sentence.slice(start, cue.index))) return undefined;
    // "Both sides hope that the number … will double": a hope about the clause, not an act.
    if (WISH_BEFORE.test(sentence.slice(Math.max(0, start - 40), start))) return undefined;
    if (DESCRIPTIVE_ACT.test(sentence.slice(cue.action))) return undefined;
    if (cue.lead === undefined && !startsWithActAt(sentence, cue.action)) return undefined;
    // "…, adding that the initial group would come from …": in reported speech a body that is no party
    // commits only to acts we know.
    const partyLike = namedParties(subject, lexicon).length > 0 || PARTY_WORDS.test(subject);
    if (/^would$/i.test(cue.text) && !partyLike && cue.lead === undefined && !actVerb(sentence.slice(cue.action))) return undefined;
  }
  if (HEDGED_ACT.test(sentence.slice(cue.index + cue.text.length)) || HEDGED_ACT.test(sentence.slice(cue.action))) return undefined;
  if (RESOURCE_CONDITION.test(actionText(sentence, cue).action)) return undefined;
  return coordinatedSubject(sentence, cue.index, subject, lexicon);
}

/**
 * "Japan and the Republic of Korea committed to …": the clause's subject split at "and" names one
 * party; when the words before it are only other parties joined by commas and "and", the subject is all
 * of them.
 */
function coordinatedSubject(sentence: string, index: number, subject: string, lexicon: Lexicon): string {
  // After a dateline ("NEW DELHI, Sept 22 (Wire) - Brazil and India agreed …") the subject starts.
  const wide = sentence.slice(clauseStart(sentence, index, ACTOR_START), index).replace(/^.*\s[-–—]\s/, '').trim();
  if (wide.length === subject.length || wide.length > 200 || !namedParties(subject, lexicon).length) return subject;
  let rest = '';
  let at = 0;
  for (const m of mentions(wide, lexicon)) {
    if (!m.party) return subject;
    rest += `${wide.slice(at, m.start)} `;
    at = m.end;
  }
  rest += wide.slice(at);
  return COORDINATION_ONLY.test(rest) ? wide : subject;
}

/** What may sit between the parties of a coordinated subject: "Japan, New Zealand and the Republic of Korea". */
const COORDINATION_ONLY = /^(?:\s|,|\band\b|\bthe\b|\bboth\b|\bgovernments?\s+of\b|\bleaders\s+of\b)*$/i;

const PRONOUN = /^(?:it|they)$/i;
const ADVERB = new RegExp(`^${ADVERBS}$`, 'i');
const WISH_BEFORE = /\b(?:hopes?|hoped|wish(?:es|ed)?|believes?|believed|expects?|expected|trusts?|trusted)\s+(?:that\s+)?$/i;
/** What a body will be rather than do: "which will bring together our ministries", "will include". */
const DESCRIPTIVE_ACT = /^\s*(?:bring\s+together|include|consist\s+of|comprise|involve|be\s+(?:composed|made\s+up|chaired|co-chaired|led)\b)/i;
/** Acts that only say a party is willing or will think: "would welcome", "be open to", "consider", "try to", "reflect on it". */
const HEDGED_ACT = /^\s*(?:probably|likely|possibly|perhaps|welcome|be\s+(?:open|willing|happy|glad|prepared)\s+to|consider|like\s+to|wish\s+to|hope\s+to|try\s+to|attempt\s+to|reflect\s+(?:on|upon)|think\s+(?:about|over)|ponder|mull|study\s+(?:the|a|this|that|their|its)\s+(?:proposal|idea|suggestion|request|offer|possibility|feasibility)|explore\s+(?:the\s+)?(?:possibility|idea|options?|whether))\b/i;

/** An act offered only if the means are found: "if resources allow", "subject to available funding". */
const RESOURCE_CONDITION =
  /\b(?:if|when|as|where)\s+(?:resources|funds|funding|budgets?|finances|means|capacity)\s+(?:allows?|permits?)\b|\b(?:resources|funding|funds|budget|capacity)\s+permitting\b|\bsubject\s+to\s+(?:the\s+)?(?:availability\s+of\s+)?(?:available\s+)?(?:funds|funding|resources|financing|appropriations?|budget(?:ary)?\b(?:\s+(?:approval|appropriations?|constraints))?)/i;

/** The subjects found so far in one sentence, by the clause they end: its cues share the clauses before them. */
type Subjects = Map<string, string>;

/**
 * The words before a cue that name who acts: its clause's subject; past a relative clause
 * ("Spain, which financed …, will"), the noun before it; for a clause that only starts with "and"
 * ("opened X, and will hold Y"), the subject of the clause it joins. Each clause is read once a
 * sentence, so a chain of "and will …" costs each cue one step back, not the whole chain.
 */
function subjectBefore(sentence: string, index: number, start: number, subjects: Subjects): string {
  const key = `${start}:${index}`;
  let subject = subjects.get(key);
  if (subject === undefined) subjects.set(key, (subject = clauseSubject(sentence, index, start, subjects)));
  return subject;
}

function clauseSubject(sentence: string, index: number, start: number, subjects: Subjects): string {
  const subject = sentence.slice(start, index).trim();
  const before = sentence.slice(0, index).trimEnd();
  if (before.endsWith(',')) {
    const relative = lastMatch(before, /,\s+(?:which|who|whom|whose)\b/gi);
    if (relative > 0) return subjectBefore(sentence, relative, clauseStart(sentence, relative), subjects);
  }
  // A relative clause ("a group which is to report") has its subject before the pronoun.
  if (!subject && /\b(?:which|who|that)\s*$/i.test(sentence.slice(0, start))) {
    return sentence.slice(0, start).replace(/[,\s]*\b(?:which|who|that)\s*$/i, '').split(/\s+/).slice(-6).join(' ');
  }
  const joined = /(?:,\s*|\s+)and\s*$/i.exec(sentence.slice(0, start));
  if (!subject && joined && joined.index > 0) {
    const from = clauseStart(sentence, joined.index);
    return subjectBefore(sentence, verbOf(sentence, from, joined.index) ?? joined.index, from, subjects);
  }
  return subject;
}

/** The words of the last mention of a party in `text` ("Kenya", "the Indian side" → "Indian"). */
function lastPartyName(text: string, lexicon: Lexicon): string | undefined {
  const last = mentions(text, lexicon).findLast((m) => m.party);
  return last ? text.slice(last.start, last.end) : undefined;
}

/** Where the first verb of a clause is, so the words before it are its subject. */
function verbOf(sentence: string, from: number, to: number): number | undefined {
  const tokens = tokensOf(sentence);
  for (let i = tokenIndexAt(tokens, from); i < tokens.length && tokens[i]!.start < to; i += 1) {
    if (tokens[i]!.pos === 'VERB' || tokens[i]!.pos === 'AUX') return tokens[i]!.start;
  }
  return undefined;
}

function lastMatch(text: string, re: RegExp): number {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index;
  return at;
}

/**
 * Agreement cues: the verb carries the commitment, so only negation and a non-party subject
 * undo it. Each finds where the agreed act starts, or gives nothing when the verb takes no act
 * ("agreed on the importance of …", "committed to a rules-based order").
 */
function strongCues(sentence: string): Cue[] {
  const cues: Cue[] = [];
  const add = (index: number, text: string, complement: Complement | undefined) => {
    if (complement) cues.push({ index, text: text.trim(), strong: true, ...complement });
  };

  // agreed / decided / concurred / resolved (on Thursday) to | that … will | on the X of
  for (const m of sentence.matchAll(/\b(?:agreed|agree|agrees|concurred|concur|concurs|decided|decide|decides|resolved|resolve)\b/gi)) {
    const from = m.index + m[0].length;
    // "agreed with Ukraine's president, whom he hosted in Warsaw on Monday, to double …"
    const c = new RegExp(String.raw`^${ADJUNCTS}(?:\s+with\s+(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+(?:,\s+(?:who|whom|which)\s+[^,;]{1,100},)?)?,?\s+(to|that|on|upon)\s+`, 'i').exec(sentence.slice(from));
    if (!c) continue;
    const at = from + c[0].length;
    const word = c[1]!.toLowerCase();
    const text = sentence.slice(m.index, at);
    // "agreed to disagree" records a difference, not a follow-up.
    if (word === 'to' && /^(?:disagree|differ)\b/i.test(sentence.slice(at))) continue;
    if (word === 'to') add(m.index, text, /^(?:the|a|an)\s/i.test(sentence.slice(at)) ? nominal(sentence, at) : { action: at });
    else if (word === 'that') add(m.index, text, modalIn(sentence, at));
    else add(m.index, text, nominal(sentence, at));
  }

  // committed / pledged / vowed / promised (CAD 20 million) to act; commitment / intention to act
  for (const m of sentence.matchAll(/\b(?:committed|commit|commits|pledged|pledge|pledges|vowed|vow|vows|promised|promise|promises|undertook|undertake|undertakes)\b/gi)) {
    const from = m.index + m[0].length;
    const c = new RegExp(String.raw`^${ADJUNCTS}\s+(?:themselves\s+|itself\s+|ourselves\s+)?((?:[\w$€£¥.,'’-]+\s+){0,8}?)to\s+`, 'i').exec(sentence.slice(from));
    if (!c) continue;
    const at = from + c[0].length;
    const act = sentence.slice(at);
    // "committed to" takes a gerund or a noun; pledged, vowed, promised take any infinitive.
    const infinitive = !/^commit/i.test(m[0]) && INFINITIVE.test(act);
    const known = startsWithActAt(sentence, at) || /^\w+ing\b/i.test(act) || infinitive;
    if (!known && !(c[1] === '' && newUndertaking(act))) continue;
    const object = c[1]!.trim();
    // "pledged CAD 20 million to support": the money is the commitment's substance.
    const lead = object && /\d|million|billion|funding|\$|€|£|¥/i.test(object) ? `provide ${object.replace(/,$/, '')} to` : undefined;
    if (object && !lead) continue;
    add(m.index, sentence.slice(m.index, at), { action: at, ...(lead ? { lead } : {}) });
  }
  for (const m of sentence.matchAll(/\b(?:commitments?|pledges?|determination|resolve|intentions?|readiness|willingness)\s+to\s+/gi)) {
    const at = m.index + m[0].length;
    if (startsWithActAt(sentence, at) || newUndertaking(sentence.slice(at))) add(m.index, m[0], { action: at });
  }

  // (re)confirmed / (re)affirmed that … would | to continue; shared the view that … will
  for (const m of sentence.matchAll(/\b(?:re)?(?:confirm|affirm)(?:ed|s)?\s+(that\s+|to\s+)|\bshared\s+(?:the|their|a)\s+(?:view|intention|recognition|understanding)\s+(that\s+|to\s+)/gi)) {
    const at = m.index + m[0].length;
    const to = /^to/i.test((m[1] ?? m[2])!);
    add(m.index, m[0], to ? (startsWithActAt(sentence, at) ? { action: at } : undefined) : modalIn(sentence, at));
  }

  // instructed / directed / tasked (their ministers) to act
  for (const m of sentence.matchAll(/\b(?:instructed|instructs|instruct|directed|directs|direct|tasked|tasks|task|mandated|mandate|charged|charge|asked|requested)\s+((?:[\w'’-]+\s+){1,8}?)(?:to|with)\s+/gi)) {
    const at = m.index + m[0].length;
    // "asked South Africa to support …" asks the other side; only a party's own people carry it out.
    if (/^(?:asked|requested)/i.test(m[0]) && !OWN_PEOPLE.test(m[1]!)) continue;
    if (startsWithActAt(sentence, at)) add(m.index, m[0], { action: at });
  }

  // "We establish a strategic dialogue": a statement that does what it says, still to be set up.
  for (const m of sentence.matchAll(/\b(?:we|the\s+(?:two\s+)?(?:leaders|parties|ministers|sides))\s+(?:hereby\s+)?(?=(?:establish|launch|create|set\s+up|inaugurate|convene|adopt)\s)/gi)) {
    // "The two sides adopt the following Action Plan": the document itself, already done.
    if (/^adopt\s+(?:the\s+following|this|the\s+present)\b/i.test(sentence.slice(m.index + m[0].length))) continue;
    add(m.index, m[0], { action: m.index + m[0].length });
  }

  // "accepted (with gratitude) the invitation to pay a visit", "accept with thanks the offer of Samoa to host"
  for (const m of sentence.matchAll(/\baccept(?:ed|s)?\s+(?:with\s+\w+\s+)?(?:the|my|our|his|her|their|an|a)\s+(?:invitation|offer(?:\s+of\s+[\w'’-]+(?:\s+[A-Z][\w'’-]*)?)?)\s+to\s+/gi)) {
    const at = m.index + m[0].length;
    if (startsWithActAt(sentence, at)) add(m.index, m[0], { action: at });
  }

  // "invited him to pay a state visit …, and the invitation was accepted"
  for (const m of sentence.matchAll(/\binvited\s+((?:[\w'’-]+\s+){1,6}?)to\s+/gi)) {
    const at = m.index + m[0].length;
    if (/\b(?:invitation|it)\s+(?:was\s+)?accepted\b|\baccepted\s+(?:the|this|that)\s+invitation\b/i.test(sentence.slice(at)) && startsWithActAt(sentence, at)) {
      add(m.index, m[0], { action: at });
    }
  }

  // look forward to holding …
  for (const m of sentence.matchAll(/\blook(?:s|ed|ing)?\s+forward\s+to\s+/gi)) {
    const at = m.index + m[0].length;
    // "look forward to seeing the results": what a party will witness, not do.
    if (/^(?:seeing|hearing|receiving|reading|learning|witnessing|watching|enjoying)\b/i.test(sentence.slice(at))) continue;
    if (/^\w+ing\b/i.test(sentence.slice(at)) && startsWithActAt(sentence, at)) add(m.index, m[0], { action: at });
  }

  // welcomed the plan / X's decision to act; announced a plan to act
  for (const m of sentence.matchAll(
    /\b(?:welcom(?:ed|es|e)|announced|unveiled|outlined|endorsed|approved)\s+(?:the|a|an|their|its|[A-Z][\w'’-]*['’]s)\s+(?:[\w-]+\s+){0,2}?(?:plans?|decision|intention|proposal|commitment|initiative|readiness|offer|roadmap)\s+to\s+/g,
  )) {
    const at = m.index + m[0].length;
    if (startsWithActAt(sentence, at)) add(m.index, m[0], { action: at });
  }
  return cues;
}

/** Intention cues: will, shall, should, would (in reported speech), intend to, is to. */
function weakCues(sentence: string): Cue[] {
  const cues: Cue[] = [];
  // "should" and "must" state what ought to happen, not what a party will do.
  for (const m of sentence.matchAll(/\b(will|shall|would)\b|\b\w+['’]ll\b/gi)) {
    const from = m.index + m[0].length;
    if (NEGATION_AFTER.test(sentence.slice(from))) continue;
    const gap = /^\s*/.exec(sentence.slice(from))![0].length;
    // Outside reported speech, "would" is a condition or a wish.
    if (m[1]?.toLowerCase() === 'would' && !REPORTING_VERBS.test(sentence)) continue;
    // "he had already announced that he would step down": background, reported from before the meeting.
    if (m[1]?.toLowerCase() === 'would' && /\bhad\s+(?:already\s+|earlier\s+|previously\s+)?\w+(?:ed|said)\b[^.;]{0,60}$/i.test(sentence.slice(0, m.index))) continue;
    cues.push({ index: m.index, text: m[0], strong: false, ...passiveOrActive(sentence, m.index, from + gap) });
  }
  for (const m of sentence.matchAll(/\b(?:intend(?:s|ed)?|plan(?:s|ned)?|aim(?:s|ed)?|expect(?:s|ed)?|seeks?|(?:is|are)\s+(?:set|due|going)|is|are)\s+to\s+/gi)) {
    // "is expected to" is the reporter's forecast, not the parties' intention.
    if (/^expect/i.test(m[0]) && /\b(?:is|are|was|were|be|been|widely|also)\s+$/i.test(sentence.slice(0, m.index))) continue;
    cues.push({ index: m.index, text: m[0].trim(), strong: false, action: m.index + m[0].length });
  }
  return cues;
}

/** A word after "to" that reads as a verb: lower-case, and no determiner, pronoun or number. */
const INFINITIVE = /^(?!(?:the|a|an|their|its|his|her|our|this|these|that|those|each|all|both|any|some|no|peace|dialogue|stability|security|cooperation)\b)[a-z]+\b(?!-)/;

/**
 * "committed to a new economic security initiative": something new and concrete, unlike
 * "committed to a rules-based order" or "to the partnership", which restate a principle.
 */
function newUndertaking(text: string): boolean {
  const phrase = text.split(/\s+(?:on|of|in|at|for|with|between|to|by|covering|including)\s+|[,.;]/i)[0] ?? '';
  return /^(?:a|an|new)\s/i.test(phrase) && INSTITUTIONS.test(phrase);
}

type Complement = Pick<Cue, 'action' | 'lead' | 'passiveSubject'>;

/** "that the two sides will X": the act after the that-clause's modal, if it has one. */
function modalIn(sentence: string, from: number): Complement | undefined {
  const clause = sentence.slice(from).split(/;/)[0]!;
  const m = /\b(will|would|shall|are to|is to|continue to)\s+/i.exec(clause);
  if (!m || NEGATION_AFTER.test(clause.slice(m.index + m[1]!.length))) return undefined;
  const at = from + m.index + m[0].length;
  const active = passiveOrActive(sentence, from + m.index, at);
  return /^continue/i.test(m[1]!) ? { action: from + m.index } : active;
}

/** "the establishment of X", "the need to X", "a plan to X": the act inside a noun phrase. */
function nominal(sentence: string, from: number): Complement | undefined {
  const rest = sentence.slice(from);
  // "agreed on (regularly) holding talks"
  const gerund = /^((?:\w+ly\s+)?)(\w+ing)\b/i.exec(rest);
  if (gerund && startsWithActAt(sentence, from + gerund[1]!.length)) return { action: from };
  if (/^(?:the|a|an)\s+(?:importance|significance|value|urgency|relevance)\b/i.test(rest)) return undefined;
  const need = /^(?:the|a|an)\s+(?:need|plan|plans|proposal|decision|necessity|steps?|measures?)\s+to\s+/i.exec(rest);
  if (need) return { action: from + need[0].length };
  const act = /^(?:the\s+|a\s+|an\s+)?(?:early\s+|swift\s+|prompt\s+|further\s+)?([a-z]+(?:\s+up)?)\s+of\s+/i.exec(rest);
  const verb = act && NOMINALISATIONS[act[1]!.toLowerCase()];
  if (act && verb) return { action: from + act[0].length, lead: verb };
  // "agreed on a roadmap for X": the thing agreed is the follow-up's subject.
  return /^(?:the|a|an|new|more|further|closer|greater|regular|joint)\s/i.test(rest) ? { action: from } : undefined;
}

/** After a modal: the act, turning "the round will be held" into an act with the round as object. */
function passiveOrActive(sentence: string, modalIndex: number, from: number): Complement {
  const rest = sentence.slice(from).replace(LEADING_ADVERBS, '');
  const skipped = sentence.length - from - rest.length;
  const passive = /^be\s+/i.exec(rest);
  const subject = () => sentence.slice(clauseStart(sentence, modalIndex), modalIndex).trim() || firstOfWhich(sentence.slice(0, modalIndex));
  // "will be held" is passive; "will be training" is the act going on.
  const after = from + skipped + (passive?.[0].length ?? 0);
  if (passive && (leadingVerb(rest.slice(passive[0].length)) || participleAt(sentence, after)) && !/^\w+ing\b/i.test(rest.slice(passive[0].length))) {
    return { action: from + skipped + passive[0].length, passiveSubject: subject() };
  }
  if (/^take\s+place\b/i.test(rest)) return { action: from + skipped + rest.match(/^take\s+place\s*/i)![0].length, lead: 'hold', passiveSubject: subject() };
  return { action: from };
}

/** ", the first of which will take place": the first of the things named before it ("the first consultations"). */
function firstOfWhich(before: string): string {
  const m = /,\s+the\s+(first|next|second|last)\s+of\s+which\s*$/i.exec(before);
  if (!m) return '';
  const things = [...before.slice(0, m.index).matchAll(new RegExp(INSTITUTIONS.source, 'gi'))].at(-1);
  return things ? `the ${m[1]!.toLowerCase()} ${things[0]}` : '';
}

/** Whether a past participle the tagger knows starts at `offset` ("commissioned", "drawn up"). */
function participleAt(sentence: string, offset: number): boolean {
  const tokens = tokensOf(sentence);
  const t = tokens[tokenIndexAt(tokens, offset)];
  return t !== undefined && t.start === offset && t.pos === 'VERB' && t.text.toLowerCase() !== t.lemma && !/ing$/i.test(t.text);
}

/** Who commits: the cue's subject, or the owner of the welcomed decision ("Canada's decision"). */
export function actorOf(sentence: string, cue: Cue): string {
  const welcomed = /^(?:welcom|announc|unveil|outlin|endors|approv)\w*\s+(.*)$/i.exec(cue.text);
  return welcomed ? welcomed[1]! : sentence.slice(clauseStart(sentence, cue.index, ACTOR_START), cue.index);
}

/** "Australian experts", "Japan's researchers": a party's own people, not outside commentators. */
function partysExperts(subject: string, lexicon: Lexicon): boolean {
  const m = /\b(?:experts|researchers|specialists)$/i.exec(subject.trim());
  if (!m) return false;
  return mentions(subject, lexicon).some((mention) => mention.party && /^(?:['’]s)?\s+$/.test(subject.slice(mention.end, m.index)));
}

/** How much of a subject names who acts: its last words, so a cue late in a long sentence costs no more than an early one. */
const SUBJECT_WORDS = 10;

export function subjectIsParty(subject: string, strong: boolean, lexicon: Lexicon): boolean {
  const words = lastWords(subject, SUBJECT_WORDS);
  const recent = words.join(' ');
  const last = words.map((w) => w.toLowerCase().replace(/[^a-z']/g, '')).findLast((w) => !ADVERB.test(w));
  if (!last) return strong;
  if (DUMMY_SUBJECTS.has(last)) return false;
  if (THIRD_PARTY.test(recent) && !partysExperts(recent, lexicon)) return false;
  const named = namedParties(recent, lexicon).length > 0;
  if (!named && namesOutsider(recent, lexicon) && !PARTY_WORDS.test(recent)) return false;
  return strong || named || PARTY_WORDS.test(recent) || INSTITUTIONS.test(recent);
}

/** The last `count` words of `text`, split at white space, read back from its end only. */
function lastWords(text: string, count: number): string[] {
  const words: string[] = [];
  for (let end = text.length; words.length < count; ) {
    while (end > 0 && /\s/.test(text[end - 1]!)) end -= 1;
    if (end === 0) break;
    let start = end;
    while (start > 0 && !/\s/.test(text[start - 1]!)) start -= 1;
    words.unshift(text.slice(start, end));
    end = start;
  }
  return words;
}
