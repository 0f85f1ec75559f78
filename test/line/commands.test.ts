import { describe, expect, it } from 'vitest';
import { parseCommand, stripMentions } from '../../src/modules/line/chat/commands.ts';
import { decodePostback, encodePostback } from '../../src/modules/line/chat/postback.ts';
import { chunkMessages, retryKeyFor } from '../../src/modules/line/webhook/responder.ts';

const dm = (s: string) => parseCommand(s, { inGroup: false });
const grp = (s: string) => parseCommand(s, { inGroup: true });

describe('reading chat commands', () => {
  it('understands Thai and English words with any spacing', () => {
    expect(dm('งานของฉัน').kind).toBe('my');
    expect(dm(' งาน ของ  ฉัน ').kind).toBe('my');
    expect(dm('MY').kind).toBe('my');
    expect(grp('ค้าง').kind).toBe('pending');
    expect(grp('รายการ ค้าง').kind).toBe('pending');
    expect(grp('Pending').kind).toBe('pending');
    expect(grp('สรุป').kind).toBe('summary');
    expect(dm('ช่วยเหลือ').kind).toBe('help');
  });

  it('reads every item-code spelling, Thai digits included', () => {
    for (const s of ['O12', 'o12', 'O 12', 'O012', '012', 'ข้อ 12', 'ข้อที่ 12', 'สถานะ O12', 'สถานะ ข้อ ๑๒', '๐๑๒', '○12', 'Ｏ１２']) {
      expect(dm(s), s).toEqual({ kind: 'item', number: 12, code: 'O12' });
    }
  });

  it('treats a bare number as chat in a group but as an item code in 1:1', () => {
    expect(grp('12').kind).toBe('unknown');
    expect(dm('12')).toMatchObject({ kind: 'item', number: 12 });
    expect(grp('012')).toMatchObject({ kind: 'item', number: 12 });
  });

  it('reads link, register and return with their arguments', () => {
    expect(dm('ผูกบัญชี ABCD-2345')).toEqual({ kind: 'link', code: 'ABCD-2345' });
    expect(dm('link abcd2345')).toEqual({ kind: 'link', code: 'abcd2345' });
    expect(grp('ลงทะเบียน  WXYZ-6789')).toEqual({ kind: 'register', code: 'WXYZ-6789' });
    expect(dm('ส่งกลับ O12 ลิงก์เสีย ใช้ไม่ได้')).toEqual({ kind: 'return', number: 12, code: 'O12', reason: 'ลิงก์เสีย ใช้ไม่ได้' });
    expect(dm('ส่งกลับ ข้อ ๓ ข้อมูลไม่ครบ')).toMatchObject({ kind: 'return', number: 3, reason: 'ข้อมูลไม่ครบ' });
    expect(dm('ส่งกลับ')).toMatchObject({ kind: 'return', number: null });
  });

  it('ignores ordinary chat and strips a mention of the bot', () => {
    expect(grp('ประชุมบ่ายนี้นะคะ').kind).toBe('unknown');
    expect(grp('5 นาที').kind).toBe('unknown');
    const text = '@ITA Bot ค้าง';
    expect(grp(stripMentions(text, [{ index: 0, length: 8 }])).kind).toBe('pending');
  });
});

describe('postback payloads', () => {
  it('round-trips and rejects anything malformed', () => {
    const data = encodePostback({ a: 'approve', id: 123, v: 4 });
    expect(data).toBe('a=approve&id=123&v=4');
    expect(decodePostback(data)).toEqual({ a: 'approve', id: 123, v: 4 });
    expect(decodePostback('a=approve&id=-1&v=4')).toBeNull();
    expect(decodePostback('a=drop_tables')).toBeNull();
    expect(decodePostback('a=approve&id=1')).toBeNull();
    expect(decodePostback('x'.repeat(301))).toBeNull();
  });
});

describe('LINE send limits', () => {
  it('splits messages into requests of at most 5, with a stable UUID retry key per chunk', () => {
    const msgs = Array.from({ length: 12 }, (_, i) => ({ type: 'text' as const, text: String(i) }));
    expect(chunkMessages(msgs).map((c) => c.length)).toEqual([5, 5, 2]);
    expect(retryKeyFor('ev1', 0)).toBe(retryKeyFor('ev1', 0));
    expect(retryKeyFor('ev1', 0)).not.toBe(retryKeyFor('ev1', 1));
    expect(retryKeyFor('ev1', 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('reading the evidence command', () => {
  it('reads `ลิงก์ O12 <url> [คำอธิบาย]` and its other spellings', () => {
    expect(dm('ลิงก์ O12 https://pt.go.th/ita/o12')).toEqual({ kind: 'evidence', number: 12, code: 'O12', url: 'https://pt.go.th/ita/o12', label: null });
    expect(dm('หลักฐาน ข้อ ๑๒ https://pt.go.th/a หน้าแรก  ด้านล่างสุด')).toEqual({ kind: 'evidence', number: 12, code: 'O12', url: 'https://pt.go.th/a', label: 'หน้าแรก ด้านล่างสุด' });
    expect(dm('evidence o3 https://x.go.th')).toMatchObject({ kind: 'evidence', number: 3, url: 'https://x.go.th' });
    expect(dm('แนบลิงก์ O3 https://x.go.th')).toMatchObject({ kind: 'evidence', number: 3 });
  });

  it('an incomplete command asks for usage; a word that merely starts with ลิงก์ is not one', () => {
    expect(dm('ลิงก์')).toMatchObject({ kind: 'evidence', number: null, url: null });
    expect(dm('ลิงก์ O12')).toMatchObject({ kind: 'evidence', url: null });
    expect(dm('ลิงก์อยู่ไหน').kind).toBe('unknown');
  });
});

describe('reading the typed actions', () => {
  it('reads submit, check, certify, not applicable and removing a link, with their item codes', () => {
    expect(dm('ส่งตรวจ O13')).toEqual({ kind: 'submit', number: 13, code: 'O13' });
    expect(dm('ส่งตรวจ ข้อ ๑๓')).toMatchObject({ kind: 'submit', number: 13 });
    expect(dm('ตรวจแล้ว O1')).toEqual({ kind: 'review', step: 'check', number: 1, code: 'O1' });
    expect(dm('รับรอง o1')).toEqual({ kind: 'review', step: 'approve', number: 1, code: 'O1' });
    expect(dm('approve O1')).toMatchObject({ kind: 'review', step: 'approve' });
    expect(dm('ไม่มีข้อมูล O14 เนื่องจากปีนี้ไม่มีโครงการ')).toEqual({ kind: 'notApplicable', number: 14, code: 'O14', reason: 'เนื่องจากปีนี้ไม่มีโครงการ' });
    expect(dm('ลบลิงก์ O3 2')).toEqual({ kind: 'removeEvidence', number: 3, code: 'O3', index: 2 });
    expect(dm('ลบลิงค์ O3 ที่ ๒')).toMatchObject({ kind: 'removeEvidence', index: 2 });
    expect(dm('ลบลิงก์ O3')).toMatchObject({ kind: 'removeEvidence', number: 3, index: null });
  });

  it('a command without its item code or reason asks for usage; removing a link is not adding one', () => {
    expect(dm('ส่งตรวจ')).toMatchObject({ kind: 'submit', number: null });
    expect(dm('รับรอง')).toMatchObject({ kind: 'review', number: null });
    expect(dm('ไม่มีข้อมูล O14')).toMatchObject({ kind: 'notApplicable', number: 14, reason: '' });
    expect(dm('ลบลิงก์ O3 https://x.go.th').kind).toBe('removeEvidence');
    expect(dm('ลบลิงก์ O3 https://x.go.th')).toMatchObject({ number: null });
    expect(grp('รับรองครับ').kind).toBe('unknown');
  });
});
