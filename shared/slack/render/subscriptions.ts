import { describeSchedule, formatLocalTime } from '#shared/dates/schedule';
import type { Subscription } from '#shared/store/subscriptions';
import type { SubscribeResult } from '#shared/use-cases/subscriptions';
import { SLACK_LIMITS, context, escape, plainText, section, truncate, type Block, type SlackMessage } from '#shared/slack/render/format';

/** The line for one subscription: track, schedule, next run in its zone, or why it is paused. */
export function subscriptionLine(sub: Subscription): string {
  const when = describeSchedule(sub.schedule, sub.timeZone);
  if (sub.paused) {
    return `:double_vertical_bar: *${sub.track}* · ${escape(when)} · paused since ${formatLocalTime(new Date(sub.paused.at), sub.timeZone)}: \`${escape(sub.paused.reason)}\` — subscribe again to resume`;
  }
  return `:calendar: *${sub.track}* · ${escape(when)} · next ${formatLocalTime(new Date(sub.nextRunAt), sub.timeZone)}`;
}

/** `/commitments subscriptions`: what this channel is subscribed to. */
export function renderSubscriptions(input: { channelId: string; subscriptions: Subscription[] }): SlackMessage {
  const { channelId, subscriptions } = input;
  if (subscriptions.length === 0) {
    const text = `<#${channelId}> has no digests. Subscribe with \`/commitments subscribe <track> [schedule]\`, e.g. \`/commitments subscribe japan-korea mondays 09:00\`.`;
    return { text: plainText(text), blocks: [section(text)] };
  }
  const lines = subscriptions.map(subscriptionLine);
  const blocks: Block[] = [section(`*Digests in <#${channelId}>*`)];
  // One line each; a section per line keeps every text far below Slack's limit.
  lines.slice(0, SLACK_LIMITS.blocksPerMessage - 2).forEach((line) => blocks.push(section(line)));
  blocks.push(context('`/commitments unsubscribe <track>` stops one; `/commitments subscribe <track> <schedule>` changes its schedule.'));
  const text = truncate([`Digests in this channel: ${subscriptions.length}`, ...lines.map(plainText)].join('\n'), SLACK_LIMITS.fallbackText);
  return { text, blocks };
}

/** The answer to `subscribe`: what was set up (or changed) and when the first digest comes. */
export function renderSubscribed(result: SubscribeResult): SlackMessage {
  const { subscription: sub, replaced } = result;
  const verb = !replaced ? 'Subscribed' : replaced.paused ? 'Resumed' : 'Updated';
  const text = `:white_check_mark: ${verb}: <#${sub.channelId}> gets the *${sub.track}* digest ${escape(describeSchedule(sub.schedule, sub.timeZone))}. First one: ${formatLocalTime(new Date(sub.nextRunAt), sub.timeZone)}.`;
  return { text: plainText(text), blocks: [section(text)] };
}

export function renderUnsubscribed(sub: Subscription): SlackMessage {
  const text = `Unsubscribed: <#${sub.channelId}> no longer gets the *${sub.track}* digest.`;
  return { text: plainText(text), blocks: [section(text)] };
}
