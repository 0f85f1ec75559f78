import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { personKey } from '../../shared/thai-text.ts';
import { officers, organizations, units } from './org.table.ts';

export type Organization = typeof organizations.$inferSelect;
export type Unit = typeof units.$inferSelect;
export type Officer = typeof officers.$inferSelect;

/** Every query takes the organization id: one organization never sees another's rows. */
export function createOrgRepository(db: Db) {
  return {
    async insertOrg(tx: Db, v: { slug: string; name: string; websiteDomains: string[] }): Promise<Organization> {
      const [row] = await tx.insert(organizations).values(v).returning();
      return row!;
    },
    async bySlug(slug: string): Promise<Organization | undefined> {
      const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug));
      return row;
    },
    /** Every organization (the CLI's list; the only query across organizations, for the operator). */
    async all(): Promise<Organization[]> {
      return db.select().from(organizations).orderBy(asc(organizations.slug));
    },
    async byId(id: number): Promise<Organization | undefined> {
      const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
      return row;
    },
    async units(orgId: number, tx: Db = db): Promise<Unit[]> {
      return tx.select().from(units).where(eq(units.orgId, orgId));
    },
    async officers(orgId: number, tx: Db = db): Promise<Officer[]> {
      return tx.select().from(officers).where(eq(officers.orgId, orgId));
    },
    async officer(orgId: number, id: number): Promise<Officer | undefined> {
      const [row] = await db.select().from(officers).where(and(eq(officers.orgId, orgId), eq(officers.id, id)));
      return row;
    },
    /** Makes an officer (found by name, honorific optional) an organization admin or not. */
    async setAdmin(tx: Db, orgId: number, name: string, isAdmin: boolean): Promise<Officer | undefined> {
      const [row] = await tx
        .update(officers)
        .set({ isAdmin })
        .where(and(eq(officers.orgId, orgId), eq(officers.nameKey, personKey(name))))
        .returning();
      return row;
    },
    /**
     * The active officer a LINE user is linked to (one LINE account belongs to one organization,
     * linking enforces it; the oldest link wins should two ever exist), with the organization.
     */
    async officerByLineUser(lineUserId: string): Promise<{ officer: Officer; org: Organization } | undefined> {
      const [row] = await db
        .select({ officer: officers, org: organizations })
        .from(officers)
        .innerJoin(organizations, eq(organizations.id, officers.orgId))
        .where(and(eq(officers.lineUserId, lineUserId), eq(officers.active, true)))
        .orderBy(asc(officers.id))
        .limit(1);
      return row;
    },
    async unit(orgId: number, id: number): Promise<Unit | undefined> {
      const [row] = await db.select().from(units).where(and(eq(units.orgId, orgId), eq(units.id, id)));
      return row;
    },
    /** Sets one- or two-step review; returns the setting before, or undefined when there is no such organization. */
    async setReviewSteps(tx: Db, orgId: number, steps: 1 | 2): Promise<number | undefined> {
      const [before] = await tx.select({ n: organizations.reviewSteps }).from(organizations).where(eq(organizations.id, orgId)).for('update');
      if (!before) return undefined;
      await tx.update(organizations).set({ reviewSteps: steps }).where(eq(organizations.id, orgId));
      return before.n;
    },
    async officersByIds(orgId: number, ids: number[]): Promise<Officer[]> {
      if (ids.length === 0) return [];
      return db.select().from(officers).where(and(eq(officers.orgId, orgId), inArray(officers.id, ids)));
    },
  };
}

export type OrgRepository = ReturnType<typeof createOrgRepository>;
