import { FakeSlack, mixedFault, type Fault, type SlackCall } from '#local/fake-slack';
import { seededRandom } from '#local/seeded-random';

export interface LimitedFakeSlackOptions {
  /** chat.postMessage calls accepted per second across all channels; beyond, 429 Retry-After 1. */
  globalPerSecond: number;
  /** Slack's ~1 message per second per channel (FakeSlack's own limit). */
  perChannelIntervalMs: number;
  /** Share of calls answered with a fault: 429, 5xx, or a lost answer to work that was done. */
  faultRate: number;
  seed: number;
}


/**
 * FakeSlack with a workspace-wide posting limit on top of its per-channel one, and random faults
 * in `mixedFault` proportions, scaled to `faultRate`.
 * (Built from FakeSlack's `fault` hook, so the shared fake stays as it is.)
 */
export function limitedFakeSlack(options: LimitedFakeSlackOptions): { slack: FakeSlack; faults: Map<string, number>; globalRejections: () => number } {
  const random = seededRandom(options.seed);
  const faults = new Map<string, number>();
  let windowStart = 0;
  let inWindow = 0;
  let rejected = 0;
  const fault = (call: SlackCall): Fault | undefined => {
    if (call.method === 'chat.postMessage') {
      if (call.at - windowStart >= 1000) {
        windowStart = call.at;
        inWindow = 0;
      }
      if (inWindow >= options.globalPerSecond) {
        rejected++;
        return { kind: 'rate-limited', retryAfterSeconds: 1 };
      }
      inWindow++;
    }
    const f = mixedFault(random, options.faultRate);
    if (f) faults.set(f.kind, (faults.get(f.kind) ?? 0) + 1);
    return f;
  };
  const slack = new FakeSlack({ fault, perChannelIntervalMs: options.perChannelIntervalMs });
  return { slack, faults, globalRejections: () => rejected };
}
