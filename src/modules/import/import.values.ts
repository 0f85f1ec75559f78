import { parseThaiDate } from '../../shared/thai-date.ts';
import { thaiDigitsToArabic, unitKey } from '../../shared/thai-text.ts';
import type { Role } from '../auth/permissions.ts';
import { roleWord } from './import.headers.ts';

export type Responsibility = 'main' | 'co';

const compact = (s: string) => thaiDigitsToArabic(s).replace(/[\s\u200b_\-]+/g, '').toLowerCase();

const ROLES = new Map<string, Role>([
  ['preparer', 'preparer'], ['ผู้จัดทำ', 'preparer'], ['ผู้จัดทำข้อมูล', 'preparer'], ['จัดทำข้อมูล', 'preparer'], ['ผู้รับผิดชอบ', 'preparer'],
  ['ผู้รายงาน', 'preparer'], ['ผู้รายงานข้อมูล', 'preparer'], ['ผู้รับผิดชอบจัดทำข้อมูล', 'preparer'],
  ['supervisor', 'supervisor'], ['ผู้กำกับติดตาม', 'supervisor'], ['กำกับติดตาม', 'supervisor'], ['ผู้กำกับ', 'supervisor'],
  ['ผู้กำกับดูแล', 'supervisor'], ['ผู้ติดตาม', 'supervisor'], ['ผู้รับผิดชอบกำกับติดตาม', 'supervisor'],
  ['certifier', 'certifier'], ['ผู้รับรอง', 'certifier'], ['ผู้รับรองข้อมูล', 'certifier'], ['รับรองข้อมูล', 'certifier'],
]);

/**
 * preparer/ผู้จัดทำ, supervisor/ผู้กำกับติดตาม, certifier/ผู้รับรอง and the seeds' wordings
 * (ผู้รายงานข้อมูล, จัดทำข้อมูล, ผู้รับผิดชอบกำกับติดตาม, ผู้รับรองข้อมูลครบถ้วนถูกต้อง…).
 */
export function parseRole(value: string): Role | null {
  const c = compact(value).replace(/\(.*?(\)|$)/g, '');
  return ROLES.get(c) ?? (c.length > 3 ? roleWord(c) : null);
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

/** Words agencies put before a date: "ณ วันที่ 31 มี.ค. 68", "ภายในวันที่ …", "ก่อน …". */
const LEADING = /^(?:(?:ณ|ภายใน|ก่อน|ไม่เกิน|ถึง|กำหนดส่ง|กำหนด|ส่ง|by|due|before)\s*)*(?:วันที่|วัน|date)?\s*/iu;

export type Due = { ok: true; iso: string } | { ok: false; yearOnly: boolean };

/**
 * A due date as ISO YYYY-MM-DD: ISO dates, Buddhist-era 31/03/2568 or 31 มี.ค. 68 (Thai digits
 * too), after leading words such as "ณ วันที่". A slashed four-digit year below 2400 is read as CE
 * (31/03/2025). A year alone ("ประจำปีงบประมาณ พ.ศ. 2567") is not a deadline: `yearOnly`.
 */
export function readDue(value: string): Due {
  const s = thaiDigitsToArabic(value).replace(/\s+/g, ' ').trim().replace(LEADING, '').trim();
  const ce = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = ce && Number(ce[3]) < 2400 ? parseThaiDate(`${ce[3]}-${ce[2]}-${ce[1]}`) : parseThaiDate(s);
  const year = iso ? Number(iso.slice(0, 4)) : 0;
  if (iso && year >= 2000 && year <= 2200) return { ok: true, iso };
  return { ok: false, yearOnly: /^(?:ประจำ)?(?:ปี(?:งบประมาณ)?)?\s*(?:พ\.\s*ศ\.)?\s*\d{4}$/u.test(s) };
}

/** Kept for callers that only need the date (null when unreadable). */
export function parseDue(value: string): string | null {
  const d = readDue(value);
  return d.ok ? d.iso : null;
}

export type SheetStatus = { kind: 'not_started' | 'in_progress' | 'done' | 'not_applicable'; reason: string | null };

/**
 * The status column of a working group's sheet (seed 002: "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้ว";
 * an item answered "ไม่มี เนื่องจาก…"). What each means in the workflow is SHEET_STATUSES in
 * assignments/workflow.ts. Null when the text is none of these.
 */
export function parseStatus(value: string): SheetStatus | null {
  const flat = value.replace(/\s+/g, ' ').trim();
  if (/^ไม่มี/.test(flat) || /^(not applicable|n\/a)\b/i.test(flat)) {
    const reason = flat.replace(/^(not applicable|n\/a)\s*[:,-]?\s*/i, '').trim();
    return { kind: 'not_applicable', reason: reason && !/^ไม่มี$/.test(reason) ? reason : null };
  }
  const c = compact(flat).replace(/[()]/g, '');
  if (/^(ยังไม่(ได้)?(ดำเนินการ|เริ่ม)|notstarted|todo)/.test(c)) return { kind: 'not_started', reason: null };
  if (/^(อยู่ระหว่าง(การ)?ดำเนินการ|กำลังดำเนินการ|ระหว่างดำเนินการ|inprogress|started)/.test(c)) return { kind: 'in_progress', reason: null };
  if (/^(ดำเนินการแล้ว|ดำเนินการเรียบร้อย|เสร็จแล้ว|เสร็จสิ้น|แล้วเสร็จ|เรียบร้อย|done|completed?|approved|finished)/.test(c)) return { kind: 'done', reason: null };
  return null;
}
