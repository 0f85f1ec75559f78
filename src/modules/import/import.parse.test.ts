import { describe, expect, it } from 'vitest';
import { fieldOf } from './import.headers.ts';
import { parseSheet } from './import.parse.ts';
import { isAllUnits, parseDue, parseResponsibility, parseRole } from './import.values.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Thai Windows code page: U+0E01–U+0E5B are bytes 0xA1–0xFB, ASCII is unchanged. */
const cp874 = (s: string) => new Uint8Array([...s].map((c) => (c.charCodeAt(0) >= 0x0e01 ? c.charCodeAt(0) - 0x0d60 : c.charCodeAt(0))));

describe('reading sheets', () => {
  it('reads a UTF-8 CSV with a BOM and quoted cells holding line breaks, keeping spreadsheet row numbers', async () => {
    const csv = '\ufeffข้อ,หน่วยงาน,ชื่อ-สกุล,บทบาท\r\nO1,"กลุ่มงาน\nยุทธศาสตร์","นายสมชาย\r\nตัวอย่าง",ผู้จัดทำ\r\n,,,\r\n"O2","ก, อำนวยการ",,\r\n';
    const sheet = await parseSheet('a.csv', utf8(csv));
    expect(sheet.headers).toEqual(['ข้อ', 'หน่วยงาน', 'ชื่อ-สกุล', 'บทบาท']);
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: { item: 'O1', unit: 'กลุ่มงาน\nยุทธศาสตร์', officer: 'นายสมชาย\r\nตัวอย่าง', role: 'ผู้จัดทำ' }, roleCells: [] },
      { rowNumber: 4, cells: { item: 'O2', unit: 'ก, อำนวยการ' }, roleCells: [] },
    ]);
  });

  it('reads a CSV saved by Thai Excel (windows-874) and semicolon- or tab-separated files', async () => {
    const a = await parseSheet('a.csv', cp874('ข้อ;หน่วยงาน\nO1;กลุ่มงานอำนวยการ\n'));
    expect(a.rows[0]!.cells).toEqual({ item: 'O1', unit: 'กลุ่มงานอำนวยการ' });
    const b = await parseSheet('b.tsv', utf8('item\tunit\nO3\tFinance\n'));
    expect(b.rows[0]!.cells).toEqual({ item: 'O3', unit: 'Finance' });
  });

  it('finds the header row below a title and refuses unknown file types', async () => {
    const sheet = await parseSheet('a.csv', utf8('การมอบหมายภารกิจ ITA 2568,,\nข้อที่,หน่วยงาน,หมายเหตุ\nO1,ก.หนึ่ง,อะไรก็ได้\n'));
    expect(sheet.rows).toEqual([{ rowNumber: 3, cells: { item: 'O1', unit: 'ก.หนึ่ง' }, roleCells: [] }]);
    await expect(parseSheet('a.pdf', utf8(''))).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
    await expect(parseSheet('a.xlsx', utf8('not a zip'))).rejects.toMatchObject({ code: 'IMPORT_FAILED' });
  });

  it('matches headers in Thai or English whatever the case, spacing, line breaks or hints', () => {
    expect(fieldOf('ชื่อ - สกุล')).toBe('officer');
    expect(fieldOf('ชื่อ-ชื่อสกุล')).toBe('officer');
    expect(fieldOf('Line User ID')).toBe('line_user_id');
    expect(fieldOf('กำหนดส่ง\n(วว/ดด/ปปปป)')).toBe('due');
    expect(fieldOf('หลัก/ร่วม')).toBe('responsibility');
    expect(fieldOf(' ROLE ')).toBe('role');
    expect(fieldOf('หมายเหตุ')).toBeUndefined();
  });
});

describe('reading values', () => {
  it('reads roles, main/co and the all-units marker in Thai or English', () => {
    expect(['ผู้จัดทำ', 'preparer', 'Preparer', 'ผู้กำกับติดตาม', 'supervisor', 'ผู้รับรอง', 'ผู้รับรองข้อมูล', 'x'].map(parseRole))
      .toEqual(['preparer', 'preparer', 'preparer', 'supervisor', 'supervisor', 'certifier', 'certifier', null]);
    expect(['หลัก', 'main', 'ร่วม', 'CO', 'บางส่วน'].map(parseResponsibility)).toEqual(['main', 'main', 'co', 'co', null]);
    expect(['ทุกส่วนราชการ', 'ทุก ส่วนราชการ', 'ทุกหน่วยงาน', 'ALL', 'กลุ่มงานทุกส่วน'].map(isAllUnits)).toEqual([true, true, true, true, false]);
  });

  it('reads due dates in ISO and Buddhist-era forms, and rejects impossible ones', () => {
    expect(parseDue('31/03/2568')).toBe('2025-03-31');
    expect(parseDue('31 มี.ค. 2568')).toBe('2025-03-31');
    expect(parseDue('๓๑ มีนาคม ๒๕๖๘')).toBe('2025-03-31');
    expect(parseDue('31/3/68')).toBe('2025-03-31');
    expect(parseDue('2025-03-31')).toBe('2025-03-31');
    expect(parseDue('31/03/2025')).toBe('2025-03-31');
    expect(parseDue('31/02/2568')).toBeNull();
    expect(parseDue('พรุ่งนี้')).toBeNull();
    expect(parseDue('1482-03-31')).toBeNull();
  });
});
