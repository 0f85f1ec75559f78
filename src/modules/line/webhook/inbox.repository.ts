import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../db/client.ts';
import { preparedStatement } from '../../../db/prepared.ts';
import { lineInbox } from '../line.table.ts';

export type NewInboxEvent = { webhookEventId: string; destination: string | null; event: unknown };
/** An event with the time its webhook request arrived. */
export type NewInboxRow = NewInboxEvent & { at: Date };
/**
 * One webhook request's events as the route hands them over (requests of several share one batch):
 * `body` is JSON text of an object whose `events` are the events to store, in order, with their
 * inbox keys in `keys` (the signed body itself, when PostgreSQL can store it as it is).
 */
export type InboxRequest = { at: Date; destination: string | null; keys: string[]; body: string };

/** A row as a worker holds it: `attempts` is the fencing token of its claim. */
export type ClaimedEvent = {
  id: number;
  webhookEventId: string;
  event: unknown;
  attempts: number;
  receivedAt: Date;
  /** Stored by an earlier attempt (see storeAnswers), with whether its reply may have gone. */
  answer: unknown;
  replyStarted: boolean;
};

export type Held = { id: number; attempts: number };

/**
 * A failed inbox insert, told without the driver's error: drizzle's error text repeats the query
 * parameters, i.e. people's messages, which must not reach the logs. Keeps PostgreSQL's SQLSTATE.
 */
export class InboxInsertError extends Error {
  readonly sqlState: string | undefined;
  constructor(events: number, cause: unknown) {
    const driver = (cause as { cause?: unknown } | null)?.cause ?? cause;
    const code = (driver as { code?: unknown } | null)?.code;
    const text = driver instanceof Error && !driver.message.startsWith('Failed query') ? `: ${driver.message.split('\n')[0]}` : '';
    super(`line inbox: storing ${events} event(s) failed${typeof code === 'string' ? ` (${code})` : ''}${text}`);
    this.name = 'InboxInsertError';
    this.sqlState = typeof code === 'string' ? code : undefined;
  }

  /** SQLSTATE class 22, data exception (e.g. \u0000 in a text): the rows' fault, not the database's. */
  get isDataError(): boolean {
    return this.sqlState?.startsWith('22') ?? false;
  }
}

const held = (row: Held) => and(eq(lineInbox.id, row.id), eq(lineInbox.attempts, row.attempts), eq(lineInbox.status, 'pending'));
/** The rows a worker holds, as one JSON parameter PostgreSQL unpacks (one statement for a whole group). */
const heldJson = (rows: Array<Held & Record<string, unknown>>) => JSON.stringify(rows);

/**
 * SQL for the durable webhook inbox (line_inbox). Every statement a worker makes covers a whole
 * batch or source group (rows travel as one JSON parameter), so handling an event costs a
 * fraction of a statement here; every write is fenced by the claim's attempt number.
 */
export function createInboxRepository(db: Db) {
  /**
   * Stores the events of whole requests in ONE statement (one commit), skipping event ids already
   * stored (LINE's redeliveries, and duplicates within the batch: DO NOTHING also covers rows of
   * the same statement). The requests travel as a single JSON parameter PostgreSQL unpacks, each
   * with its body as JSON text spliced in unchanged (Node neither re-serialises the events nor
   * maps columns; PostgreSQL parses each event once, as it must to store jsonb): one short constant
   * SQL text whatever the batch size, prepared once per connection (one round trip per batch, no
   * parsing or planning by PostgreSQL each time). Ids follow the order given (requests, then events:
   * `with ordinality … order by`), which the worker relies on for per-source ordering.
   */
  const insertStatement = preparedStatement(db, 'line_inbox_insert', sql`
    insert into line_inbox (webhook_event_id, destination, event, status, next_attempt_at, received_at)
    select q->2->>(en::int - 1), q->>1, e, 'pending', (q->>0)::timestamptz, (q->>0)::timestamptz
    from jsonb_array_elements(${sql.placeholder('requests')}::jsonb) with ordinality as r(q, rn),
      jsonb_array_elements(q->3->'events') with ordinality as t(e, en)
    order by rn, en
    on conflict (webhook_event_id) do nothing`);
  async function insertRequests(requests: InboxRequest[]): Promise<void> {
    if (requests.length === 0) return;
    const parts = requests.map((r) => `[${JSON.stringify(r.at.toISOString())},${JSON.stringify(r.destination)},${JSON.stringify(r.keys)},${r.body}]`);
    const events = requests.reduce((n, r) => n + r.keys.length, 0);
    try {
      await insertStatement({ requests: `[${parts.join(',')}]` });
    } catch (e) {
      throw new InboxInsertError(events, e);
    }
  }
  /** Events given one by one (the simulator, tests): each its own request, in order. */
  const insertRows = (rows: NewInboxRow[]) =>
    insertRequests(rows.map((r) => ({ at: r.at, destination: r.destination, keys: [r.webhookEventId], body: JSON.stringify({ events: [r.event] }) })));

  // The worker's statements, a few per batch, prepared like the insert (one round trip each, parsed once).
  const claimStatement = preparedStatement(db, 'line_inbox_claim', sql`
    update line_inbox set locked_until = ${sql.placeholder('until')}::timestamptz, attempts = attempts + 1
    where id in (
      select id from line_inbox
      where status = 'pending' and next_attempt_at <= ${sql.placeholder('now')}::timestamptz
        and (locked_until is null or locked_until <= ${sql.placeholder('now')}::timestamptz)
      order by id
      limit ${sql.placeholder('limit')}
      for update skip locked
    )
    returning id, webhook_event_id, event, attempts, received_at, answer, reply_started_at`);
  const renewStatement = preparedStatement(db, 'line_inbox_renew', sql`
    update line_inbox i set locked_until = ${sql.placeholder('until')}::timestamptz
    from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as h(id bigint, attempts int)
    where i.id = h.id and i.attempts = h.attempts and i.status = 'pending'`);
  const storeAnswersSql = sql`
    update line_inbox i set answer = h.answer, reply_started_at = ${sql.placeholder('at')}::timestamptz
    from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as h(id bigint, attempts int, answer jsonb)
    where i.id = h.id and i.attempts = h.attempts and i.status = 'pending'`;
  const storeAnswersStatement = preparedStatement(db, 'line_inbox_store_answers', storeAnswersSql);
  const markDoneStatement = preparedStatement(db, 'line_inbox_mark_done', sql`
    update line_inbox i set status = 'done', processed_at = ${sql.placeholder('at')}::timestamptz, locked_until = null, last_error = null,
      event = case when h.redact is null then i.event else jsonb_set(i.event, '{message,text}', to_jsonb(h.redact)) end
    from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as h(id bigint, attempts int, redact text)
    where i.id = h.id and i.attempts = h.attempts and i.status = 'pending'`);

  return {
    /** One webhook request's events (see insertRows). */
    async insert(events: NewInboxEvent[], at: Date): Promise<void> {
      await insertRows(events.map((e) => ({ ...e, at })));
    },

    insertRows,
    insertRequests,

    /**
     * Claims up to `limit` due rows for `leaseMs`. SKIP LOCKED plus the lease let several
     * instances share one database without processing a row twice at the same time.
     */
    async claim(now: Date, leaseMs: number, limit: number): Promise<ClaimedEvent[]> {
      const until = new Date(now.getTime() + leaseMs);
      const result = await claimStatement({ until: until.toISOString(), now: now.toISOString(), limit });
      type Raw = { id: number | string; webhook_event_id: string; event: unknown; attempts: number; received_at: string | Date; answer: unknown; reply_started_at: unknown };
      const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
      return rowsOf<Raw>(result)
        .map((r) => ({
          id: Number(r.id),
          webhookEventId: r.webhook_event_id,
          event: json(r.event),
          attempts: Number(r.attempts),
          receivedAt: new Date(r.received_at),
          answer: json(r.answer) ?? null,
          replyStarted: r.reply_started_at !== null && r.reply_started_at !== undefined,
        }))
        .sort((a, b) => a.id - b.id);
    },

    /** Extends the leases of the rows a live worker still holds (not rows another worker claimed since). */
    async renew(rows: Held[], now: Date, leaseMs: number): Promise<void> {
      if (!rows.length) return;
      await renewStatement({ until: new Date(now.getTime() + leaseMs).toISOString(), rows: heldJson(rows) });
    },

    /**
     * Stores the answers of a group of events before their replies go (on `tx`, the transaction
     * that also takes what rides on the replies): a retry after a crash replays them, and knows a
     * reply may already have gone.
     */
    async storeAnswers(tx: Db | undefined, rows: Array<Held & { answer: unknown }>, at: Date): Promise<void> {
      if (!rows.length) return;
      await (tx ? preparedStatement(tx, 'line_inbox_store_answers', storeAnswersSql) : storeAnswersStatement)({ at: at.toISOString(), rows: heldJson(rows) });
    },

    /**
     * Marks handled rows done, in one statement. `redact` replaces the stored message text of an
     * event that carried a one-time code (link or group code): codes are never kept (issue 10.9).
     */
    async markDone(rows: Array<Held & { redact?: string }>, at: Date): Promise<void> {
      if (!rows.length) return;
      await markDoneStatement({ at: at.toISOString(), rows: heldJson(rows) });
    },

    /** `replyRefused`: LINE answered the reply with an error, so it did not go (a retry may push it). */
    async markRetry(row: Held, nextAttemptAt: Date, error: string, opts: { replyRefused?: boolean } = {}) {
      await db
        .update(lineInbox)
        .set({ nextAttemptAt, lockedUntil: null, lastError: error.slice(0, 2000), ...(opts.replyRefused ? { replyStartedAt: null } : {}) })
        .where(held(row));
    },

    async markFailed(row: Held, at: Date, error: string) {
      await db.update(lineInbox).set({ status: 'failed', processedAt: at, lockedUntil: null, lastError: error.slice(0, 2000) }).where(held(row));
    },

    /**
     * Deletes up to `limit` handled events older than `before` (INBOX_RETENTION_DAYS), and as many
     * of the markers of what events applied (applied_events, audit.ts) from before then: a marker
     * is needed only while its event may still be retried. Returns the larger count, so the
     * caller goes on while either table has more to delete.
     */
    async purge(before: Date, limit: number): Promise<number> {
      const at = before.toISOString();
      const rows = rowsOf<{ n: number }>(await db.execute(sql`
        with gone as (
          delete from line_inbox where id in (
            select id from line_inbox where status in ('done', 'failed') and processed_at < ${at}::timestamptz
            limit ${limit}
          ) returning 1
        ), marks as (
          delete from applied_events where (event_id, step) in (
            select event_id, step from applied_events where applied_at < ${at}::timestamptz limit ${limit}
          ) returning 1
        ) select greatest((select count(*) from gone), (select count(*) from marks))::int as n`));
      return Number(rows[0]?.n ?? 0);
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;
