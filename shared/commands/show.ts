import { defineCommand, SLASH } from '#shared/commands/definition';
import { expectEnd, readId, type Cursor } from '#shared/commands/grammar';
import type { CommitmentId } from '#shared/domain/schemas';
import { renderCommitment } from '#shared/slack/render/commitment';
import { getItem } from '#shared/use-cases/commitments';

/** `show <ID>`: one item with its notes. */
export const showCommand = defineCommand({
  name: 'show',
  words: ['show'],
  usage: `${SLASH} show <ID>`,
  examples: [`${SLASH} show JK-4`],
  writes: false,
  need: 'read',
  read(c: Cursor): { id: CommitmentId } {
    const id = readId(c, 'show');
    expectEnd(c);
    return { id };
  },
  target: ({ id }) => ({ item: id }),
  run: ({ id }, { deps, caller }) => getItem(deps, caller, id, 'read'),
  render: ({ item, track, readOnly }, _, { caller, t }) => ({ message: renderCommitment(item, track, caller.now, { readOnly }, t) }),
});
