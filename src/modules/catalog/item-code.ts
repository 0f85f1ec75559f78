import { errors } from '../../shared/errors.ts';
import { thaiDigitsToArabic } from '../../shared/thai-text.ts';

/**
 * Item codes arrive as O1, o1, O01, 01, 010, ๐1, ๐๑๐, ○13, 029, "ข้อ 12", "O 12", "ข้อที่ 12".
 * In the source documents the letter O is often typed as the digit 0, Thai ๐ or the symbol ○,
 * so a leading zero is read as that letter. Returns the item number, or null when the input is
 * not an item code at all.
 */
export function parseItemNumber(input: string): number | null {
  let s = thaiDigitsToArabic(String(input)).normalize('NFKC').trim();
  s = s.replace(/^(สถานะ\s*)?(ข้อที่|ข้อ)\s*/u, '');
  s = s.replace(/^[OoＯｏ○◯〇⭕Ｏ]\s*/u, '');
  s = s.replace(/\s+/g, '');
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number.parseInt(s, 10);
  return n >= 1 ? n : null;
}

/** Resolves an item code against a year's catalog size, or throws an error naming the valid range. */
export function resolveItemNumber(input: string, year: number, itemCount: number): number {
  const n = parseItemNumber(input);
  if (n === null) throw errors.itemCodeInvalid(String(input));
  if (n > itemCount) throw errors.itemOutOfRange(String(input), year, itemCount);
  return n;
}

export const itemCode = (n: number): string => `O${n}`;
