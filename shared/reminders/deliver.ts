import { randomUUID } from 'node:crypto';
import { NotFoundError } from '#shared/errors';
import { visibleInChannel } from '#shared/domain/access';
import { nextRun } from '#shared/dates/schedule';
import { countDigestPosted, countSubscriptionPaused } from '#shared/observe/metrics';
import type { Report } from '#shared/domain/report';
import { digestLocale, subscriptionKeyOf, type Subscription } from '#shared/domain/subscription';
import { scheduleText } from '#shared/format/schedule';
import { translatorFor } from '#shared/i18n/translator';
import type { SubscriptionStore } from '#shared/store/subscriptions';
import { buildDigest } from '#shared/reminders/digest';
import { postOnce, type PostContext } from '#shared/reminders/post';
import { isEmptyDigest } from '#shared/domain/digest';
import { renderDigest } from '#shared/slack/render/digest';
import { changeLanguageCommand } from '#shared/slack/render/subscriptions';
import type { SlackMessage } from '#shared/slack/render/format';

/**
 * Delivering one due subscription's digest for one slot.
 *
 * The guarantee. Each (subscription, slot) has one delivery record, claimed with a condition
 * and a lease that outlives the claiming invocation. Posting is at-least-once: a holder that
 * dies or gives up leaves the slot to the next sweep. It is made idempotent by two checks:
 * the record (posted → never post again), and, whenever an earlier attempt may have reached
 * Slack (a re-claimed lease, or a post that answered 5xx / timed out / dropped), a look in the
 * channel's history since the slot for our message, which carries the slot id in its metadata.
 * What remains: if the history cannot be read (the bot posts to a public channel it is not a
 * member of, so `conversations.history` says `not_in_channel`) the retry posts blind, and a
 * message Slack accepted but has not yet made visible in history when we look would be sent
 * again. Both need a crash or an ambiguous failure in that exact window.
 */

export type DeliveryStep = 'before-claim' | 'after-claim' | 'after-post' | 'after-record';

/** Test hook: throw from `at(step)` to simulate the process dying at that point. */
export interface Faults {
  at(step: DeliveryStep, sub: Subscription): void | Promise<void>;
}

export type Outcome = 'posted' | 'skipped-already-posted' | 'skipped-empty' | 'paused' | 'failed' | 'left' | 'stale';

export const DIGEST_EVENT_TYPE = 'commitments_digest';

/** Slack errors that will not go away by themselves: the subscription pauses until re-subscribed. */
export const PAUSING_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  // Posting there is limited (an announcement channel), the channel's workspace has not given the app access to it, or its admins have suspended the app's posting (Enterprise Key Management).
  'restricted_action',
  'team_access_not_granted',
  'ekm_access_denied',
]);

export interface DeliverContext extends PostContext {
  subscriptions: SubscriptionStore;
  /** A track's report, read at most once per sweep. */
  report(teamId: string, slug: string): Promise<Report>;
  /** The sweep's `now` moved on by the real time spent since. */
  clock(): Date;
  /** How long a claim taken now must hold: at least until this invocation cannot be running. */
  leaseMs(): number;
  faults: Faults | undefined;
}

/** `<team>/<channel>/<slug>/<slot>`: the same for every attempt at one slot, unique across all. */
export function slotIdOf(sub: Pick<Subscription, 'teamId' | 'channelId' | 'track'>, slot: string): string {
  return `${sub.teamId}/${sub.channelId}/${sub.track}/${slot}`;
}

/**
 * One subscription, one slot, in steps:
 * 1. claim the slot's delivery record (stale index entry → nothing; live claim elsewhere → later;
 *    already posted → only move the subscription on);
 * 2. build the digest: flags at now, changes since the last digest, no-answer escalations, in the
 *    channel's sections; nothing in them and `skipWhenEmpty` → record the slot as skipped, move on;
 * 3. post it, after looking in the channel first when an earlier attempt may have posted;
 * 4. record the post on the claim, then move the subscription to its next slot after now.
 * Slack refusing for good pauses the subscription (or skips the slot); running out of time or
 * retries releases the claim for the next sweep.
 */
export async function deliver(ctx: DeliverContext, sub: Subscription): Promise<Outcome> {
  const key = subscriptionKeyOf(sub);
  const slot = sub.nextRunAt;
  await ctx.faults?.at('before-claim', sub);
  const token = randomUUID();
  const claimedAt = ctx.clock();
  const claim = await ctx.subscriptions.claim({ key, slot, token, now: claimedAt, leaseUntil: new Date(claimedAt.getTime() + ctx.leaseMs()) });
  if (claim.kind === 'stale') return 'stale';
  if (claim.kind === 'busy') return 'left';
  if (claim.kind === 'posted') {
    await advance(ctx, sub);
    return 'skipped-already-posted';
  }
  await ctx.faults?.at('after-claim', sub);

  let message: SlackMessage;
  try {
    const report = await ctx.report(sub.teamId, sub.track);
    // A private track's digest goes only to its linked channels; elsewhere it is as missing as a deleted one.
    if (!visibleInChannel(report.track, sub.channelId)) return pause(ctx, sub, token, 'track_not_found');
    // In the subscription's language; a Japanese or Korean digest says how to have it in English.
    const t = await translatorFor(digestLocale(sub));
    const model = buildDigest(report, {
      now: ctx.clock(),
      since: sub.lastDigestAt ?? sub.createdAt,
      scheduleText: scheduleText(sub.schedule, sub.timeZone, t),
      ...(t.locale !== 'en' ? { changeLanguage: changeLanguageCommand(sub, 'en') } : {}),
      sections: sub.sections,
    });
    if (sub.skipWhenEmpty && isEmptyDigest(model)) return skipEmpty(ctx, sub, token);
    message = renderDigest(model, t);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return pause(ctx, sub, token, 'track_not_found');
  }

  const result = await postOnce(ctx, {
    channel: sub.channelId,
    message,
    eventType: DIGEST_EVENT_TYPE,
    slotId: slotIdOf(sub, slot),
    payload: { track: sub.track },
    since: slot,
    checkFirst: claim.reclaimed,
  });
  switch (result.kind) {
    case 'refused':
      if (PAUSING_ERRORS.has(result.error)) return pause(ctx, sub, token, result.error);
      // A refusal that is about this message (e.g. invalid_blocks) would repeat every sweep: skip the slot.
      ctx.log.error('digest refused by Slack; slot skipped', { ...key, slot, error: result.error });
      await ctx.subscriptions.release({ key, slot, token, now: ctx.clock(), state: 'abandoned', reason: result.error });
      await advance(ctx, sub);
      return 'failed';
    case 'gave-up':
      ctx.log.warn('digest left for the next sweep', { ...key, slot, reason: result.reason });
      await ctx.subscriptions.release({ key, slot, token, now: ctx.clock(), state: 'released', reason: result.reason });
      return 'left';
    case 'posted':
    case 'found': {
      await ctx.faults?.at('after-post', sub);
      const recorded = await ctx.subscriptions.markPosted({ key, slot, token, now: ctx.clock(), messageTs: result.ts, foundInChannel: result.kind === 'found' });
      // Not recorded: our lease was taken over; the new holder finds this message by its metadata.
      if (!recorded) ctx.log.warn('claim taken over after posting', { ...key, slot });
      if (result.kind === 'posted') countDigestPosted();
      await ctx.faults?.at('after-record', sub);
      await advance(ctx, sub);
      return result.kind === 'posted' ? 'posted' : 'skipped-already-posted';
    }
  }
}

/** Next slot strictly after now (missed slots are not caught up: one digest says it all). */
async function advance(ctx: DeliverContext, sub: Subscription): Promise<void> {
  const next = nextRun(sub.schedule, sub.timeZone, ctx.clock());
  await ctx.subscriptions.advance({ key: subscriptionKeyOf(sub), slot: sub.nextRunAt, nextRunAt: next.toISOString(), lastDigestAt: sub.nextRunAt });
}

/** Nothing to report: the slot is done without a post; "changed since" still counts from the last digest posted. */
async function skipEmpty(ctx: DeliverContext, sub: Subscription, token: string): Promise<Outcome> {
  const key = subscriptionKeyOf(sub);
  const recorded = await ctx.subscriptions.markSkipped({ key, slot: sub.nextRunAt, token, now: ctx.clock() });
  if (!recorded) ctx.log.warn('claim taken over before the skip was recorded', { ...key, slot: sub.nextRunAt });
  await ctx.subscriptions.advance({ key, slot: sub.nextRunAt, nextRunAt: nextRun(sub.schedule, sub.timeZone, ctx.clock()).toISOString() });
  return 'skipped-empty';
}

async function pause(ctx: DeliverContext, sub: Subscription, token: string, reason: string): Promise<Outcome> {
  const key = subscriptionKeyOf(sub);
  const now = ctx.clock();
  ctx.log.warn('subscription paused', { ...key, slot: sub.nextRunAt, reason });
  countSubscriptionPaused(reason);
  await ctx.subscriptions.pause({ key, slot: sub.nextRunAt, reason, at: now });
  await ctx.subscriptions.release({ key, slot: sub.nextRunAt, token, now, state: 'abandoned', reason });
  return 'paused';
}
