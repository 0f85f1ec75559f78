import { parseThaiDate } from '../../shared/thai-date.ts';
import { thaiDigitsToArabic, unitKey } from '../../shared/thai-text.ts';
import type { Role } from '../auth/permissions.ts';

export type Responsibility = 'main' | 'co';

const compact = (s: string) => thaiDigitsToArabic(s).replace(/[\s\u200b_\-]+/g, '').toLowerCase();

const ROLES = new Map<string, Role>([
  ['preparer', 'preparer'], ['ผู้จัดทำ', 'preparer'], ['ผู้จัดทำข้อมูล', 'preparer'], ['ผู้รับผิดชอบ', 'preparer'],
  ['ผู้รายงาน', 'preparer'], ['ผู้รายงานข้อมูล', 'preparer'], ['ผู้รับผิดชอบจัดทำข้อมูล', 'preparer'],
  ['supervisor', 'supervisor'], ['ผู้กำกับติดตาม', 'supervisor'], ['ผู้กำกับ', 'supervisor'],
  ['ผู้กำกับดูแล', 'supervisor'], ['ผู้ติดตาม', 'supervisor'],
  ['certifier', 'certifier'], ['ผู้รับรอง', 'certifier'], ['ผู้รับรองข้อมูล', 'certifier'],
]);

/** preparer/ผู้จัดทำ, supervisor/ผู้กำกับติดตาม, certifier/ผู้รับรอง (and the seeds' synonyms). */
export function parseRole(value: string): Role | null {
  return ROLES.get(compact(value)) ?? null;
}

const RESPONSIBILITIES = new Map<string, Responsibility>([
  ['main', 'main'], ['หลัก', 'main'], ['ผู้รับผิดชอบหลัก', 'main'], ['รับผิดชอบหลัก', 'main'], ['primary', 'main'],
  ['co', 'co'], ['ร่วม', 'co'], ['ผู้รับผิดชอบร่วม', 'co'], ['รับผิดชอบร่วม', 'co'], ['joint', 'co'],
]);

export function parseResponsibility(value: string): Responsibility | null {
  return RESPONSIBILITIES.get(compact(value)) ?? null;
}

const ALL_UNITS = new Set(['ทุกส่วนราชการ', 'ทุกหน่วยงาน', 'all', 'allunits'].map(unitKey));

/** "ทุกส่วนราชการ", "ทุกหน่วยงาน" or "all": the item goes to every unit of the organization. */
export function isAllUnits(value: string): boolean {
  return ALL_UNITS.has(unitKey(value));
}

export const LINE_USER_ID = /^U[0-9a-f]{32}$/;

/**
 * A due date as ISO YYYY-MM-DD: ISO dates, Buddhist-era 31/03/2568 or 31 มี.ค. 2568 (Thai digits
 * too). A slashed four-digit year below 2400 is read as CE (31/03/2025), since no one plans ITA
 * work in the 15th century. Null when unreadable or implausible.
 */
export function parseDue(value: string): string | null {
  const s = thaiDigitsToArabic(value).trim();
  const ce = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = ce && Number(ce[3]) < 2400 ? parseThaiDate(`${ce[3]}-${ce[2]}-${ce[1]}`) : parseThaiDate(s);
  if (!iso) return null;
  const year = Number(iso.slice(0, 4));
  return year >= 2000 && year <= 2200 ? iso : null;
}
