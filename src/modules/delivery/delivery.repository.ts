import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { lineGroups } from '../line/line.table.ts';
import { officers } from '../org/org.table.ts';
import { outbox } from '../reminders/reminders.table.ts';
import { deliveryNotices, deliveryState } from './delivery.table.ts';

export type DeliveryState = typeof deliveryState.$inferSelect;
const ID = 1;

export type DeliveryLogRow = {
  id: number;
  kind: string;
  recipient: string;
  name: string | null;
  cost: number;
  status: string;
  why: string | null;
  localDate: string;
  createdAt: Date;
  sentAt: Date | null;
};

/** SQL of the channel's delivery state, its hold notices and the delivery log (outbox rows). */
export function createDeliveryRepository(db: Db) {
  return {
    async state(tx: Db = db): Promise<DeliveryState | undefined> {
      const [row] = await tx.select().from(deliveryState).where(eq(deliveryState.id, ID));
      return row;
    },

    async save(values: Partial<Omit<DeliveryState, 'id'>>, tx: Db = db): Promise<void> {
      await tx.insert(deliveryState).values({ id: ID, ...values }).onConflictDoUpdate({ target: deliveryState.id, set: values });
    },

    /** Starts a hold unless one is on; true when this call started it (so it is announced once). */
    async hold(reason: 'monthly_limit' | 'budget', since: Date, until: Date): Promise<boolean> {
      const done = rowsOf<{ id: number }>(await db.execute(sql`
        insert into delivery_state (id, held_since, held_until, held_reason) values (${ID}, ${since.toISOString()}::timestamptz, ${until.toISOString()}::timestamptz, ${reason})
        on conflict (id) do update set held_since = excluded.held_since, held_until = excluded.held_until, held_reason = excluded.held_reason
        where delivery_state.held_until is null or delivery_state.held_until <= excluded.held_since
        returning id`));
      return done.length > 0;
    },

    /** Ends a hold that is over at `now`; true when this call ended it. Rows it held are due again from then (sender.ts). */
    async release(now: Date): Promise<boolean> {
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const done = await tx
          .update(deliveryState)
          .set({ heldSince: null, heldUntil: null, heldReason: null })
          .where(and(eq(deliveryState.id, ID), sql`${deliveryState.heldUntil} <= ${now.toISOString()}::timestamptz`))
          .returning({ id: deliveryState.id });
        if (!done.length) return false;
        // Rows put back until the hold's end are due now (an early `quota --resume`).
        await tx.update(outbox).set({ nextAttemptAt: now })
          .where(and(eq(outbox.status, 'pending'), sql`${outbox.nextAttemptAt} > ${now.toISOString()}::timestamptz`, sql`${outbox.note} like 'held:%'`));
        return true;
      });
    },

    /** Records that `officerId` was told about hold `key`; false when they had been already. */
    async markTold(key: string, officerId: number, at: Date, tx: Db = db): Promise<boolean> {
      const done = await tx.insert(deliveryNotices).values({ key, officerId, toldAt: at }).onConflictDoNothing().returning({ key: deliveryNotices.key });
      return done.length > 0;
    },

    /** Outbox rows of the month by status, for one organization or all: the log's totals. */
    async statusCounts(monthStart: string, orgId?: number): Promise<Record<string, { n: number; cost: number }>> {
      const rows = await db
        .select({ status: outbox.status, n: sql<number>`count(*)::int`, cost: sql<number>`coalesce(sum(${outbox.cost}), 0)::int` })
        .from(outbox)
        .where(and(gte(outbox.localDate, monthStart), orgId === undefined ? undefined : eq(outbox.orgId, orgId)))
        .groupBy(outbox.status);
      return Object.fromEntries(rows.map((r) => [r.status, { n: Number(r.n), cost: Number(r.cost) }]));
    },

    /** The delivery log of one organization: newest first, with the recipient's name (officer or group). */
    async log(orgId: number, opts: { since: string; status?: string[]; kind?: string[]; limit: number }): Promise<DeliveryLogRow[]> {
      const rows = await db
        .select({
          id: outbox.id,
          kind: outbox.kind,
          recipient: outbox.recipient,
          officer: officers.name,
          group: lineGroups.name,
          cost: outbox.cost,
          status: outbox.status,
          note: outbox.note,
          lastError: outbox.lastError,
          localDate: outbox.localDate,
          createdAt: outbox.createdAt,
          sentAt: outbox.sentAt,
        })
        .from(outbox)
        .leftJoin(officers, and(eq(officers.id, outbox.officerId), eq(officers.orgId, orgId)))
        .leftJoin(lineGroups, and(eq(lineGroups.groupId, outbox.recipient), eq(lineGroups.orgId, orgId)))
        .where(and(
          eq(outbox.orgId, orgId),
          gte(outbox.localDate, opts.since),
          opts.status?.length ? inArray(outbox.status, opts.status) : undefined,
          opts.kind?.length ? inArray(outbox.kind, opts.kind) : undefined,
        ))
        .orderBy(desc(outbox.localDate), desc(outbox.id))
        .limit(opts.limit);
      return rows.map((r) => ({
        id: r.id, kind: r.kind, recipient: r.recipient, name: r.officer ?? r.group ?? null, cost: r.cost, status: r.status,
        why: r.note ?? r.lastError ?? null, localDate: r.localDate, createdAt: r.createdAt, sentAt: r.sentAt,
      }));
    },

    /** Opted-in groups whose member count is unknown or older than `staleBefore`. */
    async groupsToCount(staleBefore: Date): Promise<Array<{ groupId: string }>> {
      return db
        .select({ groupId: lineGroups.groupId })
        .from(lineGroups)
        .where(and(eq(lineGroups.active, true), eq(lineGroups.dailySummary, true), sql`(${lineGroups.memberCountAt} is null or ${lineGroups.memberCountAt} < ${staleBefore.toISOString()}::timestamptz)`));
    },

    async setGroupMembers(groupId: string, count: number, at: Date): Promise<void> {
      await db.update(lineGroups).set({ memberCount: count, memberCountAt: at }).where(eq(lineGroups.groupId, groupId));
    },
  };
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>;
