import { defineCommand, SLASH } from '#shared/commands/definition';
import { preview, readId, readNote, type Cursor } from '#shared/commands/grammar';
import { spoken } from '#shared/i18n/translator';
import { LIMITS, STATUSES, type CommitmentId, type Status } from '#shared/domain/schemas';
import { readStatusWord } from '#shared/domain/status-words';
import { renderChange } from '#shared/slack/render/change';
import { changeItem } from '#shared/use-cases/commitments';

interface UpdateArgs {
  id: CommitmentId;
  status: Status;
  note?: string;
}

/** `update <ID> <status> ["note"]`: moves an item to a status. */
export const updateCommand = defineCommand({
  name: 'update',
  words: ['update'],
  usage: `${SLASH} update <ID> <${STATUSES.join('|')}> ["note"]`,
  examples: [`${SLASH} update JK-4 in-progress "committee date set"`],
  writes: true,
  need: 'write',
  read(c: Cursor): UpdateArgs {
    const id = readId(c, 'update');
    const status = readStatus(c);
    const note = readNote(c, LIMITS.noteChars);
    return note === undefined ? { id, status } : { id, status, note };
  },
  target: ({ id }) => ({ item: id }),
  run: ({ id, status, note }, { deps, caller }) => changeItem(deps, caller, id, { type: 'status', status, ...(note ? { note } : {}) }),
  render: (changed, _, { caller, t }) => ({ message: renderChange(changed, caller.now, t) }),
});

function readStatus(c: Cursor): Status {
  const first = c.peek();
  if (!first) c.refuse(spoken('update.needsStatus'));
  const second = c.peekSecond();
  // Two words first, so "in progress" (or "진행 중") is not read as "in" plus a note.
  const pair = second && !first.quoted && !second.quoted ? readStatusWord(`${first.text} ${second.text}`) : undefined;
  if (pair) {
    c.next();
    c.next();
    return pair;
  }
  const single = readStatusWord(first.text);
  if (!single) c.refuse(spoken('update.notStatus', { word: preview(first.text) }));
  c.next();
  return single;
}
