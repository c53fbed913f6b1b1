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

/**
 * Spaces posts to one channel `intervalMs` apart (Slack allows about one a second) and holds a
 * channel back after a 429 for as long as Slack asked. Posts to other channels are not held.
 */
export class ChannelPacer {
  private readonly nextFree = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Takes the channel's next free turn; returns how long to wait for it. */
  reserve(channel: string): number {
    const now = this.clock();
    const at = Math.max(now, this.nextFree.get(channel) ?? 0);
    this.nextFree.set(channel, at + this.intervalMs);
    return at - now;
  }

  /** Slack said 429 with Retry-After: nothing to this channel before then. */
  holdFor(channel: string, ms: number): void {
    this.nextFree.set(channel, Math.max(this.nextFree.get(channel) ?? 0, this.clock() + ms));
  }
}
