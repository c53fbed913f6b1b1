import { readOwners } from '#shared/commands/add';
import { defineCommand, SLASH } from '#shared/commands/definition';
import { checkLength, preview, readId, readTextBeforeOptions, type Cursor, type Token } from '#shared/commands/grammar';
import { OWNERS_PER_ITEM, PARTIES_PER_LIST } from '#shared/domain/bounds';
import { LIMITS, PartyCodeSchema, type CommitmentId } from '#shared/domain/schemas';
import { spoken } from '#shared/i18n/translator';
import { renderChange } from '#shared/slack/render/change';
import { changeItem, type ItemEdit } from '#shared/use-cases/commitments';

interface EditArgs {
  id: CommitmentId;
  edit: ItemEdit;
}

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
  render: (changed, _, { caller, t }) => ({ message: renderChange(changed, caller.now, t) }),
});

function readEdit(c: Cursor): EditArgs {
  const id = readId(c, 'edit');
  const word = c.peekWord();
  if (!word) c.refuse(spoken('edit.needsField'));
  c.next();
  switch (word) {
    case 'due':
    case 'date': {
      const dueText = c.textOf(c.takeWhile((t) => !t.quoted));
      if (!dueText) c.refuse(spoken('edit.dueNeedsDate'));
      return { id, edit: { type: 'edit', dueText, ...reason(c) } };
    }
    case 'owner':
    case 'owners': {
      const owners = readOwners(c, c.rest());
      if (owners.length === 0) c.refuse(spoken('add.ownerNeedsPerson', { word: 'owner' }));
      if (owners.length > OWNERS_PER_ITEM) c.refuse(spoken('add.tooManyOwners', { max: OWNERS_PER_ITEM, given: owners.length }));
      return { id, edit: { type: 'edit', owners } };
    }
    case 'title': {
      const first = c.peek();
      const tokens: Token[] = first?.quoted ? [first] : c.takeWhile((t) => !t.quoted);
      if (first?.quoted) c.next();
      const title = checkLength(c, 'title', c.textOf(tokens), LIMITS.titleChars);
      if (!title) c.refuse(spoken('edit.titleNeeded'));
      return { id, edit: { type: 'edit', title, ...reason(c) } };
    }
    case 'parties':
    case 'party': {
      const parties = c
        .takeWhile((t) => !t.quoted)
        .flatMap((t) => t.text.split(','))
        .map((p) => p.trim().toUpperCase())
        .filter(Boolean);
      if (parties.length === 0) c.refuse(spoken('trackAdd.partiesNeeded'));
      const distinct = new Set(parties).size;
      if (distinct > PARTIES_PER_LIST) c.refuse(spoken('edit.tooManyParties', { max: PARTIES_PER_LIST, given: distinct }));
      const wrong = parties.find((p) => !PartyCodeSchema.safeParse(p).success);
      if (wrong) c.refuse(spoken('edit.notPartyCode', { word: preview(wrong) }));
      return { id, edit: { type: 'edit', parties, ...reason(c) } };
    }
    default:
      return c.refuse(spoken('edit.notField', { word: preview(word) }));
  }
}

/** Fields that may not follow a reason ("due" may: "… postponed" due to the election). */
const FIELD_WORDS = new Set(['owner', 'owners', 'title', 'parties', 'party']);

/** The reason ends the command: a field after a quoted reason is refused, since edit changes one at a time. */
function reason(c: Cursor): { reason?: string } {
  const first = c.peek();
  const text = readTextBeforeOptions(c, 'reason', LIMITS.noteChars, (t) => !t.quoted && FIELD_WORDS.has(t.text.toLowerCase()));
  if (!c.done && first) c.refuse(spoken('edit.afterReason', { reason: preview(first.text) }));
  return text === undefined ? {} : { reason: text };
}
