import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Role } from '../auth/permissions.ts';
import { assignmentPeople, assignments } from '../assignments/assignments.table.ts';
import { catalogItems } from '../catalog/catalog.table.ts';
import { officers, units } from '../org/org.table.ts';
import type { Status } from '../assignments/workflow.ts';
import { nameAliases } from './aliases.table.ts';
import type { Responsibility } from './import.values.ts';

export type Alias = { kind: 'unit' | 'officer'; alias: string; aliasKey: string; target: string; targetKey: string };

/** What an import is diffed against: the organization's units and officers, the cycle's assignments. */
export type ExistingState = {
  units: Array<{ id: number; name: string; nameKey: string; aliases: string[] }>;
  officers: Array<{ id: number; name: string; nameKey: string; position: string | null; unitId: number | null; lineUserId: string | null }>;
  /** `itemNumber`: an assignment closed on an older catalog version is still the same item. */
  assignments: Array<{ id: number; itemId: number; itemNumber: number; unitId: number; responsibility: Responsibility; dueOn: string | null; status: Status }>;
  people: Array<{ assignmentId: number; officerId: number; role: Role }>;
  /** LINE ids from the sheet that already belong to an officer of another organization. */
  lineIdsElsewhere: Set<string>;
  aliases: Alias[];
};

export type NewOfficer = { name: string; nameKey: string; position: string | null; unitId: number | null; lineUserId: string | null };
export type OfficerChange = { id: number; position: string | null; unitId: number | null; lineUserId: string | null };
export type NewAssignment = { itemId: number; unitId: number; responsibility: Responsibility; dueOn: string | null; status: Status; statusNote: string | null };
/** `status` null: leave it as it is. */
export type AssignmentChange = { id: number; responsibility: Responsibility; dueOn: string | null; status: Status | null; statusNote: string | null };
export type NewPerson = { assignmentId: number; officerId: number; role: Role };

/** Bulk reads and chunk-sized multi-row writes; callers chunk (~1000 rows) to stay under parameter limits. */
export function createImportRepository() {
  return {
    /** Everything in four queries, however large the organization. */
    async loadState(tx: Db, orgId: number, cycleId: number | null, sheetLineIds: string[] = []): Promise<ExistingState> {
      const elsewhere = sheetLineIds.length === 0 ? [] : await tx
        .selectDistinct({ id: officers.lineUserId })
        .from(officers)
        .where(and(ne(officers.orgId, orgId), inArray(officers.lineUserId, sheetLineIds)));
      const lineIdsElsewhere = new Set(elsewhere.map((r) => r.id!));
      const unitRows = await tx
        .select({ id: units.id, name: units.name, nameKey: units.nameKey, aliases: units.aliases })
        .from(units)
        .where(eq(units.orgId, orgId));
      const officerRows = await tx
        .select({
          id: officers.id, name: officers.name, nameKey: officers.nameKey, position: officers.position,
          unitId: officers.unitId, lineUserId: officers.lineUserId,
        })
        .from(officers)
        .where(eq(officers.orgId, orgId));
      const aliases = (await tx
        .select({ kind: nameAliases.kind, alias: nameAliases.alias, aliasKey: nameAliases.aliasKey, target: nameAliases.target, targetKey: nameAliases.targetKey })
        .from(nameAliases)
        .where(eq(nameAliases.orgId, orgId))) as Alias[];
      if (cycleId === null) return { units: unitRows, officers: officerRows, assignments: [], people: [], lineIdsElsewhere, aliases };
      const assignmentRows = await tx
        .select({
          id: assignments.id, itemId: assignments.itemId, itemNumber: catalogItems.number, unitId: assignments.unitId,
          responsibility: assignments.responsibility, dueOn: assignments.dueOn, status: assignments.status,
        })
        .from(assignments)
        .innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
        .where(and(eq(assignments.orgId, orgId), eq(assignments.cycleId, cycleId)));
      const peopleRows = await tx
        .select({ assignmentId: assignmentPeople.assignmentId, officerId: assignmentPeople.officerId, role: assignmentPeople.role })
        .from(assignmentPeople)
        .innerJoin(assignments, eq(assignments.id, assignmentPeople.assignmentId))
        .where(and(eq(assignmentPeople.orgId, orgId), eq(assignments.cycleId, cycleId)));
      return { units: unitRows, officers: officerRows, assignments: assignmentRows, people: peopleRows, lineIdsElsewhere, aliases };
    },

    async insertUnits(tx: Db, orgId: number, rows: Array<{ name: string; nameKey: string }>) {
      if (rows.length === 0) return [];
      return tx
        .insert(units)
        .values(rows.map((r) => ({ orgId, name: r.name, nameKey: r.nameKey })))
        .returning({ id: units.id, nameKey: units.nameKey });
    },

    /** "X (A)": A's parent is X (both may be new in the same file). */
    async setParents(tx: Db, orgId: number, rows: Array<{ id: number; parentId: number }>) {
      if (rows.length === 0) return;
      const values = sql.join(rows.map((r) => sql`(${r.id}::int, ${r.parentId}::int)`), sql`, `);
      await tx.execute(sql`
        update units as u set parent_id = v.parent_id
          from (values ${values}) as v(id, parent_id)
         where u.id = v.id and u.org_id = ${orgId}`);
    },

    async insertOfficers(tx: Db, orgId: number, rows: NewOfficer[]) {
      if (rows.length === 0) return [];
      return tx
        .insert(officers)
        .values(rows.map((r) => ({ orgId, ...r })))
        .returning({ id: officers.id, nameKey: officers.nameKey });
    },

    async updateOfficers(tx: Db, orgId: number, rows: OfficerChange[]) {
      if (rows.length === 0) return;
      const values = sql.join(
        rows.map((r) => sql`(${r.id}::int, ${r.position}::text, ${r.unitId}::int, ${r.lineUserId}::text)`),
        sql`, `,
      );
      await tx.execute(sql`
        update officers as o
           set position = v.position, unit_id = v.unit_id, line_user_id = v.line_user_id
          from (values ${values}) as v(id, position, unit_id, line_user_id)
         where o.id = v.id and o.org_id = ${orgId}`);
    },

    async insertAssignments(tx: Db, orgId: number, cycleId: number, rows: NewAssignment[]) {
      if (rows.length === 0) return [];
      return tx
        .insert(assignments)
        .values(rows.map((r) => ({ orgId, cycleId, ...r })))
        .returning({ id: assignments.id, itemId: assignments.itemId, unitId: assignments.unitId });
    },

    /** A changed due date or main/co bumps the version, so an open LIFF edit sees it is stale. */
    async updateAssignments(tx: Db, orgId: number, rows: AssignmentChange[], at: Date) {
      if (rows.length === 0) return;
      const values = sql.join(
        rows.map((r) => sql`(${r.id}::int, ${r.dueOn}::date, ${r.responsibility}::responsibility, ${r.status}::assignment_status, ${r.statusNote}::text)`),
        sql`, `,
      );
      await tx.execute(sql`
        update assignments as a
           set due_on = v.due_on, responsibility = v.resp, version = a.version + 1, updated_at = ${at.toISOString()}::timestamptz,
               status = coalesce(v.status, a.status),
               status_note = case when v.status is null then a.status_note else v.note end
          from (values ${values}) as v(id, due_on, resp, status, note)
         where a.id = v.id and a.org_id = ${orgId}`);
    },

    async insertPeople(tx: Db, orgId: number, rows: NewPerson[]) {
      if (rows.length === 0) return;
      await tx
        .insert(assignmentPeople)
        .values(rows.map((r) => ({ orgId, ...r })))
        .onConflictDoNothing();
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
