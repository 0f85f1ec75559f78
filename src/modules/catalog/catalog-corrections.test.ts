import { describe, expect, it } from 'vitest';
import { readBuiltInCatalogs } from './catalog.data.ts';

/**
 * Issue 8 item 9: corrections found by checking the built-in catalogs against the seeds. Each
 * expectation pins one; the wrong form must be gone from the whole year's text.
 */
const catalog = (year: number) => readBuiltInCatalogs().find((c) => c.year === year)!;
const item = (year: number, code: string) => catalog(year).items.find((i) => i.code === code)!;
const text = (year: number) => JSON.stringify(catalog(year).items);

describe('2566 catalog corrections', () => {
  it('puts O39–O41 under 10.2 (10.1 = O31–O38, 10.2 = O39–O43)', () => {
    const by = (sub: string) => catalog(2566).items.filter((i) => i.subIndicator === sub).map((i) => i.number);
    expect(by('10.1')).toEqual([31, 32, 33, 34, 35, 36, 37, 38]);
    expect(by('10.2')).toEqual([39, 40, 41, 42, 43]);
  });

  it('titles sub-indicator 9.3 "การจัดซื้อจัดจ้าง"', () => {
    expect(catalog(2566).subIndicators.find((s) => s.code === '9.3')!.title).toBe('การจัดซื้อจัดจ้าง');
  });

  it('titles O12 as 000 does', () => {
    expect(item(2566, 'O12').title).toBe('รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน');
  });

  it.each([
    ['O43', 'QR Code', 'OR code'],
    ['O9', 'เว็บไซต์ของหน่วยงาน', 'เว็บไซของหน่วยงาน'],
    ['O24', 'ในข้อ O23', 'ข้อ 023'],
    ['O35', 'ตามข้อ O34', 'ข้อ 034'],
    ['O36', '(1) โครงการ/กิจกรรม (2) งบประมาณ', '(1)โครงการ'],
    ['O40', 'คณะทำงานขับเคลื่อนเรื่องจริยธรรม', 'คณะทำงาน ขับเคลื่อน'],
    ['O40', 'พฤติกรรมสีเทา', 'พฤติกรรม สีเทา'],
  ])('fixes %s: "%s" (was "%s")', (code, right, wrong) => {
    expect(item(2566, code).components.join(' ')).toContain(right);
    expect(text(2566)).not.toContain(wrong);
  });
});

describe('2567 catalog corrections: line-wrap spaces inside phrases', () => {
  it.each([
    ['O2', 'ช่องทางการติดต่อของผู้บริหาร', 'ช่องทาง การติดต่อ'],
    ['O22', 'เรื่องร้องเรียนการทุจริต', 'เรื่องร้องเรียน การทุจริต'],
    ['O33', 'เพื่อป้องกันการทุจริต', 'เพื่อป้องกัน การทุจริต'],
  ])('%s: "%s"', (code, right, wrong) => {
    expect(item(2567, code).components.join(' ')).toContain(right);
    expect(text(2567)).not.toContain(wrong);
  });
});

describe('2568 catalog corrections', () => {
  it('joins the titles the PDF wrapped (O9, O22, O23)', () => {
    expect(item(2568, 'O9').title).toBe('คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ');
    expect(item(2568, 'O22').title).toBe('รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา');
    expect(item(2568, 'O23').title).toBe('การประเมินความเสี่ยงที่อาจเกิดการให้/รับสินบนจากการดำเนินงานตามภารกิจของหน่วยงานประจำปี พ.ศ. 2568');
  });

  it.each([
    ['O9', 'การปฏิบัติที่ผู้รับบริการ', 'การปฏิบัติที่ ผู้รับบริการ'],
    ['O17', 'ช่วงเวลาการกระทำความผิด', 'การกระทำ ความผิด'],
    ['O17', 'ชื่อ-สกุลของผู้ถูกร้อง', 'ชื่อ-สกุล ของ'],
    ['O22', 'โดยธรรมจรรยา', 'โดย ธรรมจรรยา'],
    ['O22', 'ว่าด้วยการป้องกันและปราบปรามการทุจริต', 'ว่าด้วยการ ป้องกัน'],
    ['O23', 'การอำนวยความสะดวกในการพิจารณาอนุญาต', 'การอำนวยการ ความสะดวก'],
    ['O23', 'รับสินบนจากการดำเนินงาน', 'รับสินบนจาก การ'],
    ['O19', 'จำนวนเรื่องที่ดำเนินการแล้วเสร็จ', 'ยื่นการแล้วเสร็จ'],
  ])('joins or fixes %s components: "%s"', (code, right, wrong) => {
    expect(item(2568, code).components.join(' ')).toContain(right);
    expect(text(2568)).not.toContain(wrong);
  });

  it('gives O13 the e-GP letter reference O12 has', () => {
    expect(item(2568, 'O12').notes.join(' ')).toContain('ด่วนที่สุดที่ กค 0405.4/ว 322');
    expect(item(2568, 'O13').notes.join(' ')).toContain('ตามหนังสือกรมบัญชีกลาง ด่วนที่สุดที่ กค 0405.4/ว 322 ลงวันที่ 24 สิงหาคม 2560');
    expect(text(2568)).not.toContain('๓๓๓๓');
  });

  it('joins the wrap spaces of the scoring rules and the form name ITA-๐22', () => {
    for (const i of catalog(2568).items) {
      for (const wrong of ['เปิดเผย ข้อมูล', 'เปิด เผย', 'ไม่ เป็นไป', 'ไม่ ครบถ้วน', 'ครบถ้วน ตาม', 'เป็นไป ตาม', 'ที่ กำหนด', 'และ เผยแพร่', 'ITA- ']) {
        expect(i.scoring, `${i.code}: ${wrong}`).not.toContain(wrong);
      }
    }
    expect(item(2568, 'O22').scoring).toContain('แบบฟอร์ม ITA-๐22 ตามภาคผนวก ก.');
  });

  it('joins the wrap spaces of O12\'s and O14\'s notes', () => {
    expect(item(2568, 'O12').notes.join(' ')).toContain('ของข้อมูลงบรายจ่าย ประเภทอื่น');
    expect(item(2568, 'O12').notes.join(' ')).toContain('(3) ราคาที่ตกลงซื้อหรือจ้าง');
    expect(item(2568, 'O14').notes.join(' ')).toContain('และแผนพัฒนาทรัพยากรบุคคล');
  });
});
