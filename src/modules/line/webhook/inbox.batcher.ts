/**
 * App-level group commit for the webhook inbox.
 *
 * Every webhook request must have its events committed before it answers 200. Committing each
 * request on its own costs one statement, one round trip and one WAL flush (fsync) per request;
 * under load that, not the CPU, limits how many requests a second we can acknowledge. So
 * concurrent requests hand their rows to this batcher, which writes everything queued as ONE
 * multi-row INSERT (one commit), and each request awaits the commit of the batch holding its rows.
 *
 * When a batch is written:
 *  - on the next turn of the event loop after the first rows arrive (setImmediate: every request
 *    whose body was read in the same I/O phase joins), so a lone request waits well under 1 ms;
 *  - at once when `maxBatch` rows are queued;
 *  - while a batch is being written, rows wait for it to finish (natural batching: the busier the
 *    database, the bigger the batches), unless it has taken `stallMs` already or a full batch
 *    (`maxBatch`) is queued: then another write starts beside it, up to `maxInFlight` at once.
 *    So under load one write at a time carries everything queued (fewest statements and commits:
 *    bench:webhook's webhook-only throughput, 4,833 req/s with up to 4 writes at once, 5,465 with
 *    1), and a write held up (the database busy with a worker's statements) does not hold up every
 *    request behind it (all-in-one p99 at 200 req/s: 28.9 ms with 1 write at a time, 22.7 ms so).
 * A request's rows are never split between batches. Batches are started in arrival order, and a
 * batch keeps its requests' order, so one request's events get ids in their order (batches written
 * at the same time may interleave their ids; requests have no order among themselves anyway).
 * A failed write rejects every request in that batch (they answer 5xx and LINE redelivers them;
 * the insert skips event ids already stored). Except when the failure is the data's own fault
 * (`retryAlone`, e.g. an event PostgreSQL cannot store): then each request of the batch is
 * written alone, so one bad request cannot keep failing whichever requests share its batch.
 * The queue is bounded: past `maxQueued` rows, add() rejects at once instead of piling up memory.
 */
export class InboxOverloadedError extends Error {
  constructor(queued: number) {
    super(`line inbox: ${queued} events already waiting to be stored; refusing more for now`);
    this.name = 'InboxOverloadedError';
  }
}

export type BatcherOptions<T> = {
  /** Stores one batch in one statement; resolves once it is committed. */
  write: (rows: T[]) => Promise<void>;
  /** Start a write as soon as this many rows are queued. */
  maxBatch?: number;
  /** Refuse new rows while this many are queued (not yet being written). */
  maxQueued?: number;
  /** Batches being written at the same time (each takes one database connection); default 4. */
  maxInFlight?: number;
  /** Another write starts beside running ones only once the newest has run this long; default 2 ms. */
  stallMs?: number;
  /** For a batch of several requests that failed with this error, write each request alone. */
  retryAlone?: (error: unknown) => boolean;
  /** How many rows one item counts for in maxBatch and maxQueued (e.g. a request's events); default 1. */
  size?: (item: T) => number;
};

type Waiting<T> = { rows: T[]; size: number; resolve: () => void; reject: (e: unknown) => void };

export function createBatcher<T>(o: BatcherOptions<T>) {
  const maxBatch = o.maxBatch ?? 1_000;
  const maxQueued = o.maxQueued ?? 20_000;
  const maxInFlight = o.maxInFlight ?? 4;
  const stallMs = o.stallMs ?? 2;
  const sizeOf = o.size ?? (() => 1);
  let queue: Waiting<T>[] = [];
  let queuedRows = 0;
  let inFlight = 0;
  let scheduled = false;
  let lastStart = 0;
  let stallTimer: NodeJS.Timeout | null = null;
  const idle: Array<() => void> = [];

  /** Whether another write may start now; if only the stall rule stops it, flushes again when it allows. */
  function mayStart(): boolean {
    if (inFlight === 0) return true;
    if (inFlight >= maxInFlight) return false;
    if (queuedRows >= maxBatch) return true; // a full batch gains nothing by waiting
    const wait = lastStart + stallMs - performance.now();
    if (wait <= 0) return true;
    stallTimer ??= setTimeout(() => { stallTimer = null; flush(); }, wait);
    return false;
  }

  /** Starts writes while there is something queued and room for another write. */
  function flush() {
    scheduled = false;
    while (queue.length > 0 && mayStart()) {
      // Take whole requests up to maxBatch rows (always at least one request).
      let n = 0;
      let rows = 0;
      while (n < queue.length && (n === 0 || rows + queue[n]!.size <= maxBatch)) rows += queue[n++]!.size;
      const batch = queue.slice(0, n);
      queue = queue.slice(n);
      queuedRows -= rows;
      inFlight++;
      lastStart = performance.now();
      void write(batch);
    }
    if (queue.length === 0 && stallTimer) {
      clearTimeout(stallTimer);
      stallTimer = null;
    }
    if (queue.length === 0 && inFlight === 0) idle.splice(0).forEach((f) => f());
  }

  async function write(batch: Waiting<T>[]) {
    try {
      await o.write(batch.length === 1 ? batch[0]!.rows : batch.flatMap((w) => w.rows));
      for (const w of batch) w.resolve();
    } catch (e) {
      if (batch.length > 1 && o.retryAlone?.(e)) {
        for (const w of batch) await o.write(w.rows).then(w.resolve, w.reject);
      } else {
        for (const w of batch) w.reject(e);
      }
    } finally {
      inFlight--;
      flush();
    }
  }

  return {
    /** Queues rows; resolves when the batch holding them is committed, rejects if it failed. */
    add(rows: T[]): Promise<void> {
      if (rows.length === 0) return Promise.resolve();
      let size = 0;
      for (const r of rows) size += sizeOf(r);
      if (queuedRows + size > maxQueued) return Promise.reject(new InboxOverloadedError(queuedRows));
      return new Promise<void>((resolve, reject) => {
        queue.push({ rows, size, resolve, reject });
        queuedRows += size;
        if (queuedRows >= maxBatch) flush();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    /** Resolves when nothing is queued or being written (for a graceful close). */
    drain(): Promise<void> {
      if (queue.length === 0 && inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
    stats: () => ({ queuedRows, inFlight }),
  };
}

export type Batcher<T> = ReturnType<typeof createBatcher<T>>;
