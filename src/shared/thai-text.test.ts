import { describe, expect, it } from 'vitest';
import { personKey, thaiDigitsToArabic, unitKey } from './thai-text.ts';

describe('name matching', () => {
  it('treats honorific, spacing and line breaks as the same person', () => {
    const k = personKey('นางสาวสมศรี ใจดี');
    for (const v of ['น.ส. สมศรี ใจดี', 'สมศรี  ใจดี', 'นางสาว สมศรี\nใจดี', ' น.ส.สมศรี ใจดี ']) expect(personKey(v)).toBe(k);
    expect(personKey('นายสมชาย ใจดี')).not.toBe(k);
  });
  it('matches units across spacing and line breaks', () => {
    expect(unitKey('กลุ่มงาน\nยุทธศาสตร์')).toBe(unitKey('กลุ่มงาน ยุทธศาสตร์'));
  });
  it('converts Thai digits', () => {
    expect(thaiDigitsToArabic('ข้อ ๑๒')).toBe('ข้อ 12');
  });
});
