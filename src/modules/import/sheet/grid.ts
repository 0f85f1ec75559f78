import { parse as parseCsv } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { messages } from '../../../messages/index.ts';
import { errors } from '../../../shared/errors.ts';
import { decodeText } from './decode.ts';
import { checkXlsxSize, MAX_XLSX_INFLATED_BYTES } from './xlsx-guard.ts';

/** A cell as read: text (dates as YYYY-MM-DD), or a number (Excel serial dates stay numbers). */
export type Cell = string | number;
/** A row with at least one non-empty cell, numbered as the spreadsheet shows it (first row = 1). */
export type GridRow = { row: number; cells: Cell[] };
export type Grid = { name: string; rows: GridRow[] };
/** The sheet to import and, in a workbook, an optional "aliases" sheet (see import.aliases). */
export type Workbook = { main: Grid; aliases: Grid | null };

const t = messages.th.importErrors;
const fail = (row: number, reason: string) => errors.importFailed([{ row, column: '', reason }]);
const ALIAS_SHEETS = new Set(['aliases', 'alias', 'ชื่อเรียกอื่น', 'ชื่อซ้ำ']);

/**
 * Reads a .csv/.tsv/.txt or .xlsx file into rows of cells. Empty rows are dropped while reading
 * (a million of them cost almost nothing), and a file with more than `maxRows` non-empty rows is
 * refused as soon as the parser gets there, with a message naming the limit.
 */
export async function readWorkbook(fileName: string, bytes: Uint8Array, { maxRows }: { maxRows: number }): Promise<Workbook> {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return { main: { name: fileName, rows: readCsv(bytes, maxRows) }, aliases: null };
  if (ext === 'xlsx') return readXlsx(bytes, maxRows);
  throw errors.unsupportedFile(fileName);
}

function readCsv(bytes: Uint8Array, maxRows: number): GridRow[] {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    throw fail(decoded.line, t.notText(decoded.line, decoded.byte, decoded.value.toString(16).toUpperCase().padStart(2, '0')));
  }
  const delimiter = pickDelimiter(decoded.text);
  // Lines holding nothing but delimiters and spaces become empty, which the parser skips for free.
  const blank = new RegExp(`^[ \\t${delimiter === '\t' ? '' : escape(delimiter)}]*(\\r?)$`, 'gm');
  const text = decoded.text.replace(blank, '$1');
  const rows: GridRow[] = [];
  let embedded = 0;
  try {
    parseCsv(text, {
      delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true,
      on_record: (record, info) => {
        // A quoted cell with line breaks is one spreadsheet row but several lines of the file
        // (the parser counts \r and \n inside quotes separately).
        for (const c of record) if (c.length > 0 && /[\r\n]/.test(c)) for (const ch of c) if (ch === '\n' || ch === '\r') embedded++;
        if (!record.some((c) => c.trim() !== '')) return null;
        const row = info.lines - embedded;
        if (rows.length >= maxRows) throw new RowLimit(row);
        rows.push({ row, cells: record });
        return null;
      },
    });
  } catch (e) {
    if (e instanceof RowLimit) throw fail(e.row, t.tooManyRows(maxRows));
    const err = e as Error & { code?: string; lines?: number };
    const line = err.lines ?? 1;
    throw fail(line, err.code === 'CSV_QUOTE_NOT_CLOSED' ? t.quoteNotClosed : t.unreadableCsv);
  }
  return rows;
}

class RowLimit extends Error {
  readonly row: number;
  constructor(row: number) {
    super('row limit');
    this.row = row;
  }
}

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');

/** The delimiter used most across the first lines (a title line above the table has none). */
function pickDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024).split(/\r?\n/, 20).join('\n');
  const count = (ch: string) => sample.split(ch).length - 1;
  const best = [',', ';', '\t'].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<Workbook> {
  const check = checkXlsxSize(bytes);
  if (!check.ok) throw fail(1, check.reason === 'too_large' ? t.xlsxTooLarge(Math.round(MAX_XLSX_INFLATED_BYTES / 1024 / 1024)) : t.xlsxUnreadable);
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    // The parser's own message says nothing useful to an officer (and may expose internals).
    throw fail(1, t.xlsxUnreadable);
  }
  if (sheets.length === 0) throw fail(1, t.xlsxUnreadable);
  const grid = (s: (typeof sheets)[number]): Grid => {
    const rows: GridRow[] = [];
    s.data.forEach((raw, i) => {
      const cells = raw.map(xlsxCell);
      if (!cells.some((c) => c !== '')) return;
      if (rows.length >= maxRows) throw fail(i + 1, t.tooManyRows(maxRows));
      rows.push({ row: i + 1, cells });
    });
    return { name: s.sheet, rows };
  };
  const aliasSheet = sheets.slice(1).find((s) => ALIAS_SHEETS.has(s.sheet.trim().toLowerCase()));
  return { main: grid(sheets[0]!), aliases: aliasSheet ? grid(aliasSheet) : null };
}

function xlsxCell(c: unknown): Cell {
  if (c == null) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : isoDay(c);
  if (typeof c === 'number') return c;
  return String(c).trim();
}

function isoDay(d: Date): string {
  // Excel stores midnight as a float; a few milliseconds either side must not change the day.
  return new Date(d.getTime() + 60_000).toISOString().slice(0, 10);
}
