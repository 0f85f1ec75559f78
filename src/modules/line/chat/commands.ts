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
  /** `ส่งตรวจ O13`: submit the officer's own O13 (number null when the code is missing). */
  | { kind: 'submit'; number: number | null; code: string }
  /** `ตรวจแล้ว O1` (the supervisor's check) or `รับรอง O1` (the certifier's): the reviewer's own step either way. */
  | { kind: 'review'; step: 'check' | 'approve'; number: number | null; code: string }
  /** `ไม่มีข้อมูล O14 <เหตุผล>`: not applicable, with the reason NACC expects published. */
  | { kind: 'notApplicable'; number: number | null; code: string; reason: string }
  /** `ลบลิงก์ O3 <n>`: removes the n-th evidence link (as numbered in the item's detail). */
  | { kind: 'removeEvidence'; number: number | null; code: string; index: number | null }
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

const SUBMIT_WORD = String.raw`(?:ส่งตรวจ|submit)`;
const REVIEW_WORD = String.raw`(ตรวจแล้ว|ตรวจผ่าน|check|รับรอง|approve)`;
const NA_WORD = String.raw`(?:ไม่มีข้อมูล|not\s*applicable|n/a)`;
const REMOVE_WORD = String.raw`(?:ลบลิงก์หลักฐาน|ลบลิงค์หลักฐาน|ลบลิงก์|ลบลิงค์|ลบหลักฐาน|remove\s*link)`;
const SUBMIT_RE = new RegExp(String.raw`^${SUBMIT_WORD}\s*(${ITEM_TOKEN})$`, 'iu');
const REVIEW_RE = new RegExp(String.raw`^${REVIEW_WORD}\s*(${ITEM_TOKEN})$`, 'iu');
const NA_RE = new RegExp(String.raw`^${NA_WORD}\s*(${ITEM_TOKEN})(?:\s+(.+))?$`, 'isu');
const REMOVE_RE = new RegExp(String.raw`^${REMOVE_WORD}\s*(${ITEM_TOKEN})(?:\s+(?:ที่|ลำดับที่|ลำดับ|#)?\s*(\d{1,3}))?$`, 'iu');
/** The word alone (or with something unreadable after it): the command's usage is the answer. */
const bare = (word: string) => new RegExp(String.raw`^${word}(?:\s|$)`, 'iu');
const SUBMIT_BARE_RE = bare(SUBMIT_WORD);
const REVIEW_BARE_RE = bare(REVIEW_WORD);
const NA_BARE_RE = bare(NA_WORD);
const REMOVE_BARE_RE = bare(REMOVE_WORD);

const itemOf = (token: string) => {
  const n = parseItemNumber(token);
  return { number: n, code: n ? `O${n}` : token };
};
const stepOf = (word: string): 'check' | 'approve' => (/^(?:รับรอง|approve)$/iu.test(word) ? 'approve' : 'check');

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
  m = REMOVE_RE.exec(text);
  if (m) return { kind: 'removeEvidence', ...itemOf(m[1]!), index: m[2] ? Number(m[2]) : null };
  if (REMOVE_BARE_RE.test(text)) return { kind: 'removeEvidence', number: null, code: '', index: null };
  m = SUBMIT_RE.exec(text);
  if (m) return { kind: 'submit', ...itemOf(m[1]!) };
  if (SUBMIT_BARE_RE.test(text)) return { kind: 'submit', number: null, code: '' };
  m = REVIEW_RE.exec(text);
  if (m) return { kind: 'review', step: stepOf(m[1]!), ...itemOf(m[2]!) };
  const reviewWord = REVIEW_BARE_RE.exec(text);
  if (reviewWord) return { kind: 'review', step: stepOf(reviewWord[1]!), number: null, code: '' };
  m = NA_RE.exec(text);
  if (m) return { kind: 'notApplicable', ...itemOf(m[1]!), reason: m[2]?.trim() ?? '' };
  if (NA_BARE_RE.test(text)) return { kind: 'notApplicable', number: null, code: '', reason: '' };
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
