import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { catalogItems } from '../catalog/catalog.table.ts';
import { cycles } from '../cycles/cycles.table.ts';
import { officers, organizations, units } from '../org/org.table.ts';
import { assignmentPeople, assignments, componentTicks, evidenceLinks } from './assignments.table.ts';
import type { Status } from './workflow.ts';

export type Assignment = typeof assignments.$inferSelect;
export type EvidenceLink = typeof evidenceLinks.$inferSelect;
export type ComponentTick = typeof componentTicks.$inferSelect;
export type Person = { assignmentId: number; officerId: number; role: 'preparer' | 'supervisor' | 'certifier'; name: string; position: string | null; lineUserId: string | null; reachable: boolean };

/** One row of a list: the assignment with its item and unit, ready to show. */
export type AssignmentRow = {
  id: number;
  cycleId: number;
  year: number;
  itemNumber: number;
  itemCode: string;
  itemTitle: string;
  subIndicator: string;
  unitId: number;
  unitName: string;
  responsibility: 'main' | 'co';
  dueOn: string | null;
  status: Status;
  statusNote: string | null;
  /** Actor ref of whoever made the last status change, and of the last submit. */
  statusBy: string | null;
  submittedBy: string | null;
  version: number;
  updatedAt: Date;
};

export type ListFilter = {
  cycleId?: number;
  statuses?: readonly Status[];
  officerId?: number;
  roles?: ReadonlyArray<'preparer' | 'supervisor' | 'certifier'>;
  unitId?: number;
  itemNumber?: number;
  limit?: number;
  offset?: number;
};

const rowColumns = {
  id: assignments.id,
  cycleId: assignments.cycleId,
  year: cycles.year,
  itemNumber: catalogItems.number,
  itemCode: catalogItems.code,
  itemTitle: catalogItems.title,
  subIndicator: catalogItems.subIndicator,
  unitId: assignments.unitId,
  unitName: units.name,
  responsibility: assignments.responsibility,
  dueOn: assignments.dueOn,
  status: assignments.status,
  statusNote: assignments.statusNote,
  statusBy: assignments.statusBy,
  submittedBy: assignments.submittedBy,
  version: assignments.version,
  updatedAt: assignments.updatedAt,
};

/** Every method takes orgId and filters on it: no query reads across organizations. */
export function createAssignmentsRepository(db: Db) {
  function where(orgId: number, f: ListFilter): SQL {
    const conds: SQL[] = [eq(assignments.orgId, orgId)];
    if (f.cycleId !== undefined) conds.push(eq(assignments.cycleId, f.cycleId));
    if (f.statuses) conds.push(inArray(assignments.status, [...f.statuses]));
    if (f.unitId !== undefined) conds.push(eq(assignments.unitId, f.unitId));
    if (f.itemNumber !== undefined) conds.push(eq(catalogItems.number, f.itemNumber));
    if (f.officerId !== undefined) {
      const roles = f.roles ?? ['preparer', 'supervisor', 'certifier'];
      conds.push(
        inArray(
          assignments.id,
          db
            .select({ id: assignmentPeople.assignmentId })
            .from(assignmentPeople)
            .where(and(eq(assignmentPeople.officerId, f.officerId), inArray(assignmentPeople.role, [...roles]))),
        ),
      );
    }
    return and(...conds)!;
  }

  /** The evidence links of `assignmentIds`, oldest first (one statement for a page of details). */
  async function evidenceOf(orgId: number, assignmentIds: number[], tx: Db = db): Promise<EvidenceLink[]> {
    if (assignmentIds.length === 0) return [];
    return tx
      .select()
      .from(evidenceLinks)
      .where(and(eq(evidenceLinks.orgId, orgId), inArray(evidenceLinks.assignmentId, assignmentIds)))
      .orderBy(asc(evidenceLinks.createdAt), asc(evidenceLinks.id));
  }

  return {
    async list(orgId: number, f: ListFilter = {}): Promise<AssignmentRow[]> {
      return db
        .select(rowColumns)
        .from(assignments)
        .innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
        .innerJoin(units, eq(units.id, assignments.unitId))
        .innerJoin(cycles, eq(cycles.id, assignments.cycleId))
        .where(where(orgId, f))
        .orderBy(sql`${assignments.dueOn} asc nulls last`, asc(catalogItems.number), asc(units.name))
        .limit(f.limit ?? 1000)
        .offset(f.offset ?? 0) as Promise<AssignmentRow[]>;
    },

    async count(orgId: number, f: ListFilter = {}): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(assignments)
        .innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
        .where(where(orgId, f));
      return row?.n ?? 0;
    },

    async byId(orgId: number, id: number, tx: Db = db): Promise<AssignmentRow | undefined> {
      const [row] = await tx
        .select(rowColumns)
        .from(assignments)
        .innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
        .innerJoin(units, eq(units.id, assignments.unitId))
        .innerJoin(cycles, eq(cycles.id, assignments.cycleId))
        .where(and(eq(assignments.orgId, orgId), eq(assignments.id, id)));
      return row as AssignmentRow | undefined;
    },

    async people(orgId: number, assignmentIds: number[], tx: Db = db): Promise<Person[]> {
      if (assignmentIds.length === 0) return [];
      return tx
        .select({
          assignmentId: assignmentPeople.assignmentId,
          officerId: assignmentPeople.officerId,
          role: assignmentPeople.role,
          name: officers.name,
          position: officers.position,
          lineUserId: officers.lineUserId,
          reachable: officers.reachable,
        })
        .from(assignmentPeople)
        .innerJoin(officers, eq(officers.id, assignmentPeople.officerId))
        .where(and(eq(assignmentPeople.orgId, orgId), inArray(assignmentPeople.assignmentId, assignmentIds)))
        .orderBy(asc(assignmentPeople.role), asc(officers.name));
    },

    /** How many evidence links each of `assignmentIds` has (one statement for a list of cards). */
    async evidenceCounts(orgId: number, assignmentIds: number[]): Promise<Map<number, number>> {
      if (!assignmentIds.length) return new Map();
      const rows = await db
        .select({ id: evidenceLinks.assignmentId, n: count() })
        .from(evidenceLinks)
        .where(and(eq(evidenceLinks.orgId, orgId), inArray(evidenceLinks.assignmentId, assignmentIds)))
        .groupBy(evidenceLinks.assignmentId);
      return new Map(rows.map((r) => [r.id, Number(r.n)]));
    },

    evidenceOf,
    evidence: (orgId: number, assignmentId: number, tx: Db = db): Promise<EvidenceLink[]> => evidenceOf(orgId, [assignmentId], tx),

    /** Compare-and-set on version, so two people pressing buttons at once cannot both win. */
    async setStatus(
      tx: Db,
      orgId: number,
      id: number,
      expectedVersion: number,
      v: { status: Status; statusNote: string | null; by: string; submitted: boolean; at: Date },
    ): Promise<boolean> {
      const updated = await tx
        .update(assignments)
        .set({
          status: v.status,
          statusNote: v.statusNote,
          statusBy: v.by,
          ...(v.submitted ? { submittedBy: v.by } : {}),
          updatedAt: v.at,
          version: sql`${assignments.version} + 1`,
        })
        .where(and(eq(assignments.orgId, orgId), eq(assignments.id, id), eq(assignments.version, expectedVersion)))
        .returning({ id: assignments.id });
      return updated.length === 1;
    },

    async addEvidence(tx: Db, v: { orgId: number; assignmentId: number; url: string; label: string | null; addedBy: string; at: Date }): Promise<EvidenceLink> {
      const [row] = await tx
        .insert(evidenceLinks)
        .values({ orgId: v.orgId, assignmentId: v.assignmentId, url: v.url, label: v.label, addedBy: v.addedBy, createdAt: v.at })
        .returning();
      return row!;
    },

    async evidenceById(tx: Db, orgId: number, assignmentId: number, evidenceId: number): Promise<EvidenceLink | undefined> {
      const [row] = await tx
        .select()
        .from(evidenceLinks)
        .where(and(eq(evidenceLinks.orgId, orgId), eq(evidenceLinks.assignmentId, assignmentId), eq(evidenceLinks.id, evidenceId)));
      return row;
    },

    /** The organization's review setting (workflow.ts reviewPath). */
    async reviewSteps(orgId: number, tx: Db = db): Promise<1 | 2> {
      const [row] = await tx.select({ n: organizations.reviewSteps }).from(organizations).where(eq(organizations.id, orgId));
      return row?.n === 1 ? 1 : 2;
    },

    /** Names of officers of the organization, by id (who checked, who returned). */
    async officerNames(orgId: number, ids: number[], tx: Db = db): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const rows = await tx.select({ id: officers.id, name: officers.name }).from(officers).where(and(eq(officers.orgId, orgId), inArray(officers.id, ids)));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async setEvidenceLabel(tx: Db, orgId: number, evidenceId: number, label: string | null): Promise<EvidenceLink> {
      const [row] = await tx.update(evidenceLinks).set({ label }).where(and(eq(evidenceLinks.orgId, orgId), eq(evidenceLinks.id, evidenceId))).returning();
      return row!;
    },

    async deleteEvidence(tx: Db, orgId: number, evidenceId: number): Promise<void> {
      await tx.delete(evidenceLinks).where(and(eq(evidenceLinks.orgId, orgId), eq(evidenceLinks.id, evidenceId)));
    },

    async ticks(orgId: number, assignmentId: number, tx: Db = db): Promise<ComponentTick[]> {
      return tx
        .select()
        .from(componentTicks)
        .where(and(eq(componentTicks.orgId, orgId), eq(componentTicks.assignmentId, assignmentId)))
        .orderBy(asc(componentTicks.componentIndex));
    },

    /** Replaces the assignment's ticks with `ticked` (index → component text). */
    async replaceTicks(tx: Db, v: { orgId: number; assignmentId: number; ticked: Array<{ index: number; text: string }>; by: string; at: Date }) {
      await tx.delete(componentTicks).where(and(eq(componentTicks.orgId, v.orgId), eq(componentTicks.assignmentId, v.assignmentId)));
      if (v.ticked.length === 0) return;
      await tx.insert(componentTicks).values(
        v.ticked.map((t) => ({ assignmentId: v.assignmentId, componentIndex: t.index, orgId: v.orgId, componentText: t.text, tickedBy: v.by, tickedAt: v.at })),
      );
    },

    /** Per assignment: ticked components, evidence links, and the item's component count (list views). */
    async progress(orgId: number, assignmentIds: number[]): Promise<Map<number, { ticked: number; total: number; evidence: number }>> {
      const out = new Map<number, { ticked: number; total: number; evidence: number }>();
      if (assignmentIds.length === 0) return out;
      const rows = await db
        .select({
          id: assignments.id,
          total: sql<number>`jsonb_array_length(${catalogItems.components})`.mapWith(Number),
          ticked: sql<number>`(select count(*) from ${componentTicks} where ${componentTicks.assignmentId} = ${assignments.id})`.mapWith(Number),
          evidence: sql<number>`(select count(*) from ${evidenceLinks} where ${evidenceLinks.assignmentId} = ${assignments.id})`.mapWith(Number),
        })
        .from(assignments)
        .innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
        .where(and(eq(assignments.orgId, orgId), inArray(assignments.id, assignmentIds)));
      for (const r of rows) out.set(r.id, { ticked: r.ticked, total: r.total, evidence: r.evidence });
      return out;
    },

    async itemDetail(itemId: number, tx: Db = db) {
      const [row] = await tx.select().from(catalogItems).where(eq(catalogItems.id, itemId));
      return row;
    },

    /** The catalog item of each of `assignmentIds` (one statement for a page of details). */
    async itemsOf(orgId: number, assignmentIds: number[]): Promise<Map<number, typeof catalogItems.$inferSelect>> {
      if (assignmentIds.length === 0) return new Map();
      const rows = await db
        .select({ id: assignments.id, item: catalogItems })
        .from(assignments)
        .innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
        .where(and(eq(assignments.orgId, orgId), inArray(assignments.id, assignmentIds)));
      return new Map(rows.map((r) => [r.id, r.item]));
    },

    async itemIdOf(orgId: number, id: number, tx: Db = db): Promise<number | undefined> {
      const [row] = await tx
        .select({ itemId: assignments.itemId })
        .from(assignments)
        .where(and(eq(assignments.orgId, orgId), eq(assignments.id, id)));
      return row?.itemId;
    },
  };
}

export type AssignmentsRepository = ReturnType<typeof createAssignmentsRepository>;
