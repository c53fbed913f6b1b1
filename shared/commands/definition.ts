import type { types } from '@slack/bolt';
import type { Translator } from '#shared/i18n/translator';
import type { Cursor } from '#shared/commands/grammar';
import { SLACK_APP } from '#shared/slack-app/definitions';
import type { SlackMessage } from '#shared/slack/render/format';
import type { ModalOrigin } from '#shared/slack/render/modals';
import type { CommandNeed } from '#shared/domain/access';
import type { Locale } from '#shared/domain/locale';
import type { TrackSlug } from '#shared/domain/schemas';
import type { Caller, CommandTarget, Deps } from '#shared/use-cases/commitments';

export type CommandAnswer =
  | {
      message: SlackMessage;
      /** Post in the channel for everyone rather than to the person alone. */
      share?: boolean;
    }
  /** A form to open instead: the command gave too little, or asks for one. */
  | { modal: types.ModalView };

/** Where the command was typed, and what may follow its answer. */
export interface CommandOrigin {
  channelId: string;
  responseUrl?: string;
  /** Sends a track's briefing files once the answer is out, dated `askedAt`, in the asker's language; absent where nothing can send files. */
  sendBriefing?: (track: TrackSlug, askedAt: Date, locale: Locale) => void;
}

/** What a command runs with: the store, who asks, where, and the other commands (for help). */
export interface CommandContext {
  deps: Deps;
  caller: Caller;
  where: CommandOrigin;
  registry: CommandRegistry;
  /** The caller's language: the surfaces converted so far (docs/i18n.md) speak it. */
  t: Translator;
}

export interface ReadContext {
  /** The command word as typed, in lower case; undefined when a bare track asks for its report. */
  word: string | undefined;
  registry: CommandRegistry;
}

/**
 * One subcommand of `/commitments`: its words, its form, whether it writes, how it reads its
 * arguments, what it runs and how the result reads in Slack. A parse is `{ type: name, ...args }`.
 */
export interface CommandDefinition<Name extends string = string, Args extends object = object, Value = unknown> {
  /** What `help <name>` finds it by, and the `type` of its parse. */
  readonly name: Name;
  /** First words that start it, in lower case. */
  readonly words: readonly string[];
  /** The right form, shown with every refusal and by `help`. */
  readonly usage: string;
  /** Whole commands, as typed, that help shows; each parses to this command. */
  readonly examples: readonly string[];
  /** Whether it changes something: a replayed request must not repeat it, and the Home tab is redrawn. */
  readonly writes: boolean;
  /** What the caller must be allowed on the track its arguments touch, or `self` for their own settings; checked before `run`. */
  readonly need: CommandNeed;
  /** The track or item its arguments touch, if any: the dispatcher authorizes `need` on it first. */
  target?(args: Args): CommandTarget | undefined;
  /** Reads the words after the command word; may hand the rest to another command. */
  read(cursor: Cursor, context: ReadContext): Args | Handoff;
  /** Calls the use case: a value to render, or a form to open. */
  run(args: Args, context: CommandContext): Promise<Value | OpenModal>;
  render(value: Value, args: Args, context: CommandContext): CommandAnswer;
}

/** Any command, whatever its arguments: what the registry lists. */
export type AnyCommandDefinition = CommandDefinition<string, object, unknown>;

/** The parse a definition gives, `{ type: name, ...args }`. */
export type CommandOf<D> = D extends CommandDefinition<infer Name, infer Args, infer _Value> ? { type: Name } & Args : never;

/** Names a definition's types once, from its reader and its use case. */
export function defineCommand<const Name extends string, Args extends object, Value>(
  definition: CommandDefinition<Name, Args, Value>,
): CommandDefinition<Name, Args, Value> {
  return definition;
}

/** A reader's answer that the words make another command (`list` alone lists tracks). */
export class Handoff {
  constructor(
    readonly definition: AnyCommandDefinition,
    readonly args: object,
  ) {}
}

export function handOff<Name extends string, Args extends object, Value>(definition: CommandDefinition<Name, Args, Value>, args: Args): Handoff {
  return new Handoff(definition, args);
}

/** A use case's answer that a form should open instead of a message. */
export class OpenModal {
  constructor(readonly view: types.ModalView) {}
}

/** The commands, and how a first word finds one. */
export interface CommandRegistry {
  /** In the order help lists them. */
  readonly definitions: readonly AnyCommandDefinition[];
  byWord(word: string): AnyCommandDefinition | undefined;
  byName(name: string): AnyCommandDefinition | undefined;
}

/** The slash command every usage and example starts with. */
export const SLASH = SLACK_APP.command.name;

/** Where a form a command opens should send its answer. */
export function modalOrigin(where: CommandOrigin): ModalOrigin {
  return { channelId: where.channelId, ...(where.responseUrl ? { responseUrl: where.responseUrl } : {}) };
}
