import pLimit from 'p-limit';

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Politeness towards agency websites: at most `concurrency` checks at once overall (p-limit), one
 * at a time per host, and at least `hostIntervalMs` between two requests to the same host. Most
 * of an organization's links are on its own website, so the per-host spacing sets the pace.
 */
export function createThrottle({ concurrency, hostIntervalMs, sleep = realSleep }: { concurrency: number; hostIntervalMs: number; sleep?: Sleep }) {
  const limit = pLimit(concurrency);
  const hosts = new Map<string, Promise<unknown>>();
  return function run<T>(host: string, job: () => Promise<T>): Promise<T> {
    const previous = hosts.get(host) ?? Promise.resolve();
    let first = !hosts.has(host);
    const next = previous.then(async () => {
      if (!first && hostIntervalMs > 0) await sleep(hostIntervalMs);
      first = false;
      return limit(job);
    });
    hosts.set(host, next.catch(() => undefined));
    return next;
  };
}
