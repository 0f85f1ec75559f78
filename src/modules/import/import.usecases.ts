import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors, type ImportRowError } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { CatalogService } from '../catalog/catalog.usecases.ts';
import type { CyclesService } from '../cycles/cycles.usecases.ts';
import { applyPlan, writeCount } from './import.apply.ts';
import { DEFAULT_MAX_ROWS } from './import.parse.ts';
import { planImport, type Plan } from './import.plan.ts';
import { createSheetReader, type SheetReader } from './import.reader.ts';
import { createImportRepository, type ImportRepository } from './import.repository.ts';

export type ImportSummary = {
  year: number;
  /** True when the organization had no cycle for the year and this import created it. */
  cycleCreated: boolean;
  /** Data rows read from the sheet. */
  rows: number;
  unitsCreated: number;
  officersCreated: number;
  officersUpdated: number;
  assignmentsCreated: number;
  /** Assignments whose due date or main/co changed. */
  assignmentsUpdated: number;
  /** Officer-role links added, on new and existing assignments. */
  peopleAdded: number;
  /** Nothing was (or, on a dry run, would be) written. */
  unchanged: boolean;
  dryRun?: boolean;
};

export type ImportInput = { fileName: string; bytes: Uint8Array; year: number; dryRun?: boolean };

/** Validation reports rows; writing reports rows written. `phase` tells a progress bar which. */
export type ImportProgress = (done: number, total: number, phase: 'validate' | 'write') => void;

type Deps = {
  db: Db;
  catalog: Pick<CatalogService, 'items'>;
  cycles: Pick<CyclesService, 'ensure' | 'find'>;
  audit: AuditLog;
  clock: Clock;
  repo?: ImportRepository;
  reader?: SheetReader;
  /** Sheets with more non-empty rows are refused while being read (IMPORT_MAX_ROWS). */
  maxRows?: number;
};

export type ImportService = ReturnType<typeof createImportService>;

export function createImportService({ db, catalog, cycles, audit, clock, repo = createImportRepository(), reader = createSheetReader(), maxRows = DEFAULT_MAX_ROWS }: Deps) {
  return {
    /**
     * Imports an assignment sheet (.csv or .xlsx) into the actor's organization for `year`.
     * Every row is checked first; any error throws IMPORT_FAILED with all row errors and writes
     * nothing. Otherwise everything is applied in one transaction, and re-importing the same
     * sheet writes nothing at all (no audit rows either).
     */
    async importSheet(actor: Actor, input: ImportInput, onProgress?: ImportProgress): Promise<ImportSummary> {
      assertCan(actor, 'import', { orgId: actor.orgId });
      const { year } = input;
      const items = (await catalog.items(year)).map(({ id, number, code }) => ({ id, number, code })); // CATALOG_MISSING up front
      // Decoding, parsing and row checks run in a worker thread: the event loop stays free.
      const checked = await reader.read(
        { fileName: input.fileName, bytes: input.bytes, year, items, maxRows },
        (d, n) => onProgress?.(d, n, 'validate'),
      );
      const rowCount = checked.rowCount;
      const lineIds = [...new Set(checked.rows.map((r) => r.officer?.lineUserId).filter((x): x is string => Boolean(x)))];

      if (checked.errors.length > 0 || input.dryRun) {
        // Read-only: the database-dependent checks still run so that every error is reported.
        const cycle = await cycles.find(actor.orgId, year);
        const state = await repo.loadState(db, actor.orgId, cycle?.id ?? null, lineIds);
        const plan = await planImport(checked.rows, state, checked.labels);
        failIfAny([...checked.errors, ...plan.errors]);
        return { ...summarize(year, rowCount, !cycle, plan), dryRun: true };
      }

      return db.transaction(async (tx) => {
        const { cycle, created } = await cycles.ensure(tx, actor, year);
        const state = await repo.loadState(tx, actor.orgId, cycle.id, lineIds);
        const plan = await planImport(checked.rows, state, checked.labels);
        failIfAny(plan.errors); // throwing rolls back the cycle too
        const total = writeCount(plan);
        const entries = await applyPlan(tx, repo, { orgId: actor.orgId, cycleId: cycle.id, plan, at: clock.now() }, (done) => onProgress?.(done, total, 'write'));
        await audit.record(tx, actor, entries);
        return summarize(year, rowCount, created, plan);
      });
    },
  };
}

function failIfAny(rowErrors: ImportRowError[]) {
  if (rowErrors.length === 0) return;
  throw errors.importFailed([...rowErrors].sort((a, b) => a.row - b.row));
}

function summarize(year: number, rows: number, cycleCreated: boolean, plan: Plan): ImportSummary {
  const s = {
    year,
    cycleCreated,
    rows,
    unitsCreated: plan.newUnits.length,
    officersCreated: plan.newOfficers.length,
    officersUpdated: plan.officerUpdates.length,
    assignmentsCreated: plan.newAssignments.length,
    assignmentsUpdated: plan.assignmentUpdates.filter((a) => a.fieldsChanged).length,
    peopleAdded: [...plan.newAssignments, ...plan.assignmentUpdates].reduce((n, a) => n + a.people.length, 0),
  };
  const unchanged = !cycleCreated && writeCount(plan) === 0;
  return { ...s, unchanged };
}
