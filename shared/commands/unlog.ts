import { defineCommand, SLASH } from '#shared/commands/definition';
import { readId, type Cursor } from '#shared/commands/grammar';
import type { CommitmentId } from '#shared/domain/schemas';
import { spoken } from '#shared/i18n/translator';
import { renderChange } from '#shared/slack/render/change';
import { changeItem } from '#shared/use-cases/commitments';

/** `unlog <ID> <date>`: removes an occurrence logged by mistake. */
export const unlogCommand = defineCommand({
  name: 'unlog',
  words: ['unlog'],
  usage: `${SLASH} unlog <ID> <date>`,
  examples: [`${SLASH} unlog JK-1 2026-01-13`],
  writes: true,
  need: 'write',
  read(c: Cursor): { id: CommitmentId; dateText: string } {
    const id = readId(c, 'unlog');
    // Left as typed: only the track knows the time zone to read it in.
    const dateText = c.textOf(c.rest());
    if (dateText === undefined) c.refuse(spoken('unlog.dateNeeded'));
    return { id, dateText };
  },
  target: ({ id }) => ({ item: id }),
  run: ({ id, dateText }, { deps, caller }) => changeItem(deps, caller, id, { type: 'unlog', dateText }),
  render: (changed, _, { caller, t }) => ({ message: renderChange(changed, caller.now, t) }),
});
