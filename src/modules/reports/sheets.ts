import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';

/** A table as the exports produce it: headers with widths (characters), rows of plain text. */
export type Sheet = { name: string; columns: Array<{ header: string; width: number }>; rows: string[][] };

export type SheetFormat = 'xlsx' | 'csv';

/**
 * CSV as Excel opens it: UTF-8 with a BOM (or Thai turns into mojibake), CRLF, and every cell
 * that starts with = + - @ (or tab/CR) prefixed with ' so a spreadsheet never runs it as a
 * formula (OWASP "CSV injection"). csv-stringify does both.
 */
export function toCsv(sheet: Sheet): Buffer {
  const text = stringify([sheet.columns.map((c) => c.header), ...sheet.rows], { bom: true, record_delimiter: 'windows', escape_formulas: true });
  return Buffer.from(text, 'utf8');
}

/**
 * XLSX with the header row frozen and readable Thai column widths. Every cell is a string cell
 * (text format "@"), so "=1+1" stays the text "=1+1": Excel never evaluates a string cell.
 * Multi-line cells (several URLs, one per line) wrap.
 */
export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const header = sheet.columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const, wrap: true }));
  const body = sheet.rows.map((r) => r.map((v) => ({ value: v, type: String, format: '@', wrap: v.includes('\n'), alignVertical: 'top' as const })));
  return writeXlsxFile([header, ...body], {
    sheet: sheet.name,
    columns: sheet.columns.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  }).toBuffer();
}

export async function renderSheet(sheet: Sheet, format: SheetFormat): Promise<Buffer> {
  return format === 'csv' ? toCsv(sheet) : toXlsx(sheet);
}

export const CONTENT_TYPES: Record<SheetFormat | 'png' | 'svg' | 'html', string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml',
  html: 'text/html; charset=utf-8',
};
