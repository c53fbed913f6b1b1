import { describeSchedule, formatLocalTime } from '#shared/dates/schedule';
import { DIGEST_SECTIONS, type SubscribeResult, type Subscription } from '#shared/domain/subscription';
import { SLACK_LIMITS, context, escapeEntities, section, truncate, type Block, type SlackMessage } from '#shared/slack/render/format';

/**
 * The line for one subscription: track, schedule, next run in its zone, or why it is paused.
 * Built twice rather than through `plainText`, which would eat the underscores of `is_archived`;
 * escaped both times, since Slack reads the fallback text as mrkdwn too.
 */
export function subscriptionLine(sub: Subscription, markup = true): string {
  const when = describeSchedule(sub.schedule, sub.timeZone);
  const [b, code, esc] = markup ? ['*', '`', escapeEntities] : ['', '', escapeEntities];
  if (sub.paused) {
    return `${markup ? ':double_vertical_bar: ' : ''}${b}${sub.track}${b} · ${esc(when)} · paused since ${formatLocalTime(new Date(sub.paused.at), sub.timeZone)}: ${code}${esc(sub.paused.reason)}${code} — subscribe again to resume`;
  }
  return `${markup ? ':calendar: ' : ''}${b}${sub.track}${b} · ${esc(when)} · next ${formatLocalTime(new Date(sub.nextRunAt), sub.timeZone)}${noise(sub, ' · ')}`;
}

/**
 * "only overdue, no-answer · posted even when there is nothing to report", after `lead`; empty for
 * the defaults (every section, nothing posted when there is nothing to report).
 */
export function noise(sub: Pick<Subscription, 'sections' | 'skipWhenEmpty'>, lead: string): string {
  const parts = [
    sub.sections.length < DIGEST_SECTIONS.length ? `only ${sub.sections.join(', ')}` : undefined,
    sub.skipWhenEmpty ? undefined : 'posted even when there is nothing to report',
  ].filter(Boolean);
  return parts.length > 0 ? `${lead}${parts.join(' · ')}` : '';
}

/** `/commitments subscriptions`: what this channel is subscribed to. */
export function renderSubscriptions(input: { channelId: string; subscriptions: Subscription[] }): SlackMessage {
  const { channelId, subscriptions } = input;
  if (subscriptions.length === 0) {
    const text = `<#${channelId}> has no digests. Subscribe with \`/commitments subscribe &lt;track&gt; [schedule]\`, e.g. \`/commitments subscribe japan-korea mondays 09:00\`.`;
    return { text, blocks: [section(text)] };
  }
  const lines = subscriptions.map((sub) => subscriptionLine(sub));
  const blocks: Block[] = [section(`*Digests in <#${channelId}>*`)];
  // One line each; a section per line keeps every text far below Slack's limit.
  lines.slice(0, SLACK_LIMITS.blocksPerMessage - 2).forEach((line) => blocks.push(section(line)));
  blocks.push(context('`/commitments unsubscribe &lt;track&gt;` stops one; `/commitments subscribe &lt;track&gt; &lt;schedule&gt; [only &lt;sections&gt;] [always]` changes it.'));
  const text = truncate([`Digests in this channel: ${subscriptions.length}`, ...subscriptions.map((sub) => subscriptionLine(sub, false))].join('\n'), SLACK_LIMITS.fallbackText);
  return { text, blocks };
}

/** The answer to `subscribe`: what was set up (or changed) and when the first digest comes. */
export function renderSubscribed(result: SubscribeResult): SlackMessage {
  const { subscription: sub, replaced } = result;
  const verb = !replaced ? 'Subscribed' : replaced.paused ? 'Resumed' : 'Updated';
  const sentence = (b: string) =>
    `${verb}: <#${sub.channelId}> gets the ${b}${sub.track}${b} digest ${describeSchedule(sub.schedule, sub.timeZone)}${noise(sub, ', ')}. First one: ${formatLocalTime(new Date(sub.nextRunAt), sub.timeZone)}.`;
  return { text: sentence(''), blocks: [section(`:white_check_mark: ${sentence('*')}`)] };
}

export function renderUnsubscribed(sub: Subscription): SlackMessage {
  const sentence = (b: string) => `Unsubscribed: <#${sub.channelId}> no longer gets the ${b}${sub.track}${b} digest.`;
  return { text: sentence(''), blocks: [section(sentence('*'))] };
}
