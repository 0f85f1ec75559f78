import type { Clock } from '../../shared/clock.ts';
import { LineApiError } from './line.gateway.ts';
import type { InboxRepository } from './inbox.repository.ts';

export type InboxJob = { webhookEventId: string; event: unknown; attempt: number; receivedAt: Date };
export type InboxHandler = (job: InboxJob) => Promise<void>;

type Options = {
  repo: InboxRepository;
  clock: Clock;
  handle: InboxHandler;
  log?: (msg: string, err?: unknown) => void;
  maxAttempts?: number;
  leaseMs?: number;
  batchSize?: number;
  pollMs?: number;
};

/** Backoff between attempts: 5 s, 10 s, 20 s … capped at 10 minutes, or LINE's Retry-After if longer. */
export function retryDelayMs(attempt: number, err: unknown): number {
  const backoff = Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 600_000);
  return err instanceof LineApiError && err.retryAfterMs ? Math.max(err.retryAfterMs, backoff) : backoff;
}

/**
 * Processes the inbox after the webhook has answered: kick() right after an insert, a poll for
 * retries and for rows another instance left behind, and processPending() for tests and the
 * simulator (it waits for a pass already running, so callers see their event handled).
 */
export function createInboxWorker(o: Options) {
  const maxAttempts = o.maxAttempts ?? 6;
  const leaseMs = o.leaseMs ?? 60_000;
  const batchSize = o.batchSize ?? 50;
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;

  async function runOne(row: Awaited<ReturnType<InboxRepository['claim']>>[number]) {
    try {
      await o.handle({ webhookEventId: row.webhookEventId, event: row.event, attempt: row.attempts, receivedAt: row.receivedAt });
      await o.repo.markDone(row.id, o.clock.now());
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      const permanent = err instanceof LineApiError && !err.retryable;
      if (permanent || row.attempts >= maxAttempts) {
        o.log?.(`line inbox: event ${row.webhookEventId} failed for good after ${row.attempts} attempt(s)`, err);
        await o.repo.markFailed(row.id, o.clock.now(), message);
      } else {
        await o.repo.markRetry(row.id, new Date(o.clock.now().getTime() + retryDelayMs(row.attempts, err)), message);
      }
    }
  }

  async function pass(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await o.repo.claim(o.clock.now(), leaseMs, batchSize);
      // In order: one user's messages are answered in the order they were sent.
      for (const row of rows) await runOne(row);
      total += rows.length;
      // On shutdown, stop after the current batch: unclaimed rows wait for the next start.
      if (rows.length < batchSize || stopping) return total;
    }
  }

  function schedule(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let n = 0;
      do {
        again = false;
        n += await pass();
      } while (again);
      return n;
    })().finally(() => { running = null; });
    return running;
  }

  return {
    /** Processes every due row now; resolves when they (and any pass already running) are done. */
    async processPending(): Promise<number> {
      let n = 0;
      while (running) n += await running.catch(() => 0);
      n += await schedule();
      return n;
    },
    /** Fire and forget, right after the webhook answered. */
    kick() {
      setImmediate(() => { schedule().catch((e) => o.log?.('line inbox: processing pass failed', e)); });
    },
    start() {
      stopping = false;
      if (timer) return;
      timer = setInterval(() => { schedule().catch((e) => o.log?.('line inbox: poll failed', e)); }, o.pollMs ?? 2_000);
      timer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      while (running) await running.catch(() => 0);
    },
  };
}

export type InboxWorker = ReturnType<typeof createInboxWorker>;
