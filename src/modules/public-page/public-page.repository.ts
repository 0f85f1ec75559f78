import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { publicPages } from './public-page.table.ts';

export function createPublicPageRepository(db: Db) {
  return {
    async isPublished(orgId: number, year: number): Promise<boolean> {
      const [row] = await db.select({ p: publicPages.published }).from(publicPages).where(and(eq(publicPages.orgId, orgId), eq(publicPages.year, year)));
      return row?.p ?? false;
    },
    async set(tx: Db, orgId: number, year: number, published: boolean, at: Date) {
      await tx
        .insert(publicPages)
        .values({ orgId, year, published, changedAt: at })
        .onConflictDoUpdate({ target: [publicPages.orgId, publicPages.year], set: { published, changedAt: at } });
    },
  };
}

export type PublicPageRepository = ReturnType<typeof createPublicPageRepository>;
