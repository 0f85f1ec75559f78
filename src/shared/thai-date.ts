import { thaiDigitsToArabic } from './thai-text.ts';

/** All dates users see and type are Buddhist Era (CE + 543), Asia/Bangkok. */
export const BANGKOK = 'Asia/Bangkok';
export const BE_OFFSET = 543;

const MONTHS: Array<[number, string[]]> = [
  [1, ['มกราคม', 'ม.ค.', 'มค']],
  [2, ['กุมภาพันธ์', 'ก.พ.', 'กพ']],
  [3, ['มีนาคม', 'มี.ค.', 'มีค']],
  [4, ['เมษายน', 'เม.ย.', 'เมย']],
  [5, ['พฤษภาคม', 'พ.ค.', 'พค']],
  [6, ['มิถุนายน', 'มิ.ย.', 'มิย']],
  [7, ['กรกฎาคม', 'ก.ค.', 'กค']],
  [8, ['สิงหาคม', 'ส.ค.', 'สค']],
  [9, ['กันยายน', 'ก.ย.', 'กย']],
  [10, ['ตุลาคม', 'ต.ค.', 'ตค']],
  [11, ['พฤศจิกายน', 'พ.ย.', 'พย']],
  [12, ['ธันวาคม', 'ธ.ค.', 'ธค']],
];

function monthFromName(name: string): number | null {
  const n = name.replace(/\s/g, '');
  for (const [m, names] of MONTHS) if (names.includes(n)) return m;
  return null;
}

function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A year as typed: 2568 or 68 (BE), or 2025 (CE, only in ISO form). Two digits mean 25xx BE. */
function beYearToCe(y: number): number {
  const be = y < 100 ? 2500 + y : y;
  return be - BE_OFFSET;
}

/**
 * Parses a date as officers write it: ISO 2025-03-31, 31/03/2568, 31-3-68, 31 มี.ค. 2568,
 * 31 มีนาคม 68 (Thai or Arabic digits). Day-first slashes are read as Buddhist Era.
 * Returns an ISO date (YYYY-MM-DD) or null.
 */
export function parseThaiDate(input: string): string | null {
  const s = thaiDigitsToArabic(input).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return iso(y > 2400 ? y - BE_OFFSET : y, Number(m[2]), Number(m[3]));
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) return iso(beYearToCe(Number(m[3])), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s*([^\d\s][^\d]*?)\s*(?:พ\.ศ\.\s*)?(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = monthFromName(m[2]!);
    if (month) return iso(beYearToCe(Number(m[3])), month, Number(m[1]));
  }
  return null;
}

const longFmt = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const shortFmt = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'UTC', day: 'numeric', month: 'short', year: '2-digit' });
const dateTimeFmt = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
  timeZone: BANGKOK, day: 'numeric', month: 'short', year: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** "31 มีนาคม 2568" (long) or "31 มี.ค. 68" (short), from an ISO date. */
export function formatThaiDate(isoDate: string, style: 'long' | 'short' = 'short'): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return (style === 'long' ? longFmt : shortFmt).format(d).replace('พ.ศ. ', '');
}

export function formatThaiDateTime(at: Date): string {
  return dateTimeFmt.format(at);
}

const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: BANGKOK, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Bangkok as ISO YYYY-MM-DD. */
export function bangkokDate(at: Date): string {
  return ymd.format(at);
}

/** Days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Fiscal year (BE) of an ISO date: FY 2568 runs 2024-10-01 … 2025-09-30. */
export function fiscalYearBE(isoDate: string): number {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return (m >= 10 ? y + 1 : y) + BE_OFFSET;
}
