import { defineCommand, SLASH } from '#shared/commands/definition';
import { expectEnd, readId, type Cursor } from '#shared/commands/grammar';
import type { CommitmentId } from '#shared/domain/schemas';
import { renderCommitment } from '#shared/slack/render/commitment';
import { getHistory } from '#shared/use-cases/commitments';

/** `history <ID>`: one item with every change made to it. */
export const historyCommand = defineCommand({
  name: 'history',
  words: ['history'],
  usage: `${SLASH} history <ID>`,
  examples: [`${SLASH} history JK-4`],
  writes: false,
  need: 'read',
  read(c: Cursor): { id: CommitmentId } {
    const id = readId(c, 'history');
    expectEnd(c);
    return { id };
  },
  target: ({ id }) => ({ item: id }),
  run: ({ id }, { deps, caller }) => getHistory(deps, caller, id),
  render: ({ item, track, history, readOnly }, _, { caller, t }) => ({ message: renderCommitment(item, track, caller.now, { history, readOnly }, t) }),
});
