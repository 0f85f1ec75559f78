import writeXlsxFile from 'write-excel-file/node';
import { toCsv } from '../../shared/csv.ts';
import type { CatalogContent } from './catalog.content.ts';
import { CATALOG_FIELDS, CATALOG_HEADERS } from './catalog.sheet.ts';

export type ExportFormat = 'xlsx' | 'csv' | 'json';

/**
 * The catalog as the sheet `catalog import` reads: one row per component (notes beside them), the
 * code on every row, title and the rest on the item's first row. Next year's catalog starts from
 * this year's export.
 */
export function catalogRows(c: CatalogContent): string[][] {
  const subTitle = new Map(c.subIndicators.map((s) => [s.code, s.title]));
  const rows: string[][] = [CATALOG_FIELDS.map((f) => CATALOG_HEADERS[f])];
  for (const i of c.items) {
    const n = Math.max(i.components.length, i.notes.length, 1);
    for (let k = 0; k < n; k++) {
      const first = k === 0;
      rows.push([
        i.code,
        first ? i.title : '',
        first ? String(i.indicator) : '',
        first ? `${i.subIndicator} ${subTitle.get(i.subIndicator) ?? ''}`.trim() : '',
        first ? i.group : '',
        i.components[k] ?? '',
        i.notes[k] ?? '',
        first ? i.scoring ?? '' : '',
        first ? i.dataPeriod ?? '' : '',
      ]);
    }
  }
  return rows;
}

const WIDTHS = [7, 40, 9, 30, 28, 70, 50, 40, 30];

export async function exportCatalog(c: CatalogContent, format: ExportFormat): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const base = `ita-${c.year}-catalog`;
  if (format === 'json') {
    const { year, source, subIndicators, items } = c;
    return { bytes: new TextEncoder().encode(`${JSON.stringify({ year, source, subIndicators, items }, null, 2)}\n`), contentType: 'application/json', fileName: `${base}.json` };
  }
  const rows = catalogRows(c);
  if (format === 'csv') return { bytes: new TextEncoder().encode(toCsv(rows)), contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
  const data = rows.map((r, i) => r.map((v) => (i === 0 ? { value: v, fontWeight: 'bold' as const } : { value: v, type: String, format: '@', wrap: true })));
  const buf = await writeXlsxFile(data, { sheet: `catalog ${c.year}`, columns: WIDTHS.map((width) => ({ width })), stickyRowsCount: 1 }).toBuffer();
  return { bytes: new Uint8Array(buf), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${base}.xlsx` };
}
