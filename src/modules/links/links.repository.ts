import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignmentPeople, assignments, evidenceLinks } from '../assignments/assignments.table.ts';
import { catalogItems } from '../catalog/catalog.table.ts';
import { cycles } from '../cycles/cycles.table.ts';
import { officers, units } from '../org/org.table.ts';
import { linkCheckRuns, linkHealth } from './links.table.ts';

export type Health = typeof linkHealth.$inferSelect;
export type LinkToCheck = { evidenceId: number; url: string; assignmentId: number; cycleId: number; itemCode: string; itemTitle: string; unitName: string };

/** Link health SQL; every query is scoped to one organization. */
export function createLinksRepository(db: Db) {
  return {
    async linksOf(orgId: number, cycleId: number): Promise<LinkToCheck[]> {
      return db
        .select({ evidenceId: evidenceLinks.id, url: evidenceLinks.url, assignmentId: assignments.id, cycleId: assignments.cycleId, itemCode: catalogItems.code, itemTitle: catalogItems.title, unitName: units.name })
        .from(evidenceLinks)
        .innerJoin(assignments, eq(assignments.id, evidenceLinks.assignmentId))
        .innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
        .innerJoin(units, eq(units.id, assignments.unitId))
        .where(and(eq(evidenceLinks.orgId, orgId), eq(assignments.cycleId, cycleId)))
        .orderBy(asc(catalogItems.number), asc(evidenceLinks.id));
    },

    async health(orgId: number, evidenceIds: number[], tx: Db = db): Promise<Map<number, Health>> {
      if (!evidenceIds.length) return new Map();
      const rows = await tx.select().from(linkHealth).where(and(eq(linkHealth.orgId, orgId), inArray(linkHealth.evidenceId, evidenceIds)));
      return new Map(rows.map((r) => [r.evidenceId, r]));
    },

    async save(tx: Db, row: Health) {
      await tx
        .insert(linkHealth)
        .values(row)
        .onConflictDoUpdate({
          target: linkHealth.evidenceId,
          set: { url: row.url, state: row.state, httpStatus: row.httpStatus, finalUrl: row.finalUrl, detail: row.detail, checkedAt: row.checkedAt, since: row.since, notifiedAt: row.notifiedAt },
        });
    },

    /** Preparers of an assignment the bot can reach. */
    async preparers(tx: Db, orgId: number, assignmentId: number) {
      return tx
        .select({ officerId: officers.id, lineUserId: officers.lineUserId })
        .from(assignmentPeople)
        .innerJoin(officers, eq(officers.id, assignmentPeople.officerId))
        .where(and(eq(assignmentPeople.orgId, orgId), eq(assignmentPeople.assignmentId, assignmentId), eq(assignmentPeople.role, 'preparer'), eq(officers.reachable, true), sql`${officers.lineUserId} is not null`));
    },

    /** Broken links per organization (anything but ok / moved), for the daily summary. */
    async brokenCounts(orgIds: number[], tx: Db = db): Promise<Map<number, number>> {
      if (!orgIds.length) return new Map();
      const rows = await tx
        .select({ orgId: linkHealth.orgId, n: sql<number>`count(*)::int` })
        .from(linkHealth)
        .where(and(inArray(linkHealth.orgId, orgIds), sql`${linkHealth.state} not in ('ok', 'moved')`))
        .groupBy(linkHealth.orgId);
      return new Map(rows.map((r) => [r.orgId, Number(r.n)]));
    },

    /** The organizations' latest cycles, with their OIT windows, for the scheduler. */
    async latestCycles() {
      const rows = await db.select({ id: cycles.id, orgId: cycles.orgId, year: cycles.year, opens: cycles.oitOpensOn, closes: cycles.oitClosesOn }).from(cycles).orderBy(asc(cycles.orgId), desc(cycles.year));
      const seen = new Set<number>();
      return rows.filter((r) => !seen.has(r.orgId) && seen.add(r.orgId));
    },

    /** Claims today's scheduled run of an organization; false when another instance (or an earlier tick) has it. */
    async claimRun(orgId: number, localDate: string, at: Date): Promise<boolean> {
      const r = await db.insert(linkCheckRuns).values({ orgId, localDate, startedAt: at }).onConflictDoNothing().returning({ orgId: linkCheckRuns.orgId });
      return r.length === 1;
    },

    async finishRun(orgId: number, localDate: string, at: Date, checked: number) {
      await db.update(linkCheckRuns).set({ finishedAt: at, checked }).where(and(eq(linkCheckRuns.orgId, orgId), eq(linkCheckRuns.localDate, localDate)));
    },
  };
}

export type LinksRepository = ReturnType<typeof createLinksRepository>;
