import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { personKey } from '../../shared/thai-text.ts';
import { officers, units } from './org.table.ts';

export type OfficerListRow = {
  id: number;
  name: string;
  position: string | null;
  unitId: number | null;
  unitName: string | null;
  lineUserId: string | null;
  reachable: boolean;
  isAdmin: boolean;
  active: boolean;
};

/** The admin's view and corrections of an organization's officers. Every query is scoped to the organization. */
export function createOfficersRepository(db: Db) {
  return {
    async list(orgId: number): Promise<OfficerListRow[]> {
      return db
        .select({
          id: officers.id, name: officers.name, position: officers.position, unitId: officers.unitId, unitName: units.name,
          lineUserId: officers.lineUserId, reachable: officers.reachable, isAdmin: officers.isAdmin, active: officers.active,
        })
        .from(officers)
        .leftJoin(units, eq(units.id, officers.unitId))
        .where(eq(officers.orgId, orgId))
        .orderBy(asc(units.name), asc(officers.name));
    },
    async byName(orgId: number, name: string, tx: Db = db) {
      const [row] = await tx.select().from(officers).where(and(eq(officers.orgId, orgId), eq(officers.nameKey, personKey(name))));
      return row;
    },
    async insert(tx: Db, v: { orgId: number; name: string; position: string | null; unitId: number | null }) {
      const [row] = await tx.insert(officers).values({ ...v, nameKey: personKey(v.name) }).returning();
      return row!;
    },
    async update(tx: Db, orgId: number, id: number, v: { name?: string; active?: boolean; position?: string | null }) {
      const set = { ...v, ...(v.name ? { nameKey: personKey(v.name) } : {}) };
      const [row] = await tx.update(officers).set(set).where(and(eq(officers.orgId, orgId), eq(officers.id, id))).returning();
      return row;
    },
  };
}

export type OfficersRepository = ReturnType<typeof createOfficersRepository>;
