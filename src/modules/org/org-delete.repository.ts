import { and, count, eq, inArray, isNotNull, like, not, sql } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import * as schema from '../../db/schema.ts';
import { auditLog } from '../audit/audit.table.ts';
import { deliveryNotices } from '../delivery/delivery.table.ts';
import { officers, organizations } from './org.table.ts';

type OrgTable = { name: string; table: PgTable; orgId: PgColumn };

/**
 * Every table with an org_id, children before parents (by their foreign keys), found from the
 * schema itself so a table added later is deleted too without anyone remembering this file.
 */
function orgTablesChildrenFirst(): OrgTable[] {
  const all = (Object.values(schema) as unknown[]).filter((t): t is PgTable => t instanceof PgTable);
  const withOrg = all
    .map((table) => ({ table, config: getTableConfig(table) }))
    .filter((t) => t.config.name !== 'organizations' && t.config.columns.some((c) => c.name === 'org_id'));
  const parents = new Map(withOrg.map((t) => [t.config.name, new Set(t.config.foreignKeys.map((f) => getTableConfig(f.reference().foreignTable).name))]));
  const ordered: OrgTable[] = [];
  const done = new Set<string>();
  // A table goes once no remaining table refers to it.
  while (ordered.length < withOrg.length) {
    const next = withOrg.find((t) => !done.has(t.config.name) && withOrg.every((o) => done.has(o.config.name) || o === t || !parents.get(o.config.name)!.has(t.config.name)));
    if (!next) throw new Error('org tables: foreign keys form a circle');
    done.add(next.config.name);
    ordered.push({ name: next.config.name, table: next.table, orgId: next.config.columns.find((c) => c.name === 'org_id')! });
  }
  return ordered;
}

/** Simulator and demo LINE ids (`Usim…`, never a real LINE user: simulated-ids.ts, demo.usecases.ts). */
const SIMULATED = 'Usim%';

export function createOrgDeletionRepository(db: Db) {
  const tables = orgTablesChildrenFirst();
  return {
    tables: () => tables.map((t) => t.name),

    /**
     * What real people did here: officers linked to real LINE ids, and audit entries by an admin
     * token or by officers who are not (or no longer) on a simulated id. CLI, demo and system
     * entries do not count.
     */
    async realHistory(orgId: number, tx: Db = db) {
      const [linked] = await tx.select({ n: count() }).from(officers).where(and(eq(officers.orgId, orgId), isNotNull(officers.lineUserId), not(like(officers.lineUserId, SIMULATED))));
      const simulated = tx.select({ ref: sql`'officer:' || ${officers.id}` }).from(officers).where(and(eq(officers.orgId, orgId), like(officers.lineUserId, SIMULATED)));
      const [acts] = await tx
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.orgId, orgId), sql`(${auditLog.actor} like 'token:%' or (${auditLog.actor} like 'officer:%' and ${auditLog.actor} not in (${simulated})))`));
      return { linkedOfficers: linked!.n, actions: acts!.n };
    },

    /** Rows per table that deleting the organization removes. */
    async counts(orgId: number, tx: Db = db): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const t of tables) {
        const [r] = await tx.select({ n: count() }).from(t.table).where(eq(t.orgId, orgId));
        if (r!.n > 0) out[t.name] = r!.n;
      }
      return out;
    },

    async deleteAll(tx: Db, orgId: number): Promise<void> {
      const own = tx.select({ id: officers.id }).from(officers).where(eq(officers.orgId, orgId));
      await tx.delete(deliveryNotices).where(inArray(deliveryNotices.officerId, own));
      for (const t of tables) await tx.delete(t.table).where(eq(t.orgId, orgId));
      await tx.delete(organizations).where(eq(organizations.id, orgId));
    },
  };
}

export type OrgDeletionRepository = ReturnType<typeof createOrgDeletionRepository>;
