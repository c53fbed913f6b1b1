import { parseCommand, WRITE_COMMANDS } from '#shared/slack/command-parser';

/**
 * The team whose data a signed request may change, or undefined for a request that only reads
 * (a report, a help text): only the former needs its signature claimed against replays.
 * Interactive payloads (buttons, modal submissions) always count as writes.
 */
export function writingTeam(rawBody: string): string | undefined {
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
  const parsed = parseCommand(form.get('text') ?? '');
  return form.get('command') && parsed.ok && WRITE_COMMANDS.has(parsed.command.type) ? (form.get('team_id') ?? undefined) : undefined;
}
