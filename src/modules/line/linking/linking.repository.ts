import { and, asc, count, eq, gt, gte, inArray, isNotNull, isNull, like, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { officers, organizations } from '../../org/org.table.ts';
import { lineGroups, lineLinkAttempts, lineLinkCodes } from '../line.table.ts';

export type LinkCode = typeof lineLinkCodes.$inferSelect;
export type LineGroup = typeof lineGroups.$inferSelect;
export type LinkedOfficer = typeof officers.$inferSelect & { orgName: string };

/** SQL for link codes, failed attempts, LINE groups and officers' LINE ids. */
export function createLinkingRepository(db: Db) {
  return {
    async insertCode(tx: Db, v: { orgId: number; kind: 'officer' | 'group'; officerId: number | null; codeHash: string; expiresAt: Date; createdAt: Date }) {
      await tx.insert(lineLinkCodes).values(v);
    },
    /** A new officer code replaces the officer's older unused ones. */
    async expireUnusedOfficerCodes(tx: Db, orgId: number, officerId: number, at: Date) {
      await tx
        .update(lineLinkCodes)
        .set({ expiresAt: at })
        .where(and(eq(lineLinkCodes.orgId, orgId), eq(lineLinkCodes.officerId, officerId), isNull(lineLinkCodes.usedAt), gt(lineLinkCodes.expiresAt, at)));
    },
    async codeByHash(codeHash: string): Promise<LinkCode | undefined> {
      const [row] = await db.select().from(lineLinkCodes).where(eq(lineLinkCodes.codeHash, codeHash));
      return row;
    },
    /** Single use, atomically: only one of two simultaneous redemptions gets the row. */
    async consume(tx: Db, id: number, usedBy: string, at: Date): Promise<boolean> {
      const rows = await tx
        .update(lineLinkCodes)
        .set({ usedAt: at, usedBy })
        .where(and(eq(lineLinkCodes.id, id), isNull(lineLinkCodes.usedAt), gt(lineLinkCodes.expiresAt, at)))
        .returning({ id: lineLinkCodes.id });
      return rows.length === 1;
    },
    async failuresSince(sourceId: string, since: Date): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(lineLinkAttempts)
        .where(and(eq(lineLinkAttempts.sourceId, sourceId), gte(lineLinkAttempts.at, since)));
      return row?.n ?? 0;
    },
    async recordFailure(sourceId: string, at: Date) {
      await db.insert(lineLinkAttempts).values({ sourceId, at });
    },

    /** Active officers linked to this LINE user, in any organization (oldest link first). */
    async officersByLineUser(lineUserId: string): Promise<LinkedOfficer[]> {
      return db
        .select({ o: officers, orgName: organizations.name })
        .from(officers)
        .innerJoin(organizations, eq(organizations.id, officers.orgId))
        .where(and(eq(officers.lineUserId, lineUserId), eq(officers.active, true)))
        .orderBy(asc(officers.id))
        .then((rows) => rows.map((r) => ({ ...r.o, orgName: r.orgName })));
    },
    /** officersByLineUser for many LINE users in one statement (the inbox worker primes a batch with it). */
    async officersByLineUsers(lineUserIds: string[]): Promise<Map<string, LinkedOfficer[]>> {
      const out = new Map<string, LinkedOfficer[]>(lineUserIds.map((u) => [u, []]));
      if (!lineUserIds.length) return out;
      const rows = await db
        .select({ o: officers, orgName: organizations.name })
        .from(officers)
        .innerJoin(organizations, eq(organizations.id, officers.orgId))
        .where(and(inArray(officers.lineUserId, lineUserIds), eq(officers.active, true)))
        .orderBy(asc(officers.id));
      for (const r of rows) out.get(r.o.lineUserId!)?.push({ ...r.o, orgName: r.orgName });
      return out;
    },
    async otherOfficerWithLine(tx: Db, orgId: number, lineUserId: string, exceptOfficerId: number) {
      const [row] = await tx
        .select()
        .from(officers)
        .where(and(eq(officers.orgId, orgId), eq(officers.lineUserId, lineUserId), ne(officers.id, exceptOfficerId)));
      return row;
    },
    async setOfficerLineUser(tx: Db, orgId: number, officerId: number, lineUserId: string) {
      await tx.update(officers).set({ lineUserId, reachable: true }).where(and(eq(officers.orgId, orgId), eq(officers.id, officerId)));
    },
    /** Any officer (active or not) in another organization already linked to this LINE user. */
    async linkInOtherOrg(tx: Db, lineUserId: string, exceptOrgId: number): Promise<{ officerId: number; orgName: string } | undefined> {
      const [row] = await tx
        .select({ officerId: officers.id, orgName: organizations.name })
        .from(officers)
        .innerJoin(organizations, eq(organizations.id, officers.orgId))
        .where(and(eq(officers.lineUserId, lineUserId), ne(officers.orgId, exceptOrgId)))
        .orderBy(asc(officers.id))
        .limit(1);
      return row;
    },
    /** Returns whether the officer had a LINE id. */
    async clearOfficerLineUser(tx: Db, orgId: number, officerId: number): Promise<boolean> {
      const rows = await tx
        .update(officers)
        .set({ lineUserId: null })
        .where(and(eq(officers.orgId, orgId), eq(officers.id, officerId), isNotNull(officers.lineUserId)))
        .returning({ id: officers.id });
      return rows.length === 1;
    },
    /** Clears every simulator-made LINE id (`Usim…`), returning whose. */
    async clearSimulatedLineUsers(tx: Db): Promise<Array<{ id: number; orgId: number }>> {
      return tx.update(officers).set({ lineUserId: null }).where(like(officers.lineUserId, 'Usim%')).returning({ id: officers.id, orgId: officers.orgId });
    },
    /** Unfollow / follow: reminders go to the supervisor while the officer cannot be reached. */
    async setReachable(lineUserId: string, reachable: boolean): Promise<number> {
      const rows = await db.update(officers).set({ reachable }).where(eq(officers.lineUserId, lineUserId)).returning({ id: officers.id });
      return rows.length;
    },

    async activeGroup(groupId: string): Promise<(LineGroup & { orgName: string }) | undefined> {
      const [row] = await db
        .select({ g: lineGroups, orgName: organizations.name })
        .from(lineGroups)
        .innerJoin(organizations, eq(organizations.id, lineGroups.orgId))
        .where(and(eq(lineGroups.groupId, groupId), eq(lineGroups.active, true)));
      return row ? { ...row.g, orgName: row.orgName } : undefined;
    },
    async upsertGroup(tx: Db, v: { orgId: number; groupId: string; name: string | null; at: Date }) {
      await tx
        .insert(lineGroups)
        .values({ orgId: v.orgId, groupId: v.groupId, name: v.name, registeredAt: v.at, active: true })
        .onConflictDoUpdate({ target: lineGroups.groupId, set: { orgId: v.orgId, active: true, registeredAt: v.at, ...(v.name ? { name: v.name } : {}) } });
    },
    async setGroupDailySummary(tx: Db, orgId: number, groupId: string, on: boolean): Promise<boolean> {
      const rows = await tx
        .update(lineGroups)
        .set({ dailySummary: on })
        .where(and(eq(lineGroups.orgId, orgId), eq(lineGroups.groupId, groupId), eq(lineGroups.active, true)))
        .returning({ id: lineGroups.id });
      return rows.length > 0;
    },
    async deactivateGroup(groupId: string) {
      await db.update(lineGroups).set({ active: false }).where(eq(lineGroups.groupId, groupId));
    },
    async groups(orgId: number): Promise<LineGroup[]> {
      return db.select().from(lineGroups).where(eq(lineGroups.orgId, orgId)).orderBy(asc(lineGroups.id));
    },
  };
}

export type LinkingRepository = ReturnType<typeof createLinkingRepository>;
