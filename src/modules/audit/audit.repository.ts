import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from './audit.table.ts';

export type AuditRow = typeof auditLog.$inferSelect;

/** Reading the audit log back (it is written only through audit.ts's record()). */
export function createAuditRepository(db: Db) {
  return {
    /** What happened to one assignment, newest first. */
    async forAssignment(orgId: number, assignmentId: number, limit = 100): Promise<AuditRow[]> {
      return db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entity, 'assignment'), eq(auditLog.entityId, String(assignmentId))))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
