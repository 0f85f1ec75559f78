import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../db/client.ts';
import { lineInbox } from '../line.table.ts';

export type InboxRow = typeof lineInbox.$inferSelect;
export type NewInboxEvent = { webhookEventId: string; destination: string | null; event: unknown };
/** An event with the time its webhook request arrived (rows of several requests share one batch). */
export type NewInboxRow = NewInboxEvent & { at: Date };

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

const held = (row: { id: number; attempts: number }) =>
  and(eq(lineInbox.id, row.id), eq(lineInbox.attempts, row.attempts), eq(lineInbox.status, 'pending'));

/** SQL for the durable webhook inbox (line_inbox). */
export function createInboxRepository(db: Db) {
  /**
   * Stores events in ONE statement (one commit), skipping event ids already stored (LINE's
   * redeliveries, and duplicates within the batch: DO NOTHING also covers rows of the same
   * statement). The rows travel as a single JSON parameter that PostgreSQL unpacks: one short
   * constant SQL text whatever the batch size, no per-column parameter mapping in Node, and
   * `event` goes into the jsonb column without a second parse. Ids follow the order given
   * (`with ordinality … order by n`), which the worker relies on for per-source ordering.
   */
  async function insertRows(rows: NewInboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    const json = JSON.stringify(rows.map((r) => [r.webhookEventId, r.destination, r.at.toISOString(), r.event]));
    try {
      await db.execute(sql`
        insert into line_inbox (webhook_event_id, destination, event, status, next_attempt_at, received_at)
        select r->>0, r->>1, r->3, 'pending', (r->>2)::timestamptz, (r->>2)::timestamptz
        from jsonb_array_elements(${json}::jsonb) with ordinality as t(r, n)
        order by n
        on conflict (webhook_event_id) do nothing`);
    } catch (e) {
      throw new InboxInsertError(rows.length, e);
    }
  }

  return {
    /** One webhook request's events (see insertRows). */
    async insert(events: NewInboxEvent[], at: Date): Promise<void> {
      await insertRows(events.map((e) => ({ ...e, at })));
    },

    insertRows,

    /**
     * Claims up to `limit` due rows for `leaseMs`. SKIP LOCKED plus the lease let several
     * instances share one database without processing a row twice at the same time.
     */
    async claim(now: Date, leaseMs: number, limit: number): Promise<InboxRow[]> {
      const until = new Date(now.getTime() + leaseMs);
      const result = await db.execute(sql`
        update line_inbox set locked_until = ${until.toISOString()}::timestamptz, attempts = attempts + 1
        where id in (
          select id from line_inbox
          where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
            and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
          order by id
          limit ${limit}
          for update skip locked
        )
        returning id, webhook_event_id, event, attempts, received_at`);
      return rowsOf<{ id: number | string; webhook_event_id: string; event: unknown; attempts: number; received_at: string | Date }>(result)
        .map((r) => ({
          id: Number(r.id),
          webhookEventId: r.webhook_event_id,
          event: typeof r.event === 'string' ? JSON.parse(r.event) : r.event,
          attempts: Number(r.attempts),
          receivedAt: new Date(r.received_at),
        }) as InboxRow)
        .sort((a, b) => a.id - b.id);
    },

    /**
     * Renews this worker's lease on a claimed row just before handling it; false when the row is
     * no longer ours (our lease ran out while it waited in the batch and another worker claimed
     * it: `attempts` moved on) or it is finished. The attempt number is the fencing token.
     */
    async begin(row: { id: number; attempts: number }, now: Date, leaseMs: number): Promise<boolean> {
      const done = await db
        .update(lineInbox)
        .set({ lockedUntil: new Date(now.getTime() + leaseMs) })
        .where(and(eq(lineInbox.id, row.id), eq(lineInbox.attempts, row.attempts), eq(lineInbox.status, 'pending')))
        .returning({ id: lineInbox.id });
      return done.length === 1;
    },

    /** The mark* updates apply only to the attempt that holds the row (see begin). */
    async markDone(row: { id: number; attempts: number }, at: Date) {
      await db.update(lineInbox).set({ status: 'done', processedAt: at, lockedUntil: null, lastError: null }).where(held(row));
    },

    async markRetry(row: { id: number; attempts: number }, nextAttemptAt: Date, error: string) {
      await db.update(lineInbox).set({ nextAttemptAt, lockedUntil: null, lastError: error.slice(0, 2000) }).where(held(row));
    },

    async markFailed(row: { id: number; attempts: number }, at: Date, error: string) {
      await db.update(lineInbox).set({ status: 'failed', processedAt: at, lockedUntil: null, lastError: error.slice(0, 2000) }).where(held(row));
    },

    async byEventId(webhookEventId: string): Promise<InboxRow | undefined> {
      const [row] = await db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, webhookEventId));
      return row;
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;
