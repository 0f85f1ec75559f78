import type { Role } from '../auth/permissions.ts';
import { parseItemNumber } from '../catalog/item-code.ts';
import { thaiDigitsToArabic } from '../../shared/thai-text.ts';

/** The columns an assignment sheet may have; `cells` of a parsed row are keyed by these. */
export const FIELDS = ['item', 'unit', 'responsibility', 'officer', 'position', 'role', 'due', 'line_user_id', 'status'] as const;
export type Field = (typeof FIELDS)[number];

/** How a column is named in messages when the file does not have it. */
export const FIELD_LABELS: Record<Field, string> = {
  item: 'ข้อ (item)',
  unit: 'หน่วยงาน (unit)',
  responsibility: 'หลัก/ร่วม (responsibility)',
  officer: 'ชื่อ-สกุล (officer)',
  position: 'ตำแหน่ง (position)',
  role: 'บทบาท (role)',
  due: 'กำหนดส่ง (due)',
  line_user_id: 'line_user_id',
  status: 'สถานะ (status)',
};

/**
 * What a column means: a field of the long form (one row per person and role), or — the wide
 * form agencies keep (seeds 002, 004) — the people of one role (`ผู้รายงานข้อมูล`, `ผู้กำกับติดตาม`,
 * `ผู้รับรองข้อมูล…`), each cell holding one or several of them.
 */
export type ColumnMeaning = { field: Field } | { roleColumn: Role };

/**
 * "1. ชื่อ – สกุล", "<b>ข้อ</b>", "กำหนดส่ง\n(วว/ดด/ปปปป)" → "ชื่อสกุล", "ข้อ", "กำหนดส่ง": case, spaces,
 * line breaks, dashes (- – —), punctuation, a numbering prefix, HTML tags and a hint in
 * parentheses do not matter.
 */
export function normalizeHeader(header: string): string {
  return thaiDigitsToArabic(header)
    .normalize('NFC')
    .replace(/<[^>]*>/g, '')
    .replace(/^\s*\d{1,2}\s*[.)]\s*/, '')
    .replace(/\(.*?(\)|$)/gs, '')
    .replace(/[\s\u200b_\-–—./:*,"'“”]+/g, '')
    .toLowerCase();
}

const EXACT: Record<Field, string[]> = {
  item: ['item', 'itemcode', 'code', 'ข้อ', 'ข้อที่', 'ลำดับข้อ', 'รหัสข้อ', 'รหัส'],
  unit: ['unit', 'unitname'],
  responsibility: ['responsibility', 'mainco', 'หลักร่วม', 'รับผิดชอบหลักร่วม', 'ผู้รับผิดชอบหลักร่วม', 'ความรับผิดชอบ'],
  officer: ['officer', 'name', 'person', 'fullname', 'ชื่อสกุล', 'ชื่อนามสกุล', 'ชื่อชื่อสกุล', 'ชื่อสกุลตำแหน่ง', 'ชื่อผู้รับผิดชอบ', 'ผู้รับผิดชอบ', 'รายชื่อ'],
  position: ['position', 'title', 'ตำแหน่ง'],
  role: ['role', 'บทบาท', 'หน้าที่'],
  due: ['due', 'duedate', 'dueon', 'deadline', 'กำหนดส่ง', 'วันกำหนดส่ง', 'กำหนดเสร็จ', 'กำหนดแล้วเสร็จ', 'วันที่ต้องแล้วเสร็จ'],
  line_user_id: ['lineuserid', 'lineid', 'lineuser', 'line'],
  status: ['status', 'สถานะ', 'สถานะการดำเนินการ', 'ผลการดำเนินการ'],
};
const BY_EXACT = new Map<string, Field>(
  (Object.entries(EXACT) as Array<[Field, string[]]>).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
);

/** Unit columns as agencies name them: หน่วยรับผิดชอบดำเนินการ, ส่วนราชการที่รับผิดชอบ, กลุ่มงานที่รับผิดชอบ… */
const UNIT_HEADER = /^(ชื่อ)?(หน่วยรับผิดชอบ|หน่วยงาน|ส่วนราชการ|กลุ่มงาน|กอง|สำนัก|ฝ่าย)/;
/** The role a header names, for the wide form ("ผู้รับผิดชอบกำกับติดตาม/จัดทำข้อมูล" is who prepares). */
export function roleWord(normalized: string): Role | null {
  if (/จัดทำ|ผู้รายงาน|รายงานข้อมูล|preparer/.test(normalized)) return 'preparer';
  if (/รับรอง|certifier/.test(normalized)) return 'certifier';
  if (/กำกับ|ติดตาม|supervisor/.test(normalized)) return 'supervisor';
  return null;
}

/** What a header says on its own; `ชื่อ` alone is decided by the column's content (see matchColumns). */
export function meaningOf(header: string): ColumnMeaning | 'by_content' | undefined {
  const h = normalizeHeader(header);
  if (!h) return undefined;
  if (h === 'ชื่อ') return 'by_content';
  const exact = BY_EXACT.get(h);
  if (exact) return { field: exact };
  if (/^(สถานะ|รายงานผลการตรวจสอบ|ผลการตรวจสอบ)/.test(h)) return { field: 'status' };
  if (UNIT_HEADER.test(h)) return { field: 'unit' };
  const role = roleWord(h);
  if (role) return { roleColumn: role };
  if (/^(กำหนดส่ง|กำหนดเวลา|วันที่ส่ง)/.test(h)) return { field: 'due' };
  return undefined;
}

/** The field a header names (long-form fields only); used by the template tests. */
export function fieldOf(header: string): Field | undefined {
  const m = meaningOf(header);
  return m && m !== 'by_content' && 'field' in m ? m.field : undefined;
}

export type Columns = {
  fields: Map<Field, number>;
  roleColumns: Array<{ column: number; role: Role }>;
  /** Every header cell and how it was understood (the dry run shows this). */
  understood: Array<{ column: number; header: string; meaning: ColumnMeaning | null }>;
};

/**
 * Column index → meaning for a header row. `below` are the rows under it: a `ชื่อ` column holding
 * item codes is the item column (seed 000 heads its code column `ชื่อ` on one page), otherwise
 * the people column. When two columns mean the same field the first one wins.
 */
export function matchColumns(headers: readonly string[], below: ReadonlyArray<readonly string[]> = []): Columns {
  const fields = new Map<Field, number>();
  const roleColumns: Columns['roleColumns'] = [];
  const understood: Columns['understood'] = [];
  headers.forEach((header, column) => {
    if (!header.trim()) return;
    let m = meaningOf(header);
    if (m === 'by_content') m = mostlyItemCodes(below.map((r) => r[column] ?? '')) ? { field: 'item' } : { field: 'officer' };
    let taken: ColumnMeaning | null = null;
    if (m && 'field' in m && !fields.has(m.field)) {
      fields.set(m.field, column);
      taken = m;
    } else if (m && 'roleColumn' in m) {
      roleColumns.push({ column, role: m.roleColumn });
      taken = m;
    }
    understood.push({ column, header: squash(header), meaning: taken });
  });
  return { fields, roleColumns, understood };
}

function mostlyItemCodes(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean).slice(0, 50);
  return filled.length > 0 && filled.filter((c) => parseItemNumber(c.replace(/\.$/, '')) !== null).length >= filled.length * 0.6;
}

/** A header row: the item column and somewhere to find units or people. */
export function isHeaderRow(c: Columns): boolean {
  return c.fields.has('item') && (c.fields.has('unit') || c.fields.has('officer') || c.roleColumns.length > 0);
}

/** The header as the file writes it, or the documented label when the file has no such column. */
export function columnLabels(headers: readonly string[], c: Columns): Record<Field, string> {
  const labels = { ...FIELD_LABELS };
  for (const [f, i] of c.fields) labels[f] = squash(headers[i] ?? '') || FIELD_LABELS[f];
  return labels;
}

export function squash(s: string): string {
  return s.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}
