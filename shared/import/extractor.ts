import { actionLine } from '#shared/import/action-lines';
import { actsOf, actVerbAt, cadenceScope, classify, startsWithActAt, type Act } from '#shared/import/acts';
import { cjkLanguage, cjkProposals } from '#shared/import/cjk';
import { actionText, clauseStart, type Cue } from '#shared/import/clauses';
import { actorOf, findCues, subjectIsParty, type Lexicon } from '#shared/import/cues';
import { findDueDate } from '#shared/import/due-date';
import { SET_ASIDE_WORDS, agencyNames, logRow } from '#shared/import/log-rows';
import { detectParties, namedParties, partyLexicon } from '#shared/import/parties';
import type { ExtractOptions, Proposal } from '#shared/import/proposal';
import { placeOf, type Paragraph } from '#shared/import/paragraph';
import { splitParagraphs, splitSentences } from '#shared/import/segment';
import { titleFrom } from '#shared/import/titles';

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
 * A row of minutes kept as an action log (action, owner, deadline, status fields) is read by its
 * fields instead (log-rows.ts).
 */
export function extractCommitments(text: string, opts: ExtractOptions): Proposal[] {
  const lexicon = partyLexicon(opts.parties);
  const proposals: Proposal[] = [];
  const paragraphs = splitParagraphs(text);
  let lead: ListLead | undefined;
  let previous = '';
  let agencies: Map<string, string> | undefined;
  let firstWords: Map<string, number> | undefined;
  // Under a "Next steps" heading every item is a follow-up, a noun phrase as much as a sentence.
  let steps = false;
  // Once its items are numbered or bulleted, the list ends at the first paragraph that is neither.
  let markedSteps = false;
  for (const paragraph of paragraphs) {
    const language = cjkLanguage(paragraph.text);
    if (language) {
      proposals.push(...cjkProposals(paragraph, language, opts));
      continue;
    }
    // A row of an action log: its fields say what, who, by when and whether it still stands.
    const row = logRow(paragraph, opts, lexicon, () => (agencies ??= agencyNames(text, lexicon)));
    if (row) {
      if (row !== 'closed') proposals.push(row);
      lead = undefined;
      continue;
    }
    if (NEXT_STEPS.test(paragraph.text)) {
      steps = true;
      markedSteps = false;
      continue;
    }
    const item = paragraph.point !== undefined || paragraph.bullet === true;
    if (steps && ((markedSteps && !item) || paragraph.text.split(/\s+/).length > 60 || STEPS_END.test(paragraph.text))) steps = false;
    markedSteps ||= steps && item;
    if (isHeadline(paragraph, paragraphs) || isPreambular(paragraph.text)) continue;
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
    const before = proposals.length;
    const speaker = /["“]/.test(paragraph.text) ? quoteSpeaker(paragraph.text, text, (firstWords ??= firstCapitalised(text)), lexicon) : undefined;
    for (const [i, sentence] of sentences.entries()) {
      lead = listLead(sentence, lexicon);
      // "X officials told reporters that India had agreed to …" and the next sentence denies it.
      const disputed = CLAIM.test(sentence) && DENIAL.test(sentences[i + 1] ?? '');
      for (const cue of disputed ? [] : findCues(sentence, lexicon, previous)) {
        // "We will …" inside a minister's quote: the minister's government.
        const quoted = speaker && FIRST_PERSON.test(cue.subject ?? '') && insideQuote(sentence, cue.index);
        for (const act of actsOf(sentence, cue)) {
          const proposal = propose(sentence, cue, act, paragraph, opts, lexicon);
          proposals.push(quoted ? { ...proposal, parties: [speaker] } : proposal);
        }
      }
      previous = sentence;
    }
    // A line of an action plan states its act with no cue: "2.3 Set up a desk | Timeline: …".
    const line = proposals.length === before && sentences.length === 1 ? actionLine(paragraph, opts, lexicon) : undefined;
    if (line) proposals.push(line);
    const step = steps && proposals.length === before && sentences.length === 1 ? nextStep(paragraph, opts, lexicon) : undefined;
    if (step) proposals.push(step);
  }
  // Whatever the text, a proposal has words to show: one whose title kept none is dropped.
  return proposals.filter((p) => /[\p{L}\p{N}]/u.test(p.title));
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
    kind: classify(cadenceScope(sentence, act), actCue, actVerbAt(sentence, act.start), act.text, due?.due),
    parties: detectParties(sentence, opts.parties, lexicon, cue.subject ?? actorOf(sentence, cue)),
    ...(due ? { due: due.due } : {}),
    sentence,
    ...placeOf(paragraph),
    cue: cue.text,
  };
}

const FIRST_PERSON = /^(?:we|our\b.*)$/i;
/** Who is quoted: "…," the Minister said / said the Secretary / the Minister added. */
const NAME = String.raw`[A-Z][\w-]*(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?[A-Z][\w-]*){0,4}`;
const ATTRIBUTION = new RegExp(String.raw`["”’],?\s+(?:(?:said|says|added|stated)\s+(?:the\s+)?(${NAME})|(?:the\s+)?(${NAME})\s+(?:said|says|added|stated))\b`, 'g');
/** "The Minister of the Sea said …", "Colombia's Minister said …" opening a paragraph whose quotes then say "she said". */
const OPENING_SPEAKER = new RegExp(String.raw`^(?:The\s+)?((?:(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s+)?${NAME})\s+(?:said|says|added|stated)\b`);
const PRONOUN_ATTRIBUTION = /["”’],?\s+(?:he|she|they)\s+(?:said|says|added)\b/;

/** Whether `index` of a sentence is inside a quotation. */
function insideQuote(sentence: string, index: number): boolean {
  const marks = sentence.slice(0, index).match(/["“”]/g)?.length ?? 0;
  return marks % 2 === 1 || (marks === 0 && /^["“]/.test(sentence));
}

/**
 * The party of the one person a paragraph quotes, when it can tell: "the Secretary said" and
 * earlier "the Secretary of Foreign Affairs of the Philippines" (or "Australia's Minister for …").
 */
function quoteSpeaker(paragraph: string, text: string, firstWords: ReadonlyMap<string, number>, lexicon: Lexicon): string | undefined {
  const speakers = new Set([...paragraph.matchAll(ATTRIBUTION)].map((m) => (m[1] ?? m[2])!));
  const opening = PRONOUN_ATTRIBUTION.test(paragraph) ? OPENING_SPEAKER.exec(paragraph)?.[1] : undefined;
  if (opening) speakers.add(opening);
  if (speakers.size !== 1) return undefined;
  const speaker = [...speakers][0]!;
  const named = namedParties(speaker, lexicon);
  if (named.length === 1) return named[0];
  const title = speaker.split(/\s+/).at(-1)!;
  // Its first full mention: the noun phrase around the title, up to a comma, "and" or eight words on.
  const at = firstWords.get(title);
  if (at === undefined) return undefined;
  const before = text.slice(Math.max(0, at - 60), at);
  const lead = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf('.'), before.lastIndexOf(' and '), before.lastIndexOf('\n')) + 1);
  const after = text.slice(at, at + 200).split(/[,.;\n]|\s+and\s+/)[0]!.split(/\s+/).slice(0, 8).join(' ');
  const parties = [...new Set(namedParties(`${lead}${after}`, lexicon))];
  return parties.length === 1 ? parties[0] : undefined;
}

const NEXT_STEPS = /^(?:next\s+steps|the\s+way\s+forward|way\s+forward|follow-up(?:\s+actions)?|agreed\s+(?:actions|deliverables)|deliverables)\s*:?$/i;
/** What ends a press release's list: its contacts and notes. */
const STEPS_END = /^(?:media|press|contacts?|for\s+(?:more|further)|notes?\s+(?:to|for)\s+editors|background|about\b|ends\b|###)/i;
/** An item that is only possible, expected, already done or set aside ("— deferred until …"). */
const NOT_A_STEP = new RegExp(
  String.raw`\b(?:may|might|could|would|possibl[ey]|potential|subject\s+to|if|expected|explored|considered|consideration|hope[sd]?|was|were|has\s+been|have\s+been|had|${SET_ASIDE_WORDS})\b|\?$`,
  'i',
);
const STEP_CUE = 'next step';

/** A "Next steps" item with no cue: "Establishment of a joint committee by June 2027." */
function nextStep(paragraph: Paragraph, opts: ExtractOptions, lexicon: Lexicon): Proposal | undefined {
  const item = paragraph.text.trim();
  if (NOT_A_STEP.test(item) || item.split(/\s+/).length < 2) return undefined;
  const text = item.replace(/[.;]$/, '');
  const due = findDueDate(text, opts);
  const cue: Cue = { index: 0, text: STEP_CUE, strong: true, action: 0 };
  return {
    title: titleFrom(text, cue, due?.phrase),
    // "Exchange of letters …", "Convening of …": a noun, not the verb it looks like.
    kind: classify(text, cue, /^\p{L}+\s+of\b/u.test(text) ? undefined : actVerbAt(text, 0), text, due?.due),
    parties: detectParties(text, opts.parties, lexicon),
    ...(due ? { due: due.due } : {}),
    sentence: item,
    ...placeOf(paragraph),
    cue: STEP_CUE,
  };
}

/** Where each capitalised word first stands in the text, in one pass. */
function firstCapitalised(text: string): Map<string, number> {
  const first = new Map<string, number>();
  for (const m of text.matchAll(/\b[A-Z][\w-]*/g)) if (!first.has(m[0])) first.set(m[0], m.index);
  return first;
}

/** One side's account of what was agreed, and a denial of it in the sentence after. */
const CLAIM = /\b(?:told\s+(?:reporters|journalists|the\s+press)|claimed|asserted|insisted|said|announced|according\s+to)\b[^.;]{0,80}\b(?:had|has)\s+(?:agreed|committed|pledged|promised|decided)\b/i;
const DENIAL = /\b(?:denied|rejected|disputed|refuted|dismissed|contradicted|untrue|not\s+true|no\s+such|never\s+(?:agreed|promised|committed|pledged|offered))\b/i;

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

/**
 * A declaration's preambular paragraph ("Recalling …;", "Mindful that … will grow,"): it sets out
 * what the parties bear in mind, and the operative paragraphs after it say what they will do.
 */
function isPreambular(text: string): boolean {
  return PREAMBLE_OPENING.test(text) && /[,;]$/.test(text.trim());
}

const PREAMBLE_OPENING =
  /^(?:Recalling|Recogni[sz]ing|Reaffirming|Reiterating|Welcoming|Noting|Acknowledging|Emphasi[sz]ing|Stressing|Underlining|Mindful|Aware|Conscious|Convinced|Concerned|Bearing\s+in\s+mind|Having|Taking\s+note|Guided\s+by|Determined|Desiring|Considering|Expressing|Affirming|Deeply|Inspired|Encouraged|Committed\s+to\s+(?:the\s+)?(?:principles?|values?|goals?))\b/;

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
