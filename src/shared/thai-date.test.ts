import { describe, expect, it } from 'vitest';
import { bangkokDate, daysBetween, fiscalYearBE, formatThaiDate, parseThaiDate } from './thai-date.ts';

describe('Thai dates', () => {
  it.each([
    ['31/03/2568', '2025-03-31'],
    ['31/3/68', '2025-03-31'],
    ['31-03-2568', '2025-03-31'],
    ['31 มี.ค. 2568', '2025-03-31'],
    ['31 มี.ค. 68', '2025-03-31'],
    ['31 มีนาคม 2568', '2025-03-31'],
    ['๓๑ มีนาคม ๒๕๖๘', '2025-03-31'],
    ['1 ต.ค. 2567', '2024-10-01'],
    ['2025-03-31', '2025-03-31'],
    ['2568-03-31', '2025-03-31'],
  ])('reads %s as %s', (input, iso) => {
    expect(parseThaiDate(input)).toBe(iso);
  });

  it.each(['31/02/2568', '32 มี.ค. 2568', 'tomorrow', '', '31 มีน 2568'])('rejects %s', (input) => {
    expect(parseThaiDate(input)).toBeNull();
  });

  it('shows dates in the Buddhist era', () => {
    expect(formatThaiDate('2025-03-31', 'long')).toBe('31 มีนาคม 2568');
    expect(formatThaiDate('2025-03-31')).toBe('31 มี.ค. 68');
  });

  it('uses Bangkok time for "today"', () => {
    expect(bangkokDate(new Date('2025-03-30T17:30:00Z'))).toBe('2025-03-31');
    expect(bangkokDate(new Date('2025-03-30T16:59:00Z'))).toBe('2025-03-30');
  });

  it('counts days and fiscal years', () => {
    expect(daysBetween('2025-03-28', '2025-03-31')).toBe(3);
    expect(fiscalYearBE('2024-10-01')).toBe(2568);
    expect(fiscalYearBE('2025-09-30')).toBe(2568);
  });
});
