import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, catalogItems, units } from '../../src/db/schema.ts';
import { csvBytes, setupImport } from '../helpers/import-support.ts';

/**
 * Seed 000's table (a provincial office, 2566): the header repeated on every page (once as
 * "<b>ชื่อ</b>" over the code column), section lines between the pages, catalog text spilling onto
 * rows of its own, an item's unit cell continued on the next page's row, codes written 01, ○13,
 * 029, units in parentheses after the office (the organization itself), the all-units wordings
 * with their count, and the abbreviations that make near-duplicates (ก.ย./กง./กก./ก.บ.).
 */
let env: Awaited<ReturnType<typeof setupImport>>;
beforeAll(async () => { env = await setupImport(); });
afterAll(async () => { await env.database.close(); });

const ORG = 'สำนักงานจังหวัดระยอง';
const OFFICE = 'สำนักงานจังหวัดระยอง<br>';
const sheet000 = () => csvBytes([
  ['บัญชีมอบหมายหน่วยงานรับผิดชอบข้อมูล ITA ของจังหวัดระยอง ประจำปีงบประมาณ พ.ศ. 2566', '', '', ''],
  ['ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (30 ข้อมูล) ดังนี้', '', '', ''],
  ['ข้อ', 'ข้อมูล', 'รายละเอียดองค์ประกอบด้านข้อมูล', 'หน่วยรับผิดชอบดำเนินการ'],
  ['01', 'โครงสร้าง', '- แสดงแผนผัง…', `${OFFICE}(ก.ย.ยุทธศาสตร์ฯ)`],
  ['05', 'ข้อมูลการติดต่อ', 'แสดงข้อมูลการติดต่อ…', `${OFFICE}(ก.ย.ยุทธศาสตร์ฯ)`],
  ['ข้อ', 'ข้อมูล', 'รายละเอียดองค์ประกอบด้านข้อมูล', 'หน่วยรับผิดชอบดำเนินการ'],
  ['', '', '(3) E-mail<br>(4) แผนที่ตั้ง', ''],
  ['O6', 'กฎหมายที่เกี่ยวข้อง', '- แสดงกฎหมาย…', 'สำนักงานจังหวัดระยอง (กง.บุคคลฯ)'],
  ['O7', 'ข่าวประชาสัมพันธ์', '- แสดงข้อมูลข่าวสาร…', `${OFFICE}(ทุกกลุ่มงาน)`],
  ['O8', 'Q&A', '- แสดงตำแหน่ง…', `${OFFICE}(กง.ยุทธศาสตร์ฯ)`],
  ['O9', 'Social Network', '- แสดงตำแหน่ง…', `${OFFICE}(กง.ยุทธศาสตร์ฯ)`],
  ['○14', 'คู่มือหรือมาตรฐานการปฏิบัติงาน', '…', `${OFFICE}(กง.บุคคลฯ)<br>และส่วนราชการประจำจังหวัด 31 ส่วนราชการ`],
  ['○16', 'ข้อมูลเชิงสถิติการให้บริการ', '…', 'สำนักงานสถิติจังหวัดระยอง<br>และส่วนราชการประจำจังหวัด 31 ส่วนราชการ'],
  ['029', 'การเปิดโอกาสให้เกิดการมีส่วนร่วม', '…', '<p>สำนักงานจังหวัดระยอง</p> <p>(กง.บุคคลฯ + กง.ยุทธศาสตร์ฯ)</p> <p>และส่วนราชการประจำจังหวัด 31 ส่วนราชการ</p>'],
  ['030', 'การประกาศเจตนารมณ์…', '…', 'ส่วนราชการประจำจังหวัด 32 ส่วนราชการ'],
  ['ตัวชี้วัดที่ 10 การป้องกันการทุจริต (13 ข้อมูล) ดังนี้', '', '', ''],
  ['ข้อ', 'ข้อมูล', 'รายละเอียดองค์ประกอบด้านข้อมูล', 'หน่วยรับผิดชอบดำเนินการ'],
  ['031', 'เจตจำนงสุจริตของผู้บริหาร', '…', '<p>สำนักงานจังหวัดระยอง</p> <p>(กง.บุคคลฯ)</p>'],
  ['', '', '', ''],
  ['', '', '', 'และส่วนราชการประจำจังหวัด 31 ส่วนราชการ'],
  ['<b>ชื่อ</b>', '<b>ข้อมูล</b>', '<b>รายละเอียดองค์ประกอบด้านข้อมูล</b>', '<b>หน่วยรับผิดชอบดำเนินการ</b>'],
  ['○40', 'การขับเคลื่อนจริยธรรม', '…', `${OFFICE}(กก.บุคคลฯ)<br>และส่วนราชการประจำจังหวัด 31 ส่วนราชการ`],
  ['○43', 'การดำเนินการตามมาตรการ…', '…', '<p>สำนักงานจังหวัดระยอง<br/>         (ก.บ.บุคคลฯ)<br/>         และส่วนราชการประจำจังหวัด 31 ส่วนราชการ</p>'],
]);

describe('a sheet shaped like seed 000', () => {
  it('skips repeated headers and section lines, continues an item over a page break, and asks about the abbreviations', async () => {
    const actor = await env.createOrg(ORG);
    const dry = await env.imports.importSheet(actor, { fileName: 'rayong2566.csv', bytes: sheet000(), year: 2566, dryRun: true });
    const r = dry.report!;
    expect(r.errors).toEqual([]);
    expect(r.skipped.map((s) => `${s.row}:${s.why}`)).toEqual(['6:repeated_header', '16:heading', '17:repeated_header', '20:continued_cell', '21:repeated_header']);
    expect(r.skipped.find((x) => x.why === 'continued_cell')).toMatchObject({ into: 18, text: 'และส่วนราชการประจำจังหวัด 31 ส่วนราชการ' });
    expect(r.notes.allUnits.map((a) => `${a.item}:${a.count ?? '-'}`)).toEqual(['O7:-', 'O14:31', 'O16:31', 'O29:31', 'O30:32', 'O31:31', 'O40:31', 'O43:31']);
    expect(r.unitsToCreate.map((u) => u.name).sort()).toEqual(['ก.บ.บุคคลฯ', 'ก.ย.ยุทธศาสตร์ฯ', 'กก.บุคคลฯ', 'กง.บุคคลฯ', 'กง.ยุทธศาสตร์ฯ', 'สำนักงานสถิติจังหวัดระยอง']);
    expect(r.unitsToCreate.every((u) => u.parent === null)).toBe(true); // the office is the organization itself
    expect(r.nearDuplicates.map((d) => `${d.suggestion.alias} → ${d.suggestion.to}`).sort()).toEqual([
      'ก.บ.บุคคลฯ → กง.บุคคลฯ', 'ก.ย.ยุทธศาสตร์ฯ → กง.ยุทธศาสตร์ฯ', 'กก.บุคคลฯ → กง.บุคคลฯ',
    ]);

    for (const d of r.nearDuplicates) await env.aliases.add(actor, 'unit', d.suggestion.alias, d.suggestion.to);
    const s = await env.imports.importSheet(actor, { fileName: 'rayong2566.csv', bytes: sheet000(), year: 2566 });
    expect(s.unitsCreated).toBe(3);
    const rows = await env.db
      .select({ code: catalogItems.code, unit: units.name, resp: assignments.responsibility })
      .from(assignments).innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId)).innerJoin(units, eq(units.id, assignments.unitId))
      .where(eq(assignments.orgId, actor.orgId));
    const of = (code: string) => rows.filter((x) => x.code === code).map((x) => `${x.unit}:${x.resp}`).sort();
    expect(of('O1')).toEqual(['กง.ยุทธศาสตร์ฯ:main']);
    expect(of('O29')).toEqual(['กง.บุคคลฯ:main', 'กง.ยุทธศาสตร์ฯ:main', 'สำนักงานสถิติจังหวัดระยอง:co']);
    expect(of('O31')).toEqual(['กง.บุคคลฯ:main', 'กง.ยุทธศาสตร์ฯ:co', 'สำนักงานสถิติจังหวัดระยอง:co']);
  });
});
