import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { componentTicks } from '../assignments/assignments.table.ts';
import type { TickStore } from './catalog.install.ts';

/**
 * The ticks a corrected catalog version has to move (component_ticks, keyed by position in the
 * item's components, the text kept beside it): who ticked and when are kept as they were.
 */
export function createTickStore(): TickStore {
  return {
    async list(tx: Db, assignmentIds: number[]) {
      if (assignmentIds.length === 0) return [];
      const rows = await tx.select().from(componentTicks).where(inArray(componentTicks.assignmentId, assignmentIds));
      return rows.map((r) => ({ assignmentId: r.assignmentId, index: r.componentIndex, text: r.componentText, orgId: r.orgId, tickedBy: r.tickedBy, tickedAt: r.tickedAt }));
    },
    async replace(tx: Db, assignmentId: number, rows) {
      await tx.delete(componentTicks).where(inArray(componentTicks.assignmentId, [assignmentId]));
      if (rows.length === 0) return;
      await tx.insert(componentTicks).values(rows.map((r) => ({
        assignmentId, componentIndex: r.index, orgId: r.orgId, componentText: r.text, tickedBy: r.tickedBy, tickedAt: r.tickedAt,
      })));
    },
  };
}
