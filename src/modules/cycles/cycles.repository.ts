import { and, count, eq } from 'drizzle-orm';
import { assignments } from '../assignments/assignments.table.ts';
import type { Db } from '../../db/client.ts';
import { cycles } from './cycles.table.ts';

export type Cycle = typeof cycles.$inferSelect;

export function createCyclesRepository(db: Db) {
  return {
    async find(orgId: number, year: number, tx: Db = db): Promise<Cycle | undefined> {
      const [row] = await tx.select().from(cycles).where(and(eq(cycles.orgId, orgId), eq(cycles.year, year)));
      return row;
    },
    async insert(tx: Db, v: { orgId: number; year: number; catalogYear: number }): Promise<Cycle> {
      const [row] = await tx.insert(cycles).values(v).onConflictDoNothing().returning();
      return row ?? (await this.find(v.orgId, v.year, tx))!;
    },
    async setCatalog(tx: Db, id: number, catalogYear: number, catalogVersion: number | null): Promise<Cycle> {
      const [row] = await tx.update(cycles).set({ catalogYear, catalogVersion }).where(eq(cycles.id, id)).returning();
      return row!;
    },
    async assignmentCount(tx: Db, cycleId: number): Promise<number> {
      const [row] = await tx.select({ n: count() }).from(assignments).where(eq(assignments.cycleId, cycleId));
      return row?.n ?? 0;
    },
    async latest(orgId: number): Promise<Cycle | undefined> {
      const rows = await db.select().from(cycles).where(eq(cycles.orgId, orgId));
      return rows.sort((a, b) => b.year - a.year)[0];
    },
  };
}

export type CyclesRepository = ReturnType<typeof createCyclesRepository>;
