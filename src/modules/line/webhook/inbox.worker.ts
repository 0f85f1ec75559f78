import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../shared/clock.ts';
import { LineApiError, MAX_MESSAGES_PER_REQUEST } from '../line.gateway.ts';
import type { BatchMemo } from './batch-memo.ts';
import type { ClaimedEvent, InboxRepository } from './inbox.repository.ts';
import type { InboxAnswer, InboxHandler, ReplyRiders } from './inbox.types.ts';
import { inLanes } from './lanes.ts';
import type { Respond } from './responder.ts';
import { BUSY_CONCURRENCY, BUSY_WINDOW_MS, groupsBySource, LEASE_MS, REPLY_CONCURRENCY, retryDelayMs, SOURCE_CONCURRENCY } from './inbox.rules.ts';

export { BUSY_CONCURRENCY, LEASE_MS, REPLY_CONCURRENCY, retryDelayMs, SOURCE_CONCURRENCY, sourceKeyOf } from './inbox.rules.ts';

type Options = {
  repo: InboxRepository;
  /** Opens the transaction that stores a batch's answers with what rides on them (needed with `riders`). */
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
  /** Sources handled side by side (SOURCE_CONCURRENCY). */
  concurrency?: number;
  /** Sources whose answers are sent side by side (REPLY_CONCURRENCY): LINE's latency, not our CPU, is what they wait on. */
  replyConcurrency?: number;
  /**
   * Loads, before a batch is handled, what its events will look up (the senders' officers), in
   * one statement for the whole batch instead of one per source; runs inside memo.run().
   */
  prime?: (events: unknown[]) => Promise<void>;
  pollMs?: number;
  /** Handled events are deleted this long after (INBOX_RETENTION_DAYS); checked hourly. */
  retentionMs?: number;
  /** After each batch (the gateway writes its message log then). */
  afterBatch?: () => Promise<void>;
};

const PURGE_EVERY_MS = 3_600_000;
/** Lets pending I/O callbacks (incoming webhook requests, query results) run before going on. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));
const PURGE_BATCH = 5_000;

type Item = { row: ClaimedEvent; answer: InboxAnswer | null; stored: boolean };
type Done = { id: number; attempts: number; redact?: string };
type Waiting = { users: Set<string>; admins: boolean };
const NOTHING_WAITING: Waiting = { users: new Set(), admins: false };

/**
 * Processes the inbox after the webhook has answered: kick() right after an insert, a poll for
 * retries and for rows another instance left behind, and processPending() for tests and the
 * simulator (it waits for a pass already running, so callers see their event handled).
 *
 * A pass claims a batch (oldest first, FOR UPDATE SKIP LOCKED, a short lease renewed while it
 * works) and groups it by source; each source's events are handled and answered strictly in id
 * order, different sources side by side. A batch, in four steps, so that its writes are a few
 * statements whatever its size:
 *  1. `prime` loads what the events will look up (every sender's officer, one statement); each
 *     event is handled, up to `concurrency` sources at once (its effects commit in their own use
 *     case, keyed so that handling it again changes nothing), giving an answer; an event that
 *     fails is retried on its own;
 *  2. the batch's answers are stored in one statement, in the transaction that also takes what
 *     rides on them (a reminder due today goes with the free reply): a retry after a crash sends
 *     the stored answer, and knows its reply may have gone (responder.ts never pushes it again);
 *  3. the answers go out, up to `replyConcurrency` sources at once (they wait on LINE, not on
 *     our CPU), each source's in order (reply while the token is fresh, else push with a retry
 *     key derived from the event id);
 *  4. the batch is marked done in one statement (codes the events carried are redacted).
 * A crash between 2 and 4 leaves rows whose answers are stored: their retry replays them (above).
 * Pipelined: once a batch's answers are stored (2), the next batch is claimed and handled while
 * they go out (3, 4), and its own answers go out only after them, so each source's answers still
 * leave in order; at most one batch is being answered while the next is handled.
 * Trade-off, unchanged: with several instances, B may claim a source's event 51 while A still
 * works on its event 50, and a retried event is overtaken by that source's later events.
 */
export function createInboxWorker(o: Options) {
  const maxAttempts = o.maxAttempts ?? 6;
  const leaseMs = o.leaseMs ?? LEASE_MS;
  const batchSize = o.batchSize ?? 100;
  const concurrency = o.concurrency ?? SOURCE_CONCURRENCY;
  const replyConcurrency = o.replyConcurrency ?? Math.max(concurrency, REPLY_CONCURRENCY);
  let lastKick = -Infinity;
  let elsewhere: (() => void) | null = null;
  /** How many lanes of `max` may run now: BUSY_CONCURRENCY while webhook requests keep arriving. */
  const width = (max: number) => (performance.now() - lastKick < BUSY_WINDOW_MS ? Math.min(BUSY_CONCURRENCY, max) : max);
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

  /** Handles one source's events in order; an event that fails is recorded on its own row, the others go on. */
  async function handleGroup(rows: ClaimedEvent[], finished: Set<number>): Promise<Item[]> {
    const items: Item[] = [];
    for (const row of rows) {
      if (row.answer) {
        items.push({ row, answer: row.answer as InboxAnswer, stored: true });
        continue;
      }
      // An event whose reads are all shared (batch-reads.ts) runs without touching I/O: without
      // this, a batch's events would run back to back in microtasks while webhook requests of
      // the same process wait to be read and acknowledged.
      await yieldToIo();
      try {
        const answer = await o.handle({ webhookEventId: row.webhookEventId, event: row.event, attempt: row.attempts, receivedAt: row.receivedAt });
        items.push({ row, answer: answer ?? null, stored: false });
      } catch (err) {
        finished.add(row.id);
        await recordFailure(row, err); // this event alone; the others of the group go on
      }
    }
    return items;
  }

  /** Sends one source's stored answers in order; returns the rows to mark done (a failed send is recorded on its row). */
  async function answerGroup(items: Item[], finished: Set<number>): Promise<Done[]> {
    const done: Done[] = [];
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
    return done;
  }

  /**
   * One batch, steps 1 and 2 (see createInboxWorker); returns steps 3 and 4, to run after the
   * previous batch's (or to abandon if those failed: the rows' leases run out and their retries
   * replay the stored answers). The leases are renewed until then.
   */
  async function prepareBatch(rows: ClaimedEvent[]): Promise<{ send(): Promise<void>; abandon(): void }> {
    const groups = groupsBySource(rows);
    // Which 1:1 users have something riding on a reply: one question for the whole batch.
    const users = [...new Set(rows.flatMap((r) => {
      const s = (r.event as { source?: { type?: unknown; userId?: unknown } } | null)?.source;
      return s?.type === 'user' && typeof s.userId === 'string' && !r.answer ? [s.userId] : [];
    }))];
    const finished = new Set<number>();
    // Renew the batch's leases while it works (they fence every write, so rows taken over are left alone).
    const renew = setInterval(() => {
      o.repo.renew(rows.filter((r) => !finished.has(r.id)), o.clock.now(), leaseMs).catch((e) => o.log?.('line inbox: renewing leases failed', e));
    }, Math.max(1_000, Math.floor(leaseMs / 3)));
    renew.unref();
    let handled: Item[][];
    try {
      const [waiting] = await Promise.all([
        o.riders && users.length ? o.riders.waiting(users, o.clock.now()) : NOTHING_WAITING,
        o.prime?.(rows.filter((r) => !r.answer).map((r) => r.event)),
      ]);
      handled = new Array(groups.length);
      await inLanes(groups, () => width(concurrency), async (g, at) => { handled[at] = await handleGroup(g, finished); });
      await store(handled.flat(), waiting);
    } catch (e) {
      clearInterval(renew);
      throw e;
    }
    return { abandon: () => clearInterval(renew), send: async () => {
      try {
        const done: Done[][] = new Array(groups.length);
        await inLanes(handled, () => width(replyConcurrency), async (items, at) => { done[at] = await answerGroup(items, finished); });
        const all = done.flat();
        await o.repo.markDone(all, o.clock.now());
        for (const d of all) finished.add(d.id);
      } finally {
        clearInterval(renew);
        await o.afterBatch?.();
      }
    } };
  }

  async function pass(): Promise<number> {
    let total = 0;
    // The previous batch's answers going out (steps 3 and 4) while this one is claimed and handled.
    let sending: Promise<void> = Promise.resolve();
    try {
      for (;;) {
        const rows = await o.repo.claim(o.clock.now(), leaseMs, batchSize);
        const send = rows.length ? await (o.memo ? o.memo.run(() => prepareBatch(rows)) : prepareBatch(rows)) : null;
        // A source's answers leave in order: this batch's after the previous one's.
        await sending.catch((e) => { send?.abandon(); throw e; });
        sending = send ? send.send() : Promise.resolve();
        sending.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
        total += rows.length;
        // On shutdown, stop after the current batch: unclaimed rows wait for the next start.
        if (rows.length < batchSize || stopping) {
          await sending;
          return total;
        }
      }
    } finally {
      await sending.catch(() => {}); // never left running behind a pass that failed
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
      if (elsewhere) return elsewhere();
      lastKick = performance.now();
      setImmediate(() => { schedule().catch((e) => o.log?.('line inbox: processing pass failed', e)); });
    },
    /**
     * This process's events are handled by a worker elsewhere (src/inbox-processing.ts: on a thread of its
     * own): from now on kick() wakes that one, and nothing runs here unless asked (processPending).
     */
    handOver(wake: () => void) {
      elsewhere = wake;
    },
    purge,
    start() {
      stopping = false;
      if (timer) return;
      const poll = () => { schedule().catch((e) => o.log?.('line inbox: poll failed', e)); };
      timer = setInterval(poll, o.pollMs ?? 2_000);
      timer.unref();
      poll(); // what waits already (a worker instance starting on a backlog) need not wait for the first tick
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
