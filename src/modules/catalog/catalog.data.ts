import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/** The shape of src/modules/catalog/data/ita-<year>.json (see data/README.md). */
export const catalogFileSchema = z.object({
  year: z.number().int().min(2500).max(2700),
  source: z.string(),
  subIndicators: z.array(z.object({ code: z.string(), indicator: z.number().int(), title: z.string() })),
  items: z.array(
    z.object({
      code: z.string().regex(/^O\d+$/),
      number: z.number().int().min(1),
      indicator: z.number().int(),
      subIndicator: z.string(),
      group: z.string(),
      title: z.string().min(1),
      components: z.array(z.string()).min(1),
      notes: z.array(z.string()).default([]),
      scoring: z.string().nullable().default(null),
      dataPeriod: z.string().nullable().default(null),
    }),
  ),
});

export type CatalogFile = z.infer<typeof catalogFileSchema> & { contentHash: string };

const dataDir = new URL('./data/', import.meta.url);

/** Reads every built-in catalog shipped in the repository. */
export function readBuiltInCatalogs(): CatalogFile[] {
  return readdirSync(dataDir)
    .filter((f) => /^ita-\d{4}\.json$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(new URL(f, dataDir), 'utf8');
      const parsed = catalogFileSchema.parse(JSON.parse(text));
      return { ...parsed, contentHash: createHash('sha256').update(text).digest('hex') };
    });
}
