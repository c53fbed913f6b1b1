import { defineCommand, SLASH, type ReadContext } from '#shared/commands/definition';
import type { Cursor } from '#shared/commands/grammar';
import { listTracksCommand } from '#shared/commands/list-tracks';
import { renderHelp } from '#shared/slack/render/help';

interface HelpArgs {
  /** The name of the command asked about; none for every command. */
  topic?: string;
}

/** `help [command]`: every command's form with examples, or one command's form. */
export const helpCommand = defineCommand({
  name: 'help',
  words: ['help', '?'],
  usage: `${SLASH} help [command]`,
  examples: [`${SLASH} help add`],
  writes: false,
  need: 'read',
  read: readHelp,
  run: async ({ topic }, { registry }) => ({ commands: registry.definitions, topic: topic === undefined ? undefined : registry.byName(topic) }),
  render: ({ commands, topic }) => ({ message: renderHelp(commands, topic) }),
});

/** Anything after the topic is ignored: "help me please" still helps. */
function readHelp(c: Cursor, { registry }: ReadContext): HelpArgs {
  const word = c.peekWord() ?? '';
  // `list` alone lists tracks, though `list <track>` is a report.
  const topic = word === 'list' ? listTracksCommand : (registry.byWord(word) ?? registry.byName(word));
  return topic ? { topic: topic.name } : {};
}
