import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { lineInbox } from './line.table.ts';

export type InboxRow = typeof lineInbox.$inferSelect;
export type NewInboxEvent = { webhookEventId: string; destination: string | null; event: unknown };

/** SQL for the durable webhook inbox (line_inbox). */
export function createInboxRepository(db: Db) {
  return {
    /** One multi-row insert per webhook request; a redelivered event id is silently skipped. */
    async insert(events: NewInboxEvent[], at: Date): Promise<number> {
      if (events.length === 0) return 0;
      const rows = await db
        .insert(lineInbox)
        .values(events.map((e) => ({ ...e, status: 'pending', nextAttemptAt: at, receivedAt: at })))
        .onConflictDoNothing({ target: lineInbox.webhookEventId })
        .returning({ id: lineInbox.id });
      return rows.length;
    },

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

    async markDone(id: number, at: Date) {
      await db.update(lineInbox).set({ status: 'done', processedAt: at, lockedUntil: null, lastError: null }).where(eq(lineInbox.id, id));
    },

    async markRetry(id: number, nextAttemptAt: Date, error: string) {
      await db.update(lineInbox).set({ nextAttemptAt, lockedUntil: null, lastError: error.slice(0, 2000) }).where(and(eq(lineInbox.id, id), eq(lineInbox.status, 'pending')));
    },

    async markFailed(id: number, at: Date, error: string) {
      await db.update(lineInbox).set({ status: 'failed', processedAt: at, lockedUntil: null, lastError: error.slice(0, 2000) }).where(eq(lineInbox.id, id));
    },

    async byEventId(webhookEventId: string): Promise<InboxRow | undefined> {
      const [row] = await db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, webhookEventId));
      return row;
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;
