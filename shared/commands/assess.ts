import { defineCommand, SLASH } from '#shared/commands/definition';
import { expectEnd, preview, readId, readTextBeforeOptions, type Cursor, type Token } from '#shared/commands/grammar';
import { LIMITS, PartyCodeSchema, type CommitmentId, type ComplianceScore } from '#shared/domain/schemas';
import { spoken } from '#shared/i18n/translator';
import { renderChange } from '#shared/slack/render/change';
import { changeItem } from '#shared/use-cases/commitments';

interface AssessArgs {
  id: CommitmentId;
  party: string;
  score: ComplianceScore;
  note?: string;
  /** After `as of`: left as typed, since only the track knows the zone to read it in. */
  dateText?: string;
}

const SCORES: ReadonlyMap<string, ComplianceScore> = new Map([
  ['-1', -1],
  ['\u22121', -1],
  ['\u20131', -1],
  ['none', -1],
  ['not-complying', -1],
  ['0', 0],
  ['+0', 0],
  ['partial', 0],
  ['1', 1],
  ['+1', 1],
  ['full', 1],
]);

/** `assess <ID> <party> <score> ["note"]`: scores one party's compliance with an item. */
export const assessCommand = defineCommand({
  name: 'assess',
  words: ['assess'],
  usage: `${SLASH} assess <ID> <party> <-1|0|+1> [as of <date>] ["note"]  (−1 not complying, 0 partial, +1 full; as of a day since the item existed, before or after the note; today by default)`,
  examples: [`${SLASH} assess JK-4 JP +1 "Dialogue held in Tokyo"`, `${SLASH} assess JK-4 KR 0 as of 2026-03-31 "Interim report"`],
  writes: true,
  need: 'write',
  read: readAssess,
  target: ({ id }) => ({ item: id }),
  run: ({ id, party, score, note, dateText }, { deps, caller }) =>
    changeItem(deps, caller, id, { type: 'assess', party, score, ...(note ? { note } : {}), ...(dateText ? { dateText } : {}) }),
  render: (changed, _, { caller, t }) => ({ message: renderChange(changed, caller.now, t) }),
});

function readAssess(c: Cursor): AssessArgs {
  const id = readId(c, 'assess');
  const party = c.next()?.text.toUpperCase();
  if (!party || !PartyCodeSchema.safeParse(party).success) {
    c.refuse(spoken('assess.partyNeeded'));
  }
  const scoreToken = c.next();
  const score = scoreToken ? SCORES.get(scoreToken.text.toLowerCase()) : undefined;
  if (score === undefined) c.refuse(spoken('assess.notScore', { word: preview(scoreToken?.text ?? '') }));
  let dateText = readAsOf(c);
  const note = readTextBeforeOptions(c, 'note', LIMITS.noteChars, isAsOf);
  // `as of` may also follow a quoted note.
  if (!c.done) {
    if (dateText !== undefined) c.refuse(spoken('assess.asOfTwice'));
    dateText = readAsOf(c);
    expectEnd(c);
  }
  return { id, party, score, ...(note === undefined ? {} : { note }), ...(dateText === undefined ? {} : { dateText }) };
}

const isAsOf = (as: Token | undefined, of: Token | undefined): boolean => as?.quoted === false && as.text.toLowerCase() === 'as' && of?.quoted === false && of.text.toLowerCase() === 'of';

/** `as of <date>`, up to a quoted note (or after one): the day an assessment speaks for. */
function readAsOf(c: Cursor): string | undefined {
  if (!isAsOf(c.peek(), c.peekSecond())) return undefined;
  c.next();
  c.next();
  const dateText = c.textOf(c.takeWhile((token) => !token.quoted));
  if (dateText === undefined) c.refuse(spoken('assess.dateNeeded'));
  return dateText;
}
