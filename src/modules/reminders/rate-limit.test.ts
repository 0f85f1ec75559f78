import { describe, expect, it } from 'vitest';
import { createRateLimiter, retryDelayMs, type Timers } from './rate-limit.ts';

/** Virtual time: sleeping only moves the clock. */
function virtualTimers(): Timers & { t: number } {
  const v = { t: 0, now: () => v.t, sleep: async (ms: number) => { v.t += ms; } };
  return v;
}

describe('send rate limit', () => {
  it('lets through about `rate` requests per second', async () => {
    const timers = virtualTimers();
    const limiter = createRateLimiter(100, timers);
    for (let i = 0; i < 300; i++) await limiter.take();
    expect(timers.t).toBeGreaterThanOrEqual(2_900);
    expect(timers.t).toBeLessThanOrEqual(3_100);
  });
  it('pauses for Retry-After after a 429 and continues slower', async () => {
    const timers = virtualTimers();
    const limiter = createRateLimiter(100, timers);
    await limiter.take();
    limiter.backOff(5_000);
    await limiter.take();
    expect(timers.t).toBeGreaterThanOrEqual(5_000);
    expect(limiter.rate).toBeLessThan(100);
  });
});

describe('retry delay', () => {
  it('grows exponentially from 2 s, capped at 15 min, never shorter than Retry-After', () => {
    const mid = () => 0.5; // no jitter
    expect(retryDelayMs(1, null, mid)).toBe(2_000);
    expect(retryDelayMs(2, null, mid)).toBe(4_000);
    expect(retryDelayMs(5, null, mid)).toBe(32_000);
    expect(retryDelayMs(30, null, mid)).toBe(15 * 60_000);
    expect(retryDelayMs(1, 120_000, mid)).toBe(120_000);
    expect(retryDelayMs(1, null, () => 0)).toBe(1_600);
    expect(retryDelayMs(1, null, () => 1)).toBe(2_400);
  });
});
