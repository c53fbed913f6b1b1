import { LIMITS } from '#shared/domain/schemas';
import type { Cue } from '#shared/import/clauses';
import { leadingVerb } from '#shared/import/lexicon';
import { tokensOf } from '#shared/import/tagger';

/** Past this length a title drops its relative and purpose clauses. */
const SHORT_TITLE = 90;

const PASSIVE_AGENT =
  /\s+by\s+(?:the|their|its|our|both)\s+(?:[\w-]+\s+){0,3}?(?:ministr\w*|governments?|officials|sides?|parties|agenc\w+|authorit\w+|leaders|secretariat)(?:\s+of\s+(?:the\s+)?[\w\s-]*?(?:Parties|countries|sides|states))?(?=[\s,.;]|$)/i;

/** Words a title must not end on: a preposition, article, possessive or conjunction waiting for more. */
const DANGLING = /(?:[\s,;:.(—–-]+|\s+(?:of|to|for|with|in|on|at|by|from|into|onto|about|between|among|under|over|through|toward|towards|the|a|an|its|their|our|his|her|my|your|this|these|that|those|and|or|but|nor|as|than|such|both|each|every|which|who|whose)|['’]s)+$/i;

function withoutDanglingEnd(title: string): string {
  const ellipsis = title.endsWith('…');
  const trimmed = (ellipsis ? title.slice(0, -1) : title).replace(DANGLING, '').trim();
  return ellipsis ? `${trimmed}…` : trimmed;
}

/** The verb a title starts with, as the tagger reads it: its lemma and the length of the word. */
function taggedVerb(title: string): { base: string; length: number } | undefined {
  const t = tokensOf(title)[0];
  return t && t.start === 0 && t.pos === 'VERB' ? { base: t.lemma, length: t.end } : undefined;
}

export function titleFrom(action: string, cue: Cue, duePhrase: string | undefined): string {
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
  // Not "Convening of the committee", a noun.
  const gerund = /^((?:\w+ly\s+)?)(\w+ing)\b(?!\s+of\b)/i.exec(title);
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
