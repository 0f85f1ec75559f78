import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignmentPeople, assignments, evidenceLinks } from '../assignments/assignments.table.ts';
import { catalogItems } from '../catalog/catalog.table.ts';
import { units } from '../org/org.table.ts';
import type { Role, SourceAssignment } from './rollover.plan.ts';
import { evidenceHints } from './rollover.table.ts';

const CHUNK = 1000;

/** Rollover SQL; every statement is scoped to the organization. */
export function createRolloverRepository(db: Db) {
  return {
    async sourceAssignments(orgId: number, cycleId: number, tx: Db = db): Promise<SourceAssignment[]> {
      const rows = await tx
        .select({ id: assignments.id, itemCode: catalogItems.code, unitId: assignments.unitId, unitName: units.name, responsibility: assignments.responsibility, dueOn: assignments.dueOn })
        .from(assignments)
        .innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
        .innerJoin(units, eq(units.id, assignments.unitId))
        .where(and(eq(assignments.orgId, orgId), eq(assignments.cycleId, cycleId)))
        .orderBy(asc(catalogItems.number), asc(units.name));
      const ids = rows.map((r) => r.id);
      if (!ids.length) return [];
      const people = await tx
        .select({ assignmentId: assignmentPeople.assignmentId, officerId: assignmentPeople.officerId, role: assignmentPeople.role })
        .from(assignmentPeople)
        .where(and(eq(assignmentPeople.orgId, orgId), inArray(assignmentPeople.assignmentId, ids)));
      const evidence = await tx
        .select({ assignmentId: evidenceLinks.assignmentId, url: evidenceLinks.url, label: evidenceLinks.label })
        .from(evidenceLinks)
        .where(and(eq(evidenceLinks.orgId, orgId), inArray(evidenceLinks.assignmentId, ids)))
        .orderBy(asc(evidenceLinks.createdAt), asc(evidenceLinks.id));
      return rows.map(({ id, ...r }) => ({
        ...r,
        people: people.filter((p) => p.assignmentId === id).map((p) => ({ officerId: p.officerId, role: p.role as Role })),
        evidence: evidence.filter((e) => e.assignmentId === id).map((e) => ({ url: e.url, label: e.label })),
      }));
    },

    async existing(tx: Db, orgId: number, cycleId: number) {
      return tx
        .select({ id: assignments.id, itemId: assignments.itemId, unitId: assignments.unitId })
        .from(assignments)
        .where(and(eq(assignments.orgId, orgId), eq(assignments.cycleId, cycleId)));
    },

    /** Inserts new assignments; an (item, unit) the year already has is left as it is. */
    async insertAssignments(tx: Db, rows: Array<typeof assignments.$inferInsert>) {
      const out: Array<{ id: number; itemId: number; unitId: number }> = [];
      for (let i = 0; i < rows.length; i += CHUNK) {
        out.push(...(await tx.insert(assignments).values(rows.slice(i, i + CHUNK)).onConflictDoNothing().returning({ id: assignments.id, itemId: assignments.itemId, unitId: assignments.unitId })));
      }
      return out;
    },

    async insertPeople(tx: Db, rows: Array<typeof assignmentPeople.$inferInsert>): Promise<number> {
      let n = 0;
      for (let i = 0; i < rows.length; i += CHUNK) {
        n += (await tx.insert(assignmentPeople).values(rows.slice(i, i + CHUNK)).onConflictDoNothing().returning({ id: assignmentPeople.assignmentId })).length;
      }
      return n;
    },

    async insertHints(tx: Db, rows: Array<typeof evidenceHints.$inferInsert>): Promise<number> {
      let n = 0;
      for (let i = 0; i < rows.length; i += CHUNK) {
        n += (await tx.insert(evidenceHints).values(rows.slice(i, i + CHUNK)).onConflictDoNothing().returning({ id: evidenceHints.id })).length;
      }
      return n;
    },

    async hints(orgId: number, assignmentId: number) {
      return db
        .select({ url: evidenceHints.url, label: evidenceHints.label, fromYear: evidenceHints.fromYear, fromItemCode: evidenceHints.fromItemCode })
        .from(evidenceHints)
        .where(and(eq(evidenceHints.orgId, orgId), eq(evidenceHints.assignmentId, assignmentId)))
        .orderBy(asc(evidenceHints.id));
    },
  };
}

export type RolloverRepository = ReturnType<typeof createRolloverRepository>;
