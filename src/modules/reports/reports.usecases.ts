import { msg, type Lang } from '../../messages/index.ts';
import { errors } from '../../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { CatalogService } from '../catalog/catalog.usecases.ts';
import type { CyclesService } from '../cycles/cycles.usecases.ts';
import type { OrgRepository } from '../org/org.repository.ts';
import { itasSheet } from './itas.ts';
import type { ReportsRepository } from './reports.repository.ts';
import { CONTENT_TYPES, renderSheet, type SheetFormat } from './sheets.ts';
import { statusSheet } from './status-report.ts';

export type SheetKind = 'itas' | 'status';

export type ExportFile = { bytes: Buffer; fileName: string; contentType: string; rows: number };

type Deps = {
  repo: ReportsRepository;
  catalog: Pick<CatalogService, 'items' | 'subIndicators'>;
  cycles: Pick<CyclesService, 'find'>;
  orgRepo: Pick<OrgRepository, 'byId'>;
};

/** Exports for the working group: the ITAS sheet and the status report (admins only). */
export function createReportsService({ repo, catalog, cycles, orgRepo }: Deps) {
  /** The cycle's catalog and assignments, for an admin of the actor's organization. */
  async function load(actor: Actor, year: number) {
    assertCan(actor, 'manage', { orgId: actor.orgId });
    const cycle = await cycles.find(actor.orgId, year);
    if (!cycle) throw errors.notFound('cycle', year);
    const [org, items, assignments] = await Promise.all([
      orgRepo.byId(actor.orgId),
      catalog.items(cycle.catalogYear),
      repo.cycleAssignments(actor.orgId, cycle.id),
    ]);
    return { org: org!, cycle, items, assignments };
  }

  return {
    load,
    async exportSheet(actor: Actor, kind: SheetKind, year: number, format: SheetFormat, lang: Lang = 'th'): Promise<ExportFile> {
      const { org, items, assignments } = await load(actor, year);
      const m = msg(lang);
      const sheet = kind === 'itas' ? itasSheet(m, items, assignments) : statusSheet(m, items, assignments);
      return {
        bytes: await renderSheet(sheet, format),
        fileName: `${kind}-${org.slug}-${year}.${format}`,
        contentType: CONTENT_TYPES[format],
        rows: sheet.rows.length,
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
