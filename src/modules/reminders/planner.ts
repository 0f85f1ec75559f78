import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { msg } from '../../messages/index.ts';
import type { LineMessage } from '../line/line.gateway.ts';
import { escalationMessages, MAX_ITEMS, plainText, reminderMessages, type PlannedItem } from './flex.ts';
import { createOutboxRepository, type OutboxInsert } from './outbox.repository.ts';
import { loadPolicySet, scopeTables } from './policies.ts';
import { localTime } from './policy.ts';
import { createPlanRepository, type ReminderRow } from './plan.repository.ts';

/** What a planning run did. In a dry run nothing is written and `preview` lists what would be sent. */
export type PlanResult = {
  localDate: string;
  planned: number;
  byKind: Record<string, number>;
  preview?: Array<{ kind: string; recipient: string; name: string | null; text: string }>;
};

export type PlanDeps = { db: Db; config: Config };

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

export function outboxRow(v: { kind: string; orgId: number; recipient: string; officerId: number | null; localDate: string; messages: LineMessage[]; now: Date }): OutboxInsert {
  return {
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

/** Plans today's reminders (officers) and escalations (supervisors) due at `now`. */
export async function planReminders({ db, config }: PlanDeps, now: Date, opts: { dryRun?: boolean } = {}): Promise<PlanResult> {
  const localDate = localTime(now).date;
  const tables = scopeTables(await loadPolicySet(db, config), now, 'reminders');
  const m = msg(config.defaultLang);
  const outboxRepo = createOutboxRepository(db);
  const repo = createPlanRepository(db);
  return inPlanningTransaction(db, Boolean(opts.dryRun), async (tx) => {
    const result: PlanResult = { localDate, planned: 0, byKind: {}, ...(opts.dryRun ? { preview: [] } : {}) };
    if (!tables.rules.length) return result;
    await repo.openReminderCursor(tx, 'reminder_plan', tables, localDate, MAX_ITEMS);
    for (;;) {
      const rows = await repo.fetch<ReminderRow>(tx, 'reminder_plan', FETCH_SIZE);
      if (!rows.length) break;
      const inserts = rows.map((r) => {
        const items = r.items.map(toItem);
        const build = r.kind === 'reminder' ? reminderMessages : escalationMessages;
        const messages = build(m, config, items, Number(r.total));
        result.preview?.push({ kind: r.kind, recipient: r.recipient, name: r.recipient_name, text: plainText(messages) });
        return outboxRow({ kind: r.kind, orgId: r.org_id, recipient: r.recipient, officerId: r.officer_id, localDate, messages, now });
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
