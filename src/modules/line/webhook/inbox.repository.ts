import { and, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../db/client.ts';
import { preparedStatement } from '../../../db/prepared.ts';
import { lineInbox, lineInboxRequests } from '../line.table.ts';

/** Joins a batch's values in one text parameter: no JSON text holds U+0001 (see insertRequests). */
const SEP = '\u0001';
/** The advisory lock of expand(): one expansion at a time per database. */
const EXPAND_LOCK = 74_151_001;

export type NewInboxEvent = { webhookEventId: string; destination: string | null; event: unknown };
/** An event with the time its webhook request arrived. */
export type NewInboxRow = NewInboxEvent & { at: Date };
/**
 * One webhook request as the route hands it over (requests of several share one batch): `body` is
 * JSON text of an object with `destination` and `events` (the signed body itself, when PostgreSQL
 * can store it as it is), `keys` the events' inbox keys in order.
 */
export type InboxRequest = { at: Date; keys: string[]; body: string };

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

/** What waits in the inbox (backlog()); counts past the cap asked for mean "more than the cap". */
export type InboxBacklog = {
  pendingEvents: number;
  unsplitRequests: number;
  unsplitEvents: number;
  setAsideRequests: number;
  failedEvents: number;
  /** When the oldest event not yet handled (or request not yet split) arrived, in ms since the epoch; null when none waits. */
  oldestWaitingAt: number | null;
};

/**
 * A failed inbox insert, told without the driver's error: drizzle's error text repeats the query
 * parameters, i.e. people's messages, which must not reach the logs. Keeps PostgreSQL's SQLSTATE.
 */
export class InboxInsertError extends Error {
  readonly sqlState: string | undefined;
  /** `what` failed: a number of events being stored, or the words for it (e.g. 'splitting request 12'). */
  constructor(what: number | string, cause: unknown) {
    const driver = (cause as { cause?: unknown } | null)?.cause ?? cause;
    const code = (driver as { code?: unknown } | null)?.code;
    const text = driver instanceof Error && !driver.message.startsWith('Failed query') ? `: ${driver.message.split('\n')[0]}` : '';
    super(`line inbox: ${typeof what === 'number' ? `storing ${what} event(s)` : what} failed${typeof code === 'string' ? ` (${code})` : ''}${text}`);
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
 * SQL for the durable webhook inbox: requests as acknowledged (line_inbox_request), split into
 * events (line_inbox) before a worker claims them. Every statement a worker makes covers a whole
 * batch or source group (rows travel as one JSON parameter), so handling an event costs a
 * fraction of a statement here; every write is fenced by the claim's attempt number.
 */
export function createInboxRepository(db: Db, o: { log?: (text: string) => void } = {}) {
  /**
   * Stores whole requests in ONE statement (one commit), a row each (line_inbox_request), the body
   * text as it is: PostgreSQL neither parses the events nor indexes them on the acknowledgement
   * path; expand() does that later, off it. The requests travel as four text parameters, their
   * values joined by U+0001, which no JSON text can hold (JSON escapes every control character, so
   * neither bodies, nor keys as JSON, nor ISO times contain it): PostgreSQL splits them with
   * string_to_array, without lexing a byte of JSON. One short constant SQL text whatever the batch
   * size, prepared once per connection. Ids follow the order given.
   */
  const insertStatement = preparedStatement(db, 'line_inbox_request_insert', sql`
    insert into line_inbox_request (received_at, events, keys, body)
    select a::timestamptz, n::int, k, b
    from unnest(string_to_array(${sql.placeholder('at')}::text, chr(1)), string_to_array(${sql.placeholder('n')}::text, chr(1)),
      string_to_array(${sql.placeholder('keys')}::text, chr(1)), string_to_array(${sql.placeholder('bodies')}::text, chr(1))) with ordinality as t(a, n, k, b, o)
    order by o`);
  async function insertRequests(requests: InboxRequest[]): Promise<void> {
    if (requests.length === 0) return;
    const at: string[] = [];
    const n: number[] = [];
    const keys: string[] = [];
    const bodies: string[] = [];
    let events = 0;
    for (const r of requests) {
      at.push(r.at.toISOString());
      n.push(r.keys.length);
      keys.push(JSON.stringify(r.keys));
      bodies.push(r.body);
      events += r.keys.length;
    }
    try {
      await insertStatement({ at: at.join(SEP), n: n.join(SEP), keys: keys.join(SEP), bodies: bodies.join(SEP) });
    } catch (e) {
      throw new InboxInsertError(events, e);
    }
  }
  /** Events given one by one (the simulator, tests): each its own request, in order. */
  const insertRows = (rows: NewInboxRow[]) =>
    insertRequests(rows.map((r) => ({ at: r.at, keys: [r.webhookEventId], body: JSON.stringify({ destination: r.destination, events: [r.event] }) })));

  /**
   * Splits stored requests into inbox events (line_inbox), oldest first, as many requests as hold
   * `limit` events, deleting them in the same statement (after a crash, a request is there or its
   * events are: never both, never neither). Event ids already stored are skipped (LINE's redeliveries, and
   * repeats within the batch). One split at a time per database (a transaction advisory lock,
   * taken before the requests are read), so events get ids in the order their requests were
   * stored, whatever number of workers. A worker that waited for another's split then finds the
   * requests that one took already deleted (DELETE skips rows a committed transaction deleted)
   * and splits the rest, its own webhook's request included, instead of leaving them to a poll.
   */
  const expandSql = (pick: SQL) => sql`
    with lock as materialized (select pg_advisory_xact_lock(${sql.raw(String(EXPAND_LOCK))}) is not null as got),
    picked as (${pick}),
    raw as (
      delete from line_inbox_request r using picked where r.id = picked.id
      returning r.id, r.received_at, r.keys, r.body
    )
    insert into line_inbox (webhook_event_id, destination, event, status, next_attempt_at, received_at)
    select p.k->>(t.en::int - 1), p.j->>'destination', t.e, 'pending', raw.received_at, raw.received_at
    from raw
      cross join lateral (select raw.body::jsonb as j, raw.keys::jsonb as k) p
      cross join lateral jsonb_array_elements(p.j->'events') with ordinality as t(e, en)
    order by raw.id, t.en
    on conflict (webhook_event_id) do nothing`;
  const expandStatement = preparedStatement(db, 'line_inbox_expand', expandSql(sql`
    select id from (
      select id, events, sum(events) over (order by id) as upto
      from (
        select id, events from line_inbox_request
        where failed_at is null and (select got from lock)
        order by id limit ${sql.placeholder('limit')}
      ) f
    ) w where upto - events < ${sql.placeholder('limit')}`));
  const expandOneStatement = preparedStatement(db, 'line_inbox_expand_one', expandSql(sql`
    select id from line_inbox_request where id = ${sql.placeholder('id')}::bigint and failed_at is null and (select got from lock)`));
  /** A request whose body PostgreSQL cannot split: the others go on, it stays, marked. */
  async function expandOneByOne(limit: number, at: Date) {
    const ids = rowsOf<{ id: number | string }>(await db.execute(sql`
      select id from line_inbox_request where failed_at is null order by id limit ${limit}`));
    for (const { id } of ids) {
      try {
        await expandOneStatement({ id: String(id) });
      } catch (e) {
        const err = new InboxInsertError(`splitting request ${id} into events`, e);
        if (!err.isDataError) throw err;
        await db.update(lineInboxRequests).set({ failedAt: at, lastError: err.message.slice(0, 2000) }).where(eq(lineInboxRequests.id, Number(id)));
        o.log?.(`line inbox: request ${id} could not be split into events and is kept aside in line_inbox_request (${err.sqlState})`);
      }
    }
  }
  async function expand(limit: number, at: Date): Promise<void> {
    try {
      await expandStatement({ limit });
    } catch (e) {
      const err = new InboxInsertError('splitting stored requests into events', e);
      if (!err.isDataError) throw err;
      await expandOneByOne(limit, at);
    }
  }

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
    update line_inbox i set status = 'done', processed_at = ${sql.placeholder('at')}::timestamptz, locked_until = null, last_error = null, answer = null,
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
    expand,

    /**
     * Claims up to `limit` due rows for `leaseMs`, after splitting stored requests into at least
     * that many events (expand). SKIP LOCKED plus the lease let several
     * instances share one database without processing a row twice at the same time.
     */
    async claim(now: Date, leaseMs: number, limit: number): Promise<ClaimedEvent[]> {
      await expand(limit, now);
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
     * The stored answer is dropped: only a retry needs it, and line_message_log keeps what went
     * (kept, it was a second copy of every answer in each retained row, and in the WAL).
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
     * What waits in the inbox now, in one statement (for /healthz and the `inbox` command, see
     * inbox.health.ts): events not yet handled (pending, retries included), requests not yet split
     * into events, when the oldest of them arrived, requests set aside as unsplittable, and events
     * that failed for good since `failedSince`. Every count stops past `cap` (a backlog of millions
     * is not counted row by row on each health check): a count above `cap` means "more than cap".
     * Each read goes through an index (line_inbox_pending, the primary key, line_inbox_failed,
     * line_inbox_request_aside), so it costs little whatever the retained history.
     */
    async backlog(failedSince: Date, cap = 10_000): Promise<InboxBacklog> {
      const more = cap + 1;
      const rows = rowsOf<Record<keyof InboxBacklog, number | null>>(await db.execute(sql`
        with unsplit as (
          select count(*)::int as requests, coalesce(sum(events), 0)::int as events
          from (select events from line_inbox_request where failed_at is null limit ${more}) r
        )
        select
          (select count(*) from (select 1 from line_inbox where status = 'pending' limit ${more}) p)::int as "pendingEvents",
          unsplit.requests as "unsplitRequests",
          unsplit.events as "unsplitEvents",
          (select count(*) from (select 1 from line_inbox_request where failed_at is not null limit ${more}) a)::int as "setAsideRequests",
          (select count(*) from (select 1 from line_inbox where status = 'failed' and processed_at >= ${failedSince.toISOString()}::timestamptz limit ${more}) f)::int as "failedEvents",
          (select extract(epoch from least(
            (select received_at from line_inbox where status = 'pending' order by id limit 1),
            (select received_at from line_inbox_request where failed_at is null order by id limit 1)
          )) * 1000)::float8 as "oldestWaitingAt"
        from unsplit`));
      const r = rows[0]!;
      return {
        pendingEvents: Number(r.pendingEvents),
        unsplitRequests: Number(r.unsplitRequests),
        unsplitEvents: Number(r.unsplitEvents),
        setAsideRequests: Number(r.setAsideRequests),
        failedEvents: Number(r.failedEvents),
        oldestWaitingAt: r.oldestWaitingAt === null ? null : Number(r.oldestWaitingAt),
      };
    },

    /**
     * Deletes up to `limit` handled events older than `before` (INBOX_RETENTION_DAYS), as many
     * stored requests set aside as unsplittable before then (they hold people's messages too), and
     * as many of the markers of what events applied (applied_events, audit.ts) from before then: a
     * marker is needed only while its event may still be retried. Returns the largest count, so
     * the caller goes on while any table has more to delete.
     */
    async purge(before: Date, limit: number): Promise<number> {
      const at = before.toISOString();
      const rows = rowsOf<{ n: number }>(await db.execute(sql`
        with gone as (
          delete from line_inbox where id in (
            select id from line_inbox where status in ('done', 'failed') and processed_at < ${at}::timestamptz
            limit ${limit}
          ) returning 1
        ), aside as (
          delete from line_inbox_request where id in (
            select id from line_inbox_request where failed_at < ${at}::timestamptz limit ${limit}
          ) returning 1
        ), marks as (
          delete from applied_events where (event_id, step) in (
            select event_id, step from applied_events where applied_at < ${at}::timestamptz limit ${limit}
          ) returning 1
        ) select greatest((select count(*) from gone), (select count(*) from aside), (select count(*) from marks))::int as n`));
      return Number(rows[0]?.n ?? 0);
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;
