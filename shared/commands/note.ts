import { defineCommand, SLASH } from '#shared/commands/definition';
import { readId, readNote, type Cursor } from '#shared/commands/grammar';
import { spoken } from '#shared/i18n/translator';
import { LIMITS, type CommitmentId } from '#shared/domain/schemas';
import { renderChange } from '#shared/slack/render/change';
import { changeItem } from '#shared/use-cases/commitments';

/** `note <ID> <text>`: adds a note to an item. */
export const noteCommand = defineCommand({
  name: 'note',
  words: ['note'],
  usage: `${SLASH} note <ID> <text>`,
  examples: [`${SLASH} note JK-4 "Draft shared with the MOFA desk"`],
  writes: true,
  need: 'write',
  read(c: Cursor): { id: CommitmentId; text: string } {
    const id = readId(c, 'note');
    const text = readNote(c, LIMITS.noteChars);
    if (text === undefined) c.refuse(spoken('note.needsText'));
    return { id, text };
  },
  target: ({ id }) => ({ item: id }),
  run: ({ id, text }, { deps, caller }) => changeItem(deps, caller, id, { type: 'note', text }),
  render: (changed, _, { caller, t }) => ({ message: renderChange(changed, caller.now, t) }),
});
