import type { Db } from '../../db/client.ts';
import { msg } from '../../messages/index.ts';
import { isFinal, OPEN_STATUSES, STATUSES, type Status } from '../assignments/workflow.ts';
import { keepsSummary, mergesIntoSummary, PRIORITY, type Level } from '../delivery/budget.ts';
import { MAX_MESSAGES_PER_REQUEST } from '../line/line.gateway.ts';
import { createBudgetRepository } from './budget.repository.ts';
import { plainText, summaryMessages, type SummaryView } from './flex.ts';
import { createOutboxRepository, type OutboxInsert } from './outbox.repository.ts';
import { loadPolicySet, scopeTables } from './policies.ts';
import { localTime } from './policy.ts';
import { createPlanRepository, type SummaryRow } from './plan.repository.ts';
import { inPlanningTransaction, outboxRow, weeklyDayOf, type PlanDeps, type PlanResult } from './planner.ts';

const FETCH_SIZE = 500;

export type Snapshot = { items: Record<string, string> };

/**
 * What the reports module adds to organization-wide summaries (a port, so reminders knows nothing
 * of links or charts): broken evidence links, and a chart picture URL (https only, or null).
 */
export type SummaryExtras = (tx: Db, orgIds: number[], localDate: string) => Promise<ReadonlyMap<number, { brokenLinks: number; chartUrl: string | null }>>;

/** The summary one recipient gets today, and the snapshot stored for tomorrow's comparison; null if there is nothing to say. */
export function buildSummary(row: Pick<SummaryRow, 'scope' | 'items' | 'prev'>, today: string): { view: SummaryView; snapshot: Snapshot } | null {
  const items = row.items ?? [];
  if (!items.length) return null;
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<string, number>;
  const snapshot: Snapshot = { items: {} };
  const changes: NonNullable<SummaryView['changes']> = [];
  const overdue: SummaryView['overdue'] = [];
  for (const i of items) {
    counts[i.status] = (counts[i.status] ?? 0) + 1;
    snapshot.items[String(i.id)] = i.status;
    const before = row.prev?.items[String(i.id)];
    if (row.prev && before !== i.status) changes.push({ code: i.code, from: before ?? null, to: i.status });
    if (i.dueOn && i.dueOn < today && OPEN_STATUSES.includes(i.status as Status)) overdue.push({ code: i.code, dueOn: i.dueOn, status: i.status });
  }
  const open = items.filter((i) => OPEN_STATUSES.includes(i.status as Status)).length;
  // Nothing open and nothing changed: an empty summary is not sent.
  if (open === 0 && row.prev && changes.length === 0) return null;
  overdue.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const view: SummaryView = {
    date: today,
    scope: row.scope,
    counts,
    total: items.length,
    // Final items (certified, or not applicable with a reason) are what "done" means everywhere.
    approved: items.filter((i) => isFinal(i.status as Status)).length,
    changes: row.prev ? changes : null,
    overdue: overdue.slice(0, 10),
    overdueTotal: overdue.length,
  };
  return { view, snapshot };
}

/**
 * Plans today's daily summaries due at `now`: supervisors and certifiers (what they supervise),
 * admins and opted-in groups (the whole organization). Each recipient's snapshot is stored with
 * the outbox row, in the same transaction, for "what changed since the previous summary".
 *
 * Within the month's budget level: summaries may go only on the week's first working day, or not
 * at all (each one left out is recorded as dropped, and its snapshot is not stored, so the next
 * summary sent still compares with the last one sent); under the merging levels the person's
 * reminder set aside for today (planner.ts) goes inside their summary's push.
 */
export async function planSummaries({ db, config, budget, extras }: PlanDeps & { extras?: SummaryExtras }, now: Date, opts: { dryRun?: boolean } = {}): Promise<PlanResult> {
  const localDate = localTime(now).date;
  const set = await loadPolicySet(db, config);
  const tables = scopeTables(set, now, 'summary');
  const due = tables.defaultDue || tables.dueOrgs.length > 0;
  const level: Level = due && budget ? await budget.level(now) : 'full';
  const m = msg(config.defaultLang);
  const repo = createPlanRepository(db);
  const outboxRepo = createOutboxRepository(db);
  const budgetRepo = createBudgetRepository();
  return inPlanningTransaction(db, Boolean(opts.dryRun), async (tx) => {
    const result: PlanResult = { localDate, planned: 0, byKind: {}, budget: { level, dropped: 0, merging: 0 }, ...(opts.dryRun ? { preview: [] } : {}) };
    if (!due) return result;
    await repo.openSummaryCursor(tx, 'summary_plan', tables, localDate);
    for (;;) {
      const rows = await repo.fetch<SummaryRow>(tx, 'summary_plan', FETCH_SIZE);
      if (!rows.length) break;
      const inserts: OutboxInsert[] = [];
      const snapshots = [];
      const orgWide = [...new Set(rows.filter((r) => r.scope === 'org').map((r) => r.org_id))];
      const extra = extras && orgWide.length ? await extras(tx, orgWide, localDate) : new Map();
      const built = rows.map((r) => ({ r, b: buildSummary(r, localDate), weekly: weeklyDayOf(set, r.org_id, localDate) }));
      const waiting = new Map<string, Awaited<ReturnType<typeof budgetRepo.takeWaiting>>>();
      for (const orgId of new Set(built.filter((x) => x.b && mergesIntoSummary(level, x.weekly)).map((x) => x.r.org_id))) {
        const recipients = built.filter((x) => x.b && x.r.org_id === orgId && x.r.officer_id !== null).map((x) => x.r.recipient);
        waiting.set(String(orgId), await budgetRepo.takeWaiting(tx, orgId, recipients, localDate));
      }
      for (const { r, b, weekly } of built) {
        if (!b) continue;
        const reminder = waiting.get(String(r.org_id))?.get(r.recipient) ?? [];
        const messages = [...summaryMessages(m, config, { ...b.view, ...(r.scope === 'org' ? extra.get(r.org_id) : undefined) }), ...reminder].slice(0, MAX_MESSAGES_PER_REQUEST);
        const kept = keepsSummary(level, weekly);
        const row = outboxRow({ kind: 'summary', orgId: r.org_id, recipient: r.recipient, officerId: r.officer_id, localDate, messages, now, cost: Number(r.cost ?? 1), priority: PRIORITY.summary });
        if (!kept) {
          Object.assign(row, { status: 'dropped', note: `dropped: message budget (level ${level}${level === 'weekly' ? ': summaries on the week’s first working day' : ''})` });
          result.budget!.dropped++;
        } else {
          if (reminder.length) row.note = 'carries the reminder of the day (message budget)';
          snapshots.push({ recipient: `${r.org_id}:${r.recipient}`, orgId: r.org_id, localDate, snapshot: b.snapshot });
        }
        result.preview?.push({ kind: 'summary', recipient: r.recipient, name: r.recipient_name, text: plainText(messages), ...(row.note ? { status: row.note } : {}) });
        inserts.push(row);
      }
      result.planned += await outboxRepo.insert(tx, inserts);
      result.byKind.summary = (result.byKind.summary ?? 0) + inserts.length;
      await repo.saveSnapshots(tx, snapshots);
      if (rows.length < FETCH_SIZE) break;
    }
    await repo.close(tx, 'summary_plan');
    return result;
  });
}
