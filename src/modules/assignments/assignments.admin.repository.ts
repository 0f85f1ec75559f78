import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignmentPeople, assignments } from './assignments.table.ts';
import type { Role } from '../auth/permissions.ts';

/**
 * SQL of the admin's corrections. Every change moves the assignment's version (cards showing the
 * old state are refused as stale) and every query is scoped to the organization.
 */
export function createAssignmentsAdminRepository() {
  const bump = (tx: Db, orgId: number, id: number, at: Date) =>
    tx.update(assignments).set({ version: sql`${assignments.version} + 1`, updatedAt: at }).where(and(eq(assignments.orgId, orgId), eq(assignments.id, id)));

  return {
    async setDue(tx: Db, orgId: number, id: number, dueOn: string | null, at: Date): Promise<void> {
      await tx.update(assignments).set({ dueOn, version: sql`${assignments.version} + 1`, updatedAt: at }).where(and(eq(assignments.orgId, orgId), eq(assignments.id, id)));
    },

    /** Puts a person on the assignment in a role; false when they already were. */
    async addPerson(tx: Db, orgId: number, id: number, officerId: number, role: Role, at: Date): Promise<boolean> {
      const rows = await tx.insert(assignmentPeople).values({ assignmentId: id, officerId, role, orgId }).onConflictDoNothing().returning({ id: assignmentPeople.officerId });
      if (rows.length) await bump(tx, orgId, id, at);
      return rows.length > 0;
    },

    /** Takes a person off the assignment in a role; false when they were not on it. */
    async removePerson(tx: Db, orgId: number, id: number, officerId: number, role: Role, at: Date): Promise<boolean> {
      const rows = await tx
        .delete(assignmentPeople)
        .where(and(eq(assignmentPeople.orgId, orgId), eq(assignmentPeople.assignmentId, id), eq(assignmentPeople.officerId, officerId), eq(assignmentPeople.role, role)))
        .returning({ id: assignmentPeople.officerId });
      if (rows.length) await bump(tx, orgId, id, at);
      return rows.length > 0;
    },

    /** The (assignment, role) pairs an officer holds on the given assignments. */
    async rolesOf(tx: Db, orgId: number, officerId: number, assignmentIds: number[]): Promise<Array<{ assignmentId: number; role: Role }>> {
      if (assignmentIds.length === 0) return [];
      return tx
        .select({ assignmentId: assignmentPeople.assignmentId, role: assignmentPeople.role })
        .from(assignmentPeople)
        .where(and(eq(assignmentPeople.orgId, orgId), eq(assignmentPeople.officerId, officerId), inArray(assignmentPeople.assignmentId, assignmentIds)));
    },

    /** Deletes the assignment (its people, evidence, ticks and snoozes go with it). */
    async remove(tx: Db, orgId: number, id: number): Promise<boolean> {
      const rows = await tx.delete(assignments).where(and(eq(assignments.orgId, orgId), eq(assignments.id, id))).returning({ id: assignments.id });
      return rows.length > 0;
    },
  };
}

export type AssignmentsAdminRepository = ReturnType<typeof createAssignmentsAdminRepository>;
