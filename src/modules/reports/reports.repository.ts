import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignmentPeople, assignments, evidenceLinks } from '../assignments/assignments.table.ts';
import type { AssignmentRow } from '../assignments/assignments.repository.ts';
import { auditLog } from '../audit/audit.table.ts';
import { catalogItems } from '../catalog/catalog.table.ts';
import { officers, units } from '../org/org.table.ts';

/** One assignment of a cycle with everything the exports show about it. */
export type ReportAssignment = Pick<
  AssignmentRow,
  'id' | 'itemNumber' | 'unitId' | 'unitName' | 'responsibility' | 'dueOn' | 'status' | 'statusNote'
> & {
  itemId: number;
  people: Array<{ role: 'preparer' | 'supervisor' | 'certifier'; name: string; position: string | null }>;
  evidence: Array<{ id: number; url: string; label: string | null }>;
  /** The comment of the latest "return" (kept after the item is resubmitted). */
  lastReturn: string | null;
};

/** Read-only queries for exports, charts and the public page. Every one is scoped to orgId. */
export function createReportsRepository(db: Db) {
  return {
    async cycleAssignments(orgId: number, cycleId: number): Promise<ReportAssignment[]> {
      const rows = await db
        .select({
          id: assignments.id,
          itemId: assignments.itemId,
          itemNumber: catalogItems.number,
          unitId: assignments.unitId,
          unitName: units.name,
          responsibility: assignments.responsibility,
          dueOn: assignments.dueOn,
          status: assignments.status,
          statusNote: assignments.statusNote,
        })
        .from(assignments)
        .innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
        .innerJoin(units, eq(units.id, assignments.unitId))
        .where(and(eq(assignments.orgId, orgId), eq(assignments.cycleId, cycleId)))
        .orderBy(asc(catalogItems.number), asc(assignments.responsibility), asc(units.name));
      if (!rows.length) return [];
      const ids = rows.map((r) => r.id);
      const [people, evidence, returns] = await Promise.all([
        db
          .select({ assignmentId: assignmentPeople.assignmentId, role: assignmentPeople.role, name: officers.name, position: officers.position })
          .from(assignmentPeople)
          .innerJoin(officers, eq(officers.id, assignmentPeople.officerId))
          .where(and(eq(assignmentPeople.orgId, orgId), inArray(assignmentPeople.assignmentId, ids)))
          .orderBy(asc(officers.name)),
        db
          .select({ assignmentId: evidenceLinks.assignmentId, id: evidenceLinks.id, url: evidenceLinks.url, label: evidenceLinks.label })
          .from(evidenceLinks)
          .where(and(eq(evidenceLinks.orgId, orgId), inArray(evidenceLinks.assignmentId, ids)))
          .orderBy(asc(evidenceLinks.createdAt), asc(evidenceLinks.id)),
        db
          .select({ entityId: auditLog.entityId, after: auditLog.after })
          .from(auditLog)
          .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entity, 'assignment'), eq(auditLog.action, 'assignment.return'), inArray(auditLog.entityId, ids.map(String))))
          .orderBy(desc(auditLog.at), desc(auditLog.id)),
      ]);
      const lastReturn = new Map<string, string>();
      for (const r of returns) {
        const note = (r.after as { statusNote?: string } | null)?.statusNote;
        if (r.entityId && note && !lastReturn.has(r.entityId)) lastReturn.set(r.entityId, note);
      }
      const peopleOf = groupBy(people);
      const evidenceOf = groupBy(evidence);
      return rows.map((r) => ({
        ...r,
        people: (peopleOf.get(r.id) ?? []).map(({ assignmentId: _, ...p }) => p),
        evidence: (evidenceOf.get(r.id) ?? []).map(({ assignmentId: _, ...e }) => e),
        lastReturn: lastReturn.get(String(r.id)) ?? null,
      }));
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;

function groupBy<T extends { assignmentId: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.assignmentId);
    if (list) list.push(r);
    else m.set(r.assignmentId, [r]);
  }
  return m;
}
