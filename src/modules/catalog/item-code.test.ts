import { describe, expect, it } from 'vitest';
import { parseItemNumber, resolveItemNumber } from './item-code.ts';

describe('item codes', () => {
  it.each([
    ['O1', 1], ['o1', 1], ['O01', 1], ['01', 1], ['010', 10], ['๐1', 1], ['๐๑๐', 10],
    ['○13', 13], ['029', 29], ['ข้อ 12', 12], ['O 12', 12], ['ข้อที่ 7', 7], ['ข้อ๑๒', 12],
    [' O28 ', 28], ['Ｏ5', 5], ['12', 12],
  ])('reads %s as item %i', (input, n) => {
    expect(parseItemNumber(input)).toBe(n);
  });

  it.each(['', 'O', 'abc', 'O0', '0', 'O1a', 'ข้อ', '1.2', 'O-1'])('rejects %s', (input) => {
    expect(parseItemNumber(input)).toBeNull();
  });

  it('names the year and valid range when a code is outside the catalog', () => {
    expect(() => resolveItemNumber('O29', 2568, 28)).toThrowError(
      expect.objectContaining({ code: 'ITEM_OUT_OF_RANGE', params: { input: 'O29', year: 2568, max: 28 } }),
    );
    expect(resolveItemNumber('O43', 2566, 43)).toBe(43);
  });

  it('reports garbage as an invalid code, not an out-of-range one', () => {
    expect(() => resolveItemNumber('hello', 2568, 28)).toThrowError(expect.objectContaining({ code: 'ITEM_CODE_INVALID' }));
  });
});
