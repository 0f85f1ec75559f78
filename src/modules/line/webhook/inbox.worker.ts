import type { Clock } from '../../../shared/clock.ts';
import { LineApiError } from '../line.gateway.ts';
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
  /** Sources processed side by side (SOURCE_CONCURRENCY). */
  concurrency?: number;
  pollMs?: number;
};

type Claimed = Awaited<ReturnType<InboxRepository['claim']>>[number];

/** Backoff between attempts: 5 s, 10 s, 20 s … capped at 10 minutes, or LINE's Retry-After if longer. */
export function retryDelayMs(attempt: number, err: unknown): number {
  const backoff = Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 600_000);
  return err instanceof LineApiError && err.retryAfterMs ? Math.max(err.retryAfterMs, backoff) : backoff;
}

/** Different sources (users, groups, rooms) processed at the same time, per instance. */
export const SOURCE_CONCURRENCY = 8;
/**
 * …and while webhook requests keep arriving (kick() within the last BUSY_WINDOW_MS). The worker
 * shares the process (and the database) with the webhook; a backlog processed at full width took
 * the CPU the acknowledgements need (p99 at 200 req/s went from ~20 to 27-42 ms in bench:webhook).
 * Acknowledging comes first: during a burst processing goes on one source at a time, as it used
 * to, and widens to SOURCE_CONCURRENCY once the webhook is quiet.
 */
export const BUSY_CONCURRENCY = 1;
const BUSY_WINDOW_MS = 100;

/**
 * The conversation an event belongs to: its group or room, else its user. Events with the same
 * key are processed one after another in inbox order, so one chat's messages are answered in the
 * order they were sent; different keys run side by side. An event without a source (none of
 * the kinds we answer) gets a key of its own.
 */
export function sourceKeyOf(event: unknown, fallback: string): string {
  const s = (event as { source?: { groupId?: unknown; roomId?: unknown; userId?: unknown } } | null)?.source;
  const id = s?.groupId ?? s?.roomId ?? s?.userId;
  return typeof id === 'string' ? id : `event:${fallback}`;
}

/**
 * Processes the inbox after the webhook has answered: kick() right after an insert, a poll for
 * retries and for rows another instance left behind, and processPending() for tests and the
 * simulator (it waits for a pass already running, so callers see their event handled).
 *
 * A pass claims a batch (oldest first, FOR UPDATE SKIP LOCKED with a lease), groups it by source
 * and runs the groups with up to `concurrency` at once, each group strictly in id order; the next
 * batch is claimed only when the whole batch is done, so within one instance a source's later
 * event never overtakes an earlier one. Trade-off, unchanged from one-at-a-time processing:
 * with several instances, B may claim a source's event 51 while A still works on its event 50
 * (SKIP LOCKED skips A's leased rows), and a retried event is overtaken by that source's later
 * events while it waits for its backoff. Preventing that would take a per-source lock or column;
 * for chat answers the rare reordering across instances is acceptable.
 */
export function createInboxWorker(o: Options) {
  const maxAttempts = o.maxAttempts ?? 6;
  const leaseMs = o.leaseMs ?? 60_000;
  const batchSize = o.batchSize ?? 100;
  const concurrency = o.concurrency ?? SOURCE_CONCURRENCY;
  let lastKick = -Infinity;
  const width = () => (performance.now() - lastKick < BUSY_WINDOW_MS ? Math.min(BUSY_CONCURRENCY, concurrency) : concurrency);
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;

  async function runOne(row: Claimed) {
    // A row that waited in its batch past our lease may belong to another worker by now.
    if (!(await o.repo.begin(row, o.clock.now(), leaseMs))) return;
    try {
      await o.handle({ webhookEventId: row.webhookEventId, event: row.event, attempt: row.attempts, receivedAt: row.receivedAt });
      await o.repo.markDone(row, o.clock.now());
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      const permanent = err instanceof LineApiError && !err.retryable;
      if (permanent || row.attempts >= maxAttempts) {
        o.log?.(`line inbox: event ${row.webhookEventId} failed for good after ${row.attempts} attempt(s)`, err);
        await o.repo.markFailed(row, o.clock.now(), message);
      } else {
        await o.repo.markRetry(row, new Date(o.clock.now().getTime() + retryDelayMs(row.attempts, err)), message);
      }
    }
  }

  /** One batch: its sources side by side, each source's events in order. Settles only when all are done. */
  async function runBatch(rows: Claimed[]) {
    const bySource = new Map<string, Claimed[]>();
    for (const row of rows) {
      const key = sourceKeyOf(row.event, String(row.id));
      const list = bySource.get(key);
      if (list) list.push(row);
      else bySource.set(key, [row]);
    }
    // Busiest sources first, so one long queue does not start last and hold up the batch.
    const groups = [...bySource.values()].sort((a, b) => b.length - a.length);
    let next = 0;
    let failure: { error: unknown } | null = null;
    async function lane(_: unknown, index: number) {
      // A lane beyond the current width stops after its group; the others take the rest.
      while (next < groups.length && index < width()) {
        const group = groups[next++]!;
        // runOne records a handler's failure on the row; only the database failing lands here.
        // Other lanes still finish their rows (they are leased to us), then the pass reports it.
        try {
          for (const row of group) await runOne(row);
        } catch (error) {
          failure ??= { error };
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, lane));
    if (failure) throw (failure as { error: unknown }).error;
  }

  async function pass(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await o.repo.claim(o.clock.now(), leaseMs, batchSize);
      await runBatch(rows);
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
      lastKick = performance.now();
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
