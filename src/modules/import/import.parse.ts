import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { messages } from '../../messages/index.ts';
import { errors } from '../../shared/errors.ts';
import { findHeaderRow, matchHeaders, type Field } from './import.headers.ts';
import { checkXlsxSize, MAX_XLSX_INFLATED_BYTES } from './xlsx-guard.ts';

export type SheetRow = { rowNumber: number; cells: Partial<Record<Field, string>> };
export type ParsedSheet = { headers: string[]; rows: SheetRow[] };

type Cell = string | number | boolean | Date | null | undefined;

/**
 * Reads a .csv or .xlsx assignment sheet. `cells` are keyed by field (item, unit, officer, …)
 * whatever language the header is in; unknown columns are dropped. Row numbers are the ones the
 * spreadsheet shows (header = 1 when the table starts at the top). Fully empty rows are skipped.
 */
export async function parseSheet(fileName: string, bytes: Uint8Array): Promise<ParsedSheet> {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  let grid: Cell[][];
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') grid = readCsv(bytes);
  else if (ext === 'xlsx') grid = await readXlsx(bytes);
  else throw errors.unsupportedFile(fileName);
  return toSheet(grid);
}

function toSheet(grid: Cell[][]): ParsedSheet {
  const text = grid.map((r) => r.map((c) => (typeof c === 'string' ? c : c == null ? '' : String(c))));
  const headerIndex = findHeaderRow(text);
  const headers = (text[headerIndex] ?? []).map((h) => h.trim());
  const columns = [...matchHeaders(headers)];
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const raw = grid[i]!;
    const cells: Partial<Record<Field, string>> = {};
    let any = false;
    for (const [col, field] of columns) {
      const v = cellText(raw[col], field);
      if (v !== '') {
        cells[field] = v;
        any = true;
      }
    }
    if (any) rows.push({ rowNumber: i + 1, cells });
  }
  return { headers, rows };
}

/** Dates from Excel become ISO dates; a bare number in the due column is an Excel serial date. */
function cellText(c: Cell, field: Field): string {
  if (c == null) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : isoDay(c);
  if (typeof c === 'number') {
    if (field === 'due' && c > 20_000 && c < 100_000) return isoDay(new Date(Date.UTC(1899, 11, 30) + Math.round(c) * 86_400_000));
    return String(c);
  }
  return String(c).trim();
}

function isoDay(d: Date): string {
  // Excel stores midnight as a float; a few milliseconds either side must not change the day.
  return new Date(d.getTime() + 60_000).toISOString().slice(0, 10);
}

function readCsv(bytes: Uint8Array): string[][] {
  const text = decode(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = pickDelimiter(firstLine);
  try {
    return parseCsv(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    const err = e as Error & { lines?: number };
    const reason = messages.th.importErrors.unreadable(err.message);
    throw errors.importFailed([{ row: err.lines ?? 1, column: '', reason }]);
  }
}

/** UTF-8 (with or without BOM); otherwise the Thai Windows code page Excel uses for "CSV". */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-874').decode(bytes);
  }
}

function pickDelimiter(line: string): string {
  const count = (ch: string) => line.split(ch).length - 1;
  const candidates = [',', ';', '\t'].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

async function readXlsx(bytes: Uint8Array): Promise<Cell[][]> {
  const check = checkXlsxSize(bytes);
  if (!check.ok) {
    const reason = check.reason === 'too_large'
      ? messages.th.importErrors.xlsxTooLarge(Math.round(MAX_XLSX_INFLATED_BYTES / 1024 / 1024))
      : messages.th.importErrors.xlsxUnreadable;
    throw errors.importFailed([{ row: 1, column: '', reason }]);
  }
  try {
    return (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as Cell[][];
  } catch {
    // The parser's own message says nothing useful to an officer (and may expose internals).
    throw errors.importFailed([{ row: 1, column: '', reason: messages.th.importErrors.xlsxUnreadable }]);
  }
}
