import { defineCommand, SLASH } from '#shared/commands/definition';
import { expectEnd, type Cursor } from '#shared/commands/grammar';
import { renderSubscriptions } from '#shared/slack/render/subscriptions';
import { listVisibleSubscriptions } from '#shared/use-cases/subscriptions';

/** `subscriptions`: the digests posted in this channel. */
export const subscriptionsCommand = defineCommand({
  name: 'subscriptions',
  words: ['subscriptions'],
  usage: `${SLASH} subscriptions`,
  examples: [`${SLASH} subscriptions`],
  writes: false,
  need: 'read',
  read(c: Cursor) {
    expectEnd(c);
    return {};
  },
  run: (_, { deps, caller, where }) => listVisibleSubscriptions(deps, caller, where.channelId),
  render: (subscriptions, _, { where, t }) => ({ message: renderSubscriptions({ channelId: where.channelId, subscriptions }, t) }),
});
