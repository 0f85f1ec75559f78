/** The inbox worker's rules (inbox.worker.ts): how wide it works, its lease, its retries, and what keeps events in order. */
import { LineApiError } from '../line.gateway.ts';

/** Different sources (users, groups, rooms) processed at the same time, per instance. */
export const SOURCE_CONCURRENCY = 8;
/**
 * …and while webhook requests keep arriving (kick() within the last BUSY_WINDOW_MS). The worker
 * shares the process (and the database) with the webhook; a backlog processed at full width took
 * the CPU the acknowledgements need. Acknowledging comes first: during a burst processing goes
 * on one source at a time, and widens to SOURCE_CONCURRENCY once the webhook is quiet.
 */
export const BUSY_CONCURRENCY = 1;
/** Sources whose answers go out at the same time: replies wait on LINE (tens of ms each), not on our CPU. */
export const REPLY_CONCURRENCY = 32;
export const BUSY_WINDOW_MS = 100;
/**
 * The nice value of the worker's own thread (INBOX_WORKER_THREAD, src/inbox-processing.ts): when the
 * CPU is short, the main thread's acknowledgements go first (LINE waits for them; answers can
 * wait a moment), and the worker takes whatever CPU is left, all of it on an idle machine. On
 * Linux a nice value belongs to one thread, so this lowers the worker's thread alone.
 */
export const WORKER_THREAD_NICE = 10;
/** How long a stopping worker thread may take to finish its batch before it is terminated (its rows' leases then run out). */
export const WORKER_THREAD_STOP_MS = 15_000;
/** A worker thread that died unexpectedly is started again after this long. */
export const WORKER_THREAD_RESTART_MS = 1_000;
/**
 * Short and renewed (issue 10.3): a live worker renews its batch every LEASE_MS / 3, so a slow
 * LINE does not lose it its rows; a dead one (kill -9, a lost machine) stops renewing and its
 * claimed rows go to another worker within LEASE_MS, not after a minute.
 */
export const LEASE_MS = 10_000;
/** Backoff between attempts: 5 s, 10 s, 20 s … capped at 10 minutes, or LINE's Retry-After if longer. */
export function retryDelayMs(attempt: number, err: unknown): number {
  const backoff = Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 600_000);
  return err instanceof LineApiError && err.retryAfterMs ? Math.max(err.retryAfterMs, backoff) : backoff;
}

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

/** A batch's rows by source (sourceKeyOf), each in id order; the busiest first, so one long queue does not start last and hold up the batch. */
export function groupsBySource<T extends { id: number; event: unknown }>(rows: T[]): T[][] {
  const bySource = new Map<string, T[]>();
  for (const row of rows) {
    const key = sourceKeyOf(row.event, String(row.id));
    const list = bySource.get(key);
    if (list) list.push(row);
    else bySource.set(key, [row]);
  }
  return [...bySource.values()].sort((a, b) => b.length - a.length);
}
