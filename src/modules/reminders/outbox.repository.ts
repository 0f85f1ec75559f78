import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import type { LineMessage } from '../line/line.gateway.ts';
import { bangkokMonth } from '../delivery/month.ts';
import { assignmentPeople } from '../assignments/assignments.table.ts';
import { officers } from '../org/org.table.ts';
import { outbox } from './reminders.table.ts';

export type OutboxInsert = typeof outbox.$inferInsert;

export type ExpiredRow = { id: number; orgId: number; kind: string; localDate: string };

export type ClaimedRow = {
  id: number;
  org_id: number;
  kind: string;
  recipient: string;
  officer_id: number | null;
  messages: LineMessage[];
  retry_key: string;
  attempts: number;
  cost: number;
};

/** Outbox SQL. Every time comes in as a parameter (the injected clock), never SQL now(). */
export function createOutboxRepository(db: Db) {
  return {
    /** Inserts planned rows; a row whose dedupe key exists is skipped. Returns how many were new. */
    async insert(tx: Db, rows: OutboxInsert[]): Promise<number> {
      if (!rows.length) return 0;
      const inserted = await tx.insert(outbox).values(rows).onConflictDoNothing({ target: outbox.dedupeKey }).returning({ id: outbox.id });
      return inserted.length;
    },

    /**
     * Claims up to `n` rows due at `now` (pending ones whose time has come, and 'sending' ones
     * whose lease is over: their sender died) for this sender until `lease.until`. SKIP LOCKED
     * lets senders claim side by side without waiting for or taking each other's rows.
     *
     * Two clocks: `now` is the time the run acts as (the scheduler's clock, or `remind --now`),
     * and decides what is due; `lease.now` is the machine's real clock, and decides whether a
     * lease is over. A lease computed from `--now` would never run out for a rerun with the same
     * `--now` after a crash (issue 10.4).
     */
    async claim(now: Date, lease: { now: Date; until: Date }, n: number): Promise<ClaimedRow[]> {
      const result = await db.execute(sql`
        with expired as (
          select id from outbox where status = 'sending' and claimed_until < ${lease.now.toISOString()}::timestamptz
          limit ${n} for update skip locked
        ), due as (
          select id from outbox where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
          order by priority, next_attempt_at limit ${n} for update skip locked
        )
        update outbox set status = 'sending', claimed_until = ${lease.until.toISOString()}::timestamptz, attempts = attempts + 1
        where id in (select id from expired union all select id from due)
        returning id, org_id, kind, recipient, officer_id, messages, retry_key, attempts, cost`);
      return rowsOf<ClaimedRow>(result).map((r) => ({ ...r, id: Number(r.id), cost: Number(r.cost) }));
    },

    /**
     * Review requests due now that share a recipient and a day with another (digest.ts), locked
     * for the composing transaction. Only rows never claimed (attempts 0: no push of theirs can
     * have reached LINE), pending, due, not under another sender's lease.
     */
    async digestCandidates(tx: Db, now: Date, kind: string): Promise<Array<{ id: number; recipient: string; local_date: string; messages: LineMessage[] }>> {
      const rows = rowsOf<{ id: number | string; recipient: string; local_date: string; messages: LineMessage[] | string }>(await tx.execute(sql`
        with c as (
          select id, recipient, local_date from outbox
          where kind = ${kind} and status = 'pending' and attempts = 0 and next_attempt_at <= ${now.toISOString()}::timestamptz
        ), shared as (select recipient, local_date from c group by recipient, local_date having count(*) > 1)
        select o.id, o.recipient, o.local_date::text as local_date, o.messages from outbox o
        join shared s on s.recipient = o.recipient and s.local_date = o.local_date
        where o.id in (select id from c)
        order by o.id
        for update of o skip locked`));
      return rows.map((r) => ({ ...r, id: Number(r.id), messages: typeof r.messages === 'string' ? JSON.parse(r.messages) : r.messages }));
    },

    /** Today's review requests never claimed wait until `at` (the day's digest, digest.ts); how many now wait. */
    async deferReviewRequests(today: string, at: Date): Promise<number> {
      const rows = await db.update(outbox).set({ nextAttemptAt: at })
        .where(sql`${outbox.kind} = 'review_request' and ${outbox.status} = 'pending' and ${outbox.attempts} = 0
          and ${outbox.localDate} = ${today}::date and ${outbox.nextAttemptAt} < ${at.toISOString()}::timestamptz`)
        .returning({ id: outbox.id });
      return rows.length;
    },

    /**
     * Informational notices (delivery/budget.ts keepsNotices) not sent yet are dropped, with the
     * reason, once the month's messages are short; returns and reopenings are not among them.
     */
    async dropNotices(priority: number, note: string): Promise<number> {
      const rows = await db.update(outbox).set({ status: 'dropped', claimedUntil: null, note })
        .where(and(eq(outbox.kind, 'notice'), eq(outbox.priority, priority), eq(outbox.status, 'pending'), eq(outbox.attempts, 0)))
        .returning({ id: outbox.id });
      return rows.length;
    },

    /** The lead row carries the digest; the others become merged into it (the delivery log says into which). */
    async applyDigest(tx: Db, leadId: number, messages: LineMessage[], note: string, mergedIds: number[]) {
      await tx.update(outbox).set({ messages, note }).where(and(eq(outbox.id, leadId), eq(outbox.status, 'pending'), eq(outbox.attempts, 0)));
      if (mergedIds.length) {
        await tx.update(outbox)
          .set({ status: 'merged', claimedUntil: null, note: `merged into the digest message #${leadId} (one push for the day's review requests)` })
          .where(and(inArray(outbox.id, mergedIds), eq(outbox.status, 'pending'), eq(outbox.attempts, 0)));
      }
    },

    /** Extends this sender's leases on the rows it still holds (fenced by attempt: a row reclaimed by another sender is not touched). */
    async renew(held: Array<Pick<ClaimedRow, 'id' | 'attempts'>>, until: Date): Promise<void> {
      if (!held.length) return;
      await db.execute(sql`
        update outbox o set claimed_until = ${until.toISOString()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(held)}::jsonb) as h(id bigint, attempts int)
        where o.id = h.id and o.attempts = h.attempts and o.status = 'sending'`);
    },

    /**
     * A reminder or summary planned for an earlier day is out of date ("ครบกำหนดพรุ่งนี้" sent a
     * day late is wrong): after an outage such rows are expired, not sent. Admin alerts still go.
     * Review requests carry the date they are due to go out (a submission at 22:00 is planned
     * for the next window's day, see notifications/notifier.ts), so a deferred one is not stale; one
     * that missed its whole day is, like the rest (the daily summary lists what awaits review).
     * Rows another sender holds under a live lease (on the real clock) are left to it.
     */
    async expireStale(tx: Db, today: string, leaseNow: Date): Promise<ExpiredRow[]> {
      const done = await tx
        .update(outbox)
        .set({ status: 'expired', claimedUntil: null, note: sql`coalesce(${outbox.note} || '; ', '') || 'expired: planned for an earlier day, not sent that day'` })
        .where(sql`${outbox.kind} <> 'admin_alert' and ${outbox.localDate} < ${today}::date
          and (${outbox.status} = 'pending' or (${outbox.status} = 'sending' and ${outbox.claimedUntil} < ${leaseNow.toISOString()}::timestamptz))`)
        .returning({ id: outbox.id, orgId: outbox.orgId, kind: outbox.kind, localDate: outbox.localDate });
      return done;
    },

    /**
     * Marks rows sent and, in the same statement, adds what they cost to the month's count
     * (delivery_state: what the budget reads, one row instead of a sum over the month's outbox).
     */
    async markSent(ids: number[], now: Date) {
      if (!ids.length) return;
      await db.execute(sql`
        with s as (
          update outbox set status = 'sent', sent_at = ${now.toISOString()}::timestamptz, claimed_until = null, last_error = null
          where id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::bigint) and status in ('sending', 'pending')
          returning cost
        )
        insert into delivery_state (id, sent_month, sent_cost)
        select 1, ${bangkokMonth(now)}, coalesce(sum(cost), 0)::int from s
        on conflict (id) do update set
          sent_cost = case when delivery_state.sent_month = excluded.sent_month then delivery_state.sent_cost + excluded.sent_cost else excluded.sent_cost end,
          sent_month = excluded.sent_month`);
    },

    /** Back to pending for a later attempt, unless another sender has reclaimed the row meanwhile. */
    async markRetry(row: Pick<ClaimedRow, 'id' | 'attempts'>, nextAttemptAt: Date, error: string) {
      await db
        .update(outbox)
        .set({ status: 'pending', nextAttemptAt, claimedUntil: null, lastError: error })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.attempts, row.attempts)));
    },

    /**
     * Puts a claimed row back, unsent, until the hold ends (LINE's monthly limit or our budget):
     * not an attempt (the claim's count is undone), so a month's hold never fails a row.
     */
    async markHeld(row: Pick<ClaimedRow, 'id' | 'attempts'>, until: Date, note: string) {
      await db
        .update(outbox)
        .set({ status: 'pending', nextAttemptAt: until, claimedUntil: null, attempts: sql`${outbox.attempts} - 1`, note })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.attempts, row.attempts)));
    },

    /** A claimed row that costs more than the month has left (a large group's summary): dropped unsent, with why. */
    async markDropped(row: Pick<ClaimedRow, 'id' | 'attempts'>, note: string) {
      await db
        .update(outbox)
        .set({ status: 'dropped', claimedUntil: null, attempts: sql`${outbox.attempts} - 1`, note })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.attempts, row.attempts)));
    },

    /** Marks a row failed for good; true when this call did it (so the admin is told once). */
    async markFailed(tx: Db, row: Pick<ClaimedRow, 'id' | 'attempts'>, error: string): Promise<boolean> {
      const done = await tx
        .update(outbox)
        .set({ status: 'failed', claimedUntil: null, lastError: error })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.attempts, row.attempts)))
        .returning({ id: outbox.id });
      return done.length > 0;
    },

    /** Organization admins who can be reached on LINE. */
    admins(tx: Db, orgId: number) {
      return tx
        .select({ id: officers.id, lineUserId: officers.lineUserId })
        .from(officers)
        .where(and(eq(officers.orgId, orgId), eq(officers.isAdmin, true), eq(officers.active, true), eq(officers.reachable, true)));
    },

    /** The assignment's supervisors and certifiers who can be reached on LINE (an officer with both roles once). */
    reviewers(tx: Db, orgId: number, assignmentId: number) {
      return tx
        .selectDistinct({ id: officers.id, lineUserId: officers.lineUserId, isAdmin: officers.isAdmin })
        .from(assignmentPeople)
        .innerJoin(officers, eq(officers.id, assignmentPeople.officerId))
        .where(and(
          eq(assignmentPeople.orgId, orgId),
          eq(assignmentPeople.assignmentId, assignmentId),
          inArray(assignmentPeople.role, ['supervisor', 'certifier']),
          eq(officers.active, true),
          eq(officers.reachable, true),
          isNotNull(officers.lineUserId),
        ))
        .orderBy(officers.id);
    },

    async officerName(tx: Db, orgId: number, id: number): Promise<string | undefined> {
      const [o] = await tx.select({ name: officers.name }).from(officers).where(and(eq(officers.orgId, orgId), eq(officers.id, id)));
      return o?.name;
    },

    /** Rows another sender holds under a live lease at `leaseNow` (real clock), and when the last lease ends. */
    async leased(leaseNow: Date): Promise<{ rows: number; until: Date | null }> {
      const [r] = rowsOf<{ n: number; until: string | Date | null }>(await db.execute(sql`
        select count(*)::int as n, max(claimed_until) as until from outbox
        where status = 'sending' and claimed_until >= ${leaseNow.toISOString()}::timestamptz`));
      return { rows: Number(r?.n ?? 0), until: r?.until ? new Date(r.until) : null };
    },

    async counts(): Promise<Record<string, number>> {
      const rows = rowsOf<{ status: string; n: number }>(await db.execute(sql`select status, count(*)::int as n from outbox group by status`));
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
