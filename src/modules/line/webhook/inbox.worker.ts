import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../shared/clock.ts';
import { LineApiError, MAX_MESSAGES_PER_REQUEST } from '../line.gateway.ts';
import type { BatchMemo } from './batch-memo.ts';
import type { ClaimedEvent, InboxRepository } from './inbox.repository.ts';
import type { InboxAnswer, InboxHandler, ReplyRiders } from './inbox.types.ts';
import type { Respond } from './responder.ts';

type Options = {
  repo: InboxRepository;
  /** Opens the transaction that stores a group's answers with what rides on them (needed with `riders`). */
  transaction?: <T>(fn: (tx: Db) => Promise<T>) => Promise<T>;
  clock: Clock;
  handle: InboxHandler;
  respond?: Respond;
  riders?: ReplyRiders;
  /** Loads shared by the events of one batch (the sender's officer, group, cycle): see batch-memo.ts. */
  memo?: BatchMemo;
  log?: (msg: string, err?: unknown) => void;
  maxAttempts?: number;
  leaseMs?: number;
  batchSize?: number;
  /** Sources processed side by side (SOURCE_CONCURRENCY). */
  concurrency?: number;
  pollMs?: number;
  /** Handled events are deleted this long after (INBOX_RETENTION_DAYS); checked hourly. */
  retentionMs?: number;
  /** After each batch (the gateway writes its message log then). */
  afterBatch?: () => Promise<void>;
};

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
 * the CPU the acknowledgements need. Acknowledging comes first: during a burst processing goes
 * on one source at a time, and widens to SOURCE_CONCURRENCY once the webhook is quiet.
 */
export const BUSY_CONCURRENCY = 1;
const BUSY_WINDOW_MS = 100;
/**
 * Short and renewed (issue 10.3): a live worker renews its batch every LEASE_MS / 3, so a slow
 * LINE does not lose it its rows; a dead one (kill -9, a lost machine) stops renewing and its
 * claimed rows go to another worker within LEASE_MS, not after a minute.
 */
export const LEASE_MS = 10_000;
const PURGE_EVERY_MS = 3_600_000;
const PURGE_BATCH = 5_000;

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

type Item = { row: ClaimedEvent; answer: InboxAnswer | null; stored: boolean };
type Waiting = { users: Set<string>; admins: boolean };
const NOTHING_WAITING: Waiting = { users: new Set(), admins: false };

/**
 * Processes the inbox after the webhook has answered: kick() right after an insert, a poll for
 * retries and for rows another instance left behind, and processPending() for tests and the
 * simulator (it waits for a pass already running, so callers see their event handled).
 *
 * A pass claims a batch (oldest first, FOR UPDATE SKIP LOCKED, a short lease renewed while it
 * works), groups it by source and runs the groups with up to `concurrency` at once, each group
 * strictly in id order; the next batch is claimed only when the whole batch is done. A group:
 *  1. each event is handled (its effects commit in their own use case, keyed so that handling it
 *     again changes nothing), giving an answer; an event that fails is retried on its own;
 *  2. the group's answers are stored in one statement, in the transaction that also takes what
 *     rides on them (a reminder due today goes with the free reply): a retry after a crash sends
 *     the stored answer, and knows its reply may have gone (responder.ts never pushes it again);
 *  3. the answers go out in order (reply while the token is fresh, else push with a retry key
 *     derived from the event id);
 *  4. the group is marked done in one statement (codes the events carried are redacted).
 * Trade-off, unchanged: with several instances, B may claim a source's event 51 while A still
 * works on its event 50, and a retried event is overtaken by that source's later events.
 */
export function createInboxWorker(o: Options) {
  const maxAttempts = o.maxAttempts ?? 6;
  const leaseMs = o.leaseMs ?? LEASE_MS;
  const batchSize = o.batchSize ?? 100;
  const concurrency = o.concurrency ?? SOURCE_CONCURRENCY;
  let lastKick = -Infinity;
  const width = () => (performance.now() - lastKick < BUSY_WINDOW_MS ? Math.min(BUSY_CONCURRENCY, concurrency) : concurrency);
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let purgeTimer: NodeJS.Timeout | null = null;
  let stopping = false;

  async function recordFailure(row: ClaimedEvent, err: unknown) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    const permanent = err instanceof LineApiError && !err.retryable;
    if (permanent || row.attempts >= maxAttempts) {
      o.log?.(`line inbox: event ${row.webhookEventId} failed for good after ${row.attempts} attempt(s)`, err);
      await o.repo.markFailed(row, o.clock.now(), message);
    } else {
      // An error answer from LINE means nothing went; a timeout (status 0) leaves it open.
      const replyRefused = err instanceof LineApiError && err.status > 0 && !(err as { afterReply?: boolean }).afterReply;
      await o.repo.markRetry(row, new Date(o.clock.now().getTime() + retryDelayMs(row.attempts, err)), message, { replyRefused });
    }
  }

  /** Stores the new answers with what rides on them, in one transaction, before any reply goes. */
  async function store(items: Item[], waiting: Waiting) {
    const fresh = items.filter((i) => !i.stored && i.answer && i.answer.messages.length > 0);
    if (!fresh.length) return;
    const riding = fresh.filter((i) => {
      const r = i.answer!.rider;
      return r && (waiting.users.has(r.lineUserId) || (waiting.admins && r.isAdmin));
    });
    if (!riding.length || !o.riders || !o.transaction) {
      await o.repo.storeAnswers(undefined, fresh.map((i) => ({ id: i.row.id, attempts: i.row.attempts, answer: i.answer })), o.clock.now());
      return;
    }
    await o.transaction(async (tx) => {
      const extra = await o.riders!.take(tx, riding.map((i) => ({ rider: i.answer!.rider!, room: MAX_MESSAGES_PER_REQUEST - i.answer!.messages.length })), o.clock.now());
      for (const i of riding) {
        const more = extra.get(i.answer!.rider!.lineUserId);
        if (more?.length) {
          i.answer!.messages = [...i.answer!.messages, ...more];
          extra.delete(i.answer!.rider!.lineUserId); // one reply carries them
        }
      }
      await o.repo.storeAnswers(tx, fresh.map((i) => ({ id: i.row.id, attempts: i.row.attempts, answer: i.answer })), o.clock.now());
    });
  }

  /** One source's events of the batch, in order (see createInboxWorker); `finished` collects rows no longer to renew. */
  async function runGroup(rows: ClaimedEvent[], finished: Set<number>, waiting: Waiting) {
    const items: Item[] = [];
    for (const row of rows) {
      if (row.answer) {
        items.push({ row, answer: row.answer as InboxAnswer, stored: true });
        continue;
      }
      try {
        const answer = await o.handle({ webhookEventId: row.webhookEventId, event: row.event, attempt: row.attempts, receivedAt: row.receivedAt });
        items.push({ row, answer: answer ?? null, stored: false });
      } catch (err) {
        finished.add(row.id);
        await recordFailure(row, err); // this event alone; the others of the group go on
      }
    }
    await store(items, waiting);
    const done: Array<{ id: number; attempts: number; redact?: string }> = [];
    for (const i of items) {
      if (i.answer && i.answer.messages.length > 0 && o.respond) {
        try {
          await o.respond(i.answer.conv, i.answer.messages, { replyStarted: i.row.replyStarted });
        } catch (err) {
          finished.add(i.row.id);
          await recordFailure(i.row, err);
          continue;
        }
      }
      done.push({ id: i.row.id, attempts: i.row.attempts, ...(i.answer?.redact ? { redact: i.answer.redact } : {}) });
    }
    await o.repo.markDone(done, o.clock.now());
    for (const d of done) finished.add(d.id);
  }

  /** One batch: its sources side by side, each source's events in order. Settles only when all are done. */
  async function runBatch(rows: ClaimedEvent[]) {
    const bySource = new Map<string, ClaimedEvent[]>();
    for (const row of rows) {
      const key = sourceKeyOf(row.event, String(row.id));
      const list = bySource.get(key);
      if (list) list.push(row);
      else bySource.set(key, [row]);
    }
    // Busiest sources first, so one long queue does not start last and hold up the batch.
    const groups = [...bySource.values()].sort((a, b) => b.length - a.length);
    // Which 1:1 users have something riding on a reply: one question for the whole batch.
    const users = [...new Set(rows.flatMap((r) => {
      const s = (r.event as { source?: { type?: unknown; userId?: unknown } } | null)?.source;
      return s?.type === 'user' && typeof s.userId === 'string' && !r.answer ? [s.userId] : [];
    }))];
    const waiting = o.riders && users.length ? await o.riders.waiting(users, o.clock.now()) : NOTHING_WAITING;
    let next = 0;
    let failure: { error: unknown } | null = null;
    const finished = new Set<number>();
    async function lane(_: unknown, index: number) {
      // A lane beyond the current width stops after its group; the others take the rest.
      while (next < groups.length && index < width()) {
        const group = groups[next++]!;
        // Handler and LINE failures are recorded on their rows; only the database failing lands here.
        try {
          await runGroup(group, finished, waiting);
        } catch (error) {
          failure ??= { error };
        }
      }
    }
    // Renew the batch's leases while it works (they fence every write, so rows taken over are left alone).
    const renew = setInterval(() => {
      o.repo.renew(rows.filter((r) => !finished.has(r.id)), o.clock.now(), leaseMs).catch((e) => o.log?.('line inbox: renewing leases failed', e));
    }, Math.max(1_000, Math.floor(leaseMs / 3)));
    renew.unref();
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, lane));
    } finally {
      clearInterval(renew);
    }
    if (failure) throw (failure as { error: unknown }).error;
  }

  async function pass(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await o.repo.claim(o.clock.now(), leaseMs, batchSize);
      if (rows.length) {
        try {
          await (o.memo ? o.memo.run(() => runBatch(rows)) : runBatch(rows));
        } finally {
          await o.afterBatch?.();
        }
      }
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

  /** Deletes handled events past the retention period, a bounded number at a time. */
  async function purge(): Promise<number> {
    if (!o.retentionMs) return 0;
    const before = new Date(o.clock.now().getTime() - o.retentionMs);
    let total = 0;
    for (let n = PURGE_BATCH; n === PURGE_BATCH && !stopping; total += n) n = await o.repo.purge(before, PURGE_BATCH);
    return total;
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
    purge,
    start() {
      stopping = false;
      if (timer) return;
      timer = setInterval(() => { schedule().catch((e) => o.log?.('line inbox: poll failed', e)); }, o.pollMs ?? 2_000);
      timer.unref();
      const purgeNow = () => { purge().catch((e) => o.log?.('line inbox: purge failed', e)); };
      purgeNow();
      purgeTimer = setInterval(purgeNow, PURGE_EVERY_MS);
      purgeTimer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      if (purgeTimer) clearInterval(purgeTimer);
      timer = null;
      purgeTimer = null;
      while (running) await running.catch(() => 0);
    },
  };
}

export type InboxWorker = ReturnType<typeof createInboxWorker>;
