import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { officers } from '../org/org.table.ts';

/** Who of a change's people can be told on LINE. Runs on the change's transaction. */
export function createNotificationsRepository() {
  return {
    /** Active officers of the organization among `ids` with a LINE id who have not blocked the bot. */
    async reachable(tx: Db, orgId: number, ids: number[]): Promise<Array<{ id: number; lineUserId: string; isAdmin: boolean }>> {
      if (ids.length === 0) return [];
      const rows = await tx
        .select({ id: officers.id, lineUserId: officers.lineUserId, isAdmin: officers.isAdmin })
        .from(officers)
        .where(and(eq(officers.orgId, orgId), inArray(officers.id, ids), eq(officers.active, true), eq(officers.reachable, true), isNotNull(officers.lineUserId)))
        .orderBy(officers.id);
      return rows.map((r) => ({ ...r, lineUserId: r.lineUserId! }));
    },
  };
}
