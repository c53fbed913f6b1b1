import { expect } from 'vitest';
import { commandEvent } from '#local/slack-request';
import { COMMANDS } from '#shared/commands/registry';
import type { Report } from '#shared/domain/report';
import type { FakeUser } from '#local/fake-slack';
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

/**
 * The stand-in Slack as `teamId`, whose people speak Japanese, Korean and English (ja-JP, ko-KR,
 * en-US); `more` adds others (viewers, admins, a guest).
 */
export function speakers(harness: SlackHarness, teamId: string, people: { ja: string; ko: string; en: string }, more: Record<string, Partial<FakeUser>> = {}): void {
  Object.assign(harness.slack.options, { teamId, users: { [people.ja]: { locale: 'ja-JP' }, [people.ko]: { locale: 'ko-KR' }, [people.en]: { locale: 'en-US' }, ...more } });
}

/** People's text a report shows as written in any language: the track's title, and each item's title, source, notes and owners. */
export function itemsText({ track, commitments }: Report): string[] {
  return [
    track.title,
    ...commitments.flatMap((c) => [c.title, c.source.meeting, c.source.place ?? '', c.source.point ?? '', ...c.notes.map((n) => n.text), ...c.owners.map((o) => o.label)]),
  ].filter(Boolean);
}
