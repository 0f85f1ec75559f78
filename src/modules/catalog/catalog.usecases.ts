import { errors } from '../../shared/errors.ts';
import { readBuiltInCatalogs, type CatalogFile } from './catalog.data.ts';
import type { CatalogItem, createCatalogRepository } from './catalog.repository.ts';
import { resolveItemNumber } from './item-code.ts';

type Repo = ReturnType<typeof createCatalogRepository>;

export type CatalogService = ReturnType<typeof createCatalogService>;

export function createCatalogService({ repo, files = readBuiltInCatalogs }: { repo: Repo; files?: () => CatalogFile[] }) {
  // Catalogs change only at start-up, so a per-process cache is safe and keeps chat lookups cheap.
  const cache = new Map<number, CatalogItem[]>();

  async function items(year: number): Promise<CatalogItem[]> {
    let list = cache.get(year);
    if (!list) {
      list = await repo.items(year);
      if (list.length === 0) {
        const years = (await repo.years()).map((y) => y.year);
        throw errors.catalogMissing(year, years);
      }
      cache.set(year, list);
    }
    return list;
  }

  return {
    /** Loads the built-in catalogs; a year whose data file is unchanged is skipped. */
    async loadBuiltIn(): Promise<Array<{ year: number; items: number; changed: boolean }>> {
      const out = [];
      for (const file of files()) {
        const changed = (await repo.hashOf(file.year)) !== file.contentHash;
        if (changed) await repo.upsert(file);
        cache.delete(file.year);
        out.push({ year: file.year, items: file.items.length, changed });
      }
      return out;
    },
    years: () => repo.years(),
    items,
    subIndicators: (year: number) => repo.subIndicators(year),
    /** Finds an item from any spelling of its code ("O12", "๐๑๒", "ข้อ 12"). */
    async resolve(year: number, code: string): Promise<CatalogItem> {
      const list = await items(year);
      const n = resolveItemNumber(code, year, list.length);
      const item = list.find((i) => i.number === n);
      if (!item) throw errors.itemOutOfRange(code, year, list.length);
      return item;
    },
  };
}
