import type { Role } from '../auth/permissions.ts';
import { parseItemNumber } from '../catalog/item-code.ts';
import { cellToText } from './cells/text.ts';
import { columnLabels, isHeaderRow, matchColumns, meaningOf, type Columns, type Field } from './import.headers.ts';
import { readWorkbook, type Cell, type Grid, type GridRow } from './sheet/grid.ts';

export type SheetRow = {
  rowNumber: number;
  cells: Partial<Record<Field, string>>;
  /** Wide form: the text of each role column ("ผู้รายงานข้อมูล": "นางสาว… นักวิเคราะห์…"). */
  roleCells: Array<{ role: Role; text: string; header: string }>;
  /** No item code: the row continues the item of this earlier row (merged cells, a page break). */
  continues?: number;
};
/** `continued_cell`: a unit cell split by a page break, joined to the row above (`into`). */
export type SkippedRow = { row: number; why: 'repeated_header' | 'heading' | 'continued_cell'; text: string; into?: number };
export type ParsedSheet = {
  headers: string[];
  headerRow: number;
  columns: Columns;
  labels: Record<Field, string>;
  rows: SheetRow[];
  skipped: SkippedRow[];
  /** The workbook's "aliases" sheet, if any (import.aliases.ts reads it). */
  aliases: Grid | null;
};

/** More non-empty rows than any agency's sheet has; bigger files are refused while being read. */
export const DEFAULT_MAX_ROWS = 20_000;
const HEADER_SEARCH = 30;
/** What a continuation row takes from the row above when its own cell is empty. */
const INHERITED: readonly Field[] = ['item', 'unit', 'due', 'responsibility', 'status'];

/**
 * Reads a .csv or .xlsx assignment sheet as agencies keep them: the header found below any title,
 * columns understood by name (and `ชื่อ` by content), header rows repeated at page breaks and
 * heading rows (ตัวชี้วัดย่อยที่ 9.1 …) skipped, rows without an item code continuing the item
 * above them. Row numbers are the ones the spreadsheet shows.
 */
export async function parseSheet(fileName: string, bytes: Uint8Array, { maxRows = DEFAULT_MAX_ROWS } = {}): Promise<ParsedSheet> {
  const book = await readWorkbook(fileName, bytes, { maxRows });
  return { ...layout(book.main.rows), aliases: book.aliases };
}

export function layout(grid: GridRow[]): Omit<ParsedSheet, 'aliases'> {
  const text = grid.map((r) => r.cells.map((c) => cellToText(c)));
  let at = 0;
  let columns = matchColumns(text[0] ?? [], text.slice(1, 60));
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH); i++) {
    const c = matchColumns(text[i]!, text.slice(i + 1, i + 60));
    if (isHeaderRow(c)) {
      at = i;
      columns = c;
      break;
    }
  }
  const headers = (text[at] ?? []).map((h) => h.trim());
  const rows: SheetRow[] = [];
  const skipped: SkippedRow[] = [];
  let lastItemRow: SheetRow | null = null;
  for (let i = at + 1; i < grid.length; i++) {
    const raw = grid[i]!;
    const cells: Partial<Record<Field, string>> = {};
    for (const [field, col] of columns.fields) {
      const v = cellText(raw.cells[col], field);
      if (v !== '') cells[field] = v;
    }
    const roleCells = columns.roleColumns
      .map(({ column, role }) => ({ role, text: cellToText(raw.cells[column]), header: headers[column] ?? '' }))
      .filter((c) => c.text.trim() !== '');
    if (isRepeatedHeader(raw.cells, columns)) {
      skipped.push({ row: raw.row, why: 'repeated_header', text: firstText(raw.cells) });
      lastItemRow = null;
      continue;
    }
    const itemText = cells.item;
    const isCode = itemText !== undefined && parseItemNumber(itemText.replace(/[.\s]+$/, '')) !== null;
    const hasContent = roleCells.length > 0 || Object.keys(cells).some((f) => f !== 'item');
    if (!isCode && !hasContent) {
      // Text in the item column alone: a sub-indicator or group heading, which also ends the item
      // above. Nothing at all that matters (catalog text continuing, a stray date): nothing to do.
      if (itemText) {
        skipped.push({ row: raw.row, why: 'heading', text: itemText.replace(/\s+/g, ' ').slice(0, 120) });
        lastItemRow = null;
      }
      continue;
    }
    if (!itemText && lastItemRow !== null && roleCells.length === 0 && Object.keys(cells).every((f) => f === 'unit') && lastItemRow.cells.unit) {
      // Only the unit cell goes on (seed 000's "และส่วนราชการประจำจังหวัด…" on the next page): one cell.
      lastItemRow.cells.unit = `${lastItemRow.cells.unit}\n${cells.unit}`;
      skipped.push({ row: raw.row, why: 'continued_cell', text: cells.unit!.replace(/\s+/g, ' ').slice(0, 120), into: lastItemRow.rowNumber });
      continue;
    }
    const row: SheetRow = { rowNumber: raw.row, cells, roleCells };
    if (!itemText && lastItemRow !== null) {
      // Merged cells or a page break: what the row leaves empty is the row above's (people aside).
      row.continues = lastItemRow.rowNumber;
      for (const f of INHERITED) if (row.cells[f] === undefined && lastItemRow.cells[f] !== undefined) row.cells[f] = lastItemRow.cells[f];
    }
    if (isCode) lastItemRow = row;
    else if (itemText) lastItemRow = null;
    rows.push(row);
  }
  return { headers, headerRow: grid[at]?.row ?? 1, columns, labels: columnLabels(headers, columns), rows, skipped };
}

/**
 * A header row repeated at a page break: no item code, and two or more cells are column headers
 * (seed 000 repeats "<b>ชื่อ</b> … <b>หน่วยรับผิดชอบดำเนินการ</b>" on a page headed "ข้อ").
 */
function isRepeatedHeader(cells: readonly Cell[], c: Columns): boolean {
  const item = c.fields.get('item');
  if (item !== undefined && parseItemNumber(cellToText(cells[item]).replace(/[.\s]+$/, '')) !== null) return false;
  let headers = 0;
  for (const cell of cells) if (meaningOf(cellToText(cell))) headers++;
  return headers >= 2;
}

function firstText(cells: readonly Cell[]): string {
  for (const c of cells) {
    const t = cellToText(c).trim();
    if (t) return t.replace(/\s+/g, ' ').slice(0, 120);
  }
  return '';
}

/** A bare number in the due column is an Excel serial date. */
function cellText(c: Cell | undefined, field: Field): string {
  if (c === undefined || c === '') return '';
  if (typeof c === 'number') {
    if (field === 'due' && c > 20_000 && c < 100_000) return new Date(Date.UTC(1899, 11, 30) + Math.round(c) * 86_400_000).toISOString().slice(0, 10);
    return String(c);
  }
  return cellToText(c).trim();
}
