import type { ImportRowError } from '../../shared/errors.ts';
import type { Status } from '../assignments/workflow.ts';
import type { ColumnMeaning } from './import.headers.ts';
import { nearDuplicates, type NearDuplicate, type Named } from './import.near-duplicates.ts';
import type { SkippedRow } from './import.parse.ts';
import type { Plan } from './import.plan.ts';
import type { ExistingState } from './import.repository.ts';
import type { RowNotes } from './import.validate.ts';
import type { ReadResult } from './import.worker.ts';

/**
 * What an import understood, for the dry run to explain (issue 8 item 8): how each column was
 * read, the rows it skipped and why, the units and people it will create, the near-duplicates to
 * confirm, and the rows it cannot use with the reason.
 */
export type ImportReport = {
  headerRow: number;
  columns: Array<{ column: string; header: string; meaning: string | null }>;
  skipped: SkippedRow[];
  notes: RowNotes;
  unitsToCreate: Array<{ name: string; parent: string | null; rows: number[] }>;
  officersToCreate: Array<{ name: string; position: string | null; byPosition: boolean; rows: number[] }>;
  nearDuplicates: NearDuplicate[];
  /** Statuses the sheet sets (new assignments and ones nobody had started). */
  statuses: Partial<Record<Status, number>>;
  errors: ImportRowError[];
};

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const meaningText = (m: ColumnMeaning | null) => (!m ? null : 'field' in m ? m.field : `role:${m.roleColumn}`);

/** Near-duplicates among the units and officers this import would create and those stored. */
export async function findNearDuplicates(plan: Plan, state: ExistingState): Promise<NearDuplicate[]> {
  const units: Named[] = [
    ...state.units.map((u) => ({ key: u.nameKey, name: u.name, existing: true, rows: [] })),
    ...plan.newUnits.map((u) => ({ key: u.key, name: u.name, existing: false, rows: u.rows })),
  ];
  const officers: Named[] = [
    ...state.officers.map((o) => ({ key: o.nameKey, name: o.name, existing: true, rows: [] })),
    ...plan.newOfficers.map((o) => ({ key: o.key, name: o.name, existing: false, rows: o.rows })),
  ];
  if (plan.newUnits.length + plan.newOfficers.length === 0) return [];
  return [...(await nearDuplicates('unit', units)), ...(await nearDuplicates('officer', officers))];
}

export function buildReport(read: ReadResult, plan: Plan | null, near: NearDuplicate[], errors: ImportRowError[], state?: ExistingState): ImportReport {
  const unitName = new Map<string, string>((state?.units ?? []).map((u) => [`id:${u.id}`, u.name]));
  for (const u of plan?.newUnits ?? []) unitName.set(`new:${u.key}`, u.name);
  const statuses: Partial<Record<Status, number>> = {};
  for (const a of [...(plan?.newAssignments ?? []), ...(plan?.assignmentUpdates ?? [])]) {
    if (a.status) statuses[a.status.status] = (statuses[a.status.status] ?? 0) + 1;
  }
  return {
    headerRow: read.headerRow,
    columns: read.columns.map((c) => ({ column: columnLetter(c.column), header: c.header, meaning: meaningText(c.meaning) })),
    skipped: read.skipped,
    notes: read.notes,
    unitsToCreate: (plan?.newUnits ?? []).map((u) => ({ name: u.name, parent: u.parent ? unitName.get(u.parent) ?? u.parent : null, rows: u.rows })),
    officersToCreate: (plan?.newOfficers ?? []).map((o) => ({ name: o.name, position: o.position, byPosition: o.byPosition, rows: o.rows })),
    nearDuplicates: near,
    statuses,
    errors,
  };
}
