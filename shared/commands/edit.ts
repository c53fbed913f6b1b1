import { readOwners } from '#shared/commands/add';
import { defineCommand, SLASH } from '#shared/commands/definition';
import { checkLength, preview, readId, readTextBeforeOptions, type Cursor, type Token } from '#shared/commands/grammar';
import { OWNERS_PER_ITEM, PARTIES_PER_LIST } from '#shared/domain/bounds';
import { LIMITS, PartyCodeSchema, type CommitmentId } from '#shared/domain/schemas';
import { renderChange } from '#shared/slack/render/change';
import { changeItem, type ItemEdit } from '#shared/use-cases/commitments';

interface EditArgs {
  id: CommitmentId;
  edit: ItemEdit;
}

const FIELDS = 'due, owner, title or parties';

/** `edit <ID> due|owner|title|parties …`: reschedules (with a reason), reassigns, retitles or re-scopes an item. */
export const editCommand = defineCommand({
  name: 'edit',
  words: ['edit'],
  usage: `${SLASH} edit <ID> due <date> ["reason"] | owner @user, "Name" | title "New title" ["reason"] | parties JP,KR ["reason"]`,
  examples: [`${SLASH} edit JK-4 due 2026-06-30 "postponed to after the election"`, `${SLASH} edit JK-4 owner @maria`],
  writes: true,
  need: 'write',
  read: readEdit,
  target: ({ id }) => ({ item: id }),
  run: ({ id, edit }, { deps, caller }) => changeItem(deps, caller, id, edit),
  render: (changed, _, { caller }) => ({ message: renderChange(changed, caller.now) }),
});

function readEdit(c: Cursor): EditArgs {
  const id = readId(c, 'edit');
  const word = c.peekWord();
  if (!word) c.refuse(`edit needs a field after the id: ${FIELDS}.`);
  c.next();
  switch (word) {
    case 'due':
    case 'date': {
      const dueText = c.textOf(c.takeWhile((t) => !t.quoted));
      if (!dueText) c.refuse('due needs a date, such as 2026-06-30 or end of june.');
      return { id, edit: { type: 'edit', dueText, ...reason(c) } };
    }
    case 'owner':
    case 'owners': {
      const owners = readOwners(c, c.rest());
      if (owners.length === 0) c.refuse('owner needs a person, such as @maria or "Foreign Ministry".');
      if (owners.length > OWNERS_PER_ITEM) c.refuse(`An item can have at most ${OWNERS_PER_ITEM} owners; you gave ${owners.length}.`);
      return { id, edit: { type: 'edit', owners } };
    }
    case 'title': {
      const first = c.peek();
      const tokens: Token[] = first?.quoted ? [first] : c.takeWhile((t) => !t.quoted);
      if (first?.quoted) c.next();
      const title = checkLength(c, 'title', c.textOf(tokens), LIMITS.titleChars);
      if (!title) c.refuse('title needs the new title, such as "Convene the AI committee".');
      return { id, edit: { type: 'edit', title, ...reason(c) } };
    }
    case 'parties':
    case 'party': {
      const parties = c
        .takeWhile((t) => !t.quoted)
        .flatMap((t) => t.text.split(','))
        .map((p) => p.trim().toUpperCase())
        .filter(Boolean);
      if (parties.length === 0) c.refuse('parties needs party codes, such as JP,KR.');
      const distinct = new Set(parties).size;
      if (distinct > PARTIES_PER_LIST) c.refuse(`An item can name at most ${PARTIES_PER_LIST} parties; you gave ${distinct}.`);
      const wrong = parties.find((p) => !PartyCodeSchema.safeParse(p).success);
      if (wrong) c.refuse(`“${preview(wrong)}” is not a party code; codes look like JP.`);
      return { id, edit: { type: 'edit', parties, ...reason(c) } };
    }
    default:
      return c.refuse(`“${preview(word)}” is not a field edit can change; use ${FIELDS}.`);
  }
}

/** Fields that may not follow a reason ("due" may: "… postponed" due to the election). */
const FIELD_WORDS = new Set(['owner', 'owners', 'title', 'parties', 'party']);

/** The reason ends the command: a field after a quoted reason is refused, since edit changes one at a time. */
function reason(c: Cursor): { reason?: string } {
  const first = c.peek();
  const text = readTextBeforeOptions(c, 'reason', LIMITS.noteChars, (t) => !t.quoted && FIELD_WORDS.has(t.text.toLowerCase()));
  if (!c.done && first) c.refuse(`Nothing more was expected after the reason “${preview(first.text)}”; edit changes one field at a time.`);
  return text === undefined ? {} : { reason: text };
}
