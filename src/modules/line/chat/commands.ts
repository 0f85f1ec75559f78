import { parseItemNumber } from '../../catalog/item-code.ts';
import { squashSpaces, thaiDigitsToArabic } from '../../../shared/thai-text.ts';

export type Command =
  | { kind: 'help' }
  | { kind: 'my' }
  | { kind: 'summary' }
  | { kind: 'pending' }
  | { kind: 'item'; number: number; code: string }
  | { kind: 'link'; code: string }
  | { kind: 'register'; code: string }
  | { kind: 'return'; number: number | null; code: string; reason: string }
  /** `ลิงก์ O12 <url> [คำอธิบาย]`: number and url are null when the command is incomplete. */
  | { kind: 'evidence'; number: number | null; code: string; url: string | null; label: string | null }
  /** `สรุปรายวัน เปิด|ปิด` in a group: opt the group in or out of the daily summary (null: show the setting). */
  | { kind: 'daily'; on: boolean | null }
  | { kind: 'unknown' };

const WORDS: Array<[Command['kind'], string[]]> = [
  ['help', ['ช่วยเหลือ', 'help', 'วิธีใช้', 'คำสั่ง', 'เมนู', 'menu', '?']],
  ['my', ['งานของฉัน', 'งานฉัน', 'my', 'mytasks', 'myitems', 'mywork']],
  ['summary', ['สรุป', 'summary', 'สรุปผล', 'ความคืบหน้า']],
  ['pending', ['ค้าง', 'รายการค้าง', 'งานค้าง', 'pending', 'ข้อค้าง']],
];

/** Thai digits, full-width forms, zero-width spaces and runs of spaces: every spelling officers type. */
export function normaliseText(s: string): string {
  return squashSpaces(thaiDigitsToArabic(s.normalize('NFKC')).replace(/[\u200b-\u200d\ufeff]/g, ''));
}

/** Removes @mentions (e.g. of the bot) so "@ITA bot ค้าง" reads as "ค้าง". */
export function stripMentions(text: string, mentionees: ReadonlyArray<{ index: number; length: number }> = []): string {
  let out = text;
  for (const m of [...mentionees].sort((a, b) => b.index - a.index)) out = out.slice(0, m.index) + ' ' + out.slice(m.index + m.length);
  return out;
}

const ITEM_TOKEN = String.raw`(?:ข้อที่|ข้อ)?\s*[OoＯｏ○◯〇]?\s*\d{1,3}`;
const RETURN_RE = new RegExp(String.raw`^(?:ส่งกลับ|return)\s*(${ITEM_TOKEN})\s+(.+)$`, 'isu');
const EVIDENCE_WORD = String.raw`(?:ลิงก์หลักฐาน|ลิงค์หลักฐาน|แนบลิงก์|แนบลิงค์|แนบหลักฐาน|ลิงก์|ลิงค์|หลักฐาน|evidence)`;
const EVIDENCE_RE = new RegExp(String.raw`^${EVIDENCE_WORD}\s*(${ITEM_TOKEN})\s+(\S+)(?:\s+(.+))?$`, 'isu');
const EVIDENCE_BARE_RE = new RegExp(String.raw`^${EVIDENCE_WORD}(?:\s|$)`, 'iu');

/** A description starts with Thai text or an opening quote or bracket; a URL's continuation does not. */
const LABEL_START = /^[\u0E00-\u0E7F"“'‘(\[（【«-]/u;

/**
 * `ลิงก์ O12 <url> [คำอธิบาย]`: the description follows the URL on its line (when it reads as one) or
 * on the next lines. Anything else after a space is a URL with a space in it, kept whole so the
 * evidence rules refuse it with a message (cutting it at the space would store the wrong page).
 */
function evidenceParts(raw: string, whole: RegExpExecArray): { url: string; label: string | null } {
  const [line, ...below] = raw.split(/\r?\n/);
  const first = EVIDENCE_RE.exec(normaliseText(line ?? ''));
  if (!first) return { url: whole[2]!, label: whole[3]?.trim() || null };
  let url = first[2]!;
  let sameLine = first[3]?.trim() || null;
  if (sameLine && !LABEL_START.test(sameLine)) {
    url = `${url} ${sameLine}`;
    sameLine = null;
  }
  const label = [sameLine, normaliseText(below.join(' ')).trim() || null].filter(Boolean).join(' ');
  return { url, label: label || null };
}

/**
 * Reads a chat message. In a group a bare number ("12") is ordinary chat, not an item code;
 * "O12", "ข้อ 12", "012" and "สถานะ O12" are item codes everywhere.
 */
export function parseCommand(raw: string, opts: { inGroup: boolean }): Command {
  const text = normaliseText(raw);
  const key = text.toLowerCase().replace(/\s+/g, '');
  for (const [kind, words] of WORDS) if (words.includes(key)) return { kind } as Command;

  let m = /^(?:สรุปรายวัน|daily\s*summary|daily)\s*(เปิด|ปิด|on|off)?$/iu.exec(text);
  if (m) return { kind: 'daily', on: m[1] ? ['เปิด', 'on'].includes(m[1].toLowerCase()) : null };
  m = /^(?:link|ผูกบัญชี|ผูก)\s*(.*)$/isu.exec(text);
  if (m) return { kind: 'link', code: m[1]!.trim() };
  m = /^(?:register|ลงทะเบียน)\s*(.*)$/isu.exec(text);
  if (m) return { kind: 'register', code: m[1]!.trim() };
  m = RETURN_RE.exec(text);
  if (m) {
    const n = parseItemNumber(m[1]!);
    return { kind: 'return', number: n, code: n ? `O${n}` : m[1]!, reason: m[2]!.trim() };
  }
  if (/^(?:ส่งกลับ|return)(?:\s|$)/iu.test(text)) return { kind: 'return', number: null, code: '', reason: '' };
  m = EVIDENCE_RE.exec(text);
  if (m) {
    const n = parseItemNumber(m[1]!);
    return { kind: 'evidence', number: n, code: n ? `O${n}` : m[1]!, ...evidenceParts(raw, m) };
  }
  if (EVIDENCE_BARE_RE.test(text)) return { kind: 'evidence', number: null, code: '', url: null, label: null };

  const code = text.replace(/^(?:สถานะ|status)\s*/iu, '');
  const bareNumber = /^[1-9]\d{0,2}$/.test(code);
  if (!(opts.inGroup && bareNumber)) {
    const n = parseItemNumber(code);
    if (n !== null) return { kind: 'item', number: n, code: `O${n}` };
  }
  return { kind: 'unknown' };
}
