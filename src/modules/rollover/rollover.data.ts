import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Item mappings between two catalogs, shipped as data (data/rollover-<from>-<to>.json, with the
 * seeds they come from). Each entry says what became of items: `equal` (same item, maybe
 * renumbered), `merged` (several → one), `split` (one → several: the same code in several
 * entries), `new` (no earlier item) or `dropped` (to: null). `inferred` names the sources matched
 * from titles and components only.
 */
const code = z.string().regex(/^O\d+$/);
export const mappingSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  sources: z.array(z.string()).min(1),
  legend: z.record(z.string(), z.string()).optional(),
  entries: z.array(
    z.object({
      to: code.nullable(),
      from: z.array(code),
      kind: z.enum(['equal', 'merged', 'split', 'new', 'dropped']),
      inferred: z.array(code).optional(),
      note: z.string().optional(),
    }),
  ),
});

export type Mapping = z.infer<typeof mappingSchema>;
export type MappingEntry = Mapping['entries'][number];

const dataDir = new URL('./data/', import.meta.url);

export function readBuiltInMappings(): Mapping[] {
  return readdirSync(dataDir)
    .filter((f) => /^rollover-\d{4}-\d{4}\.json$/.test(f))
    .sort()
    .map((f) => mappingSchema.parse(JSON.parse(readFileSync(new URL(f, dataDir), 'utf8'))));
}
