import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import type { CatalogContent } from './catalog.content.ts';
import type { CatalogFile } from './catalog.data.ts';
import { catalogItems, catalogs, catalogSubIndicators, catalogVersions } from './catalog.table.ts';

export type CatalogItem = typeof catalogItems.$inferSelect;
export type CatalogHead = typeof catalogs.$inferSelect;
export type Origin = 'builtin' | 'imported';

// Any constant: serializes catalog installs per year across instances (start-up, CLI, API).
const INSTALL_LOCK = 731_845_501;

const itemRow = (year: number, version: number, i: CatalogContent['items'][number]) => ({
  year, version, number: i.number, code: i.code, indicator: i.indicator, subIndicator: i.subIndicator, groupTitle: i.group,
  title: i.title, components: i.components, notes: i.notes, scoring: i.scoring, dataPeriod: i.dataPeriod,
});

export function createCatalogRepository(db: Db) {
  return {
    db,
    async head(year: number, tx: Db = db): Promise<CatalogHead | undefined> {
      const [row] = await tx.select().from(catalogs).where(eq(catalogs.year, year));
      return row;
    },

    async years(): Promise<Array<{ year: number; itemCount: number; currentVersion: number; origin: string }>> {
      return db
        .select({ year: catalogs.year, itemCount: catalogs.itemCount, currentVersion: catalogs.currentVersion, origin: catalogs.origin })
        .from(catalogs)
        .orderBy(asc(catalogs.year));
    },

    async versions(year: number, tx: Db = db) {
      return tx.select().from(catalogVersions).where(eq(catalogVersions.year, year)).orderBy(asc(catalogVersions.version));
    },

    async items(year: number, version: number, tx: Db = db): Promise<CatalogItem[]> {
      return tx
        .select()
        .from(catalogItems)
        .where(and(eq(catalogItems.year, year), eq(catalogItems.version, version)))
        .orderBy(asc(catalogItems.number));
    },

    async subIndicators(year: number, version: number, tx: Db = db) {
      return tx
        .select()
        .from(catalogSubIndicators)
        .where(and(eq(catalogSubIndicators.year, year), eq(catalogSubIndicators.version, version)))
        // Indicator first: "10.1" must come after "9.5", which text order would not give.
        .orderBy(asc(catalogSubIndicators.indicator), asc(catalogSubIndicators.code));
    },

    /** Holds the year's install lock until `tx` ends. */
    async lock(tx: Db, year: number): Promise<void> {
      await tx.execute(sql`select pg_advisory_xact_lock(${INSTALL_LOCK}::int4, ${year}::int4)`);
    },

    /** Whether any assignment (open or closed, any organization) points at this version. */
    async isUsed(tx: Db, year: number, version: number): Promise<boolean> {
      const rows = await tx.execute(sql`
        select 1 from assignments a join catalog_items i on i.id = a.item_id
         where i.year = ${year} and i.version = ${version} limit 1`);
      return rowsOf(rows).length > 0;
    },

    /** The first version of a year: catalog row, version row, sub-indicators and items. */
    async create(tx: Db, file: CatalogFile, origin: Origin, by: string): Promise<void> {
      await tx.insert(catalogs).values({
        year: file.year, itemCount: file.items.length, source: file.source, contentHash: file.contentHash, currentVersion: 1, origin,
      });
      await this.addVersion(tx, file, 1, origin, by);
    },

    /** A new version's rows (the catalog row is moved to it by setCurrent). */
    async addVersion(tx: Db, file: CatalogFile, version: number, origin: Origin, by: string): Promise<void> {
      await tx.insert(catalogVersions).values({
        year: file.year, version, origin, source: file.source, contentHash: file.contentHash, itemCount: file.items.length, createdBy: by,
      });
      await tx.insert(catalogSubIndicators).values(file.subIndicators.map((s) => ({ year: file.year, version, ...s })));
      await tx.insert(catalogItems).values(file.items.map((i) => itemRow(file.year, version, i)));
    },

    /**
     * Rewrites an unused version in place: items keep their ids by number, extra items go away,
     * missing ones are added.
     */
    async replaceVersion(tx: Db, file: CatalogFile, version: number, origin: Origin): Promise<void> {
      const { year } = file;
      await tx.delete(catalogSubIndicators).where(and(eq(catalogSubIndicators.year, year), eq(catalogSubIndicators.version, version)));
      await tx.insert(catalogSubIndicators).values(file.subIndicators.map((s) => ({ year, version, ...s })));
      const numbers = file.items.map((i) => i.number);
      await tx.delete(catalogItems).where(and(
        eq(catalogItems.year, year), eq(catalogItems.version, version), sql`${catalogItems.number} not in (select (jsonb_array_elements_text(${JSON.stringify(numbers)}::jsonb))::int)`,
      ));
      for (const i of file.items) {
        const row = itemRow(year, version, i);
        await tx.insert(catalogItems).values(row).onConflictDoUpdate({ target: [catalogItems.year, catalogItems.version, catalogItems.number], set: row });
      }
      await tx.update(catalogVersions)
        .set({ origin, source: file.source, contentHash: file.contentHash, itemCount: file.items.length })
        .where(and(eq(catalogVersions.year, year), eq(catalogVersions.version, version)));
    },

    async setCurrent(tx: Db, file: CatalogFile, version: number, origin: Origin): Promise<void> {
      await tx.update(catalogs)
        .set({ currentVersion: version, origin, source: file.source, contentHash: file.contentHash, itemCount: file.items.length })
        .where(eq(catalogs.year, file.year));
    },

    /** Same content, new hash (the hash function changed): remember it, version unchanged. */
    async setHash(tx: Db, year: number, version: number, hash: string): Promise<void> {
      await tx.update(catalogVersions).set({ contentHash: hash }).where(and(eq(catalogVersions.year, year), eq(catalogVersions.version, version)));
      await tx.update(catalogs).set({ contentHash: hash }).where(eq(catalogs.year, year));
    },

    /**
     * Moves open assignments of cycles that follow the year's current catalog (no pinned version)
     * from older versions' items to the same-numbered items of `version`, bumping the assignment
     * version where the item's components changed (an open page ticking by index is then stale).
     */
    async repointOpen(tx: Db, o: { year: number; version: number; openStatuses: readonly string[]; at: Date; cycleIds?: number[] }) {
      const statuses = sql.join(o.openStatuses.map((s) => sql`${s}::assignment_status`), sql`, `);
      const cycleFilter = o.cycleIds
        ? sql`and c.id in (select (jsonb_array_elements_text(${JSON.stringify(o.cycleIds)}::jsonb))::int)`
        : sql`and c.catalog_version is null`;
      const rows = await tx.execute(sql`
        update assignments a
           set item_id = n.id,
               version = a.version + case when n.components = old.components then 0 else 1 end,
               updated_at = ${o.at.toISOString()}::timestamptz
          from catalog_items old, catalog_items n, cycles c
         where a.item_id = old.id and old.year = ${o.year} and old.version <> ${o.version}
           and n.year = ${o.year} and n.version = ${o.version} and n.number = old.number
           and c.id = a.cycle_id and c.catalog_year = ${o.year} ${cycleFilter}
           and a.status in (${statuses})
        returning a.id as "assignmentId", a.org_id as "orgId", old.id as "fromItemId", n.id as "toItemId",
                  old.version as "fromVersion", n.number as "number", (n.components <> old.components) as "componentsChanged"`);
      return rowsOf<{
        assignmentId: number; orgId: number; fromItemId: number; toItemId: number; fromVersion: number; number: number; componentsChanged: boolean;
      }>(rows);
    },

    /** Open assignments of cycles following the year's current catalog, per item number. */
    async openByNumber(tx: Db, o: { year: number; openStatuses: readonly string[] }) {
      const statuses = sql.join(o.openStatuses.map((s) => sql`${s}::assignment_status`), sql`, `);
      const rows = await tx.execute(sql`
        select i.number as number, i.code as code, count(*)::int as n
          from assignments a join catalog_items i on i.id = a.item_id join cycles c on c.id = a.cycle_id
         where i.year = ${o.year} and c.catalog_year = ${o.year} and c.catalog_version is null and a.status in (${statuses})
         group by i.number, i.code order by i.number`);
      return rowsOf<{ number: number; code: string; n: number }>(rows);
    },

    async itemsByIds(tx: Db, ids: number[]): Promise<CatalogItem[]> {
      if (ids.length === 0) return [];
      return tx.select().from(catalogItems).where(inArray(catalogItems.id, ids));
    },
  };
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
