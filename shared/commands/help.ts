import { defineCommand, SLASH, type ReadContext } from '#shared/commands/definition';
import { preview, type Cursor } from '#shared/commands/grammar';
import { listTracksCommand } from '#shared/commands/list-tracks';
import { renderHelp } from '#shared/slack/render/help';
import { spoken } from '#shared/i18n/translator';

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
  render: ({ commands, topic }, _, { t }) => ({ message: renderHelp(commands, topic, t) }),
});

/** Anything after the topic is ignored: "help update please" helps with update. */
function readHelp(c: Cursor, { registry }: ReadContext): HelpArgs {
  const word = c.peekWord();
  if (word === undefined) return {};
  // `list` alone lists tracks, though `list <track>` is a report.
  const topic = word === 'list' ? listTracksCommand : (registry.byWord(word) ?? registry.byName(word));
  if (!topic) c.refuse(spoken('help.noTopic', { word: preview(word), topics: helpTopics(registry).join(', ') }));
  return { topic: topic.name };
}

/** Each command's first word, as people type it after help. */
function helpTopics(registry: ReadContext['registry']): string[] {
  return registry.definitions.map((definition) => definition.words[0] ?? definition.name).filter((word) => word !== 'help');
}
