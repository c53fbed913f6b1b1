import { expect } from 'vitest';
import { commandEvent } from '#local/slack-request';
import { COMMANDS } from '#shared/commands/registry';
import { shownTexts } from './pseudo-locale.ts';
import type { SlackHarness } from './slack-handler.ts';

/** The words command forms take (`open`, `fy`, `as of`, `today` …): command syntax, which a message may name in any language. */
export const COMMAND_WORDS: ReadonlySet<string> = new Set(
  COMMANDS.flatMap((c) => [c.usage.split('  (')[0]!, ...c.examples]).flatMap((form) => form.toLowerCase().match(/[a-z]+/g) ?? []),
);

/** Everything a message or view shows, fallback text and blocks, as one text. */
export const shown = (message: unknown): string => shownTexts(message).join('\n');

/** An answer as a slash command's HTTP response carries it. */
export type Answer = { text: string; blocks: unknown[] };

/**
 * `/commitments <text>` as `userId` of `teamId`, signed and shaped as Slack sends it, answered
 * with HTTP 200: the answer's JSON. Each call has a response_url and trigger id of its own.
 */
export function slashCommand(harness: SlackHarness, teamId: string, name: string) {
  let sent = 0;
  return async <A = Answer>(text: string, userId: string, channelId = 'C0GENERAL'): Promise<A> => {
    sent += 1;
    const result = await harness.send(commandEvent(text, { teamId, userId, channelId, responseUrl: harness.slack.responseUrl(`${name}${sent}`), triggerId: `t${sent}` }));
    expect(result.statusCode).toBe(200);
    return result.json() as A;
  };
}
