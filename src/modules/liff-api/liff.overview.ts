import type { Messages } from '../../messages/index.ts';
import type { AssignmentRow } from '../assignments/assignments.repository.ts';
import { isFinal, STATUSES } from '../assignments/workflow.ts';
import type { DeliveryState } from './liff.delivery.ts';
import type { ListEntry } from './liff.present.ts';

type Tally = { total: number; done: number; percentDone: number; byStatus: Record<string, number> };

function tally(rows: readonly AssignmentRow[]): Tally {
  const byStatus: Record<string, number> = {};
  let done = 0;
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    if (isFinal(r.status)) done++;
  }
  return { total: rows.length, done, percentDone: rows.length ? Math.round((done / rows.length) * 100) : 0, byStatus };
}

function groupBy<K>(rows: readonly AssignmentRow[], key: (r: AssignmentRow) => K): Map<K, AssignmentRow[]> {
  const out = new Map<K, AssignmentRow[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** The organization admin's overview: status counts per sub-indicator and per unit, what is overdue, and the month's LINE messages. */
export function overview(
  m: Messages,
  today: string,
  v: { cycle: { year: number } | null; rows: AssignmentRow[]; subIndicators: Array<{ code: string; title: string }>; overdue: ListEntry[]; delivery: DeliveryState },
) {
  const bySub = groupBy(v.rows, (r) => r.subIndicator);
  const byUnit = groupBy(v.rows, (r) => r.unitId);
  return {
    cycle: v.cycle ? { year: v.cycle.year } : null,
    today,
    totals: tally(v.rows),
    statusLabels: Object.fromEntries(STATUSES.map((s) => [s, m.status[s] ?? s])),
    bySubIndicator: v.subIndicators
      .filter((s) => bySub.has(s.code))
      .map((s) => ({ code: s.code, title: s.title, ...tally(bySub.get(s.code)!) })),
    byUnit: [...byUnit.values()]
      .map((rows) => ({ id: rows[0]!.unitId, name: rows[0]!.unitName, ...tally(rows) }))
      .sort((a, b) => a.percentDone - b.percentDone || a.name.localeCompare(b.name, 'th')),
    overdue: v.overdue,
    delivery: v.delivery,
  };
}
