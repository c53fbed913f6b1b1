import { defineCommand, SLASH } from '#shared/commands/definition';
import { checkLength, readId, type Cursor } from '#shared/commands/grammar';
import { LIMITS, type CommitmentId } from '#shared/domain/schemas';
import { renderChange } from '#shared/slack/render/change';
import { changeItem } from '#shared/use-cases/commitments';

/** `archive <ID> ["reason"]`: hides an item from reports (but `all`), digests and Home. */
export const archiveCommand = defineCommand({
  name: 'archive',
  words: ['archive'],
  usage: `${SLASH} archive <ID> ["reason"]`,
  examples: [`${SLASH} archive JK-4 "superseded by JK-9"`],
  writes: true,
  need: 'write',
  read(c: Cursor): { id: CommitmentId; reason?: string } {
    const id = readId(c, 'archive');
    const reason = checkLength(c, 'reason', c.textOf(c.rest()), LIMITS.noteChars);
    return reason === undefined ? { id } : { id, reason };
  },
  target: ({ id }) => ({ item: id }),
  run: ({ id, reason }, { deps, caller }) => changeItem(deps, caller, id, { type: 'archive', ...(reason ? { reason } : {}) }),
  render: (changed, _, { caller, t }) => ({ message: renderChange(changed, caller.now, t) }),
});
