import { and, asc, desc, eq, gt, max } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { lineMessageLog } from '../line/line.table.ts';
import { organizations } from '../org/org.table.ts';

/** Reads the simulator needs that no production module does: every organization, the message log. */
export function createSimulatorRepository(db: Db) {
  return {
    orgs: () => db.select({ id: organizations.id, slug: organizations.slug, name: organizations.name }).from(organizations).orderBy(asc(organizations.id)),
    async lastMessageId(): Promise<number> {
      const [row] = await db.select({ id: max(lineMessageLog.id) }).from(lineMessageLog);
      return Number(row?.id ?? 0);
    },
    async messages(to: string, afterId: number, limit = 50) {
      const rows = await db
        .select()
        .from(lineMessageLog)
        .where(and(eq(lineMessageLog.to, to), gt(lineMessageLog.id, afterId)))
        .orderBy(desc(lineMessageLog.id))
        .limit(limit);
      return rows.reverse();
    },
  };
}

export type SimulatorRepository = ReturnType<typeof createSimulatorRepository>;
