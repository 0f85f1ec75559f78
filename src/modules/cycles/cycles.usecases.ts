import type { Db } from '../../db/client.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import type { CatalogService } from '../catalog/catalog.usecases.ts';
import type { Cycle, CyclesRepository } from './cycles.repository.ts';

export function createCyclesService({ repo, catalog, audit }: { repo: CyclesRepository; catalog: CatalogService; audit: AuditLog }) {
  return {
    find: (orgId: number, year: number) => repo.find(orgId, year),
    latest: (orgId: number) => repo.latest(orgId),
    /**
     * The organization's cycle for a year, created on that year's built-in catalog when missing
     * (throws CATALOG_MISSING when there is no catalog for the year). Runs inside `tx`.
     */
    async ensure(tx: Db, actor: Actor, year: number): Promise<{ cycle: Cycle; created: boolean }> {
      const existing = await repo.find(actor.orgId, year, tx);
      if (existing) return { cycle: existing, created: false };
      await catalog.items(year);
      const cycle = await repo.insert(tx, { orgId: actor.orgId, year, catalogYear: year });
      await audit.record(tx, actor, { action: 'cycle.create', entity: 'cycle', entityId: cycle.id, after: cycle });
      return { cycle, created: true };
    },
  };
}

export type CyclesService = ReturnType<typeof createCyclesService>;
