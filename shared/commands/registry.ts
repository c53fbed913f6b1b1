import { addCommand } from '#shared/commands/add';
import { archiveCommand } from '#shared/commands/archive';
import { assessCommand } from '#shared/commands/assess';
import { checkInsCommand, setCheckInsCommand } from '#shared/commands/check-ins';
import {
  Handoff,
  OpenModal,
  type AnyCommandDefinition,
  type CommandAnswer,
  type CommandOf,
  type CommandOrigin,
  type CommandRegistry,
} from '#shared/commands/definition';
import { doneCommand } from '#shared/commands/done';
import { editCommand } from '#shared/commands/edit';
import { exportCommand } from '#shared/commands/export';
import { COMMAND_TEXT_CHARS, Cursor, isTrackSlug, preview, Refusal, refuse, suggestSlug, tokenize } from '#shared/commands/grammar';
import { helpCommand } from '#shared/commands/help';
import { historyCommand } from '#shared/commands/history';
import { importCommand } from '#shared/commands/import';
import { linkCommand } from '#shared/commands/link';
import { rolesCommand } from '#shared/commands/roles';
import { visibilityCommand } from '#shared/commands/visibility';
import { listTracksCommand } from '#shared/commands/list-tracks';
import { logCommand } from '#shared/commands/log';
import { managerCommand } from '#shared/commands/manager';
import { meCommand, meLanguageCommand, meSetCommand } from '#shared/commands/me';
import { noteCommand } from '#shared/commands/note';
import { reportCommand } from '#shared/commands/report';
import { setSettingsCommand, settingsCommand } from '#shared/commands/settings';
import { showCommand } from '#shared/commands/show';
import { subscribeCommand } from '#shared/commands/subscribe';
import { subscriptionsCommand } from '#shared/commands/subscriptions';
import { trackAddCommand } from '#shared/commands/track-add';
import { unarchiveCommand } from '#shared/commands/unarchive';
import { unlogCommand } from '#shared/commands/unlog';
import { unsubscribeCommand } from '#shared/commands/unsubscribe';
import { updateCommand } from '#shared/commands/update';
import { EN, spoken, translatorOf, type Translator } from '#shared/i18n/translator';
import type { Say } from '#shared/errors';
import { authorizeTarget, readCallerAndTarget, type Caller, type CallerInput, type Deps } from '#shared/use-cases/commitments';

/** Every subcommand of `/commitments`, in the order help lists them. */
export const COMMANDS = [
  listTracksCommand,
  helpCommand,
  reportCommand,
  showCommand,
  historyCommand,
  trackAddCommand,
  addCommand,
  updateCommand,
  noteCommand,
  doneCommand,
  editCommand,
  logCommand,
  unlogCommand,
  archiveCommand,
  unarchiveCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  meCommand,
  meSetCommand,
  meLanguageCommand,
  assessCommand,
  exportCommand,
  importCommand,
  rolesCommand,
  visibilityCommand,
  linkCommand,
  checkInsCommand,
  setCheckInsCommand,
  settingsCommand,
  setSettingsCommand,
  managerCommand,
] as const;

export type Command = CommandOf<(typeof COMMANDS)[number]>;

export type ParseResult =
  | { ok: true; command: Command; definition: AnyCommandDefinition }
  | { ok: false; error: string; usage: string; say?: Say | undefined };

/** Builds the lookups of a list of commands; a word or name given twice is a programming error. */
export function createRegistry(definitions: readonly AnyCommandDefinition[]): CommandRegistry {
  const byWord = new Map<string, AnyCommandDefinition>();
  const byName = new Map<string, AnyCommandDefinition>();
  for (const definition of definitions) {
    if (byName.has(definition.name)) throw new Error(`Two commands are named ${definition.name}.`);
    byName.set(definition.name, definition);
    for (const word of definition.words) {
      if (byWord.has(word)) throw new Error(`Two commands start with ${word}.`);
      byWord.set(word, definition);
    }
  }
  return { definitions, byWord: (word) => byWord.get(word), byName: (name) => byName.get(name) };
}

export const REGISTRY = createRegistry(COMMANDS);

const OVERVIEW = COMMANDS.map((definition) => definition.usage).join('\n');

/**
 * Reads the text of a `/commitments` command into a command, or says in one sentence what is
 * wrong with it and shows the right form. Never throws on any input.
 * 0. Refuse text past COMMAND_TEXT_CHARS unread.
 * 1. Split the text into words (refusing an unclosed quote with the form its first word names).
 * 2. Find the command its first word starts; nothing lists tracks, a bare track is its report.
 * 3. Let that command read the rest.
 */
export function parseCommand(text: string, registry: CommandRegistry = REGISTRY): ParseResult {
  if (text.length > COMMAND_TEXT_CHARS) {
    const { text: error, say } = spoken('parse.tooLong', { length: text.length, max: COMMAND_TEXT_CHARS });
    return { ok: false, error, say, usage: usageOfHead(text.slice(0, 100), registry) };
  }
  try {
    return readCommand(text, tokenize(text, usageOfHead(text, registry)), registry);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message, usage: error.usage, say: error.say };
    throw error;
  }
}

/** Which form to show for a refusal before the text is split into words. */
function usageOfHead(text: string, registry: CommandRegistry): string {
  const head = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return registry.byWord(head)?.usage ?? (isTrackSlug(head) ? reportCommand.usage : OVERVIEW);
}

function readCommand(text: string, tokens: ReturnType<typeof tokenize>, registry: CommandRegistry): ParseResult {
  const [head] = tokens;
  if (!head) return readWith(listTracksCommand, new Cursor(text, tokens, listTracksCommand.usage), undefined, registry);
  if (head.quoted) refuse(spoken('parse.quotedStart'), OVERVIEW);
  const word = head.text.toLowerCase();
  const definition = registry.byWord(word);
  if (definition) {
    const cursor = new Cursor(text, tokens, definition.usage);
    cursor.next();
    return readWith(definition, cursor, word, registry);
  }
  if (!isTrackSlug(word)) {
    const meant = suggestSlug(head.text);
    // A near miss of a slug gets the report's form, not every command's.
    if (meant) refuse(spoken('parse.notCommandDidYouMean', { word: preview(head.text), meant }), reportCommand.usage);
    refuse(spoken('parse.notCommand', { word: preview(word) }), OVERVIEW);
  }
  return readWith(reportCommand, new Cursor(text, tokens, reportCommand.usage), undefined, registry);
}

function readWith(definition: AnyCommandDefinition, cursor: Cursor, word: string | undefined, registry: CommandRegistry): ParseResult {
  const read = definition.read(cursor, { word, registry });
  const [chosen, args] = read instanceof Handoff ? [read.definition, read.args] : [definition, read];
  // Each definition's reader gives its own arguments, so the pair is one member of Command.
  return { ok: true, command: { type: chosen.name, ...args } as Command, definition: chosen };
}

/**
 * Carries out one parsed `/commitments` command for `caller` and renders the answer: the
 * access check its definition's `need` and `target` call for, the command's use case, then
 * its rendering, or the form the use case asks to open. A caller given by their ids is read
 * beside the target (see `readCallerAndTarget`), so a command pays one round trip to the table.
 */
export async function runCommand(
  deps: Deps,
  who: Caller | CallerInput,
  where: CommandOrigin,
  parsed: { command: Command; definition: AnyCommandDefinition },
  registry: CommandRegistry = REGISTRY,
): Promise<CommandAnswer> {
  const { definition } = parsed;
  const { type: _, ...args } = parsed.command;
  const target = definition.target?.(args);
  let t = EN;
  try {
    const { caller, read } = 'access' in who ? { caller: who, read: undefined } : await readCallerAndTarget(deps, who, target);
    t = await translatorOf(caller);
    const prefetched = await authorizeTarget(deps, { ...caller, prefetched: read }, definition.need, target);
    const context = { deps, caller, where, registry, t };
    const value = await definition.run(args, { ...context, caller: { ...caller, prefetched } });
    return value instanceof OpenModal ? { modal: value.view } : definition.render(value, args, context);
  } catch (error) {
    throw new CommandError(error, t);
  }
}

/** A command that failed, with the caller's language once their record was read (English before): its answer speaks it. */
export class CommandError extends Error {
  constructor(
    readonly error: unknown,
    readonly t: Translator,
  ) {
    super('the command failed', { cause: error });
  }
}
