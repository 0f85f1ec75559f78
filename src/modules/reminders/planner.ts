import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { msg } from '../../messages/index.ts';
import type { LineMessage } from '../line/line.gateway.ts';
import { keepsEscalations, keepsReminder, mergesIntoSummary, PRIORITY, SOON_DAYS, type Level, type ReminderClass } from '../delivery/budget.ts';
import type { DeliveryService } from '../delivery/delivery.usecases.ts';
import { createBudgetRepository, WAITING_FOR_SUMMARY } from './budget.repository.ts';
import { escalationMessages, MAX_ITEMS, plainText, reminderMessages, type PlannedItem } from './flex.ts';
import { weeklySummaryDay } from './forecast.ts';
import { createOutboxRepository, type OutboxInsert } from './outbox.repository.ts';
import { effectivePolicy, loadPolicySet, scopeTables, type PolicySet } from './policies.ts';
import { atLocalTime, localTime, minutesOf } from './policy.ts';
import { createPlanRepository, type ReminderRow } from './plan.repository.ts';

/** What a planning run did. In a dry run nothing is written and `preview` lists what would be sent. */
export type PlanResult = {
  localDate: string;
  planned: number;
  byKind: Record<string, number>;
  /** The month's budget level (delivery/budget.ts), and what it dropped or set aside to merge. */
  budget?: { level: Level; dropped: number; merging: number };
  preview?: Array<{ kind: string; recipient: string; name: string | null; text: string; status?: string }>;
};

/** `budget` decides how far this month's planning cuts back; without it everything is planned. */
export type PlanDeps = { db: Db; config: Config; budget?: Pick<DeliveryService, 'level'> };

// Rows per FETCH: a few hundred recipients at a time keeps memory flat at any scale.
const FETCH_SIZE = 500;

class DryRunRollback extends Error {}

/**
 * Runs `body` in one transaction holding the planning lock: two instances (or two ticks) planning
 * at once plan once, and a crash mid-plan leaves nothing half-planned. A dry run rolls back.
 */
export async function inPlanningTransaction(db: Db, dryRun: boolean, body: (tx: Db) => Promise<PlanResult>): Promise<PlanResult> {
  let result: PlanResult | undefined;
  try {
    await db.transaction(async (tx) => {
      await createPlanRepository(db).lock(tx as unknown as Db);
      result = await body(tx as unknown as Db);
      if (dryRun) throw new DryRunRollback();
    });
  } catch (e) {
    if (!(e instanceof DryRunRollback)) throw e;
  }
  return result!;
}

export function outboxRow(v: { kind: string; orgId: number; recipient: string; officerId: number | null; localDate: string; messages: LineMessage[]; now: Date; cost?: number; priority?: number }): OutboxInsert {
  return {
    cost: v.cost ?? 1,
    priority: v.priority ?? PRIORITY.review,
    orgId: v.orgId,
    dedupeKey: `${v.kind}:${v.orgId}:${v.recipient}:${v.localDate}`,
    kind: v.kind,
    recipient: v.recipient,
    officerId: v.officerId,
    localDate: v.localDate,
    messages: v.messages,
    // Fixed at planning: every resend of this row carries the same X-Line-Retry-Key.
    retryKey: randomUUID(),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: v.now,
    createdAt: v.now,
  };
}

function toItem(i: ReminderRow['items'][number]): PlannedItem {
  const days = i.reason === 'before' ? -i.late : i.late;
  return { id: i.id, code: i.code, title: i.title, dueOn: i.dueOn, status: i.status, reason: i.reason, days, preparers: i.preparers, note: i.note };
}

/** A reminder's class: its most urgent item (delivery/budget.ts). */
export function reminderClass(items: ReminderRow['items']): ReminderClass {
  if (items.some((i) => i.reason === 'before' && -i.late <= SOON_DAYS)) return 'soon';
  if (items.some((i) => i.reason === 'overdue')) return 'overdue';
  return 'early';
}

/** Is `day` the organization's weekly-summary day (the `weekly` budget level)? */
export function weeklyDayOf(set: PolicySet, orgId: number, day: string): boolean {
  const { policy, holidays } = effectivePolicy(set, orgId, null);
  return weeklySummaryDay(day, policy, holidays);
}

/** When a reminder set aside to merge goes alone if no summary took it: a while after the summary time (ticks are 15 min apart). */
const MERGE_GRACE_MS = 20 * 60_000;

/**
 * Plans today's reminders (officers) and escalations (supervisors) due at `now`, within the
 * month's budget level: what the level leaves out is recorded as dropped (outbox row with the
 * reason); under the merging levels a person who also gets today's summary has their reminder
 * set aside for it (summaries.ts takes it), and it goes alone if no summary does.
 */
export async function planReminders({ db, config, budget }: PlanDeps, now: Date, opts: { dryRun?: boolean } = {}): Promise<PlanResult> {
  const localDate = localTime(now).date;
  const set = await loadPolicySet(db, config);
  const tables = scopeTables(set, now, 'reminders');
  const level: Level = tables.rules.length && budget ? await budget.level(now) : 'full';
  const m = msg(config.defaultLang);
  const outboxRepo = createOutboxRepository(db);
  const budgetRepo = createBudgetRepository();
  const repo = createPlanRepository(db);
  return inPlanningTransaction(db, Boolean(opts.dryRun), async (tx) => {
    const result: PlanResult = { localDate, planned: 0, byKind: {}, budget: { level, dropped: 0, merging: 0 }, ...(opts.dryRun ? { preview: [] } : {}) };
    if (!tables.rules.length) return result;
    await repo.openReminderCursor(tx, 'reminder_plan', tables, localDate, MAX_ITEMS);
    for (;;) {
      const rows = await repo.fetch<ReminderRow>(tx, 'reminder_plan', FETCH_SIZE);
      if (!rows.length) break;
      const merging = level === 'full' ? new Set<number>() : await budgetRepo.summaryOfficers(tx, rows.filter((r) => r.kind === 'reminder').map((r) => r.officer_id));
      const inserts = rows.map((r) => {
        const items = r.items.map(toItem);
        const build = r.kind === 'reminder' ? reminderMessages : escalationMessages;
        const messages = build(m, config, items, Number(r.total));
        const cls = r.kind === 'reminder' ? reminderClass(r.items) : null;
        const row = outboxRow({ kind: r.kind, orgId: r.org_id, recipient: r.recipient, officerId: r.officer_id, localDate, messages, now, priority: cls ? PRIORITY[cls] : PRIORITY.escalation });
        if (cls ? !keepsReminder(level, cls) : !keepsEscalations(level)) {
          Object.assign(row, { status: 'dropped', note: `dropped: message budget (level ${level})` });
          result.budget!.dropped++;
        } else if (cls && merging.has(r.officer_id) && mergesIntoSummary(level, weeklyDayOf(set, r.org_id, localDate))) {
          const { policy } = effectivePolicy(set, r.org_id, null);
          const summaryAt = Math.max(now.getTime(), atLocalTime(localDate, minutesOf(policy.summaryTime)).getTime());
          Object.assign(row, { nextAttemptAt: new Date(summaryAt + MERGE_GRACE_MS), note: WAITING_FOR_SUMMARY });
          result.budget!.merging++;
        }
        result.preview?.push({ kind: r.kind, recipient: r.recipient, name: r.recipient_name, text: plainText(messages), ...(row.note ? { status: row.note } : {}) });
        return row;
      });
      const n = await outboxRepo.insert(tx, inserts);
      result.planned += n;
      for (const row of inserts) result.byKind[row.kind] = (result.byKind[row.kind] ?? 0) + 1;
      if (rows.length < FETCH_SIZE) break;
    }
    await repo.close(tx, 'reminder_plan');
    return result;
  });
}
