import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { CatalogFile } from './catalog.data.ts';
import { catalogItems, catalogs, catalogSubIndicators } from './catalog.table.ts';

export type CatalogItem = typeof catalogItems.$inferSelect;

export function createCatalogRepository(db: Db) {
  return {
    async hashOf(year: number): Promise<string | null> {
      const [row] = await db.select({ h: catalogs.contentHash }).from(catalogs).where(eq(catalogs.year, year));
      return row?.h ?? null;
    },

    /** Inserts or updates a year's catalog in place (item ids stay stable for assignments). */
    async upsert(file: CatalogFile): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .insert(catalogs)
          .values({ year: file.year, itemCount: file.items.length, source: file.source, contentHash: file.contentHash })
          .onConflictDoUpdate({
            target: catalogs.year,
            set: { itemCount: file.items.length, source: file.source, contentHash: file.contentHash },
          });
        for (const s of file.subIndicators) {
          await tx
            .insert(catalogSubIndicators)
            .values({ year: file.year, code: s.code, indicator: s.indicator, title: s.title })
            .onConflictDoUpdate({
              target: [catalogSubIndicators.year, catalogSubIndicators.code],
              set: { indicator: s.indicator, title: s.title },
            });
        }
        for (const i of file.items) {
          const row = {
            year: file.year,
            number: i.number,
            code: i.code,
            indicator: i.indicator,
            subIndicator: i.subIndicator,
            groupTitle: i.group,
            title: i.title,
            components: i.components,
            notes: i.notes,
            scoring: i.scoring,
            dataPeriod: i.dataPeriod,
          };
          await tx
            .insert(catalogItems)
            .values(row)
            .onConflictDoUpdate({ target: [catalogItems.year, catalogItems.number], set: row });
        }
      });
    },

    async years(): Promise<Array<{ year: number; itemCount: number }>> {
      return db.select({ year: catalogs.year, itemCount: catalogs.itemCount }).from(catalogs).orderBy(asc(catalogs.year));
    },

    async items(year: number): Promise<CatalogItem[]> {
      return db.select().from(catalogItems).where(eq(catalogItems.year, year)).orderBy(asc(catalogItems.number));
    },

    async item(year: number, number: number): Promise<CatalogItem | undefined> {
      const [row] = await db
        .select()
        .from(catalogItems)
        .where(and(eq(catalogItems.year, year), eq(catalogItems.number, number)));
      return row;
    },

    async subIndicators(year: number) {
      return db
        .select()
        .from(catalogSubIndicators)
        .where(eq(catalogSubIndicators.year, year))
        // Indicator first: "10.1" must come after "9.5", which text order would not give.
        .orderBy(asc(catalogSubIndicators.indicator), asc(catalogSubIndicators.code));
    },
  };
}
