import { describe, expect, it } from 'vitest';
import type { GridRow } from '../import/sheet/grid.ts';
import { contentHash } from './catalog.content.ts';
import { readBuiltInCatalogs } from './catalog.data.ts';
import { catalogRows } from './catalog.export.ts';
import { parseCatalogRows } from './catalog.sheet.ts';
import { splitComponents } from './catalog.text.ts';

const grid = (rows: string[][]): GridRow[] => rows.map((cells, i) => ({ row: i + 1, cells }));
const builtIn = (year: number) => readBuiltInCatalogs().find((c) => c.year === year)!;

describe('reading a catalog sheet', () => {
  it('reads one row per component with Thai headers, the code repeated or left empty', () => {
    const r = parseCatalogRows(grid([
      ['บัญชีรายการ ITA 2569'],
      ['ข้อ', 'ข้อมูล', 'ตัวชี้วัด', 'ตัวชี้วัดย่อย', 'กลุ่ม', 'องค์ประกอบด้านข้อมูล', 'หมายเหตุ', 'ระดับคะแนน', 'ช่วงเวลาของข้อมูล'],
      ['O1', 'โครงสร้างและอำนาจหน้าที่', '9', '9.1 ข้อมูลพื้นฐาน', 'ข้อมูลพื้นฐาน', 'แสดงแผนผังโครงสร้าง*', '*ต้องไม่เป็นการแสดงกฎหมายทั้งฉบับ', '100 คะแนน: ครบ / 0 คะแนน: ไม่ครบ', ''],
      ['', '', '', '', '', 'แสดงอำนาจหน้าที่', '', '', ''],
      ['O2', 'ข่าวประชาสัมพันธ์', '9', '9.1', '', 'แสดงข่าว', '', '', 'ข้อมูลในปี พ.ศ. 2569'],
      ['O3', 'แผนปฏิบัติการป้องกันการทุจริต', '10', '10.1 การป้องกันการทุจริต', 'แผนป้องกันการทุจริต', 'แสดงแผน', '', '', ''],
    ]), { year: 2569, source: 'sheet.xlsx' });
    expect(r.errors).toEqual([]);
    expect(r.content!.subIndicators).toEqual([
      { code: '9.1', indicator: 9, title: 'ข้อมูลพื้นฐาน' },
      { code: '10.1', indicator: 10, title: 'การป้องกันการทุจริต' },
    ]);
    expect(r.content!.items[0]).toEqual({
      code: 'O1', number: 1, indicator: 9, subIndicator: '9.1', group: 'ข้อมูลพื้นฐาน', title: 'โครงสร้างและอำนาจหน้าที่',
      components: ['แสดงแผนผังโครงสร้าง*', 'แสดงอำนาจหน้าที่'], notes: ['*ต้องไม่เป็นการแสดงกฎหมายทั้งฉบับ'],
      scoring: '100 คะแนน: ครบ / 0 คะแนน: ไม่ครบ', dataPeriod: null,
    });
    // No group given: the sub-indicator's title.
    expect(r.content!.items[1]).toMatchObject({ group: 'ข้อมูลพื้นฐาน', dataPeriod: 'ข้อมูลในปี พ.ศ. 2569' });
  });

  it('reads one row per item: bullets in the component cell, "(1) … (2) …" folded, "*" lines as notes, headings as rows, English headers', () => {
    const r = parseCatalogRows(grid([
      ['code', 'title', 'component', 'scoring'],
      ['ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน', '', '', ''],
      ['การประชาสัมพันธ์', '', '', ''],
      ['๐1', 'ข่าว', '○ แสดงข้อมูลข่าวสาร อย่างน้อยประกอบด้วย\n(1) ข่าว (2) ภาพ\n○ เป็นข้อมูลในปี พ.ศ. 2569\n* ไม่รวมถึง E-mail', '<b>100 คะแนน:</b> ครบถ้วน'],
      ['', '', '', '<b>0 คะแนน:</b> ไม่ครบถ้วน'],
    ]), { year: 2569, source: 'a.csv' });
    expect(r.errors).toEqual([]);
    expect(r.content!.items).toEqual([{
      code: 'O1', number: 1, indicator: 9, subIndicator: '9.1', group: 'การประชาสัมพันธ์', title: 'ข่าว',
      components: ['แสดงข้อมูลข่าวสาร อย่างน้อยประกอบด้วย (1) ข่าว (2) ภาพ', 'เป็นข้อมูลในปี พ.ศ. 2569'],
      notes: ['* ไม่รวมถึง E-mail'], scoring: '100 คะแนน: ครบถ้วน / 0 คะแนน: ไม่ครบถ้วน', dataPeriod: null,
    }]);
  });

  it('reports every problem with its row: a numbering gap, an item without components, an unnamed sub-indicator, a conflict', () => {
    const r = parseCatalogRows(grid([
      ['ข้อ', 'ข้อมูล', 'ตัวชี้วัดย่อย', 'องค์ประกอบ'],
      ['O1', 'หนึ่ง', '9.1 ข้อมูลพื้นฐาน', 'ก'],
      ['O1', 'ชื่ออื่น', '', 'ข'],
      ['O2', 'สอง', '9.1', ''],
      ['O4', 'สี่', '9.9', 'ง'],
    ]), { year: 2569, source: 'a.csv' });
    expect(r.content).toBeNull();
    expect(r.errors.map((e) => `${e.row}:${e.reason}`)).toEqual([
      '3:O1 ระบุค่าขัดกัน ("หนึ่ง" และ "ชื่ออื่น")',
      '4:O2 ต้องมีองค์ประกอบด้านข้อมูลอย่างน้อย 1 รายการ',
      '5:ลำดับข้อขาดหาย: ไม่มี O3 (ข้อถัดไปคือ O4) ข้อต้องเรียง O1, O2, … โดยไม่เว้น',
      '5:ไม่รู้จักชื่อของตัวชี้วัดย่อย 9.9: ระบุครั้งหนึ่งเป็น "9.9 <ชื่อตัวชี้วัดย่อย>"',
    ]);
  });

  it.each([2566, 2567, 2568])('reads back its own export of the built-in %s catalog unchanged', (year) => {
    const c = builtIn(year);
    const r = parseCatalogRows(grid(catalogRows(c)), { year, source: c.source });
    expect(r.errors).toEqual([]);
    expect(r.content!.items).toEqual(c.items);
    expect(r.content!.subIndicators).toEqual(c.subIndicators);
    expect(contentHash(r.content!)).toBe(c.contentHash);
  });

  it('splits a component cell without bullets line by line', () => {
    expect(splitComponents('แสดงแผน\nแสดงผล\n*หมายเหตุ')).toEqual({ components: ['แสดงแผน', 'แสดงผล'], notes: ['*หมายเหตุ'] });
  });
});
