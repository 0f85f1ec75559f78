import { thaiDigitsToArabic } from '../../shared/thai-text.ts';

/** The columns an assignment sheet may have; `cells` of a parsed row are keyed by these. */
export const FIELDS = ['item', 'unit', 'responsibility', 'officer', 'position', 'role', 'due', 'line_user_id'] as const;
export type Field = (typeof FIELDS)[number];

/** A sheet without these columns cannot be imported at all. */
export const REQUIRED_FIELDS: readonly Field[] = ['item', 'unit'];

/** How a column is named in error messages when the file does not have it. */
export const FIELD_LABELS: Record<Field, string> = {
  item: 'ข้อ (item)',
  unit: 'หน่วยงาน (unit)',
  responsibility: 'หลัก/ร่วม (responsibility)',
  officer: 'ชื่อ-สกุล (officer)',
  position: 'ตำแหน่ง (position)',
  role: 'บทบาท (role)',
  due: 'กำหนดส่ง (due)',
  line_user_id: 'line_user_id',
};

/** Accepted header spellings, already in normalizeHeader() form. */
const ALIASES: Record<Field, string[]> = {
  item: ['item', 'itemcode', 'code', 'ข้อ', 'ข้อที่', 'รหัสข้อ', 'รหัส'],
  unit: ['unit', 'unitname', 'หน่วยงาน', 'ส่วนราชการ', 'กลุ่มงาน', 'หน่วยงานที่รับผิดชอบ', 'หน่วยงานรับผิดชอบ', 'ชื่อหน่วยงาน'],
  responsibility: ['responsibility', 'mainco', 'หลักร่วม', 'รับผิดชอบหลักร่วม', 'ความรับผิดชอบ'],
  officer: ['officer', 'name', 'person', 'fullname', 'ชื่อสกุล', 'ชื่อนามสกุล', 'ชื่อชื่อสกุล', 'ชื่อ', 'ชื่อผู้รับผิดชอบ'],
  position: ['position', 'title', 'ตำแหน่ง'],
  role: ['role', 'บทบาท', 'หน้าที่'],
  due: ['due', 'duedate', 'dueon', 'deadline', 'กำหนดส่ง', 'วันกำหนดส่ง', 'กำหนดเสร็จ'],
  line_user_id: ['lineuserid', 'lineid', 'lineuser', 'line'],
};

const BY_ALIAS = new Map<string, Field>(
  (Object.entries(ALIASES) as Array<[Field, string[]]>).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
);

/**
 * "ชื่อ - สกุล", "Line User ID", "กำหนดส่ง\n(วว/ดด/ปปปป)" → "ชื่อสกุล", "lineuserid", "กำหนดส่ง":
 * case, whitespace, line breaks, punctuation and a parenthesised hint do not matter.
 */
export function normalizeHeader(header: string): string {
  return thaiDigitsToArabic(header)
    .normalize('NFC')
    .replace(/\(.*?\)/gs, '')
    .replace(/[\s\u200b_\-./:*]+/g, '')
    .toLowerCase();
}

export function fieldOf(header: string): Field | undefined {
  return BY_ALIAS.get(normalizeHeader(header));
}

/** Column index → field; when two columns mean the same field the first one wins. */
export function matchHeaders(headers: readonly string[]): Map<number, Field> {
  const out = new Map<number, Field>();
  const seen = new Set<Field>();
  headers.forEach((h, i) => {
    const f = fieldOf(h);
    if (f && !seen.has(f)) {
      seen.add(f);
      out.set(i, f);
    }
  });
  return out;
}

/** The header as the file writes it, or the documented label when the file has no such column. */
export function columnLabels(headers: readonly string[]): Record<Field, string> {
  const labels = { ...FIELD_LABELS };
  for (const [i, f] of matchHeaders(headers)) labels[f] = squash(headers[i] ?? '') || FIELD_LABELS[f];
  return labels;
}

/**
 * Agencies often put a title above the table (see seed 002). The header row is the first of the
 * first 20 rows that names every required column; row 1 when none does.
 */
export function findHeaderRow(rows: ReadonlyArray<readonly string[]>): number {
  const limit = Math.min(rows.length, 20);
  for (let i = 0; i < limit; i++) {
    const fields = new Set(matchHeaders(rows[i]!).values());
    if (REQUIRED_FIELDS.every((f) => fields.has(f))) return i;
  }
  return 0;
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
