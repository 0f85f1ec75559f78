import type { CatalogContent } from '../../src/modules/catalog/catalog.content.ts';
import { readBuiltInCatalogs } from '../../src/modules/catalog/catalog.data.ts';
import { exportCatalog, type ExportFormat } from '../../src/modules/catalog/catalog.export.ts';

/**
 * A catalog for `year` made from a built-in one (NACC keeps most items year to year), edited by
 * `edit`: what an admin would do with `catalog export` before `catalog import`.
 */
export function catalogFrom(year: number, base = 2568, edit: (c: CatalogContent) => void = () => {}): CatalogContent {
  const b = readBuiltInCatalogs().find((c) => c.year === base)!;
  const c: CatalogContent = structuredClone({ year, source: `ita-${year}.xlsx`, subIndicators: b.subIndicators, items: b.items });
  edit(c);
  return c;
}

export async function catalogFile(c: CatalogContent, format: ExportFormat = 'xlsx'): Promise<{ fileName: string; bytes: Uint8Array }> {
  const f = await exportCatalog(c, format);
  return { fileName: f.fileName, bytes: f.bytes };
}
