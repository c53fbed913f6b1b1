/** One reading of a sentence as a follow-up: where the agreed act starts, and how it was cued. */
export interface Cue {
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

export const ADVERBS = String.raw`(?:also|further|jointly|closely|swiftly|promptly|actively|steadily|quickly|soon|together|then|now|again|continuously|immediately|formally|officially|first|both|all|each|still|only|even|fully|strongly|gradually|urgently|effectively|substantially|significantly|expeditiously|duly|shortly|constantly|consistently|collectively|additionally|henceforth|likewise|similarly|in principle|at least)`;
export const LEADING_ADVERBS = new RegExp(String.raw`^(?:${ADVERBS},?\s+)*`, 'i');

export const INSTITUTIONS =
  /\b(?:committee|feasibility study|study|survey|roadmap|joint venture|commission|council|group|task force|dialogue|talks|meeting|consultations|summit|forum|mechanism|hotline|secretariat|visits?|exercises?|negotiations|round|programme|program|initiative|framework|partnership|cooperation|exchanges?|fund|scheme|conference|session|training|centre|center|office|consulate)\b/i;

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
export const ACTOR_START =
  /(?:[;:—–(]|["“”]|,\s+(?:and|but|while|whereas|as|so|since|because|although|though|if|when)\s+|\s+(?:that|which|who|whereby|while|whereas|because|although|though|if|when|said|says|say|told|stated|noted|announced|added)\s+)/gi;

/** Where the clause holding `index` starts: just past the last boundary before it. */
export function clauseStart(sentence: string, index: number, boundaries = CLAUSE_START): number {
  let start = 0;
  for (const m of sentence.slice(0, index).matchAll(boundaries)) start = m.index + m[0].length;
  return start;
}

/** The act's words: from where the cue says it starts to the end of its clause (an index in the sentence). */
export function actionText(sentence: string, cue: Cue): { action: string; end: number } {
  const rest = sentence.slice(cue.action);
  const stop = CLAUSE_END.exec(rest)?.index ?? rest.length;
  return { action: rest.slice(0, stop).trim(), end: cue.action + stop };
}
