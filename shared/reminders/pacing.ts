/** Time keeping for one sweep: how long it may still run, when to try again, when a channel is free. */

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * What is left of the invocation, minus a safety margin kept for recording results: work that
 * cannot finish inside it is not started (or not retried) and stays claimable for the next sweep.
 */
export class Budget {
  constructor(
    private readonly remainingMs: () => number,
    private readonly marginMs: number,
  ) {}

  /** Milliseconds that may still be spent before the margin. */
  left(): number {
    return this.remainingMs() - this.marginMs;
  }

  exhausted(): boolean {
    return this.left() <= 0;
  }

  /** Sleeps `ms` when that still ends before the margin; otherwise returns false at once. */
  async wait(ms: number, sleep: Sleep): Promise<boolean> {
    if (ms >= this.left()) return false;
    if (ms > 0) await sleep(ms);
    return true;
  }
}

export interface PacerOptions {
  /** Gap between two posts to one channel (Slack allows about one a second). */
  channelIntervalMs: number;
  /** Posts a second across the workspace's channels (Slack keeps a workspace-wide limit too). */
  perSecond: number;
  /** A monotonic clock in milliseconds. */
  clock?: () => number;
}

/**
 * Paces one workspace's posts. The workspace gets a turn every `1000 / perSecond` ms, on a fixed
 * grid from the pacer's start; a post takes the first free turn at or after its channel is free
 * (`channelIntervalMs` after its last turn, or a 429's Retry-After). So a channel that must wait
 * books a later turn and leaves the turns before it to channels that can post now: while posts
 * are waiting, no turn goes unused.
 * Turns are when posts may go, but a stalled event loop lets several out late and together, and a
 * request reaches Slack some time after it is sent. So each post, as it goes out, also waits for
 * {@link clearance}: a post counts against the workspace's second from when Slack answered it (the
 * latest Slack can have counted it), and never more than `perSecond` go out within such a second.
 */
export class ChannelPacer {
  private readonly nextFree = new Map<string, number>();
  /**
   * Each channel's booking not yet sent: until when it holds the channel, and whether another
   * booking of the channel was still unsent when it was made.
   */
  private readonly reservations = new Map<string, { until: number; shared: boolean }>();
  /** Grid indices of the turns booked and not yet passed. */
  private readonly booked = new Set<number>();
  private readonly turnMs: number;
  private readonly clock: () => number;
  private readonly origin: number;
  /** The last `perSecond` posts, oldest first: when each was answered (while in flight, when it was sent). */
  private readonly sends: { at: number }[] = [];

  constructor(private readonly options: PacerOptions) {
    this.turnMs = options.perSecond > 0 && Number.isFinite(options.perSecond) ? 1000 / options.perSecond : 0;
    this.clock = options.clock ?? (() => performance.now());
    this.origin = this.clock();
  }

  /** Books the channel's next turn; returns how long to wait for it. */
  reserve(channel: string): number {
    const now = this.clock();
    const at = this.bookTurn(Math.max(now, this.nextFree.get(channel) ?? 0), now);
    this.nextFree.set(channel, at + this.options.channelIntervalMs);
    this.reservations.set(channel, { until: at + this.options.channelIntervalMs, shared: this.reservations.has(channel) });
    return at - now;
  }

  /** Slack said 429 with Retry-After: nothing to this channel before then. */
  holdFor(channel: string, ms: number): void {
    this.nextFree.set(channel, Math.max(this.nextFree.get(channel) ?? 0, this.clock() + ms));
  }

  /** How long a post that has its turn still waits: until a second has passed since the post `perSecond` before it was answered. */
  clearance(): number {
    const oldest = this.sends[0];
    if (this.turnMs === 0 || oldest === undefined || this.sends.length < this.options.perSecond) return 0;
    return Math.max(0, oldest.at + 1000 - this.clock());
  }

  /**
   * A post to `channel` goes out now: its channel's interval runs from now, and it counts against
   * the rate until a second after the returned `answered` is called (when Slack answers).
   * `notPosted` says Slack did not take the post (a 429): the channel is free again (its turn came
   * once the channel was free), unless another post or a 429 has moved it since. The post
   * still counts against the workspace's rate, in which Slack may have counted it. (A 5xx does not
   * give the channel back, even when nothing landed: Slack may have counted that attempt.)
   */
  sent(channel: string): { answered(): void; notPosted(): void } {
    const now = this.clock();
    const booked = this.nextFree.get(channel);
    const reservation = this.reservations.get(channel);
    this.reservations.delete(channel);
    // Given back only when this booking was the channel's only one and is still its last.
    const mayGiveBack = reservation !== undefined && !reservation.shared && reservation.until === booked;
    const until = Math.max(booked ?? 0, now + this.options.channelIntervalMs);
    this.nextFree.set(channel, until);
    const send = { at: now };
    if (this.turnMs > 0) {
      this.sends.push(send);
      while (this.sends.length > this.options.perSecond) this.sends.shift();
    }
    return {
      answered: () => void (send.at = this.clock()),
      notPosted: () => {
        if (mayGiveBack && this.nextFree.get(channel) === until) this.nextFree.delete(channel);
      },
    };
  }

  /** The first free turn at or after `earliest`. */
  private bookTurn(earliest: number, now: number): number {
    if (this.turnMs === 0) return earliest;
    let turn = Math.ceil((earliest - this.origin) / this.turnMs);
    while (this.booked.has(turn)) turn++;
    this.booked.add(turn);
    // Turns already passed can be forgotten: no one can book them any more.
    const passed = Math.floor((now - this.origin) / this.turnMs);
    for (const t of this.booked) if (t < passed) this.booked.delete(t);
    return this.origin + turn * this.turnMs;
  }
}
