import { defineCommand, SLASH } from '#shared/commands/definition';
import { checkLength, expectEnd, readId, readTextBeforeOptions, type Cursor } from '#shared/commands/grammar';
import { OccurrenceSchema, type CommitmentId } from '#shared/domain/schemas';
import { spoken } from '#shared/i18n/translator';
import { renderChange } from '#shared/slack/render/change';
import { changeItem } from '#shared/use-cases/commitments';

interface LogArgs {
  id: CommitmentId;
  /** Left as typed: only the track knows the time zone to resolve it in. */
  dateText: string;
  place?: string;
  text?: string;
}

const PLACE_KEYWORDS = new Set(['at', 'in']);
/** Dates of one word, after which `log` may take the place without `at`. */
const ONE_WORD_DATE =
  /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}(\/\d{2,4})?|today|yesterday|tomorrow|(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?)$/;
const PLACE_CHARS = OccurrenceSchema.shape.place.unwrap().maxLength ?? 100;
const OCCURRENCE_TEXT_CHARS = OccurrenceSchema.shape.text.unwrap().maxLength ?? 500;

/** `log <ID> <date> [at <place>] ["what happened"]`: an occurrence of a recurring item. */
export const logCommand = defineCommand({
  name: 'log',
  words: ['log'],
  usage:
    `${SLASH} log <ID> <date> [at|in <place>] ["what happened"]  ` +
    `(the date is the words before at, in or a quote; a one-word date such as 2026-01-13 or today may be followed by the place; at <place> may also follow the quote)`,
  examples: [`${SLASH} log JK-1 today at Andong "Summit in President Lee’s hometown"`],
  writes: true,
  need: 'write',
  read: readLog,
  target: ({ id }) => ({ item: id }),
  run: ({ id, dateText, place, text }, { deps, caller }) =>
    changeItem(deps, caller, id, { type: 'log', dateText, ...(place ? { place } : {}), ...(text ? { text } : {}) }),
  render: (changed, _, { caller, t }) => ({ message: renderChange(changed, caller.now, t) }),
});

/** `at <place>` (or `in`), or after a one-word date the place alone: the words up to a quote. */
function readPlace(c: Cursor): string | undefined {
  const keyword = c.peekWord();
  const introduced = keyword !== undefined && PLACE_KEYWORDS.has(keyword);
  if (introduced) c.next();
  const place = checkLength(c, 'place', c.textOf(c.takeWhile((token) => !token.quoted)), PLACE_CHARS);
  if (introduced && place === undefined) c.refuse(spoken('log.placeNeeded', { keyword }));
  return place;
}

function readLog(c: Cursor): LogArgs {
  const id = readId(c, 'log');
  const first = c.peek();
  const oneWord = first !== undefined && !first.quoted && ONE_WORD_DATE.test(first.text.toLowerCase());
  const dateTokens = oneWord
    ? c.takeWhile((token) => token === first)
    : c.takeWhile((token) => !token.quoted && !PLACE_KEYWORDS.has(token.text.toLowerCase()));
  const dateText = c.textOf(dateTokens);
  if (dateText === undefined) c.refuse(spoken('log.dateNeeded'));
  let place = readPlace(c);
  const text = readTextBeforeOptions(c, 'text', OCCURRENCE_TEXT_CHARS, (t) => !t.quoted && PLACE_KEYWORDS.has(t.text.toLowerCase()));
  // `at <place>` may also follow a quoted text.
  if (!c.done) {
    if (place !== undefined) c.refuse(spoken('log.placeTwice'));
    place = readPlace(c);
    expectEnd(c);
  }
  const args: LogArgs = { id, dateText };
  if (place) args.place = place;
  if (text) args.text = text;
  return args;
}
