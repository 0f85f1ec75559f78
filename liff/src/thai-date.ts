import type { Lang } from './types.ts';

// Dates the way the server's src/shared/thai-date.ts shows them: Buddhist Era, Thai month
// names, Asia/Bangkok. Calendar dates (dueOn, YYYY-MM-DD) are already Bangkok dates, so they are
// formatted in UTC to never shift a day; timestamps (ISO UTC) are shown in Bangkok time.
const BANGKOK = 'Asia/Bangkok';
const locale = (lang: Lang) => (lang === 'en' ? 'en-GB-u-ca-buddhist' : 'th-TH-u-ca-buddhist');

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: Lang, kind: 'date' | 'long' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), kind === 'time'
      ? { timeZone: BANGKOK, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }
      : { timeZone: 'UTC', day: 'numeric', month: kind === 'long' ? 'long' : 'short', year: 'numeric' });
    cache.set(key, f);
  }
  return f;
}

/**
 * Builds the list's date format ahead of need. The first Buddhist-calendar Intl.DateTimeFormat of
 * a page load costs tens of milliseconds (ICU loads its locale and calendar data; 30–110 ms in
 * headless Chromium here); main.tsx calls this while liff.init and the first API requests are in
 * flight, so that cost is not paid between the list's answer and its paint.
 */
export function warmDateFormats(lang: Lang): void {
  fmt(lang, 'date').format(0);
}

/** "31 มี.ค. 2568" (short) or "31 มีนาคม 2568" (long) from an ISO calendar date. */
export function formatDate(isoDate: string, lang: Lang, style: 'short' | 'long' = 'short'): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return fmt(lang, style === 'long' ? 'long' : 'date').format(d).replace('พ.ศ. ', '');
}

/** "14 ม.ค. 2568 10:00" from an ISO timestamp, in Bangkok time. */
export function formatDateTime(isoTimestamp: string, lang: Lang): string {
  const d = new Date(isoTimestamp);
  if (Number.isNaN(d.getTime())) return isoTimestamp;
  return fmt(lang, 'time').format(d).replace('พ.ศ. ', '');
}
