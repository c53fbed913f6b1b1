import { randomUUID } from 'node:crypto';
import { NotFoundError } from '#shared/errors';
import { visibleInChannel } from '#shared/domain/access';
import { describeSchedule, nextRun } from '#shared/dates/schedule';
import type { Logger } from '#shared/observe/log';
import { countDigestPosted, countSubscriptionPaused } from '#shared/observe/metrics';
import type { Report } from '#shared/domain/report';
import { subscriptionKeyOf, type Subscription } from '#shared/domain/subscription';
import type { SubscriptionStore } from '#shared/store/subscriptions';
import { buildDigest } from '#shared/reminders/digest';
import { isEmptyDigest } from '#shared/domain/digest';
import { backoffMs, type BackoffPolicy } from '#shared/backoff';
import type { Budget, ChannelPacer, Sleep } from '#shared/reminders/pacing';
import type { SlackMethod, SlackMethods, SlackReply, SlackWeb } from '#shared/slack/web-api';
import { renderDigest } from '#shared/slack/render/digest';
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
export const PAUSING_ERRORS: ReadonlySet<string> = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'invalid_auth']);

export interface DeliverContext {
  subscriptions: SubscriptionStore;
  /** A track's report, read at most once per sweep. */
  report(teamId: string, slug: string): Promise<Report>;
  slack: SlackWeb;
  pacer: ChannelPacer;
  budget: Budget;
  /** The sweep's `now` moved on by the real time spent since. */
  clock(): Date;
  /** How long a claim taken now must hold: at least until this invocation cannot be running. */
  leaseMs(): number;
  sleep: Sleep;
  random(): number;
  backoff: BackoffPolicy;
  /** Attempts per Slack call within one sweep, after which the slot waits for the next sweep. */
  maxAttempts: number;
  requestTimeoutMs: number;
  faults: Faults | undefined;
  log: Logger;
}

type PostResult =
  | { kind: 'posted'; ts: string | undefined }
  | { kind: 'found'; ts: string | undefined }
  | { kind: 'refused'; error: string }
  | { kind: 'gave-up'; reason: string };

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
    const model = buildDigest(report, { now: ctx.clock(), since: sub.lastDigestAt ?? sub.createdAt, scheduleText: describeSchedule(sub.schedule, sub.timeZone), sections: sub.sections });
    if (sub.skipWhenEmpty && isEmptyDigest(model)) return skipEmpty(ctx, sub, token);
    message = renderDigest(model);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return pause(ctx, sub, token, 'track_not_found');
  }

  const result = await postDigest(ctx, sub, slotIdOf(sub, slot), message, claim.reclaimed);
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

/**
 * Posts the digest with its slot id in the metadata. Retries 429 after Retry-After (Slack did
 * not process it), and 5xx / network errors with jittered backoff, each time first looking in
 * the channel, since those may have posted. Gives up when the budget or the attempts run out.
 */
async function postDigest(ctx: DeliverContext, sub: Subscription, slotId: string, message: SlackMessage, checkFirst: boolean): Promise<PostResult> {
  const channel = sub.channelId;
  let mustCheck = checkFirst;
  let failures = 0;
  for (let attempt = 1; attempt <= ctx.maxAttempts * 3; attempt++) {
    if (mustCheck) {
      const found = await findDigest(ctx, channel, slotId, sub.nextRunAt);
      if (found.kind === 'found') return found;
      if (found.kind === 'gave-up') return found;
      if (found.kind === 'unreadable') ctx.log.warn('cannot look for an earlier post; posting anyway', { channel, slotId, error: found.error });
      mustCheck = false;
    }
    if (!(await ctx.budget.wait(ctx.pacer.reserve(channel), ctx.sleep))) return { kind: 'gave-up', reason: 'out of time' };
    const reply = await ctx.slack.call(
      'chat.postMessage',
      {
        channel,
        text: message.text,
        blocks: message.blocks,
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { slot_id: slotId, track: sub.track } },
        unfurl_links: false,
        unfurl_media: false,
      },
      { timeoutMs: timeout(ctx) },
    );
    switch (reply.kind) {
      case 'ok':
        return { kind: 'posted', ts: reply.body.ts };
      case 'error':
        return { kind: 'refused', error: reply.error };
      case 'rate-limited':
        ctx.pacer.holdFor(channel, reply.retryAfterMs);
        continue;
      case 'unavailable':
        mustCheck = true;
        if (++failures >= ctx.maxAttempts) return { kind: 'gave-up', reason: reply.reason };
        if (!(await ctx.budget.wait(backoffMs(failures, ctx.backoff, ctx.random), ctx.sleep))) return { kind: 'gave-up', reason: 'out of time' };
    }
  }
  return { kind: 'gave-up', reason: 'too many attempts' };
}

type FindResult = { kind: 'found'; ts: string | undefined } | { kind: 'absent' } | { kind: 'unreadable'; error: string } | { kind: 'gave-up'; reason: string };

/** Looks through the channel's messages since the slot for one whose metadata carries `slotId`. */
async function findDigest(ctx: DeliverContext, channel: string, slotId: string, slot: string): Promise<FindResult> {
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const reply = await callWithRetry(ctx, 'conversations.history', {
      channel,
      oldest: String(Math.floor(Date.parse(slot) / 1000)),
      include_all_metadata: true,
      limit: 200,
      cursor,
    });
    if (reply.kind === 'error') return { kind: 'unreadable', error: reply.error };
    if (reply.kind !== 'ok') return { kind: 'gave-up', reason: reply.kind === 'unavailable' ? reply.reason : 'rate limited' };
    const ours = (reply.body.messages ?? []).find(
      (m) => m.metadata?.event_type === DIGEST_EVENT_TYPE && slotOf(m.metadata.event_payload) === slotId,
    );
    if (ours) return { kind: 'found', ts: ours.ts };
    cursor = reply.body.response_metadata?.next_cursor || undefined;
    if (!reply.body.has_more || !cursor) return { kind: 'absent' };
  }
  return { kind: 'unreadable', error: 'too many messages since the slot' };
}

/** A read that may be repeated freely: retried on 429 and on 5xx / network errors. */
async function callWithRetry<M extends SlackMethod>(ctx: DeliverContext, method: M, args: SlackMethods[M]['args']): Promise<SlackReply<SlackMethods[M]['body']>> {
  let failures = 0;
  for (;;) {
    const reply = await ctx.slack.call(method, args, { timeoutMs: timeout(ctx) });
    if (reply.kind === 'ok' || reply.kind === 'error') return reply;
    const wait = reply.kind === 'rate-limited' ? reply.retryAfterMs : backoffMs(++failures, ctx.backoff, ctx.random);
    if (failures >= ctx.maxAttempts || !(await ctx.budget.wait(wait, ctx.sleep))) return reply;
  }
}

function timeout(ctx: DeliverContext): number {
  return Math.max(1, Math.min(ctx.requestTimeoutMs, ctx.budget.left()));
}

/** The slot id our digests carry in their message metadata (typed by Slack as an open object). */
function slotOf(payload: object | undefined): unknown {
  return payload && 'slot_id' in payload ? payload.slot_id : undefined;
}
