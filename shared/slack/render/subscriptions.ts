import type { Locale } from '#shared/domain/locale';
import { DIGEST_SECTIONS, type SubscribeResult, type Subscription } from '#shared/domain/subscription';
import { localTimeText, scheduleText } from '#shared/format/schedule';
import { EN, type Translator } from '#shared/i18n/translator';
import { slackWhy } from '#shared/slack/render/notice';
import { SLACK_LIMITS, context, escapeEntities, section, truncate, type Block, type SlackMessage } from '#shared/slack/render/format';

/**
 * The line for one subscription: track, schedule, next run in its zone, or why it is paused;
 * its language when that is not English.
 * Built twice rather than through `plainText`, which would eat the underscores of a pause's
 * Slack code shown as it is; escaped both times, since Slack reads the fallback text as mrkdwn too.
 */
export function subscriptionLine(sub: Subscription, markup = true, t: Translator = EN): string {
  const when = scheduleText(sub.schedule, sub.timeZone, t);
  const b = markup ? '*' : '';
  const language = sub.language && sub.language !== 'en' ? ` · ${t.t('subscriptions.language', { language: sub.language })}` : '';
  if (sub.paused) {
    const paused = t.t('subscriptions.paused', { time: localTimeText(new Date(sub.paused.at), sub.timeZone, t), reason: slackWhy(sub.paused.reason, t, markup) });
    return `${markup ? ':double_vertical_bar: ' : ''}${b}${sub.track}${b} · ${escapeEntities(when)} · ${paused}${language}`;
  }
  const next = t.t('subscriptions.next', { time: localTimeText(new Date(sub.nextRunAt), sub.timeZone, t) });
  return `${markup ? ':calendar: ' : ''}${b}${sub.track}${b} · ${escapeEntities(when)} · ${next}${noise(sub, ' · ', t)}${language}`;
}

/**
 * "only overdue, no-answer · posted even when there is nothing to report", after `lead`; empty for
 * the defaults (every section, nothing posted when there is nothing to report).
 */
export function noise(sub: Pick<Subscription, 'sections' | 'skipWhenEmpty'>, lead: string, t: Translator = EN): string {
  const parts = noiseParts(sub, t);
  return parts.length > 0 ? `${lead}${parts.join(' · ')}` : '';
}

function noiseParts(sub: Pick<Subscription, 'sections' | 'skipWhenEmpty'>, t: Translator): string[] {
  return [
    sub.sections.length < DIGEST_SECTIONS.length ? t.t('subscribe.only', { sections: sub.sections.join(', ') }) : undefined,
    sub.skipWhenEmpty ? undefined : t.t('subscribe.always'),
  ].filter((part) => part !== undefined);
}

/** `/commitments subscriptions`: what this channel is subscribed to. */
export function renderSubscriptions(input: { channelId: string; subscriptions: Subscription[] }, t: Translator = EN): SlackMessage {
  const { channelId, subscriptions } = input;
  if (subscriptions.length === 0) {
    const text = t.t('subscriptions.none', { channel: channelId });
    return { text, blocks: [section(text)] };
  }
  const lines = subscriptions.map((sub) => subscriptionLine(sub, true, t));
  const blocks: Block[] = [section(t.t('subscriptions.heading', { channel: channelId }))];
  // One line each; a section per line keeps every text far below Slack's limit.
  lines.slice(0, SLACK_LIMITS.blocksPerMessage - 2).forEach((line) => blocks.push(section(line)));
  blocks.push(context(t.t('subscriptions.howTo')));
  const text = truncate([t.t('subscriptions.count', { count: subscriptions.length }), ...subscriptions.map((sub) => subscriptionLine(sub, false, t))].join('\n'), SLACK_LIMITS.fallbackText);
  return { text, blocks };
}

/**
 * The answer to `subscribe`: what was set up (or changed) and when the first digest comes, and
 * the digest's language unless it is English told to an English reader.
 */
export function renderSubscribed(result: SubscribeResult, t: Translator = EN): SlackMessage {
  const { subscription: sub, replaced } = result;
  const verb = !replaced ? 'subscribed' : replaced.paused ? 'resumed' : 'updated';
  const parts = noiseParts(sub, t);
  const language = sub.language && (sub.language !== 'en' || t.locale !== 'en') ? t.t('subscribe.language', { language: sub.language }) : '';
  const sentence = (b: string) =>
    t.t('subscribe.done', {
      verb,
      channel: sub.channelId,
      track: `${b}${sub.track}${b}`,
      when: scheduleText(sub.schedule, sub.timeZone, t),
      noise: parts.length > 0 ? parts.join(' · ') : 'none',
      time: localTimeText(new Date(sub.nextRunAt), sub.timeZone, t),
    }) + language;
  return { text: sentence(''), blocks: [section(`:white_check_mark: ${sentence('*')}`)] };
}

export function renderUnsubscribed(sub: Subscription, t: Translator = EN): SlackMessage {
  const sentence = (b: string) => t.t('unsubscribe.done', { channel: sub.channelId, track: `${b}${sub.track}${b}` });
  return { text: sentence(''), blocks: [section(sentence('*'))] };
}

/**
 * The `subscribe` command that keeps a subscription's schedule, zone, sections and `always` and
 * writes its digest in `language`: what a Japanese or Korean digest shows to change its language.
 */
export function changeLanguageCommand(sub: Pick<Subscription, 'track' | 'schedule' | 'timeZone' | 'sections' | 'skipWhenEmpty'>, language: Locale): string {
  return [
    `/commitments subscribe ${sub.track}`,
    scheduleText(sub.schedule, undefined, EN),
    `tz ${sub.timeZone}`,
    sub.sections.length < DIGEST_SECTIONS.length ? `only ${sub.sections.join(',')}` : undefined,
    sub.skipWhenEmpty ? undefined : 'always',
    `in ${language}`,
  ]
    .filter(Boolean)
    .join(' ');
}
