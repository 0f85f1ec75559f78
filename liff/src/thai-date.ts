import type { Lang } from './types.ts';

// Dates the way the server's src/shared/thai-date.ts shows them: Buddhist Era, Thai month
// names, Asia/Bangkok. Built from month tables, not Intl.DateTimeFormat: a page load's first
// Intl.DateTimeFormat costs 25–110 ms of main thread in headless Chromium here (ICU loading its
// locale and calendar data), paid before the list could show its first due date. The output is
// what Intl gives for th-TH-u-ca-buddhist / en-GB-u-ca-buddhist (test/liff/liff-dates.test.ts).
const MONTHS: Record<Lang, { short: string[]; long: string[]; era: string }> = {
  th: {
    short: ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'],
    long: ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'],
    era: '',
  },
  en: {
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
    long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    era: ' BE',
  },
};
const BE_OFFSET = 543;
/** Asia/Bangkok is UTC+7 all year (no daylight saving since 1920). */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;

function dayMonthYear(d: Date, lang: Lang, style: 'short' | 'long'): string {
  const t = MONTHS[lang];
  return `${d.getUTCDate()} ${t[style][d.getUTCMonth()]} ${d.getUTCFullYear() + BE_OFFSET}${t.era}`;
}

/** "31 มี.ค. 2568" (short) or "31 มีนาคม 2568" (long) from an ISO calendar date (already a Bangkok date). */
export function formatDate(isoDate: string, lang: Lang, style: 'short' | 'long' = 'short'): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return dayMonthYear(d, lang, style);
}

/** "14 ม.ค. 2568 10:00" from an ISO timestamp, in Bangkok time. */
export function formatDateTime(isoTimestamp: string, lang: Lang): string {
  const ms = new Date(isoTimestamp).getTime();
  if (Number.isNaN(ms)) return isoTimestamp;
  const d = new Date(ms + BANGKOK_OFFSET_MS);
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${dayMonthYear(d, lang, 'short')}${lang === 'en' ? ',' : ''} ${hm}`;
}

/** "มกราคม 2568" from a month "2025-01" (a Bangkok month). */
export function formatMonth(yearMonth: string, lang: Lang): string {
  const [y, mo] = yearMonth.split('-').map(Number);
  if (!y || !mo || mo > 12) return yearMonth;
  const t = MONTHS[lang];
  return `${t.long[mo - 1]} ${y + BE_OFFSET}${t.era}`;
}
