import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readBuiltInCatalogs } from './catalog.data.ts';
import { exportCatalog } from './catalog.export.ts';

/**
 * The documented catalog sheet (docs/templates/catalog-template.*): the built-in 2568 catalog as
 * `catalog export` writes it, so next year's catalog is this one edited. Regenerate with
 * `sh scripts/node.sh src/modules/catalog/catalog.template.ts`.
 */
export async function writeCatalogTemplates(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const c = readBuiltInCatalogs().find((x) => x.year === 2568)!;
  const out = [];
  for (const format of ['xlsx', 'csv'] as const) {
    const f = await exportCatalog(c, format);
    const path = join(dir, `catalog-template.${format}`);
    writeFileSync(path, f.bytes);
    out.push(path);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = fileURLToPath(new URL('../../../docs/templates/', import.meta.url));
  for (const f of await writeCatalogTemplates(dir)) console.log(`wrote ${f}`);
}
