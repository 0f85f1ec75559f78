import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors, type ImportRowError } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { CatalogService } from '../catalog/catalog.usecases.ts';
import type { CyclesService } from '../cycles/cycles.usecases.ts';
import type { AliasService } from './aliases.usecases.ts';
import { aliasMap } from './import.aliases.ts';
import { applyPlan, writeCount } from './import.apply.ts';
import { DEFAULT_MAX_ROWS } from './import.parse.ts';
import { planImport, type Plan } from './import.plan.ts';
import { createSheetReader, type SheetReader } from './import.reader.ts';
import { buildReport, findNearDuplicates, type ImportReport } from './import.report.ts';
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
  /** Assignments whose due date, main/co or starting status changed. */
  assignmentsUpdated: number;
  /** Officer-role links added, on new and existing assignments. */
  peopleAdded: number;
  /** Nothing was (or, on a dry run, would be) written. */
  unchanged: boolean;
  dryRun?: boolean;
  /** A dry run explains itself: how the sheet was read, what it would create, what to confirm, what is wrong. */
  report?: ImportReport;
};

export type ImportInput = {
  fileName: string; bytes: Uint8Array; year: number; dryRun?: boolean;
  /** Create the listed near-duplicates as separate units/officers instead of asking. */
  keepSeparate?: boolean;
};

/** Validation reports rows; writing reports rows written. `phase` tells a progress bar which. */
export type ImportProgress = (done: number, total: number, phase: 'validate' | 'write') => void;

type Deps = {
  db: Db;
  catalog: Pick<CatalogService, 'itemsFor'>;
  cycles: Pick<CyclesService, 'ensure' | 'find'>;
  aliases: Pick<AliasService, 'record'>;
  audit: AuditLog;
  clock: Clock;
  /** The organization's name: an office written before its divisions ("สำนักงานจังหวัดระยอง (กง.บุคคลฯ)") is no unit. */
  orgName: (orgId: number) => Promise<string>;
  repo?: ImportRepository;
  reader?: SheetReader;
  /** Sheets with more non-empty rows are refused while being read (IMPORT_MAX_ROWS). */
  maxRows?: number;
};

export type ImportService = ReturnType<typeof createImportService>;

export function createImportService(d: Deps) {
  const { db, catalog, cycles, audit, clock, repo = createImportRepository(), reader = createSheetReader(), maxRows = DEFAULT_MAX_ROWS } = d;
  return {
    /**
     * Imports an assignment sheet (.csv or .xlsx) into the actor's organization for `year`.
     * Every row is checked first; any error throws IMPORT_FAILED with all row errors and writes
     * nothing; near-duplicate names throw NEAR_DUPLICATES unless confirmed (aliases) or kept
     * separate. Otherwise everything is applied in one transaction, and re-importing the same
     * sheet writes nothing at all (no audit rows either). A dry run never throws for rows: its
     * report lists them.
     */
    async importSheet(actor: Actor, input: ImportInput, onProgress?: ImportProgress): Promise<ImportSummary> {
      assertCan(actor, 'import', { orgId: actor.orgId });
      const { year } = input;
      // The cycle's catalog (another year's, or a pinned version, if the organization chose so).
      const existingCycle = await cycles.find(actor.orgId, year);
      const ref = existingCycle ?? { catalogYear: year };
      const items = (await catalog.itemsFor(ref)).map(({ id, number, code }) => ({ id, number, code })); // CATALOG_MISSING up front
      const orgName = await d.orgName(actor.orgId);
      // Decoding, parsing and row checks run in a worker thread: the event loop stays free.
      const read = await reader.read(
        { fileName: input.fileName, bytes: input.bytes, year: ref.catalogYear, items, maxRows, orgName },
        (done, n) => onProgress?.(done, n, 'validate'),
      );
      const lineIds = [...new Set(read.rows.map((r) => r.officer?.lineUserId).filter((x): x is string => Boolean(x)))];

      if (input.dryRun || read.errors.length > 0) {
        // Read-only: the database-dependent checks still run so that every error is reported.
        const state = await repo.loadState(db, actor.orgId, existingCycle?.id ?? null, lineIds);
        const plan = await planImport(read.rows, state, read.labels, aliasMap(state.aliases, read.sheetAliases));
        const rowErrors = sorted([...read.errors, ...plan.errors]);
        if (!input.dryRun) failIfAny(rowErrors);
        const near = await findNearDuplicates(plan, state);
        return { ...summarize(year, read.rowCount, !existingCycle, plan), dryRun: true, report: buildReport(read, plan, near, rowErrors, state) };
      }
      return db.transaction(async (tx) => {
        const { cycle, created } = await cycles.ensure(tx, actor, year);
        if (read.sheetAliases.length > 0) await d.aliases.record(tx, actor, read.sheetAliases);
        const state = await repo.loadState(tx, actor.orgId, cycle.id, lineIds);
        const plan = await planImport(read.rows, state, read.labels, aliasMap(state.aliases));
        failIfAny(plan.errors); // throwing rolls back the cycle too
        const near = input.keepSeparate ? [] : await findNearDuplicates(plan, state);
        if (near.length > 0) throw errors.nearDuplicates(near);
        const total = writeCount(plan);
        const entries = await applyPlan(tx, repo, { orgId: actor.orgId, cycleId: cycle.id, plan, at: clock.now() }, (done) => onProgress?.(done, total, 'write'));
        await audit.record(tx, actor, entries);
        return summarize(year, read.rowCount, created, plan);
      });
    },
  };
}

const sorted = (e: ImportRowError[]) => [...e].sort((a, b) => a.row - b.row);

function failIfAny(rowErrors: ImportRowError[]) {
  if (rowErrors.length === 0) return;
  throw errors.importFailed(sorted(rowErrors));
}

function summarize(year: number, rows: number, cycleCreated: boolean, plan: Plan) {
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
