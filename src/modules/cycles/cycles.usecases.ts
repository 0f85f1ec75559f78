import type { Db } from '../../db/client.ts';
import { errors } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { CatalogService } from '../catalog/catalog.usecases.ts';
import type { Cycle, CyclesRepository } from './cycles.repository.ts';

type Deps = {
  db: Db;
  repo: CyclesRepository;
  catalog: Pick<CatalogService, 'versionOf' | 'repointCycle'>;
  audit: AuditLog;
};

export function createCyclesService({ db, repo, catalog, audit }: Deps) {
  return {
    find: (orgId: number, year: number) => repo.find(orgId, year),
    latest: (orgId: number) => repo.latest(orgId),
    /**
     * The organization's cycle for a year, created on that year's catalog when missing (throws
     * CATALOG_MISSING when there is no catalog for the year). Runs inside `tx`.
     */
    async ensure(tx: Db, actor: Actor, year: number): Promise<{ cycle: Cycle; created: boolean }> {
      const existing = await repo.find(actor.orgId, year, tx);
      if (existing) return { cycle: existing, created: false };
      await catalog.versionOf({ catalogYear: year }, tx); // CATALOG_MISSING when there is none
      const cycle = await repo.insert(tx, { orgId: actor.orgId, year, catalogYear: year });
      await audit.record(tx, actor, { action: 'cycle.create', entity: 'cycle', entityId: cycle.id, after: cycle });
      return { cycle, created: true };
    },

    /**
     * Which catalog the organization's cycle for `year` uses: another year's (FY 2570 working on
     * the 2569 catalog until NACC publishes 2570's) and optionally a pinned version (null: always
     * the current one). Creates the cycle if needed. Open assignments move to the chosen version;
     * a cycle with assignments cannot change catalog year (its items are that year's).
     */
    async pinCatalog(actor: Actor, year: number, pin: { catalogYear: number; version: number | null }) {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const { version: resolved } = await catalog.versionOf({ catalogYear: pin.catalogYear, catalogVersion: pin.version });
      return db.transaction(async (tx) => {
        let cycle = await repo.find(actor.orgId, year, tx);
        if (!cycle) {
          cycle = await repo.insert(tx, { orgId: actor.orgId, year, catalogYear: pin.catalogYear });
          await audit.record(tx, actor, { action: 'cycle.create', entity: 'cycle', entityId: cycle.id, after: cycle });
        }
        const before = { catalogYear: cycle.catalogYear, catalogVersion: cycle.catalogVersion };
        if (cycle.catalogYear !== pin.catalogYear) {
          const n = await repo.assignmentCount(tx, cycle.id);
          if (n > 0) throw errors.catalogPinInUse(year, cycle.catalogYear, n);
        }
        const updated = await repo.setCatalog(tx, cycle.id, pin.catalogYear, pin.version);
        const moved = await catalog.repointCycle(tx, { cycleId: cycle.id, year: pin.catalogYear, version: resolved });
        if (before.catalogYear !== pin.catalogYear || before.catalogVersion !== pin.version) {
          await audit.record(tx, actor, {
            action: 'cycle.catalog', entity: 'cycle', entityId: cycle.id, before,
            after: { catalogYear: pin.catalogYear, catalogVersion: pin.version, resolvedVersion: resolved, moved: moved.repointed },
          });
        }
        for (const e of moved.entries) await audit.record(tx, actor, e.entry);
        return { cycle: updated, version: resolved, repointed: moved.repointed, ticksKept: moved.ticksKept, ticksDropped: moved.ticksDropped };
      });
    },
  };
}

export type CyclesService = ReturnType<typeof createCyclesService>;
