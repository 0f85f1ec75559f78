import { and, desc, eq, gte, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from './audit.table.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export type AuditFilter = {
  /** Only these entities (e.g. the assignments of one item); an empty list matches nothing. */
  entity?: { name: string; ids: string[] };
  since?: Date;
  limit: number;
};

/** Reading the audit log back (it is written only through audit.ts's record()). */
export function createAuditRepository(db: Db) {
  return {
    /** One organization's log, newest first. */
    async list(orgId: number, f: AuditFilter): Promise<AuditRow[]> {
      const where: SQL[] = [eq(auditLog.orgId, orgId)];
      if (f.entity) {
        if (f.entity.ids.length === 0) return [];
        where.push(eq(auditLog.entity, f.entity.name), inArray(auditLog.entityId, f.entity.ids));
      }
      if (f.since) where.push(gte(auditLog.at, f.since));
      return db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(f.limit);
    },

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
