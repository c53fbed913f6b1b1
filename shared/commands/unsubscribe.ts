import { defineCommand, SLASH } from '#shared/commands/definition';
import { readTrack, type Cursor } from '#shared/commands/grammar';
import type { TrackSlug } from '#shared/domain/schemas';
import { renderUnsubscribed } from '#shared/slack/render/subscriptions';
import { unsubscribe } from '#shared/use-cases/subscriptions';

/** `unsubscribe <track>`: stops this channel's digest of the track. */
export const unsubscribeCommand = defineCommand({
  name: 'unsubscribe',
  words: ['unsubscribe'],
  usage: `${SLASH} unsubscribe <track>`,
  examples: [`${SLASH} unsubscribe japan-korea`],
  writes: true,
  need: 'write',
  read: (c: Cursor): { track: TrackSlug } => ({ track: readTrack(c, 'unsubscribe') }),
  target: ({ track }) => ({ track }),
  run: ({ track }, { deps, caller, where }) => unsubscribe(deps, { teamId: caller.teamId, channelId: where.channelId, track }),
  render: (subscription, _, { t }) => ({ message: renderUnsubscribed(subscription, t) }),
});
