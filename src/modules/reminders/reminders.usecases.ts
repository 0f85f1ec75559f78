import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../shared/errors.ts';
import { parseThaiDate } from '../../shared/thai-date.ts';
import { parseInput } from '../../shared/validate.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { DeliveryService } from '../delivery/delivery.usecases.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { LineGateway } from '../line/line.gateway.ts';
import { createOutboxRepository } from './outbox.repository.ts';
import { planReminders } from './planner.ts';
import { effectivePolicy, loadPolicySet } from './policies.ts';
import { policyOverrideSchema } from './policy.ts';
import type { Timers } from './rate-limit.ts';
import { holidays, reminderPolicies } from './reminders.table.ts';
import { createSender } from './sender.ts';
import { planSummaries, type SummaryExtras } from './summaries.ts';

/** `clock` is the machine's real clock (leases); what a run acts as comes with each call (`now`). */
type Deps = {
  db: Db;
  line: LineGateway;
  config: Config;
  audit: AuditLog;
  clock: Clock;
  /** The month's message budget (delivery module): the planner's level, the sender's allowance and hold. */
  delivery?: Pick<DeliveryService, 'level' | 'allowance' | 'hold'>;
  timers?: Timers;
  log?: (line: string) => void;
  summaryExtras?: SummaryExtras;
};

/** Reminders, escalations and daily summaries: planning, sending and the per-organization policy. */
export function createRemindersService({ db, line, config, audit, clock, delivery, timers, log, summaryExtras }: Deps) {
  const sender = createSender({ db, line, config, clock, budget: delivery, timers, log });
  const outbox = createOutboxRepository(db);
  return {
    planReminders: (now: Date, opts: { dryRun?: boolean } = {}) => planReminders({ db, config, budget: delivery }, now, opts),
    planSummaries: (now: Date, opts: { dryRun?: boolean } = {}) => planSummaries({ db, config, budget: delivery, extras: summaryExtras }, now, opts),
    /** Sends everything due at now(); see sender.ts. */
    drain: (now: () => Date) => sender.drain(now),
    outboxCounts: () => outbox.counts(),
    /** Rows other senders hold right now (real clock): a rerun after a crash waits for these leases. */
    leased: () => outbox.leased(clock.now()),

    /** Overrides the reminder policy of an organization (cycleId null) or one of its cycles. */
    async setPolicy(actor: Actor, cycleId: number | null, input: unknown) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const policy = parseInput(policyOverrideSchema, input);
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const scope = and(eq(reminderPolicies.orgId, actor.orgId), cycleId === null ? isNull(reminderPolicies.cycleId) : eq(reminderPolicies.cycleId, cycleId));
        await tx.delete(reminderPolicies).where(scope);
        await tx.insert(reminderPolicies).values({ orgId: actor.orgId, cycleId, policy });
        await audit.record(tx, actor, { action: 'reminders.policy', entity: 'organization', entityId: actor.orgId, after: { cycleId, policy } });
        return policy;
      });
    },

    /** The policy in force for the organization (cycleId null) or one of its cycles: configuration ⊕ overrides. */
    async policyOf(actor: Actor, cycleId: number | null) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      return effectivePolicy(await loadPolicySet(db, config, actor.orgId), actor.orgId, cycleId).policy;
    },

    /** The organization's holidays and the ones every organization has (HOLIDAYS, or added without one), by date. */
    async holidays(actor: Actor): Promise<Array<{ date: string; name: string; everyone: boolean }>> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const rows = await db.select().from(holidays).where(or(eq(holidays.orgId, actor.orgId), isNull(holidays.orgId))).orderBy(asc(holidays.date));
      const fromConfig = config.reminders.holidays.filter((d) => !rows.some((r) => r.date === d)).map((date) => ({ date, name: '', everyone: true }));
      return [...rows.map((r) => ({ date: r.date, name: r.name, everyone: r.orgId === null })), ...fromConfig].sort((a, b) => a.date.localeCompare(b.date));
    },

    /** Removes one of the organization's own holidays (audited); those of every organization are configuration. */
    async removeHoliday(actor: Actor, date: string) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const iso = parseThaiDate(date);
      if (!iso) throw errors.validation([{ path: 'date', message: `"${date}" ไม่ใช่วันที่ที่ถูกต้อง (ตัวอย่าง 13/04/2568)` }]);
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const removed = await tx.delete(holidays).where(and(eq(holidays.orgId, actor.orgId), eq(holidays.date, iso))).returning();
        if (removed.length === 0) throw errors.notFound('holiday', iso);
        await audit.record(tx, actor, { action: 'reminders.holiday.remove', entity: 'organization', entityId: actor.orgId, before: { date: iso, name: removed[0]!.name } });
        return { date: iso, name: removed[0]!.name };
      });
    },

    /** Adds a holiday of the actor's organization (dates as users write them: 13/04/2568, 2025-04-13). */
    async addHoliday(actor: Actor, date: string, name: string) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const iso = parseThaiDate(date);
      if (!iso) throw errors.validation([{ path: 'date', message: `"${date}" ไม่ใช่วันที่ที่ถูกต้อง (ตัวอย่าง 13/04/2568)` }]);
      return db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const [row] = await tx.insert(holidays).values({ orgId: actor.orgId, date: iso, name: name.trim() || iso }).returning();
        await audit.record(tx, actor, { action: 'reminders.holiday', entity: 'organization', entityId: actor.orgId, after: { date: iso, name } });
        return row!;
      });
    },
  };
}

export type RemindersService = ReturnType<typeof createRemindersService>;
