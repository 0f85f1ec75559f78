import { allUnitsIn, type AllUnits } from './units.ts';
import { cellLines } from './text.ts';

/** One entry of a people cell. */
export type PersonEntry =
  | { kind: 'person'; name: string; position: string | null }
  /** A position with no name (seed 004: "ผู้อำนวยการ กองบริหารทรัพยากร"): its holder, to be linked later. */
  | { kind: 'position'; position: string }
  /** A unit named where a person is expected (seed 004: "งานยุทธศาสตร์ และบุคลากร" reports the item). */
  | { kind: 'unit'; name: string }
  | { kind: 'all'; all: AllUnits };

const HONORIFICS = ['นางสาว', 'น.ส.', 'นส.', 'นาง', 'นาย', 'ว่าที่ร้อยตรี', 'ว่าที่ ร.ต.', 'ว่าที่ร.ต.', 'ดร.', 'พ.ต.อ.', 'พ.ต.ท.', 'ร.ต.อ.', 'จ.ส.อ.', 'Mr.', 'Mrs.', 'Ms.', 'Miss'];
/** Position words (ผอ. = director, นวค. = policy and plan analyst, รก. = acting, …). */
const POSITION = /^(นายกเทศมนตรี|นายกองค์การ|นายก\s*อบ|ผู้อำนวยการ|ผอ\.?|รอง|หัวหน้า|นัก|นวค\.?|นิติกร|เจ้าพนักงาน|จพง\.|เจ้าหน้าที่|พนง\.|พนักงาน|ปลัด|รก\.|รักษาราชการ|ผู้ช่วย|ผู้ว่าราชการ|ผวจ\.|เลขานุการ|เลขาธิการ|ผู้จัดการ|ผู้บริหาร|ผู้ตรวจ|ผู้เชี่ยวชาญ|ผู้ประสานงาน|ครู|อาจารย์|ประธาน|กรรมการ(?!บริหาร)|ข้าราชการ|ลูกจ้าง|director|head|officer|analyst|manager)/iu;
/** Unit words: งาน, กอง, กลุ่มงาน, ก./กง. (กลุ่มงาน), สำนัก, สนง./สนจ., ฝ่าย, ศูนย์, คณะกรรมการ… */
const UNIT = /^(งาน|กอง|กลุ่มงาน|กลุ่ม|กง\.|กก\.|ก\.|สำนัก|สนง\.|สนจ\.|ฝ่าย|ส่วน(?!ราชการที่)|ศูนย์|คณะกรรมการ|คณะทำงาน|หน่วย|โรงเรียน|โรงพยาบาล|division|section|unit|office)/iu;

const honorificOf = (s: string) => HONORIFICS.find((h) => s.startsWith(h) && !(h === 'นาย' && /^นายก(เทศมนตรี|องค์การ|\s*อบ)/.test(s)));

/**
 * A cell naming one or several people as working groups write them: a name over two lines, a name
 * followed by its position, several people separated by line breaks, commas, `/` or numbering
 * (`1.`, `2)`), positions alone, units, and the all-units wordings.
 */
export function parsePeopleCell(text: string): PersonEntry[] {
  const pieces = cellLines(text)
    .flatMap((l) => l.split(/\s*[,;/]\s*|\s+(?=(?:\d{1,2}[.)]|\(\d{1,2}\))\s*\S)/))
    .map((p) => p.replace(/^(?:\d{1,2}[.)]|\(\d{1,2}\))\s*/, '').trim())
    .filter(Boolean);
  const out: PersonEntry[] = [];
  let open: { entry: Extract<PersonEntry, { kind: 'person' }>; needsSurname: boolean } | null = null;
  for (const piece of pieces) {
    const all = allUnitsIn(piece);
    if (all) {
      out.push({ kind: 'all', all });
      open = null;
      continue;
    }
    const h = honorificOf(piece);
    if (h) {
      const words = piece.slice(h.length).trim().split(' ').filter(Boolean);
      const nameWords = takeName(words);
      const rest = words.slice(nameWords.length).join(' ');
      const entry = { kind: 'person' as const, name: `${h}${nameWords.join(' ')}`, position: rest || null };
      out.push(entry);
      open = { entry, needsSurname: nameWords.length < 2 && !rest };
      continue;
    }
    if (open?.needsSurname && looksLikeSurname(piece)) {
      // The name went on over the line: "นายสมศักดิ์⏎แก้วเกลี้ยง⏎นักวิชาการ…".
      const words = piece.split(' ');
      const surname = takeName(['', ...words]).slice(1);
      open.entry.name = `${open.entry.name} ${surname.join(' ')}`;
      const rest = words.slice(surname.length).join(' ');
      if (rest) open.entry.position = rest;
      open.needsSurname = false;
      continue;
    }
    if (POSITION.test(piece)) {
      if (open) {
        open.entry.position = open.entry.position ? `${open.entry.position} ${piece}` : piece;
        open.needsSurname = false;
      } else out.push({ kind: 'position', position: piece });
      continue;
    }
    if (UNIT.test(piece)) {
      out.push({ kind: 'unit', name: piece.replace(/ และ/g, 'และ') });
      open = null;
      continue;
    }
    // A name without honorific: its first two words (three with "ณ"), the rest its position.
    const words = piece.split(' ');
    const nameWords = takeName(words);
    const entry = { kind: 'person' as const, name: nameWords.join(' '), position: words.slice(nameWords.length).join(' ') || null };
    out.push(entry);
    open = { entry, needsSurname: false };
  }
  return out;
}

/** A line right after "นาย…" alone: a surname unless it is plainly a position ("นิติกรชำนาญการ"). */
function looksLikeSurname(piece: string): boolean {
  const words = piece.split(' ');
  if (words.length > 2 && words[0] !== 'ณ') return false;
  return !/(ชำนาญการ|ปฏิบัติการ|ชำนาญงาน|ปฏิบัติงาน|อาวุโส|ทรงคุณวุฒิ)/.test(piece) && !/^(ผอ\.|ผู้อำนวยการ|นวค\.|รก\.|หัวหน้า|พนง\.|จพง\.|เจ้าพนักงาน|เจ้าหน้าที่)/.test(piece);
}

/** First name and surname; a surname may start with "ณ" ("ณ มณี", "ณ อยุธยา"). */
function takeName(words: string[]): string[] {
  if (words.length <= 1) return words;
  if (words[1] === 'ณ' && words.length >= 3) return words.slice(0, 3);
  return words.slice(0, 2);
}
