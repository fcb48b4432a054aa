import { RateLimiter } from '../../src/notify/rateLimiter';
import { VirtualClock } from './support/virtualClock';
import { busiestWindow } from './support/windows';


describe('RateLimiter (Teams limits per conversation, virtual clock)', () => {
  it('keeps 100 messages to one conversation within 7/1 s, 8/2 s and 60/30 s without waiting more than needed', async () => {
    const clock = new VirtualClock('2026-06-15T09:00:00Z');
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    for (let i = 0; i < 100; i++) {
      await limiter.acquire('19:general@thread.tacv2');
      starts.push(clock.now().getTime());
    }
    expect(busiestWindow(starts, 1_000)).toBe(7);
    expect(busiestWindow(starts, 2_000)).toBe(8);
    expect(busiestWindow(starts, 30_000)).toBe(60);
    // The first seven go at once; the whole hundred take well under a minute (not one-a-second timidity).
    expect(starts.slice(0, 7).every((t) => t === starts[0])).toBe(true);
    expect(starts[99]! - starts[0]!).toBeLessThan(60_000);
    expect(starts[99]! - starts[0]!).toBeGreaterThanOrEqual(30_000);
  });

  it('limits each conversation on its own', async () => {
    const clock = new VirtualClock('2026-06-15T09:00:00Z');
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 7; i++) await limiter.acquire('channel-a');
    const before = clock.now().getTime();
    await limiter.acquire('chat-b');
    expect(clock.now().getTime()).toBe(before);
    await limiter.acquire('channel-a');
    expect(clock.now().getTime()).toBe(before + 1_000);
  });

  it('keeps the hourly limit of 1,800', async () => {
    const clock = new VirtualClock('2026-06-15T09:00:00Z');
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    for (let i = 0; i < 1_801; i++) {
      await limiter.acquire('channel-a');
      starts.push(clock.now().getTime());
    }
    expect(busiestWindow(starts, 3_600_000)).toBe(1_800);
    expect(starts[1_800]! - starts[0]!).toBeGreaterThanOrEqual(3_600_000);
  });

  it('holds a conversation back for Retry-After after a 429', async () => {
    const clock = new VirtualClock('2026-06-15T09:00:00Z');
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    await limiter.acquire('channel-a');
    const t0 = clock.now().getTime();
    limiter.pause('channel-a', 5_000);
    await limiter.acquire('channel-b');
    expect(clock.now().getTime()).toBe(t0);
    await limiter.acquire('channel-a');
    expect(clock.now().getTime()).toBe(t0 + 5_000);
  });

  it('keeps the app-wide 50 a second across conversations', async () => {
    const clock = new VirtualClock('2026-06-15T09:00:00Z');
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    for (let i = 0; i < 120; i++) {
      await limiter.acquire(`chat-${i}`);
      starts.push(clock.now().getTime());
    }
    expect(busiestWindow(starts, 1_000)).toBe(50);
  });
});
