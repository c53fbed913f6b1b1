import { backoffMs, type BackoffPolicy } from '#shared/backoff';
import type { Logger } from '#shared/observe/log';
import type { Budget, ChannelPacer, Sleep } from '#shared/reminders/pacing';
import type { SlackMethod, SlackMethods, SlackReply, SlackWeb } from '#shared/slack/web-api';
import type { SlackMessage } from '#shared/slack/render/format';

/**
 * Posting one message exactly once per slot, for digests and check-ins alike. The message
 * carries its slot id in Slack message metadata; whenever an earlier attempt may have reached
 * Slack (a re-claimed lease, or a post that answered 5xx / timed out / dropped), the channel's
 * history since the slot is searched for that id first, and nothing is posted if it is there.
 */

export interface PostContext {
  slack: SlackWeb;
  pacer: ChannelPacer;
  budget: Budget;
  sleep: Sleep;
  random(): number;
  backoff: BackoffPolicy;
  /** Attempts per Slack call within one sweep, after which the slot waits for the next sweep. */
  maxAttempts: number;
  requestTimeoutMs: number;
  log: Logger;
}

export type PostResult =
  | { kind: 'posted'; ts: string | undefined }
  | { kind: 'found'; ts: string | undefined }
  | { kind: 'refused'; error: string }
  | { kind: 'gave-up'; reason: string };

export interface Post {
  channel: string;
  message: SlackMessage;
  eventType: string;
  slotId: string;
  /** More of the metadata payload, beside `slot_id`. */
  payload?: Record<string, string>;
  /** The earliest instant the message could have been posted at: history is searched from it. */
  since: string;
  /** An earlier attempt may have posted: look in the channel before posting. */
  checkFirst: boolean;
}

/**
 * Posts `post.message` with its slot id in the metadata. Retries 429 after Retry-After (Slack did
 * not process it), and 5xx / network errors with jittered backoff, each time first looking in
 * the channel, since those may have posted. Gives up when the budget or the attempts run out.
 */
export async function postOnce(ctx: PostContext, post: Post): Promise<PostResult> {
  const { channel, message } = post;
  let mustCheck = post.checkFirst;
  let failures = 0;
  for (let attempt = 1; attempt <= ctx.maxAttempts * 3; attempt++) {
    if (mustCheck) {
      const found = await findPosted(ctx, post);
      if (found.kind === 'found') return found;
      if (found.kind === 'gave-up') return found;
      if (found.kind === 'unreadable') ctx.log.warn('cannot look for an earlier post; posting anyway', { channel, slotId: post.slotId, error: found.error });
      mustCheck = false;
    }
    if (!(await ctx.budget.wait(ctx.pacer.reserve(channel), ctx.sleep)) || !(await cleared(ctx))) return { kind: 'gave-up', reason: 'out of time' };
    const sent = ctx.pacer.sent(channel);
    const reply = await ctx.slack
      .call(
        'chat.postMessage',
        {
          channel,
          text: message.text,
          blocks: message.blocks,
          metadata: { event_type: post.eventType, event_payload: { slot_id: post.slotId, ...post.payload } },
          unfurl_links: false,
          unfurl_media: false,
        },
        { timeoutMs: timeout(ctx) },
      )
      .finally(() => sent.answered());
    switch (reply.kind) {
      case 'ok':
        return { kind: 'posted', ts: reply.body.ts };
      case 'error':
        return { kind: 'refused', error: reply.error };
      case 'rate-limited':
        // Slack did not take it: the channel waits for Retry-After, not for a post that never was.
        sent.notPosted();
        ctx.pacer.holdFor(channel, reply.retryAfterMs);
        continue;
      case 'unavailable':
        // Even when the history shows nothing landed, Slack may have counted the attempt against the channel: its interval stands.
        mustCheck = true;
        if (++failures >= ctx.maxAttempts) return { kind: 'gave-up', reason: reply.reason };
        if (!(await ctx.budget.wait(backoffMs(failures, ctx.backoff, ctx.random), ctx.sleep))) return { kind: 'gave-up', reason: 'out of time' };
    }
  }
  return { kind: 'gave-up', reason: 'too many attempts' };
}

/** Waits until one more post keeps the workspace within its rate (see `ChannelPacer.clearance`); false when out of time. */
async function cleared(ctx: PostContext): Promise<boolean> {
  for (let wait = ctx.pacer.clearance(); wait > 0; wait = ctx.pacer.clearance()) {
    if (!(await ctx.budget.wait(wait, ctx.sleep))) return false;
  }
  return true;
}

type FindResult = { kind: 'found'; ts: string | undefined } | { kind: 'absent' } | { kind: 'unreadable'; error: string } | { kind: 'gave-up'; reason: string };

/** Looks through the channel's messages since the slot for one whose metadata carries the slot id. */
async function findPosted(ctx: PostContext, post: Post): Promise<FindResult> {
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const reply = await callWithRetry(ctx, 'conversations.history', {
      channel: post.channel,
      oldest: String(Math.floor(Date.parse(post.since) / 1000)),
      include_all_metadata: true,
      limit: 200,
      cursor,
    });
    if (reply.kind === 'error') return { kind: 'unreadable', error: reply.error };
    if (reply.kind !== 'ok') return { kind: 'gave-up', reason: reply.kind === 'unavailable' ? reply.reason : 'rate limited' };
    const ours = (reply.body.messages ?? []).find((m) => m.metadata?.event_type === post.eventType && slotOf(m.metadata.event_payload) === post.slotId);
    if (ours) return { kind: 'found', ts: ours.ts };
    cursor = reply.body.response_metadata?.next_cursor || undefined;
    if (!reply.body.has_more || !cursor) return { kind: 'absent' };
  }
  return { kind: 'unreadable', error: 'too many messages since the slot' };
}

/** A call that may be repeated freely (a read, opening a DM): retried on 429 and on 5xx / network errors. */
export async function callWithRetry<M extends SlackMethod>(ctx: PostContext, method: M, args: SlackMethods[M]['args']): Promise<SlackReply<SlackMethods[M]['body']>> {
  let failures = 0;
  for (;;) {
    const reply = await ctx.slack.call(method, args, { timeoutMs: timeout(ctx) });
    if (reply.kind === 'ok' || reply.kind === 'error') return reply;
    const wait = reply.kind === 'rate-limited' ? reply.retryAfterMs : backoffMs(++failures, ctx.backoff, ctx.random);
    if (failures >= ctx.maxAttempts || !(await ctx.budget.wait(wait, ctx.sleep))) return reply;
  }
}

function timeout(ctx: PostContext): number {
  return Math.max(1, Math.min(ctx.requestTimeoutMs, ctx.budget.left()));
}

/** The slot id our messages carry in their metadata (typed by Slack as an open object). */
function slotOf(payload: object | undefined): unknown {
  return payload && 'slot_id' in payload ? payload.slot_id : undefined;
}
