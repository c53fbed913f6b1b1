import { defineCommand, SLASH } from '#shared/commands/definition';
import { checkLength, decodeEntities, readTimeZone, readTrack, TIME_ZONE_KEYWORDS, type Cursor, type Token } from '#shared/commands/grammar';
import type { TrackSlug } from '#shared/domain/schemas';
import { renderSubscribed } from '#shared/slack/render/subscriptions';
import { withTrackSuggestions } from '#shared/use-cases/commitments';
import { subscribe } from '#shared/use-cases/subscriptions';

interface SubscribeArgs {
  track: TrackSlug;
  /** Left as typed: the subscription use case reads schedules. */
  scheduleText?: string;
  timeZone?: string;
}

const MAX_SCHEDULE_CHARS = 100;

/** `subscribe <track> [schedule] [tz <zone>]`: a digest of the track posted in this channel. */
export const subscribeCommand = defineCommand({
  name: 'subscribe',
  words: ['subscribe'],
  usage: `${SLASH} subscribe <track> [schedule, such as every monday 09:00] [tz Asia/Tokyo]`,
  examples: [`${SLASH} subscribe japan-korea every monday 09:00 tz Asia/Tokyo`],
  writes: true,
  need: 'write',
  read: readSubscribe,
  target: ({ track }) => ({ track }),
  run: ({ track, scheduleText, timeZone }, { deps, caller, where }) =>
    withTrackSuggestions(deps, caller, track, () =>
      subscribe(deps, {
        teamId: caller.teamId,
        channelId: where.channelId,
        track,
        ...(scheduleText ? { scheduleText } : {}),
        ...(timeZone ? { timeZone } : {}),
        by: caller.userId,
        now: caller.now,
      }),
    ),
  render: (result) => ({ message: renderSubscribed(result) }),
});

function readSubscribe(c: Cursor): SubscribeArgs {
  const track = readTrack(c, 'subscribe');
  const schedule: Token[] = [];
  let timeZone: string | undefined;
  for (let token = c.next(); token; token = c.next()) {
    if (!token.quoted && TIME_ZONE_KEYWORDS.has(token.text.toLowerCase())) {
      if (timeZone) c.refuse('Give tz only once.');
      const zone = c.next();
      timeZone = readTimeZone(c, zone ? [zone] : []);
    } else schedule.push(token);
  }
  const scheduleText = checkLength(c, 'schedule', schedule.map((t) => decodeEntities(t.text)).join(' ').trim() || undefined, MAX_SCHEDULE_CHARS);
  const args: SubscribeArgs = { track };
  if (scheduleText) args.scheduleText = scheduleText;
  if (timeZone) args.timeZone = timeZone;
  return args;
}
