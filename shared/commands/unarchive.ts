import { defineCommand, SLASH } from '#shared/commands/definition';
import { readId, type Cursor } from '#shared/commands/grammar';
import type { CommitmentId } from '#shared/domain/schemas';
import { spoken } from '#shared/i18n/translator';
import { renderChange } from '#shared/slack/render/change';
import { changeItem } from '#shared/use-cases/commitments';

/** `unarchive <ID>`: brings an archived item back into reports, digests and Home. */
export const unarchiveCommand = defineCommand({
  name: 'unarchive',
  words: ['unarchive'],
  usage: `${SLASH} unarchive <ID>`,
  examples: [`${SLASH} unarchive JK-4`],
  writes: true,
  need: 'write',
  read(c: Cursor): { id: CommitmentId } {
    const id = readId(c, 'unarchive');
    if (c.peek()) c.refuse(spoken('unarchive.onlyId'));
    return { id };
  },
  target: ({ id }) => ({ item: id }),
  run: ({ id }, { deps, caller }) => changeItem(deps, caller, id, { type: 'unarchive' }),
  render: (changed, _, { caller, t }) => ({ message: renderChange(changed, caller.now, t) }),
});
