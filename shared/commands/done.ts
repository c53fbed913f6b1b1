import { defineCommand, SLASH } from '#shared/commands/definition';
import { readId, readNote, type Cursor } from '#shared/commands/grammar';
import { LIMITS, type CommitmentId } from '#shared/domain/schemas';
import { renderChange } from '#shared/slack/render/change';
import { changeItem } from '#shared/use-cases/commitments';

/** `done <ID> ["note"]`: marks an item done. */
export const doneCommand = defineCommand({
  name: 'done',
  words: ['done'],
  usage: `${SLASH} done <ID> ["note"]`,
  examples: [`${SLASH} done JK-4 "Signed in Seoul"`],
  writes: true,
  need: 'write',
  read(c: Cursor): { id: CommitmentId; note?: string } {
    const id = readId(c, 'done');
    const note = readNote(c, LIMITS.noteChars);
    return note === undefined ? { id } : { id, note };
  },
  target: ({ id }) => ({ item: id }),
  run: ({ id, note }, { deps, caller }) => changeItem(deps, caller, id, { type: 'status', status: 'done', ...(note ? { note } : {}) }),
  render: (changed, _, { caller, t }) => ({ message: renderChange(changed, caller.now, t) }),
});
