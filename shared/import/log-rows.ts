import { DEFAULT_UPDATE_EVERY_DAYS, type KindDraft } from '#shared/domain/kind';
import { LIMITS } from '#shared/domain/schemas';
import { actVerbAt, classify } from '#shared/import/acts';
import type { Cue } from '#shared/import/clauses';
import { findDueDate } from '#shared/import/due-date';
import { CONTINUING_VERBS, findRecurrence } from '#shared/import/lexicon';
import { detectParties, mentions, type PartyLexicon } from '#shared/import/parties';
import type { ExtractOptions, Proposal } from '#shared/import/proposal';
import { placeOf, type Paragraph } from '#shared/import/paragraph';
import { titleFrom } from '#shared/import/titles';

/**
 * Rows of minutes kept as an action log, with their fields in any order and punctuation:
 * "3. | Action: Draft X | Lead: Ministry of Energy | Due: 31 Jan 2027 | Status: open", or
 * "Owner — action — date — status" lines. An open row is a follow-up whatever its action's form
 * (a bare imperative or a noun phrase): the owner field names its parties, the deadline field its
 * due date or cadence, the status whether it still stands.
 */

/** Words that set an agreed act aside: a row with such a status, or a "Next steps" item saying so, proposes nothing. */
export const SET_ASIDE_WORDS = String.raw`deferred|postponed|cancell?ed|suspended|shelved|dropped|withdrawn|superseded|on\s+hold|not\s+agreed`;
/** Statuses of a row that no longer stands or was never agreed: it proposes nothing. */
const CLOSED_WORDS = String.raw`done|completed?|closed|finished|achieved|delivered|${SET_ASIDE_WORDS}|to\s+be\s+considered|under\s+consideration|for\s+consideration`;
const CLOSED = new RegExp(String.raw`^(?:${CLOSED_WORDS})\b`, 'i');
/** Statuses of a row still to do, or going on. */
const OPEN_WORDS = String.raw`open|new|pending|agreed|planned|scheduled|to\s+do|not\s+started|in\s+progress|under\s*way|ongoing|on-going|continuing|continuous|rolling|active`;
/** An unlabelled status cell: the status alone, or a closed one with its reason ("deferred to May"). */
const STATUS_CELL = new RegExp(String.raw`^(?:(?:${OPEN_WORDS})\.?|(?:${CLOSED_WORDS})(?:\s.{0,60})?)$`, 'i');
const GOING_ON = /^(?:ongoing|on-going|continuing|continuous|rolling|standing)\b/i;
/** Deadline fields that are a cadence: "annually", "monthly", "before each session". */
const CADENCE = /^(?:annually|yearly|monthly|quarterly|weekly|every\b|each\b|before\s+each\b|at\s+each\b|twice\s+a\b|once\s+a\b|per\s+(?:year|month)\b)/i;

const FIELD = {
  action: /^(?:Action|Task|Item|Activity|Follow-up)\s*:\s*/i,
  owner: /^(?:Lead|Leads|Owner|Owners|Responsible|By\s+whom|Who|Focal\s+point)\s*:\s*/i,
  due: /^(?:Due|Deadline|Date|Target|Target\s+date|Timeline|Timeframe|By\s+when|When)\s*:\s*/i,
  status: /^(?:Status|State|Progress)\s*:\s*/i,
};

/** Where a row's cells meet: " | ", " — ", " – ", and "; " between labelled fields. */
const CELL_BREAK = /\s*\|\s*|\s+[—–]\s+|;\s+/g;
const UNLABELLED_BREAK = /\s*\|\s*|\s+[—–]\s+/g;
/** A field's label where a cell starts. */
const FIELD_LABEL = /(?:^|[|;—–]\s*)(?:Action|Task|Lead|Owners?|Responsible|Due|Deadline|Target(?:\s+date)?|Status)\s*:/gi;

/** Whether a line of text is such a row, for the paragraph splitter to keep it on its own. */
export function looksLikeLogRow(line: string): boolean {
  if ((line.match(/\|/g)?.length ?? 0) >= 2 || (line.match(FIELD_LABEL)?.length ?? 0) >= 2) return true;
  const cells = line.split(/\s+[—–]\s+/);
  return cells.length >= 3 && STATUS_CELL.test(cells.at(-1)!.trim());
}

interface Row {
  action: { text: string; start: number };
  owner?: string;
  due?: string;
  status?: string;
}

/** The row's fields: labelled ones by their labels, unlabelled ones by their form. */
function cellsOf(line: string, breaks: RegExp): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  let from = 0;
  for (const m of [...line.matchAll(breaks), undefined]) {
    const to = m ? m.index : line.length;
    // "Item 4: …", "A2 …": the row's number, in its first cell, is no field.
    const cell = from > 0 ? line.slice(from, to) : line.slice(from, to).replace(/^\s*(?:Item\s+)?[A-Z]?\d{1,3}[.:)]?(?=\s|$)/i, (n) => ' '.repeat(n.length));
    // "Deadline: — — Status: cancelled": the dash left of an empty cell is no part of the next one.
    const raw = cell.replace(/^(\s*)[—–-](?=\s)/, '$1 ');
    if (raw.trim()) cells.push({ text: raw.trim(), start: from + raw.length - raw.trimStart().length });
    if (m) from = m.index + m[0].length;
  }
  return cells;
}

function rowOf(line: string, lexicon: PartyLexicon, agencies: ReadonlyMap<string, string>): Row | undefined {
  const cells = cellsOf(line, CELL_BREAK);
  if (cells.length < 3) return undefined;
  const row: Partial<Row> = {};
  const rest: { text: string; start: number }[] = [];
  let labelled = 0;
  for (const cell of cells) {
    const field = (Object.keys(FIELD) as (keyof typeof FIELD)[]).find((f) => FIELD[f].test(cell.text));
    if (!field) {
      rest.push(cell);
      continue;
    }
    labelled += 1;
    const label = FIELD[field].exec(cell.text)![0];
    if (field === 'action') row.action = { text: cell.text.slice(label.length), start: cell.start + label.length };
    else row[field] = cell.text.slice(label.length);
  }
  if (labelled >= 2) return row.action ? (row as Row) : undefined;
  // "Owner — action — date — status" in any order: the status is a cell of its own, the date a
  // date or cadence, the action the cell that starts with a verb, else the one naming no party.
  const unlabelled = cellsOf(line, UNLABELLED_BREAK);
  const status = unlabelled.findLast((cell) => STATUS_CELL.test(cell.text));
  if (!status) return undefined;
  const others = unlabelled.filter((cell) => cell !== status);
  const date = others.find((cell) => CADENCE.test(cell.text) || DATE_CELL.test(cell.text));
  const left = others.filter((cell) => cell !== date);
  if (left.length !== 2) return undefined;
  const [a, b] = left as [{ text: string; start: number }, { text: string; start: number }];
  const verb = (cell: { start: number }) => actVerbAt(line, cell.start) !== undefined;
  const names = (cell: { text: string }) => ownerNames(cell.text, lexicon, agencies);
  const actionFirst = verb(a) !== verb(b) ? verb(a) : names(a) !== names(b) ? names(b) : false;
  const [owner, action] = actionFirst ? [b, a] : [a, b];
  return { action, owner: owner.text, status: status.text, ...(date ? { due: date.text } : {}) };
}

/** A deadline cell: a date, a period, a cadence or "continuous". */
const DATE_CELL = /^(?:by|before|within|until|no\s+later\s+than|end|early|mid|late|Q[1-4]|spring|summer|autumn|fall|winter|continuous|continuing|ongoing|on-going|rolling|standing|n\/a|tb[cd]\b|next|this|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)/i;

/** Whether a cell names who acts: a party, an agency the text named, or "both" / "all". */
function ownerNames(text: string, lexicon: PartyLexicon, agencies: ReadonlyMap<string, string>): boolean {
  return /^(?:both|all|each|joint)\b/i.test(text) || text.split(/[\s/,&+]+/).some((w) => agencies.has(w)) || mentions(text, lexicon).some((m) => m.party);
}

const LOG_ROW_CUE = 'action-log row';

/**
 * The follow-up of an action log's row, or undefined when the line is no row or its status says
 * it is done, deferred or only under consideration. `agenciesOf` gives a map of an agency's short name
 * ("NRCan") to the party it belongs to, as the text introduced it.
 */
export function logRow(paragraph: Paragraph, opts: ExtractOptions, lexicon: PartyLexicon, agenciesOf: () => ReadonlyMap<string, string>): Proposal | 'closed' | undefined {
  const line = paragraph.text;
  // Most paragraphs are prose: only a line with fields is read as a row (and the text's agencies read then, once).
  if (!looksLikeLogRow(line)) return undefined;
  const agencies = agenciesOf();
  const row = rowOf(line, lexicon, agencies);
  if (!row) return undefined;
  const status = (row.status ?? '').trim();
  if (CLOSED.test(status) || /\b(?:to\s+be\s+considered|under\s+consideration)\b/i.test(line)) return 'closed';
  const text = row.action.text.replace(/[.;]$/, '').trim();
  if (!/[\p{L}]/u.test(text)) return undefined;
  const deadline = (row.due ?? '').trim();
  const due = deadline && !CADENCE.test(deadline) ? findDueDate(deadline, opts) : undefined;
  const cue: Cue = { index: row.action.start, text: LOG_ROW_CUE, strong: true, action: row.action.start };
  const recurrence = CADENCE.test(deadline) ? (findRecurrence(deadline) ?? {}) : findRecurrence(text);
  let kind: KindDraft;
  if (recurrence) kind = { type: 'recurring', ...recurrence };
  else if (GOING_ON.test(status) || GOING_ON.test(deadline)) kind = { type: 'ongoing', updateEveryDays: DEFAULT_UPDATE_EVERY_DAYS };
  else {
    // "Training course for …" is a noun phrase, not the verb "train".
    const verb = /^\p{L}+ing\b/u.test(text) ? undefined : actVerbAt(line, row.action.start);
    kind = verb ? classify(text, cue, verb, text, due?.due) : due ? { type: 'one-off', due: due.due } : { type: 'one-off' };
    // "Share the manual | Due: 15 Jan": a row's deadline makes its act one-off unless it says it goes on.
    if (kind.type === 'ongoing' && due && !CONTINUING_VERBS.has(verb?.base ?? '')) kind = { type: 'one-off', due: due.due };
  }
  return {
    title: /^\p{L}+ing\b/u.test(text) ? nounTitle(text) : titleFrom(text, cue, undefined),
    kind,
    parties: ownerParties(row.owner, opts, lexicon, agencies),
    ...(due ? { due: due.due } : {}),
    sentence: line,
    ...placeOf(paragraph),
    cue: LOG_ROW_CUE,
  };
}

/** A noun-phrase action as it stands, capitalised and within the title's length. */
function nounTitle(text: string): string {
  const cut = text.length > LIMITS.titleChars ? `${text.slice(0, LIMITS.titleChars - 1).replace(/\s+\S*$/, '')}…` : text;
  return cut.charAt(0).toUpperCase() + cut.slice(1);
}

/** The parties an owner field names: agencies by their short names, else as any subject does. */
function ownerParties(owner: string | undefined, opts: ExtractOptions, lexicon: PartyLexicon, agencies: ReadonlyMap<string, string>): string[] {
  if (!owner) return opts.parties.map((p) => p.code);
  const named = new Set<string>();
  for (const word of owner.split(/[\s/,&+]+/)) {
    const code = agencies.get(word.replace(/[^\p{L}\p{N}-]/gu, ''));
    if (code) named.add(code);
  }
  if (named.size && !/\b(?:both|all|joint)\b/i.test(owner)) {
    for (const m of mentions(owner, lexicon)) if (m.party) named.add(m.code);
    return opts.parties.map((p) => p.code).filter((code) => named.has(code));
  }
  return detectParties(owner, opts.parties, lexicon, owner);
}

const ORGANISATION =
  /\b(?:Ministry|Commission|Agency|Survey|Service|Office|Institute|Council|Authority|Department|Bureau|Corporation|Centre|Center|Board|Committee|Bank|Fund|Administration|Directorate|Secretariat|Inspectorate|Organi[sz]ation|Foundation|Association|Chamber|Guard)\b/;

/**
 * Short names the text gives a party's agencies: "Natural Resources Canada (NRCan, co-chair)",
 * "the Ministry of Energy of Ghana (MoE)". Read once over the whole text, in one pass; the spaces
 * around the bracket are bounded, as an unbounded run would be rescanned from every start before it.
 */
export function agencyNames(text: string, lexicon: PartyLexicon): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/([^();:.\n]{3,120}?)\s{0,3}\(\s{0,3}(\p{Lu}\p{L}{1,11})(?!\p{L})(\s{0,3}[),])?/gu)) {
    // "NRCan", "MinMinería"; a word of one capital ("Cochilco") only when it closes the brackets after an organisation's name.
    if (!/\p{Lu}\p{Ll}*\p{Lu}/u.test(m[2]!) && !(m[3] && ORGANISATION.test(m[1]!))) continue;
    const party = mentions(m[1]!, lexicon).findLast((mention) => mention.party);
    if (party && !found.has(m[2]!)) found.set(m[2]!, party.code);
  }
  return found;
}
