import { findHeaderRow, matchHeaders, type Field } from './import.headers.ts';
import { readWorkbook, type Cell, type GridRow } from './sheet/grid.ts';

export type SheetRow = { rowNumber: number; cells: Partial<Record<Field, string>> };
export type ParsedSheet = { headers: string[]; rows: SheetRow[] };

/** More non-empty rows than any agency's sheet has; bigger files are refused while being read. */
export const DEFAULT_MAX_ROWS = 20_000;

/**
 * Reads a .csv or .xlsx assignment sheet. `cells` are keyed by field (item, unit, officer, …)
 * whatever language the header is in; unknown columns are dropped. Row numbers are the ones the
 * spreadsheet shows (header = 1 when the table starts at the top). Empty rows are skipped.
 */
export async function parseSheet(fileName: string, bytes: Uint8Array, { maxRows = DEFAULT_MAX_ROWS } = {}): Promise<ParsedSheet> {
  const book = await readWorkbook(fileName, bytes, { maxRows });
  return toSheet(book.main.rows);
}

function toSheet(grid: GridRow[]): ParsedSheet {
  const text = grid.map((r) => r.cells.map((c) => String(c)));
  const headerIndex = findHeaderRow(text);
  const headers = (text[headerIndex] ?? []).map((h) => h.trim());
  const columns = [...matchHeaders(headers)];
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const raw = grid[i]!;
    const cells: Partial<Record<Field, string>> = {};
    let any = false;
    for (const [col, field] of columns) {
      const v = cellText(raw.cells[col], field);
      if (v !== '') {
        cells[field] = v;
        any = true;
      }
    }
    if (any) rows.push({ rowNumber: raw.row, cells });
  }
  return { headers, rows };
}

/** A bare number in the due column is an Excel serial date. */
function cellText(c: Cell | undefined, field: Field): string {
  if (c === undefined || c === '') return '';
  if (typeof c === 'number') {
    if (field === 'due' && c > 20_000 && c < 100_000) return new Date(Date.UTC(1899, 11, 30) + Math.round(c) * 86_400_000).toISOString().slice(0, 10);
    return String(c);
  }
  return c.trim();
}
