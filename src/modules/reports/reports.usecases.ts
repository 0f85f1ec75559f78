import { msg, type Lang } from '../../messages/index.ts';
import { errors } from '../../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { CatalogService } from '../catalog/catalog.usecases.ts';
import type { CyclesService } from '../cycles/cycles.usecases.ts';
import type { OrgRepository } from '../org/org.repository.ts';
import { formatThaiDate, bangkokDate } from '../../shared/thai-date.ts';
import type { Clock } from '../../shared/clock.ts';
import { chartData } from './chart.data.ts';
import { sarabunBase64, svgToPng } from './chart.render.ts';
import { chartSvg } from './chart.svg.ts';
import { itasSheet } from './itas.ts';
import type { ReportsRepository } from './reports.repository.ts';
import { CONTENT_TYPES, renderSheet, type SheetFormat } from './sheets.ts';
import { statusSheet } from './status-report.ts';
import { findShare } from './summary-extras.ts';
import type { Db } from '../../db/client.ts';
import { createYearSnapshot } from './year-snapshot.ts';

export type SheetKind = 'itas' | 'status';

export type ExportFile = { bytes: Buffer; fileName: string; contentType: string; rows: number };

type Deps = {
  repo: ReportsRepository;
  catalog: Pick<CatalogService, 'itemsFor' | 'subIndicators'>;
  cycles: Pick<CyclesService, 'find'>;
  orgRepo: Pick<OrgRepository, 'byId'>;
  clock: Clock;
  db: Db;
};

/** Exports for the working group: the ITAS sheet and the status report (admins only). */
export function createReportsService({ repo, catalog, cycles, orgRepo, clock, db }: Deps) {
  const snapshot = createYearSnapshot({ repo, catalog, cycles, orgRepo });
  /** The cycle's catalog and assignments, for an admin of the actor's organization. */
  async function load(actor: Actor, year: number) {
    assertCan(actor, 'manage', { orgId: actor.orgId });
    const cycle = await cycles.find(actor.orgId, year);
    if (!cycle) throw errors.notFound('cycle', year);
    const [org, items, assignments] = await Promise.all([
      orgRepo.byId(actor.orgId),
      catalog.itemsFor(cycle),
      repo.cycleAssignments(actor.orgId, cycle.id),
    ]);
    return { org: org!, cycle, items, assignments };
  }

  /** The progress chart of an organization's year, as SVG (font embedded) or PNG. */
  async function chartFor(orgId: number, year: number, format: 'png' | 'svg', lang: Lang): Promise<ExportFile | null> {
    const snap = await snapshot(orgId, year);
    if (!snap) return null;
    const { org, items, subs, assignments } = snap;
    const m = msg(lang);
    const data = chartData(items, subs, assignments);
    const pct = data.total.all ? Math.round((data.total.approved / data.total.all) * 100) : 0;
    const head = { title: m.reports.chart.title(org.name, year), subtitle: m.reports.chart.subtitle(formatThaiDate(bangkokDate(clock.now()), 'long'), data.total.approved, data.total.all, pct) };
    const svg = chartSvg(m, data, head, format === 'svg' ? { embedFont: sarabunBase64() } : {});
    return {
      bytes: format === 'svg' ? Buffer.from(svg, 'utf8') : await svgToPng(svg),
      fileName: `chart-${org.slug}-${year}.${format}`,
      contentType: CONTENT_TYPES[format],
      rows: data.bySubIndicator.length + data.byUnit.length,
    };
  }

  return {
    load,
    chartFor,
    /** The chart behind a daily summary's image URL (no login: the token is the key), or null. */
    async sharedChart(token: string): Promise<ExportFile | null> {
      const share = await findShare(db, token, bangkokDate(clock.now()));
      return share ? chartFor(share.orgId, share.year, 'png', 'th') : null;
    },
    async chart(actor: Actor, year: number, format: 'png' | 'svg', lang: Lang = 'th'): Promise<ExportFile> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const file = await chartFor(actor.orgId, year, format, lang);
      if (!file) throw errors.notFound('cycle', year);
      return file;
    },
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
