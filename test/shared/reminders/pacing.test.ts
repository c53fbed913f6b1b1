import { describe, expect, it } from 'vitest';
import { ChannelPacer } from '#shared/reminders/pacing';

/** A clock that only the test moves. */
function virtualClock() {
  const clock = { now: 0, read: () => clock.now };
  return clock;
}

describe('channel pacer', () => {
  it('gives the workspace one turn every 1000 / rate ms, in the order posts ask', () => {
    const clock = virtualClock();
    const pacer = new ChannelPacer({ channelIntervalMs: 1100, perSecond: 25, clock: clock.read });
    expect(['C1', 'C2', 'C3', 'C4'].map((c) => pacer.reserve(c))).toEqual([0, 40, 80, 120]);
  });

  it('spaces posts to one channel by its interval, each on the first free turn after that', () => {
    const clock = virtualClock();
    const pacer = new ChannelPacer({ channelIntervalMs: 1100, perSecond: 25, clock: clock.read });
    expect(pacer.reserve('C1')).toBe(0);
    expect(pacer.reserve('C1')).toBe(1120);
    clock.now = 1120;
    expect(pacer.reserve('C1')).toBe(1120);
  });

  it('leaves the turns before a held channel to channels that can post now', () => {
    const clock = virtualClock();
    const pacer = new ChannelPacer({ channelIntervalMs: 1100, perSecond: 10, clock: clock.read });
    expect(pacer.reserve('C1')).toBe(0);
    // Slack answered C1 with 429 Retry-After 1.
    pacer.holdFor('C1', 1000);
    expect(pacer.reserve('C1')).toBe(1100);
    // The turns at 100 … 1000 ms still go to others; the one C1 booked is skipped.
    const others = Array.from({ length: 11 }, (_, i) => pacer.reserve(`C${i + 2}`));
    expect(others).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1200]);
  });

  it('does not bank turns that passed unused', () => {
    const clock = virtualClock();
    const pacer = new ChannelPacer({ channelIntervalMs: 1100, perSecond: 10, clock: clock.read });
    expect(pacer.reserve('C1')).toBe(0);
    clock.now = 5_050;
    expect([pacer.reserve('C2'), pacer.reserve('C3')]).toEqual([50, 150]);
  });

  it('paces only per channel when the workspace has no rate', () => {
    const clock = virtualClock();
    const pacer = new ChannelPacer({ channelIntervalMs: 60, perSecond: Number.POSITIVE_INFINITY, clock: clock.read });
    expect([pacer.reserve('C1'), pacer.reserve('C2'), pacer.reserve('C1')]).toEqual([0, 0, 60]);
  });
});

describe('channel pacer, as posts actually go out', () => {
  it('holds a post back while the last second already had the rate of posts sent, however late they went', () => {
    const clock = virtualClock();
    const pacer = new ChannelPacer({ channelIntervalMs: 1100, perSecond: 10, clock: clock.read });
    const turns = Array.from({ length: 12 }, (_, i) => pacer.reserve(`C${i}`));
    expect(turns).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100]);
    // The first goes on time; a stall lets the next nine out together at 950 ms.
    expect(pacer.clearance()).toBe(0);
    pacer.sent('C0');
    clock.now = 950;
    for (let i = 1; i < 10; i++) {
      expect(pacer.clearance()).toBe(0);
      pacer.sent(`C${i}`);
    }
    // The turn at 1000 ms may go: one second after the first send.
    clock.now = 1000;
    expect(pacer.clearance()).toBe(0);
    pacer.sent('C10');
    // The turn at 1100 ms would make eleven within the second since 950 ms: it waits until 1950 ms.
    clock.now = 1100;
    expect(pacer.clearance()).toBe(850);
    clock.now = 1950;
    expect(pacer.clearance()).toBe(0);
  });

  it('counts a post against the rate from when Slack answered it, the latest Slack can have counted it', () => {
    const clock = virtualClock();
    const pacer = new ChannelPacer({ channelIntervalMs: 1100, perSecond: 2, clock: clock.read });
    const first = pacer.sent('C1');
    pacer.sent('C2').answered();
    // The first post's answer comes 30 ms after it went out.
    clock.now = 30;
    first.answered();
    clock.now = 1000;
    expect(pacer.clearance()).toBe(30);
    clock.now = 1030;
    expect(pacer.clearance()).toBe(0);
  });

  it('spaces a channel by its interval from when its post went out, not only from its turn', () => {
    const clock = virtualClock();
    const pacer = new ChannelPacer({ channelIntervalMs: 1100, perSecond: 10, clock: clock.read });
    expect(pacer.reserve('C1')).toBe(0);
    // The post went out 300 ms after its turn.
    clock.now = 300;
    pacer.sent('C1');
    expect(pacer.reserve('C1')).toBe(1100);
  });

  it('holds nothing back when the workspace has no rate', () => {
    const clock = virtualClock();
    const pacer = new ChannelPacer({ channelIntervalMs: 60, perSecond: Number.POSITIVE_INFINITY, clock: clock.read });
    for (let i = 0; i < 50; i++) pacer.sent(`C${i}`);
    expect(pacer.clearance()).toBe(0);
  });
});

describe('channel pacer, when Slack did not take a post', () => {
  it('gives the channel back at once: the retry takes the next turn, not one a channel interval later', () => {
    const clock = virtualClock();
    const pacer = new ChannelPacer({ channelIntervalMs: 1100, perSecond: 25, clock: clock.read });
    expect(pacer.reserve('C1')).toBe(0);
    const post = pacer.sent('C1');
    clock.now = 200;
    post.answered();
    post.notPosted();
    expect(pacer.reserve('C1')).toBe(0);
  });

  it('keeps the spacing from the channel post before it, which did land', () => {
    const clock = virtualClock();
    const pacer = new ChannelPacer({ channelIntervalMs: 1100, perSecond: 10, clock: clock.read });
    pacer.reserve('C1');
    pacer.sent('C1').answered();
    clock.now = 1100;
    expect(pacer.reserve('C1')).toBe(0);
    const retried = pacer.sent('C1');
    clock.now = 1300;
    retried.notPosted();
    // Free again as the first post left it (1,100 ms after it): the next turn is now.
    expect(pacer.reserve('C1')).toBe(0);
  });

  it('gives nothing back while another post to the channel is booked, or after a 429 moved it', () => {
    const clock = virtualClock();
    const pacer = new ChannelPacer({ channelIntervalMs: 1100, perSecond: 25, clock: clock.read });
    expect([pacer.reserve('C1'), pacer.reserve('C1')]).toEqual([0, 1120]);
    pacer.sent('C1').notPosted();
    expect(pacer.reserve('C1')).toBe(2240);

    pacer.reserve('C2');
    const held = pacer.sent('C2');
    pacer.holdFor('C2', 3000);
    held.notPosted();
    expect(pacer.reserve('C2')).toBe(3000);
  });
});
