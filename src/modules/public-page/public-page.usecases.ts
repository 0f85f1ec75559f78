import type { Db } from '../../db/client.ts';
import { msg, type Lang } from '../../messages/index.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import { bangkokDate, formatThaiDate } from '../../shared/thai-date.ts';
import type { AuditLog } from '../audit/audit.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { CatalogService } from '../catalog/catalog.usecases.ts';
import type { CyclesService } from '../cycles/cycles.usecases.ts';
import type { OrgRepository } from '../org/org.repository.ts';
import type { ReportsRepository } from '../reports/reports.repository.ts';
import { createYearSnapshot } from '../reports/year-snapshot.ts';
import { pageHtml } from './public-page.html.ts';
import type { PublicPageRepository } from './public-page.repository.ts';
import { pageView } from './public-page.view.ts';

type Deps = {
  db: Db;
  repo: PublicPageRepository;
  reports: Pick<ReportsRepository, 'cycleAssignments'>;
  catalog: Pick<CatalogService, 'itemsFor' | 'subIndicators'>;
  cycles: Pick<CyclesService, 'find'>;
  orgRepo: Pick<OrgRepository, 'byId' | 'bySlug'>;
  audit: AuditLog;
  clock: Clock;
};

/** The public ITA page: off until an admin publishes it (audited); the same HTML exports as one file. */
export function createPublicPageService({ db, repo, reports, catalog, cycles, orgRepo, audit, clock }: Deps) {
  const snapshot = createYearSnapshot({ repo: reports, catalog, cycles, orgRepo });
  async function render(orgId: number, year: number, lang: Lang): Promise<string | null> {
    const snap = await snapshot(orgId, year);
    if (!snap) return null;
    const updated = formatThaiDate(bangkokDate(clock.now()), 'long');
    return pageHtml(msg(lang), pageView(snap.org, year, updated, snap.items, snap.subs, snap.assignments));
  }

  return {
    async setPublished(actor: Actor, year: number, published: boolean): Promise<{ changed: boolean }> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      if (!(await cycles.find(actor.orgId, year))) throw errors.notFound('cycle', year);
      const before = await repo.isPublished(actor.orgId, year);
      if (before === published) return { changed: false };
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await repo.set(tx, actor.orgId, year, published, clock.now());
        await audit.record(tx, actor, { action: published ? 'page.publish' : 'page.unpublish', entity: 'organization', entityId: actor.orgId, before: { year, published: before }, after: { year, published } });
      });
      return { changed: true };
    },

    /** The page as the public sees it, or null (unknown organization, no such year, or not published). */
    async publicHtml(slug: string, year: number): Promise<string | null> {
      const org = await orgRepo.bySlug(slug);
      if (!org || !(await repo.isPublished(org.id, year))) return null;
      return render(org.id, year, 'th');
    },

    /** `export page`: the same page as a file to host on the agency's own website. */
    async exportHtml(actor: Actor, year: number, lang: Lang = 'th'): Promise<string> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const html = await render(actor.orgId, year, lang);
      if (html === null) throw errors.notFound('cycle', year);
      return html;
    },
  };
}

export type PublicPageService = ReturnType<typeof createPublicPageService>;
