/**
 * A token bucket for the global send rate of one instance (LINE allows 2,000 push requests/s per
 * channel: https://developers.line.biz/en/reference/messaging-api/#rate-limits). With k instances
 * the total is k × rate unless each is configured lower. After a 429 the bucket pauses for the
 * Retry-After time and halves its rate, then recovers linearly over ~10 s.
 */
export type Timers = { now(): number; sleep(ms: number): Promise<void> };

export const realTimers: Timers = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export function createRateLimiter(ratePerSecond: number, timers: Timers = realTimers) {
  const target = ratePerSecond;
  const capacity = Math.max(1, Math.ceil(target / 20)); // at most 50 ms of burst
  let rate = target;
  let tokens = capacity;
  let last = timers.now();
  let pausedUntil = 0;

  function refill() {
    const t = timers.now();
    // Time spent paused earns neither tokens nor recovery.
    const dt = Math.max(0, t - Math.max(last, pausedUntil)) / 1000;
    last = t;
    if (t < pausedUntil) return;
    rate = Math.min(target, rate + (target / 10) * dt);
    tokens = Math.min(capacity, tokens + rate * dt);
  }

  return {
    /** Resolves when one request may go. */
    async take(): Promise<void> {
      for (;;) {
        refill();
        const wait = pausedUntil - timers.now();
        if (wait > 0) {
          await timers.sleep(wait);
          continue;
        }
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await timers.sleep(Math.max(1, ((1 - tokens) / rate) * 1000));
      }
    },
    /** LINE said 429: stop for `ms`, then go on at half the rate. */
    backOff(ms: number) {
      pausedUntil = Math.max(pausedUntil, timers.now() + ms);
      rate = Math.max(target / 20, rate / 2);
      tokens = 0;
    },
    get rate() {
      return rate;
    },
  };
}

/**
 * When to try a failed send again: exponential from 2 s, capped at 15 min, ±20 % jitter so that
 * instances do not retry in lockstep, and never sooner than LINE's Retry-After.
 * A tiny explicit function rather than p-retry: the retry is persisted (outbox.next_attempt_at) and
 * picked up by whichever instance drains next, not awaited in this process, which would hold the
 * row's lease and forget the schedule on a crash.
 */
export function retryDelayMs(attempts: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  const exp = Math.min(15 * 60_000, 2_000 * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(exp * (0.8 + 0.4 * random()));
  return Math.max(jittered, retryAfterMs ?? 0);
}
