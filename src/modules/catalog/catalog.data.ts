import { readdirSync, readFileSync } from 'node:fs';
import { catalogContentSchema, contentHash, type CatalogContent } from './catalog.content.ts';

/** A catalog with its content hash, ready to be installed. */
export type CatalogFile = CatalogContent & { contentHash: string };

/** The shape of src/modules/catalog/data/ita-<year>.json (see data/README.md). */
export const catalogFileSchema = catalogContentSchema;

const dataDir = new URL('./data/', import.meta.url);

/** Reads every built-in catalog shipped in the repository. */
export function readBuiltInCatalogs(): CatalogFile[] {
  return readdirSync(dataDir)
    .filter((f) => /^ita-\d{4}\.json$/.test(f))
    .sort()
    .map((f) => {
      const parsed = catalogContentSchema.parse(JSON.parse(readFileSync(new URL(f, dataDir), 'utf8')));
      return { ...parsed, contentHash: contentHash(parsed) };
    });
}
