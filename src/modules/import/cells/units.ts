import { thaiDigitsToArabic, unitKey } from '../../../shared/thai-text.ts';
import { cellLines } from './text.ts';

export type UnitName = { name: string; key: string; parent?: { name: string; key: string } };
/** "Every unit", however the sheet words it; `count` when it says how many (31 ส่วนราชการ). */
export type AllUnits = { text: string; count?: number; condition?: string };
export type UnitCell = {
  units: UnitName[];
  all: AllUnits | null;
  /** The cell is an explanation, not a unit: "ไม่มี เนื่องจาก…" is the item's not-applicable reason. */
  notApplicable: string | null;
};

const STOP = '[^\\n/+,;()]';
const ALL_PATTERNS: Array<{ re: RegExp; count?: boolean; condition?: boolean }> = [
  // "และส่วนราชการประจำจังหวัด 31 ส่วนราชการ" (seed 000): every unit, plus the count.
  { re: /(?:และ\s*)?ส่วนราชการประจำจังหวัด\s*(\d+)\s*ส่วนราชการ/u, count: true },
  // "ส่วนราชการที่มีการให้บริการข้อมูล…" (seed 002): every unit the condition fits.
  { re: new RegExp(`(?:^|(?<=[\\n/+,;]))\\s*(?:และ\\s*)?(?:ส่วนราชการ|หน่วยงาน|กลุ่มงาน)\\s*ที่${STOP}*`, 'u'), condition: true },
  // "/ทุกส่วนราชการ", "(ทุกกลุ่มงาน)", "ทุกหน่วยงาน", "หัวหน้างานทุกหน่วยงาน", "บุคลากรทุกคนใน…".
  { re: new RegExp(`(?:และ\\s*)?(?:หัวหน้างาน|หัวหน้า|บุคลากร|เจ้าหน้าที่)?\\s*ทุก\\s*(?:ส่วนราชการ|หน่วยงาน|กลุ่มงาน|กอง|ฝ่าย|สำนัก|งาน|คน)(?:ใน${STOP}*)?`, 'u') },
  { re: /^\s*(?:all|all\s*units|every\s*unit)\s*$/iu },
];

const describe = (p: (typeof ALL_PATTERNS)[number], m: RegExpExecArray): AllUnits => ({
  text: m[0].trim(), ...(p.count ? { count: Number(m[1]) } : {}), ...(p.condition ? { condition: m[0].trim() } : {}),
});

/** Does this text (a unit or a people cell entry) mean every unit of the organization? */
export function allUnitsIn(text: string): AllUnits | null {
  const t = thaiDigitsToArabic(text.replace(/\s+/g, ' ').trim());
  for (const p of ALL_PATTERNS) {
    const m = p.re.exec(t);
    if (m) return describe(p, m);
  }
  return null;
}

const SEPARATORS = /[\n/+,;、]+/;
/** Where an all-units wording was: inside parentheses it stands for all of the office's divisions. */
const ALL_MARK = '\u0001';

/**
 * A unit cell as working groups write it: one unit, or several separated by line breaks, `/`,
 * `+` or `,`; a division in parentheses after its office (`สำนักงานจังหวัดระยอง (กง.บุคคลฯ)`,
 * `(กง.บุคคลฯ + กง.ยุทธศาสตร์ฯ)`: the units in parentheses are assigned, the office is their
 * parent — or nothing when it is the organization itself); the all-units wordings; and an
 * explanation instead of a unit (`ไม่มี เนื่องจาก…`).
 */
export function parseUnitCell(text: string, orgName = ''): UnitCell {
  const out: UnitCell = { units: [], all: null, notApplicable: null };
  const flat = text.replace(/\s+/g, ' ').trim();
  if (/^ไม่มี/.test(flat)) return { ...out, notApplicable: flat };
  let body = thaiDigitsToArabic(joinWrapped(cellLines(text)).join('\n'));
  // All-units wordings anywhere in the cell (inside parentheses too), then the units left.
  for (const p of ALL_PATTERNS) {
    const re = new RegExp(p.re.source, `${p.re.flags}gm`);
    body = body.replace(re, (...m) => {
      out.all ??= describe(p, m as unknown as RegExpExecArray);
      return `\n${ALL_MARK}\n`;
    });
  }
  const orgKey = unitKey(orgName);
  let lastName: UnitName | null = null;
  for (const part of parenParts(body)) {
    if ('text' in part) {
      for (const name of part.text.split(SEPARATORS).map(clean).filter((x) => x && x !== ALL_MARK)) {
        lastName = { name, key: unitKey(name) };
        out.units.push(lastName);
      }
      continue;
    }
    const inner = part.group.split(SEPARATORS).map(clean).filter((x) => x && x !== ALL_MARK);
    if (inner.length === 0 && !part.group.includes(ALL_MARK)) continue;
    if (inner.length > 0 && inner.every((x) => /^(หลัก|ร่วม|main|co|เฉพาะ|ถ้ามี|ยกเว้น)/i.test(x))) continue;
    // "X (A + B)": A and B are X's divisions, X itself is not assigned; "X (ทุกกลุ่มงาน)": all of them.
    const parent = lastName && out.units.at(-1) === lastName ? out.units.pop()! : null;
    for (const name of inner) {
      const u: UnitName = { name, key: unitKey(name) };
      if (parent && parent.key !== orgKey) u.parent = { name: parent.name, key: parent.key };
      out.units.push(u);
    }
    lastName = null;
  }
  return out;
}

/** Lines a cell broke in the middle of a name ("สนง.โยธาธิการและ⏎ผังเมืองฯ", "…⏎ที่มีการให้บริการ…"). */
function joinWrapped(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    if (prev !== undefined && /(และ|หรือ)$/.test(prev)) out[out.length - 1] = prev + line;
    // A generic word alone ("กลุ่มงาน⏎ยุทธศาสตร์"): the name went on on the next line.
    else if (prev !== undefined && /^(กลุ่มงาน|กลุ่ม|กอง|งาน|สำนักงาน|สำนัก|ฝ่าย|ศูนย์|ส่วน)$/.test(prev)) out[out.length - 1] = `${prev} ${line}`;
    else if (prev !== undefined && /^(ที่|ของ|ใน|ตาม)/.test(line) && !/[/+,]$/.test(prev)) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

type Part = { text: string } | { group: string };

/** Splits text into plain runs and parenthesised groups (an unclosed one runs to the end). */
function parenParts(s: string): Part[] {
  const parts: Part[] = [];
  let buf = '';
  let depth = 0;
  for (const ch of s) {
    if (depth === 0 && ch === '(') {
      if (buf.trim()) parts.push({ text: buf });
      buf = '';
      depth = 1;
      continue;
    }
    if (depth > 0) {
      if (ch === '(') depth++;
      if (ch === ')' && --depth === 0) {
        parts.push({ group: buf });
        buf = '';
        continue;
      }
    }
    buf += ch;
  }
  if (buf.trim()) parts.push(depth > 0 ? { group: buf } : { text: buf });
  return parts;
}

/** A unit's name as shown: spaces squashed, a wrap space before "และ" dropped. */
function clean(s: string): string {
  if (s.trim() === ALL_MARK) return ALL_MARK;
  return s.replace(/[()]/g, ' ').replace(/\s+/g, ' ').replace(/ และ/g, 'และ').trim();
}
