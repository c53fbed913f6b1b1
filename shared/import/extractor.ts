import { LIMITS, type LocalDate } from '#shared/domain/schemas';
import { DEFAULT_UPDATE_EVERY_DAYS, type KindDraft } from '#shared/domain/kind';
import { cjkProposals, isCjk } from '#shared/import/cjk';
import { findDueDate } from '#shared/import/due-date';
import {
  CONTINUING_VERBS,
  NOMINALISATIONS,
  findRecurrence,
  leadingVerb,
  verbKind,
} from '#shared/import/lexicon';
import { detectParties, mentions, namedParties, namesOutsider, partyLexicon, type PartyRef } from '#shared/import/parties';
import { splitParagraphs, splitSentences, type Paragraph } from '#shared/import/segment';
import { tokenIndexAt, tokensOf } from '#shared/import/tagger';

/** A follow-up the extractor thinks the parties agreed, for a person to accept, edit or drop. */
export interface Proposal {
  /** A short imperative summary taken from the sentence, at most LIMITS.titleChars. */
  title: string;
  kind: KindDraft;
  /** Codes of the parties it binds: those named, or all of them for "both sides" or no name. */
  parties: string[];
  /** The deadline the sentence states, read relative to the meeting (also on `kind` for one-offs). */
  due?: LocalDate;
  /** The source sentence as it stands in its paragraph (line breaks inside it become spaces). */
  sentence: string;
  /** 1-based paragraph; numbered points count as paragraphs of their own. */
  paragraph: number;
  /** `3`, `(b)` or `3(b)` when the sentence is in a numbered point. */
  point?: string;
  /** The words that made it a follow-up ("agreed to", "will", "confirmed that … would"). */
  cue: string;
}

export interface ExtractOptions {
  meetingDate: LocalDate;
  timeZone: string;
  parties: readonly PartyRef[];
}

type Lexicon = ReturnType<typeof partyLexicon>;

/** One reading of a sentence as a follow-up: where the agreed act starts, and how it was cued. */
interface Cue {
  index: number;
  text: string;
  /** Strong cues (agreed, decided, pledged) carry the commitment themselves; weak ones (will) need a party as subject. */
  strong: boolean;
  /** Where the agreed act's words start in the sentence. */
  action: number;
  /** A verb to put before the act when the sentence names it as a noun ("the establishment of"). */
  lead?: string;
  /** The subject of a passive act ("the next round will be held"), to move after its verb in the title. */
  passiveSubject?: string;
  /** Who acts, when found: the words before the cue, or the party a pronoun stands for. */
  subject?: string;
}

const ADVERBS = String.raw`(?:also|further|jointly|closely|swiftly|promptly|actively|steadily|quickly|soon|together|then|now|again|continuously|immediately|formally|officially|first|both|all|each|still|only|even|fully|strongly|gradually|urgently|effectively|substantially|significantly|expeditiously|duly|shortly|constantly|consistently|collectively|additionally|henceforth|likewise|similarly|in principle|at least)`;
/** When and where, between a verb and its complement: "agreed on Thursday to", "pledged in Seoul to". */
const ADJUNCTS = String.raw`(?:,?\s+(?:on|in|at|during)\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|meeting|talks|summit|principle|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+(?:\s+\d{1,2})?),?)*`;
const LEADING_ADVERBS = new RegExp(String.raw`^(?:${ADVERBS},?\s+)*`, 'i');

/** Who else may say "will" in a readout: commentators, and placeholders that are no party. */
const THIRD_PARTY = /\b(?:analysts?|experts?|observers?|critics?|commentators?|pundits?|scholars?|economists?|academics?|researchers?|pollsters?|sceptics?|skeptics?|markets?|investors?|opposition|media|press|some|many|others)\b/i;
const DUMMY_SUBJECTS = new Set(['it', 'this', 'that', 'there', 'which', 'what', 'these', 'those', 'nobody', 'nothing', 'everyone', 'something']);
/** Words for the parties themselves, their people and their bodies. */
const PARTY_WORDS =
  /\b(?:we|our|us|i|he|she|they|both|two|each|leaders?|ministers?|sides|parties|governments?|officials|delegations?|countries|nations|presidents?|prime ministers?|chancellors?|secretar(?:y|ies)|navies|navy|forces|coast guards?|agencies|ministry|ministries|embassies|embassy|office|offices|authorities|negotiators|diplomats)\b/i;
const INSTITUTIONS =
  /\b(?:committee|feasibility study|study|survey|roadmap|joint venture|commission|council|group|task force|dialogue|talks|meeting|consultations|summit|forum|mechanism|hotline|secretariat|visits?|exercises?|negotiations|round|programme|program|initiative|framework|partnership|cooperation|exchanges?|fund|scheme|conference|session|training|centre|center|office|consulate)\b/i;
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
/** ", and both sides will …": a clause with acts of its own. */
const NEXT_CLAUSE = /,?\s+and\s+(?:[\w'’-]+\s+){0,4}?(?:will|shall|would|agreed|decided|pledged|committed)\b|,\s+(?:which|who)\s+(?:will|would|shall|is\s+to|are\s+to)\b/i;
/** Phrases after which the rest of a sentence modifies the act rather than being part of it. */
const MODIFIERS = /,\s+(?:including|such as|building on|based on|bringing|with a focus on|with the aim of|covering|in line with|alternating|in order to)\b|\s+in order to\b/i;
const CLAUSE_END = new RegExp(
  [
    String.raw`\s*[;:]`,
    String.raw`,?\s+[—–]\s+`,
    String.raw`,\s+(?:which|who|whose|where|while|whereas|but|as|so|since|because|although|though|saying|noting|adding|according|he|she|they|the\s+[\w\s'’-]{1,40}?\s+(?:said|says|told|added))\b`,
    String.raw`[,.!?]?["”’](?:\s|$)`,
    String.raw`[.!?]$`,
    String.raw`,?\s+and\s+(?:also\s+)?(?:agreed|decided|confirmed|pledged|committed|instructed|directed|tasked|asked|welcomed|noted|expressed|stressed|underlined)\b`,
    // ", officials from both governments said on Tuesday": who said it, not what was agreed.
    String.raw`,\s+(?:[\w'’-]+\s+){1,6}?(?:said|says|told|added|announced)\b`,
    // ", after waiting times … were reported": why, not what.
    String.raw`,\s+(?:after|once|until|unless)\s+[^,;]{0,80}?\b(?:was|were|had|has|have|is|are)\b`,
    String.raw`,\s+and\s+the\s+invitation\b`,
    // ", the first of which will …", ", the next one in Madrid": an act of its own about the same thing.
    String.raw`,\s+the\s+(?:first|next|second|last)\s+(?:of\s+which|one|meeting|round|session)\b`,
    // ", and both sides will …": a second follow-up with its own subject.
    String.raw`,\s+and\s+(?:[\w'’-]+\s+){0,4}?(?:will|shall|would|undertook|resolved|promised|vowed|pledged|agreed|decided|committed)\b`,
    // ", with more visits …", ", alternating between …": modifiers of the act, not the act.
    String.raw`,\s+(?:with|(?!and\b)\w+ing)\b`,
    String.raw`\s+in\s+order\s+to\b`,
    String.raw`,\s+(?:including|such as|building on|bringing|with a focus on|with the aim of|covering|in line with)\b`,
  ].join('|'),
  'i',
);
/** Where a clause starts: a new subject may follow any of these. */
const CLAUSE_START =
  /(?:[;:—–(]|["“”]|,\s+(?:and|but|while|whereas|as|so|since|because|although|though|if|when)\s+|\s+(?:and|but|that|which|who|whereby|while|whereas|because|although|though|if|when|said|says|say|told|stated|noted|announced|added)\s+)/gi;

/** Like CLAUSE_START, but a bare "and" joins actors ("Britain and South Korea agreed") rather than clauses. */
const ACTOR_START =
  /(?:[;:—–(]|["“”]|,\s+(?:and|but|while|whereas|as|so|since|because|although|though|if|when)\s+|\s+(?:that|which|who|whereby|while|whereas|because|although|though|if|when|said|says|say|told|stated|noted|announced|added)\s+)/gi;

/**
 * Reads a meeting's readout, joint statement or press report and proposes the follow-ups the
 * parties agreed, one per agreed act, in reading order.
 *
 * 1. Split into paragraphs (blank lines, numbered points) and sentences; skip a headline.
 * 2. Drop sentences that report others' views ("analysts say …") or ask questions.
 * 3. Find every agreement cue (agreed to, decided, pledged, instructed … to, confirmed that … would)
 *    and intention cue (will, shall, intends to) whose subject is a party — a pronoun or a subject
 *    shared across "and" counts as the party it stands for; drop negated and hedged ones, and
 *    those inside a discussion or a possibility ("discussed how they will").
 * 4. Split each cue's act at its coordinated verbs ("to expand X and to create Y"), so each act is
 *    one proposal sharing the sentence; points under "the two sides decided:" take that cue.
 * 5. Classify each act (recurring, ongoing, one-off), read its deadline, name its parties, and
 *    title it with the act's own words.
 */
export function extractCommitments(text: string, opts: ExtractOptions): Proposal[] {
  const lexicon = partyLexicon(opts.parties);
  const proposals: Proposal[] = [];
  const paragraphs = splitParagraphs(text);
  let lead: ListLead | undefined;
  let previous = '';
  for (const paragraph of paragraphs) {
    if (isCjk(paragraph.text)) {
      proposals.push(...cjkProposals(paragraph, opts));
      continue;
    }
    if (isHeadline(paragraph, paragraphs)) continue;
    const sentences = splitSentences(paragraph.text);
    const whole = sentences.join(' ');
    const listed = lead ? listedAct(whole) : undefined;
    if (lead && listed !== undefined) {
      const sentence = whole;
      const cue: Cue = { index: 0, text: lead.cue, strong: true, action: listed, subject: lead.subject };
      for (const act of actsOf(sentence, cue)) proposals.push(propose(sentence, cue, act, paragraph, opts, lexicon));
      // "(b) to set up a working group, which will map …": the point's own later cues.
      const end = actionText(sentence, cue).end;
      for (const later of findCues(sentence, lexicon, previous).filter((c) => c.index >= end)) {
        for (const act of actsOf(sentence, later)) proposals.push(propose(sentence, later, act, paragraph, opts, lexicon));
      }
      continue;
    }
    lead = undefined;
    for (const sentence of sentences) {
      lead = listLead(sentence, lexicon);
      for (const cue of findCues(sentence, lexicon, previous)) {
        for (const act of actsOf(sentence, cue)) proposals.push(propose(sentence, cue, act, paragraph, opts, lexicon));
      }
      previous = sentence;
    }
  }
  return proposals;
}

function propose(sentence: string, cue: Cue, act: Act, paragraph: Paragraph, opts: ExtractOptions, lexicon: Lexicon): Proposal {
  // The act's own words first, so "…, and decided to launch Y by March" does not date X; then
  // what came before it, then a clause about it ("a group, which is to report within …").
  const tail = sentence.slice(act.end);
  const due =
    findDueDate(act.text, opts) ??
    (act.first ? findDueDate(sentence.slice(clauseStart(sentence, cue.index), cue.index), opts) : undefined) ??
    (act.last && !/^,?\s+and\b/i.test(tail) ? findDueDate(tail, opts) : undefined);
  const actCue: Cue = act.first ? cue : { index: cue.index, text: cue.text, strong: cue.strong, action: act.start, ...(act.lead ? { lead: act.lead } : {}) };
  return {
    title: titleFrom(act.text, actCue, due?.phrase),
    kind: classify(
      act.last ? sentence.slice(act.start).split(MODIFIERS)[0]!.split(NEXT_CLAUSE)[0]! : act.text,
      actCue,
      actVerbAt(sentence, act.start),
      act.text,
      due?.due,
    ),
    parties: detectParties(sentence, opts.parties, lexicon, cue.subject ?? actorOf(sentence, cue)),
    ...(due ? { due: due.due } : {}),
    sentence,
    paragraph: paragraph.index,
    ...(paragraph.point ? { point: paragraph.point } : {}),
    cue: cue.text,
  };
}

/** A title line above the text: the first block, short, with no closing full stop. */
function isHeadline(paragraph: Paragraph, paragraphs: readonly Paragraph[]): boolean {
  return (
    paragraph.index === 1 &&
    paragraphs.length > 1 &&
    !paragraph.point &&
    !/[.!?:;"”]$/.test(paragraph.text) &&
    paragraph.text.split(/\s+/).length <= 25
  );
}

/** "On trade, the two sides decided:" — the points below it are its acts. */
interface ListLead {
  cue: string;
  subject: string;
}

const LIST_LEAD =
  /\b(?:agreed|agree|decided|decide|resolved|committed|commit|pledged|pledge|undertook|undertake|instructed|instruct|directed|direct|tasked|task|will|shall|intend|intends|plan|plans)\b[^:]{0,80}:\s*$/i;

function listLead(sentence: string, lexicon: Lexicon): ListLead | undefined {
  const m = LIST_LEAD.exec(sentence);
  if (!m) return undefined;
  const subject = sentence.slice(clauseStart(sentence, m.index), m.index);
  return subjectIsParty(subject, true, lexicon) ? { cue: sentence.slice(m.index).replace(/:\s*$/, ''), subject } : undefined;
}

/** Where the act of a listed point starts ("(a) to resume flights …;"), or undefined when it states none. */
function listedAct(text: string): number | undefined {
  const skip = /^(?:to\s+)?/i.exec(text)![0].length;
  return startsWithActAt(text, skip) ? skip : undefined;
}

/**
 * Every cue in the sentence that survives negation, hedging and the subject check, in reading
 * order; a cue inside an earlier cue's act ("agreed that they will …") is part of that act.
 */
function findCues(sentence: string, lexicon: Lexicon, previous = ''): Cue[] {
  if (/\?["”]?$/.test(sentence)) return [];
  if (ATTRIBUTED_TO_OTHERS.some((re) => re.test(sentence))) return [];
  const cues = [...strongCues(sentence), ...weakCues(sentence)].sort((a, b) => a.index - b.index);
  const found: Cue[] = [];
  let until = 0;
  for (const cue of cues) {
    if (cue.index < until) continue;
    const subject = acceptedSubject(sentence, cue, lexicon, previous);
    if (subject === undefined) continue;
    found.push({ ...cue, subject });
    until = actionText(sentence, cue).end;
  }
  return found;
}

/** The cue's subject when it commits a party ("" when a strong cue has none), else undefined. */
function acceptedSubject(sentence: string, cue: Cue, lexicon: Lexicon, previous: string): string | undefined {
  const before = sentence.slice(0, cue.index);
  if (NEGATION_BEFORE.test(before.slice(-60))) return undefined;
  const start = clauseStart(sentence, cue.index);
  // "said that it would": the clause after "said" starts with its "that".
  let subject = subjectBefore(sentence, cue.index, start).replace(/^that\s+/i, '');
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
  return subject;
}

const PRONOUN = /^(?:it|they)$/i;
const WISH_BEFORE = /\b(?:hopes?|hoped|wish(?:es|ed)?|believes?|believed|expects?|expected|trusts?|trusted)\s+(?:that\s+)?$/i;
/** What a body will be rather than do: "which will bring together our ministries", "will include". */
const DESCRIPTIVE_ACT = /^\s*(?:bring\s+together|include|consist\s+of|comprise|involve|be\s+(?:composed|made\s+up|chaired|co-chaired|led)\b)/i;
/** Acts that only say a party is willing: "would welcome", "be open to", "consider". */
const HEDGED_ACT = /^\s*(?:probably|likely|possibly|perhaps|welcome|be\s+(?:open|willing|happy|glad|prepared)\s+to|consider|like\s+to|wish\s+to|hope\s+to)\b/i;

/**
 * The words before a cue that name who acts: its clause's subject; past a relative clause
 * ("Spain, which financed …, will"), the noun before it; for a clause that only starts with "and"
 * ("opened X, and will hold Y"), the subject of the clause it joins.
 */
function subjectBefore(sentence: string, index: number, start: number): string {
  const subject = sentence.slice(start, index).trim();
  const before = sentence.slice(0, index).trimEnd();
  if (before.endsWith(',')) {
    const relative = lastMatch(before, /,\s+(?:which|who|whom|whose)\b/gi);
    if (relative > 0) return subjectBefore(sentence, relative, clauseStart(sentence, relative));
  }
  // A relative clause ("a group which is to report") has its subject before the pronoun.
  if (!subject && /\b(?:which|who|that)\s*$/i.test(sentence.slice(0, start))) {
    return sentence.slice(0, start).replace(/[,\s]*\b(?:which|who|that)\s*$/i, '').split(/\s+/).slice(-6).join(' ');
  }
  const joined = /(?:,\s*|\s+)and\s*$/i.exec(sentence.slice(0, start));
  if (!subject && joined && joined.index > 0) {
    const from = clauseStart(sentence, joined.index);
    return subjectBefore(sentence, verbOf(sentence, from, joined.index) ?? joined.index, from);
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

/** The verb a title starts with, as the tagger reads it: its lemma and the length of the word. */
function taggedVerb(title: string): { base: string; length: number } | undefined {
  const t = tokensOf(title)[0];
  return t && t.start === 0 && t.pos === 'VERB' ? { base: t.lemma, length: t.end } : undefined;
}

/** Who commits: the cue's subject, or the owner of the welcomed decision ("Canada's decision"). */
function actorOf(sentence: string, cue: Cue): string {
  const welcomed = /^(?:welcom|announc|unveil|outlin|endors|approv)\w*\s+(.*)$/i.exec(cue.text);
  return welcomed ? welcomed[1]! : sentence.slice(clauseStart(sentence, cue.index, ACTOR_START), cue.index);
}

function clauseStart(sentence: string, index: number, boundaries = CLAUSE_START): number {
  let start = 0;
  for (const m of sentence.slice(0, index).matchAll(boundaries)) start = m.index + m[0].length;
  return start;
}

function subjectIsParty(subject: string, strong: boolean, lexicon: Lexicon): boolean {
  const words = subject.split(/\s+/).filter(Boolean);
  const recent = words.slice(-10).join(' ');
  const last = words
    .map((w) => w.toLowerCase().replace(/[^a-z']/g, ''))
    .filter((w) => !new RegExp(`^${ADVERBS}$`, 'i').test(w))
    .at(-1);
  if (!last) return strong;
  if (DUMMY_SUBJECTS.has(last)) return false;
  if (THIRD_PARTY.test(recent)) return false;
  const named = namedParties(recent, lexicon).length > 0;
  if (!named && namesOutsider(recent, lexicon) && !PARTY_WORDS.test(recent)) return false;
  return strong || named || PARTY_WORDS.test(recent) || INSTITUTIONS.test(recent);
}

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
function actVerbAt(sentence: string, offset: number): ActVerb | undefined {
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

function startsWithActAt(sentence: string, offset: number): boolean {
  return actVerbAt(sentence, offset) !== undefined;
}

/** Verbs that say what a party feels or thinks, not what it will do. */
const HEDGE_VERBS = new Set(['welcome', 'consider', 'hope', 'wish', 'like', 'want', 'believe', 'think', 'feel', 'appreciate', 'note', 'recognize', 'recognise', 'say', 'be', 'have', 'do', 'need', 'depend', 'matter', 'remain']);

/** The act's verb: "further strengthen" → strengthen; "continue to hold" → continue (then hold). */
function actVerb(text: string): ActVerb | undefined {
  let rest = text.trimStart().replace(LEADING_ADVERBS, '');
  rest = rest.replace(/^be\s+/i, '');
  const verb = leadingVerb(rest);
  if (!verb) return undefined;
  const after = rest.slice(verb.length).replace(/^\s+(?:to\s+)?/i, '').replace(LEADING_ADVERBS, '');
  const inner = CONTINUING_VERBS.has(verb.base) || /^(?:work|seek|strive|endeavou?r|aim|try|make efforts)$/.test(verb.base) ? leadingVerb(after)?.base : undefined;
  return { base: verb.base, ...(inner ? { inner } : {}), rest: after };
}

/** One agreed act inside a cue's clause: its words and where they sit in the sentence. */
interface Act {
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
function actsOf(sentence: string, cue: Cue): Act[] {
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

/** The act's words: from where the cue says it starts to the end of its clause (an index in the sentence). */
function actionText(sentence: string, cue: Cue): { action: string; end: number } {
  const rest = sentence.slice(cue.action);
  const stop = CLAUSE_END.exec(rest)?.index ?? rest.length;
  return { action: rest.slice(0, stop).trim(), end: cue.action + stop };
}

/** Past this length a title drops its relative and purpose clauses. */
const SHORT_TITLE = 90;

/** Acts that never finish, even with a date: "deepen cooperation by 2030" is still ongoing. */
const OPEN_ENDED = new Set([
  'continue', 'maintain', 'keep', 'remain', 'stay', 'sustain', 'deepen', 'strengthen', 'enhance', 'promote', 'uphold', 'foster',
  'pursue', 'coordinate', 'cooperate', 'consult', 'communicate', 'work', 'collaborate', 'engage', 'monitor', 'share', 'exchange',
]);

/** Process nouns: holding them is ongoing work, unlike holding "a meeting". */
const PROCESS_NOUNS = /^(?:discussions|talks|consultations|negotiations|dialogues|exchanges|conversations|deliberations|meetings|contacts)$/i;

/** `scope` is where a cadence may be stated: the act, and for the last act, the rest of the sentence up to a modifier. */
function classify(scope: string, cue: Cue, verb: ActVerb | undefined, action: string, due: LocalDate | undefined): KindDraft {
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
  // "train 200 agronomists by March 2029": a deadline makes a measurable act one-off.
  if (kind === 'ongoing') return due && !OPEN_ENDED.has(inner) ? oneOff : ongoing;
  // A verb we do not class: "will be procuring" goes on; "will fund a centre" is done once.
  return verb?.progressive && !due ? ongoing : oneOff;
}

/** The head noun of an object: the last word before its first preposition ("talks" in "formal talks on trade"). */
function objectHead(text: string): string {
  const phrase = text.split(/\s+(?:on|of|in|at|for|with|between|to|by|under|among|from|about|regarding|toward|towards)\s+|[,.;]/i)[0] ?? '';
  return phrase.trim().split(/\s+/).at(-1) ?? '';
}

const PASSIVE_AGENT =
  /\s+by\s+(?:the|their|its|our|both)\s+(?:[\w-]+\s+){0,3}?(?:ministr\w*|governments?|officials|sides?|parties|agenc\w+|authorit\w+|leaders|secretariat)(?:\s+of\s+(?:the\s+)?[\w\s-]*?(?:Parties|countries|sides|states))?(?=[\s,.;]|$)/i;

/** Words a title must not end on: a preposition, article, possessive or conjunction waiting for more. */
const DANGLING = /(?:[\s,;:.(—–-]+|\s+(?:of|to|for|with|in|on|at|by|from|into|onto|about|between|among|under|over|through|toward|towards|the|a|an|its|their|our|his|her|my|your|this|these|that|those|and|or|but|nor|as|than|such|both|each|every|which|who|whose)|['’]s)+$/i;

function withoutDanglingEnd(title: string): string {
  const ellipsis = title.endsWith('…');
  const trimmed = (ellipsis ? title.slice(0, -1) : title).replace(DANGLING, '').trim();
  return ellipsis ? `${trimmed}…` : trimmed;
}

function titleFrom(action: string, cue: Cue, duePhrase: string | undefined): string {
  let title = action;
  if (duePhrase) {
    const at = title.indexOf(duePhrase);
    if (at >= 0) {
      const lead = /(?:\s+(?:by|in|within|before|until|during|at|around|no later than|from))?(?:\s+the)?\s*$/i.exec(title.slice(0, at))!;
      title = `${title.slice(0, at - lead[0].length)} ${title.slice(at + duePhrase.length)}`;
    }
  }
  // "holding a meeting" → "hold a meeting"; "be procuring kits" → "procure kits"; "regularly holding" → "regularly hold"
  title = title.replace(/^(?:also|be)\s+/i, '');
  const gerund = /^((?:\w+ly\s+)?)(\w+ing)\b/i.exec(title);
  if (gerund) {
    const at = gerund[1]!.length;
    const base = leadingVerb(title.slice(at))?.base ?? tokensOf(title).find((t) => t.start === at && t.pos === 'VERB')?.lemma;
    if (base) title = title.slice(0, at) + base + title.slice(at + gerund[2]!.length);
  }
  if (cue.passiveSubject !== undefined) {
    const participle = leadingVerb(title) ?? taggedVerb(title);
    const subject = cue.passiveSubject.replace(/^(?:The|A|An|Their|Its|Our)\b/, (w) => w.toLowerCase());
    // "commissioned by the ministries of industry": who does it is the item's owner, not its title.
    title = title.replace(PASSIVE_AGENT, '');
    if (cue.lead) title = `${cue.lead} ${subject} ${title}`;
    else if (participle) title = `${participle.base} ${subject}${title.slice(participle.length)}`;
  } else if (cue.lead) {
    title = `${cue.lead} ${title}`;
  }
  // "keep developing X and to make Y": one imperative, so the second infinitive loses its "to".
  title = title.replace(/\s+and\s+(?:to|would|will|shall)\s+/gi, ' and ');
  if (title.length > SHORT_TITLE) {
    const cut = /\s+(?:that|which|who)\s+(?:\w+ed|began|begun|was|were|is|are|has|have)\b|\s+(?:on the basis of|so that|with a view to|in order to)\b/i.exec(title);
    if (cut && cut.index > 20) title = title.slice(0, cut.index);
  }
  // What was left of a purpose clause once its date went: "…, to be delivered", "…, to open".
  title = title.replace(/,\s+to\s+(?:be\s+)?\w+\s*$/i, '');
  title = title.replace(/\s+([,.;])/g, '$1').replace(/\s{2,}/g, ' ');
  if (title.length > LIMITS.titleChars) title = `${title.slice(0, LIMITS.titleChars - 1).replace(/\s+\S*$/, '')}…`;
  title = withoutDanglingEnd(title);
  return title.charAt(0).toUpperCase() + title.slice(1);
}
