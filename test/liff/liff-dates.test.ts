import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMonth } from '../../liff/src/thai-date.ts';

// The page formats dates from month tables instead of Intl (its first Intl.DateTimeFormat costs
// tens of milliseconds in Chromium): the same text as Intl's Buddhist calendar, checked here
// against Node's ICU for every month, both languages and Bangkok's day boundary.
const intl = (locale: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, o);
const LOCALES = { th: 'th-TH-u-ca-buddhist', en: 'en-GB-u-ca-buddhist' } as const;

describe('the LIFF page\'s Buddhist-calendar dates', () => {
  it('shows calendar dates as Intl does (short and long, every month, Thai and English), never shifting a day', () => {
    for (const lang of ['th', 'en'] as const) {
      for (let month = 0; month < 12; month++) {
        for (const day of [1, 9, 28]) {
          const iso = `2025-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const at = new Date(`${iso}T00:00:00Z`);
          for (const style of ['short', 'long'] as const) {
            const want = intl(LOCALES[lang], { timeZone: 'UTC', day: 'numeric', month: style, year: 'numeric' }).format(at).replace('พ.ศ. ', '');
            expect([iso, lang, style, formatDate(iso, lang, style)]).toEqual([iso, lang, style, want]);
          }
        }
      }
    }
    expect(formatDate('2025-03-31', 'th')).toBe('31 มี.ค. 2568');
    expect(formatDate('2025-03-31T23:59:00Z', 'th', 'long')).toBe('31 มีนาคม 2568');
    expect(formatDate('not a date', 'th')).toBe('not a date');
  });

  it('shows timestamps in Bangkok time as Intl does, across midnight and the year\'s end', () => {
    for (const ts of ['2025-01-14T03:05:00Z', '2025-03-31T16:59:00Z', '2025-03-31T17:00:00Z', '2024-12-31T17:30:00Z', '2025-06-30T23:45:10.123Z']) {
      for (const lang of ['th', 'en'] as const) {
        const want = intl(LOCALES[lang], { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
          .format(new Date(ts)).replace('พ.ศ. ', '');
        expect([ts, lang, formatDateTime(ts, lang)]).toEqual([ts, lang, want]);
      }
    }
    expect(formatDateTime('2024-12-31T17:30:00Z', 'th')).toBe('1 ม.ค. 2568 00:30');
    expect(formatDateTime('garbage', 'en')).toBe('garbage');
  });

  it('names a month as Intl does (the overview\'s "ข้อความ LINE เดือนมกราคม 2568")', () => {
    for (const lang of ['th', 'en'] as const) {
      for (let month = 1; month <= 12; month++) {
        const ym = `2025-${String(month).padStart(2, '0')}`;
        const want = intl(LOCALES[lang], { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${ym}-01T00:00:00Z`)).replace('พ.ศ. ', '');
        expect([ym, lang, formatMonth(ym, lang)]).toEqual([ym, lang, want]);
      }
    }
    expect(formatMonth('2025-01', 'th')).toBe('มกราคม 2568');
    expect(formatMonth('2025-13', 'th')).toBe('2025-13');
  });
});
