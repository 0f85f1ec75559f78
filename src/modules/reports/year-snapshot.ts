import type { CatalogService } from '../catalog/catalog.usecases.ts';
import type { CyclesService } from '../cycles/cycles.usecases.ts';
import type { OrgRepository } from '../org/org.repository.ts';
import type { ReportsRepository } from './reports.repository.ts';

export type YearSnapshotDeps = {
  repo: Pick<ReportsRepository, 'cycleAssignments'>;
  catalog: Pick<CatalogService, 'itemsFor' | 'subIndicators'>;
  cycles: Pick<CyclesService, 'find'>;
  orgRepo: Pick<OrgRepository, 'byId'>;
};

/**
 * An organization's year as the chart and the public page draw it: the organization, the cycle's
 * own catalog (items and sub-indicators of its pinned version) and every assignment; null when
 * the organization has no such year. No permission check: callers decide who may see it.
 */
export function createYearSnapshot({ repo, catalog, cycles, orgRepo }: YearSnapshotDeps) {
  return async function yearSnapshot(orgId: number, year: number) {
    const cycle = await cycles.find(orgId, year);
    if (!cycle) return null;
    const [org, items, subs, assignments] = await Promise.all([
      orgRepo.byId(orgId),
      catalog.itemsFor(cycle),
      catalog.subIndicators(cycle.catalogYear, cycle.catalogVersion),
      repo.cycleAssignments(orgId, cycle.id),
    ]);
    return { org: org!, cycle, items, subs, assignments };
  };
}

export type YearSnapshot = ReturnType<typeof createYearSnapshot>;
