import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * A year's catalog as data: the shape of the built-in files (data/ita-<year>.json, see
 * data/README.md), of `catalog import … .json` and of what a catalog sheet is read into.
 */
export const catalogContentSchema = z.object({
  year: z.number().int().min(2500).max(2700),
  source: z.string().default(''),
  subIndicators: z.array(z.object({ code: z.string().regex(/^\d+\.\d+$/), indicator: z.number().int(), title: z.string().min(1) })).min(1),
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
  ).min(1),
});

export type CatalogContent = z.infer<typeof catalogContentSchema>;
export type CatalogContentItem = CatalogContent['items'][number];

/**
 * The content hash: the same catalog gives the same hash whether it came from a sheet, JSON or a
 * built-in file, whatever the file was called (`source` is left out).
 */
export function contentHash(c: CatalogContent): string {
  const canonical = {
    year: c.year,
    subIndicators: [...c.subIndicators].sort((a, b) => a.code.localeCompare(b.code)).map((s) => [s.code, s.indicator, s.title]),
    items: [...c.items].sort((a, b) => a.number - b.number).map((i) => [
      i.number, i.code, i.indicator, i.subIndicator, i.group, i.title, i.components, i.notes, i.scoring, i.dataPeriod,
    ]),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export type ItemChange = { number: number; code: string; fields: string[]; componentsChanged: boolean };

/** What differs, item by item, between two versions of a year's catalog (for dry runs and audit). */
export function diffCatalogs(before: CatalogContent, after: CatalogContent) {
  const old = new Map(before.items.map((i) => [i.number, i]));
  const now = new Map(after.items.map((i) => [i.number, i]));
  const changed: ItemChange[] = [];
  for (const [n, b] of now) {
    const a = old.get(n);
    if (!a) continue;
    const fields = (['code', 'title', 'indicator', 'subIndicator', 'group', 'components', 'notes', 'scoring', 'dataPeriod'] as const)
      .filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
    if (fields.length > 0) changed.push({ number: n, code: b.code, fields, componentsChanged: fields.includes('components') });
  }
  const subTitles = new Map(before.subIndicators.map((s) => [s.code, s.title]));
  return {
    added: after.items.filter((i) => !old.has(i.number)).map((i) => i.code),
    removed: before.items.filter((i) => !now.has(i.number)).map((i) => i.code),
    changed,
    subIndicatorsChanged: after.subIndicators.filter((s) => subTitles.get(s.code) !== s.title).map((s) => s.code),
  };
}

/**
 * Keeps the ticks whose component text is still there (at its new position) and drops the rest:
 * how a preparer's ticks follow a corrected catalog.
 */
export function remapTicks(ticks: ReadonlyArray<{ index: number; text: string }>, components: readonly string[]) {
  const free = new Map<string, number[]>();
  components.forEach((c, i) => free.set(c, [...(free.get(c) ?? []), i]));
  const kept: Array<{ from: number; to: number; text: string }> = [];
  const dropped: Array<{ index: number; text: string }> = [];
  for (const t of [...ticks].sort((a, b) => a.index - b.index)) {
    const slots = free.get(t.text) ?? [];
    if (slots.length === 0) {
      dropped.push({ index: t.index, text: t.text });
      continue;
    }
    // The same text twice: the first free position at or after the old one keeps the order.
    const k = Math.max(0, slots.findIndex((s) => s >= t.index));
    kept.push({ from: t.index, to: slots.splice(k, 1)[0]!, text: t.text });
  }
  return { kept, dropped };
}
