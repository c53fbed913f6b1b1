import { parseCommand, type ParseResult } from '#shared/commands/registry';

/** A slash command's text and its one parse, handed from the replay guard to the listener. */
export class ParsedSlashCommand {
  constructor(
    readonly text: string,
    readonly parsed: ParseResult,
  ) {}
}

/** Where the handler puts a request's ParsedSlashCommand in Bolt's listener context. */
export const PARSED_COMMAND_KEY = 'parsedSlashCommand';

/** The parse of `text` the transport made (`carried`, from Bolt's context), or a new one when it made none. */
export function parsedFor(text: string, carried: unknown): ParseResult {
  return carried instanceof ParsedSlashCommand && carried.text === text ? carried.parsed : parseCommand(text);
}

/** The slash command a signed request body carries, parsed; undefined for any other request. */
export function readSlashCommand(rawBody: string): ParsedSlashCommand | undefined {
  if (isJsonBody(rawBody)) return undefined;
  const form = new URLSearchParams(rawBody);
  if (form.get('payload') || !form.get('command')) return undefined;
  const text = form.get('text') ?? '';
  return new ParsedSlashCommand(text, parseCommand(text));
}

/**
 * The team whose data a signed request may change, or undefined for a request that only reads
 * (a report, a help text): only the former needs its signature claimed against replays.
 * Interactive payloads (buttons, modal submissions) always count as writes. Pass the body's
 * slash command when it is already parsed.
 */
export function writingTeam(rawBody: string, command = readSlashCommand(rawBody)): string | undefined {
  if (isJsonBody(rawBody)) return undefined;
  const form = new URLSearchParams(rawBody);
  const payload = form.get('payload');
  if (payload) {
    try {
      const parsed = JSON.parse(payload) as { team?: { id?: string }; user?: { team_id?: string } };
      return parsed.team?.id ?? parsed.user?.team_id;
    } catch {
      return undefined;
    }
  }
  return command?.parsed.ok && command.parsed.definition.writes ? (form.get('team_id') ?? undefined) : undefined;
}

/**
 * An Events API delivery (JSON) rather than a form (a slash command, or an interaction's
 * `payload`): its text is never read as form fields, so a profile title holding `&payload=…`
 * names no command and no team.
 */
export function isJsonBody(rawBody: string): boolean {
  return rawBody.startsWith('{');
}
