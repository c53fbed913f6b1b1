import { actVerbAt, classify } from '#shared/import/acts';
import type { Cue } from '#shared/import/clauses';
import type { Lexicon } from '#shared/import/cues';
import { findDueDate } from '#shared/import/due-date';
import { leadingVerb } from '#shared/import/lexicon';
import { detectParties } from '#shared/import/parties';
import type { ExtractOptions, Proposal } from '#shared/import/proposal';
import { placeOf, type Paragraph } from '#shared/import/paragraph';
import { tokenIndexAt, tokensOf } from '#shared/import/tagger';
import { titleFrom } from '#shared/import/titles';

/** Lines of a plan that record what is done or only under thought, not an action to take. */
const NOT_AN_ACTION =
  /\b(?:Status\s*:|Note\s*:|completed|took\s+place|signed\s+in|in\s+force\s+since|entered\s+into\s+force|to\s+be\s+considered|no\s+decision|under\s+consideration|for\s+information)\b/i;
/** Parts of a line that say who or when, not what: "Responsible: …", "Timeline: …". */
const LABELLED_PART = /^(?:Responsible|Lead|Leads?|Owners?|Timeline|Timeframe|Deadline|Target|Budget|Indicators?|Partners?)\s*:/i;
/** Where a flattened table's cells meet: " — ", " – ", " | ". */
const CELL_BREAK = /\s+[—–]\s+|\s*\|\s*/g;
/** An action only thought about: "Consider opening …", "Study the feasibility of …". */
const ONLY_CONSIDERED = /^(?:Consider|Explore|Examine|Study|Assess|Look\s+into)\b(?:\s+(?:the\s+)?(?:possibility|feasibility|options?|whether|ways))?/i;

const ACTION_LINE_CUE = 'action-plan line';

/**
 * An action plan's line as a follow-up: "Action 4 — Ministry of Trade — by Q3 2027 — Conclude
 * negotiations on …", "2.3 Set up a desk | Responsible: … | Timeline: within 6 months", "• Hold
 * consultations (annually)". The act is the cell that starts with a verb in its bare form; the
 * other cells and any brackets give its date and cadence. Done, noted and merely considered lines
 * propose nothing.
 */
export function actionLine(paragraph: Paragraph, opts: ExtractOptions, lexicon: Lexicon): Proposal | undefined {
  const line = paragraph.text;
  if (NOT_AN_ACTION.test(line)) return undefined;
  const act = cells(line).find((cell) => !LABELLED_PART.test(cell.text) && imperativeAt(line, cell.start));
  if (!act || ONLY_CONSIDERED.test(act.text)) return undefined;
  const text = act.text.replace(/\s*\([^)]*\)\s*$/, '').replace(/[.;]$/, '');
  const cue: Cue = { index: act.start, text: ACTION_LINE_CUE, strong: true, action: act.start };
  const due = findDueDate(line, opts);
  // The cell's own date phrase leaves its title; a date in another cell is not in it to remove.
  const phrase = due && text.includes(due.phrase) ? due.phrase : undefined;
  return {
    title: titleFrom(text, cue, phrase),
    kind: classify(line, cue, actVerbAt(line, act.start), text, due?.due),
    parties: detectParties(line, opts.parties, lexicon),
    ...(due ? { due: due.due } : {}),
    sentence: line,
    ...placeOf(paragraph),
    cue: ACTION_LINE_CUE,
  };
}

function cells(line: string): { text: string; start: number }[] {
  const found: { text: string; start: number }[] = [];
  let from = 0;
  for (const m of [...line.matchAll(CELL_BREAK), undefined]) {
    const to = m ? m.index : line.length;
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) found.push({ text: raw.trim(), start: from + lead });
    if (m) from = m.index + m[0].length;
  }
  return found;
}

/** Whether a capitalised verb in its bare form starts at `offset`: "Conclude …", "Set up …", not "Visit of …". */
function imperativeAt(line: string, offset: number): boolean {
  const word = /^[A-Z][a-z]+(?:-[a-z]+)?/.exec(line.slice(offset))?.[0];
  if (!word) return false;
  const tokens = tokensOf(line);
  const i = tokenIndexAt(tokens, offset);
  if (/^(?:ADP|PART)$/.test(tokens[i + 1]?.pos ?? '') && /^(?:of|'s)$/i.test(tokens[i + 1]?.text ?? '')) return false;
  const bare = word.toLowerCase();
  const known = leadingVerb(line.slice(offset))?.base;
  if (known) return known.split(' ')[0] === bare;
  const t = tokens[i];
  return t !== undefined && t.pos === 'VERB' && (t.lemma === bare || t.lemma === bare.replace(/is(e)$/, 'iz$1'));
}
