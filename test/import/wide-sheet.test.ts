import { and, eq } from 'drizzle-orm';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentPeople, assignments, catalogItems, officers, units } from '../../src/db/schema.ts';
import { setupImport } from '../helpers/import-support.ts';

/**
 * Seed 004's table (an agency with divisions, 2568): no unit column; the reporter column names a
 * section (งาน…), a division or "every unit", the supervisor column a position or two. Header
 * rows repeat at every page break, headings (ตัวชี้วัดย่อยที่ …) sit between items, the "0 คะแนน"
 * half of a scoring rule spills onto its own row, and codes are written ๐1, o11, 017, O24.
 */
let env: Awaited<ReturnType<typeof setupImport>>;
beforeAll(async () => { env = await setupImport(); });
afterAll(async () => { await env.database.close(); });

const HEAD = ['ข้อ', 'ข้อมูล', 'องค์ประกอบด้านข้อมูล', 'ระดับคะแนน', 'ผู้รายงานข้อมูล', 'ผู้กำกับติดตาม'];
const row = (code: string, title: string, reporter: string, supervisor: string) =>
  [code, title, '○ แสดง…', '<p><b>100 คะแนน:</b> เปิดเผยข้อมูลครบถ้วน</p>', `<p>${reporter}</p>`, `<p>${supervisor}</p>`];
const sheet004 = (): SheetData => [
  ['**ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล** เป็นตัวชี้วัดที่มีวัตถุประสงค์…'],
  ['**ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน**'],
  HEAD,
  row('๐1', 'โครงสร้างและอำนาจหน้าที่', 'งานยุทธศาสตร์ และบุคลากร', 'ผู้อำนวยการ กองบริหารทรัพยากร'),
  ['', '', '', '<p><b>0 คะแนน:</b> เปิดเผยข้อมูลไม่ครบถ้วน</p>', '', ''],
  HEAD,
  row('๐3', 'ข้อมูลการติดต่อ', 'งานประชาสัมพันธ์', 'ผู้อำนวยการ กองบริหารทรัพยากร'),
  ['ตัวชี้วัดย่อยที่ 9.2 การบริหารงานและการใช้จ่ายงบประมาณ'],
  HEAD,
  row('๐8', 'คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่', 'หัวหน้างานทุกหน่วยงาน', 'ผู้อำนวยการกองการศึกษา/ ผู้อำนวยการ กองบริหาร ทรัพยากร'),
  row('o11', 'ข้อมูลสถิติการให้บริการ', 'หัวหน้างานทุกหน่วยงาน', 'ผู้อำนวยการกองการศึกษา/ ผู้อำนวยการ กองบริหาร ทรัพยากร'),
  row('๐12', 'รายการการจัดซื้อจัดจ้าง…', 'งานคลัง และพัสดุ', 'ผู้อำนวยการกองบริหารทรัพยากร'),
  row('017', 'แนวปฏิบัติการจัดการเรื่องร้องเรียน…', 'งานวินัยและนิติการ / กองบริหารทรัพยากร', 'ผู้อำนวยการ กองบริหารทรัพยากร'),
  row('๐20', 'การเปิดโอกาสให้เกิดการมีส่วนร่วม', 'ทุกหน่วยงาน', 'ผู้อำนวยการกองการศึกษา/ ผู้อำนวยการกองบริหารทรัพยากร'),
  ['ข้อ', 'ข้อมูล', 'องค์ประกอบด้านข้อมูล', 'ระดับคะแนน', 'ผู้รายงานข้อมูล', 'ผู้กำกับติดตาม'],
  row('O24', 'รายงานผลการดำเนินการเพื่อจัดการความเสี่ยง…', 'งานยุทธศาสตร์และแผน', 'ผู้อำนวยการกองบริหารทรัพยากร'),
  row('028', 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม…', 'คณะกรรมการ ITA', 'ผู้อำนวยการสำนักงานบริหาร'),
];
const xlsx = async (data: SheetData) => new Uint8Array(await writeXlsxFile(data).toBuffer());

describe('a wide sheet shaped like seed 004', () => {
  it('explains in the dry run how it read the columns, the rows it skipped, the units and the position-named officers', async () => {
    const actor = await env.createOrg('เทศบาลตัวอย่าง');
    const s = await env.imports.importSheet(actor, { fileName: 'ita2568.xlsx', bytes: await xlsx(sheet004()), year: 2568, dryRun: true });
    const r = s.report!;
    expect(r.errors).toEqual([]);
    expect(r.headerRow).toBe(3);
    expect(r.columns.map((c) => `${c.column}:${c.meaning}`)).toEqual(['A:item', 'B:null', 'C:null', 'D:null', 'E:role:preparer', 'F:role:supervisor']);
    expect(r.skipped.map((x) => `${x.row}:${x.why}`)).toEqual(['6:repeated_header', '8:heading', '9:repeated_header', '15:repeated_header']);
    expect(r.unitsToCreate.map((u) => u.name).sort()).toEqual(
      ['กองบริหารทรัพยากร', 'คณะกรรมการ ITA', 'งานคลังและพัสดุ', 'งานประชาสัมพันธ์', 'งานยุทธศาสตร์และบุคลากร', 'งานยุทธศาสตร์และแผน', 'งานวินัยและนิติการ'],
    );
    expect(r.officersToCreate.map((o) => `${o.name}${o.byPosition ? ' (ตำแหน่ง)' : ''}`).sort()).toEqual([
      'ผู้อำนวยการ กองบริหารทรัพยากร (ตำแหน่ง)', 'ผู้อำนวยการกองการศึกษา (ตำแหน่ง)', 'ผู้อำนวยการสำนักงานบริหาร (ตำแหน่ง)',
    ]);
    expect(r.notes.allUnits.map((a) => `${a.item}:${a.text}`)).toEqual(['O8:หัวหน้างานทุกหน่วยงาน', 'O11:หัวหน้างานทุกหน่วยงาน', 'O20:ทุกหน่วยงาน']);
    expect(r.nearDuplicates).toEqual([]);
    expect(s).toMatchObject({ rows: 9, unitsCreated: 7, officersCreated: 3, dryRun: true });
  });

  it('imports it as it is: items go to the named sections (or every unit), supervisors are officers named by their position', async () => {
    const actor = await env.createOrg('เทศบาลตัวอย่างสอง');
    const s = await env.imports.importSheet(actor, { fileName: 'ita2568.xlsx', bytes: await xlsx(sheet004()), year: 2568 });
    expect(s).toMatchObject({ unitsCreated: 7, officersCreated: 3 });
    const list = await env.db
      .select({ code: catalogItems.code, unit: units.name })
      .from(assignments).innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId)).innerJoin(units, eq(units.id, assignments.unitId))
      .where(eq(assignments.orgId, actor.orgId));
    const byItem = (code: string) => list.filter((a) => a.code === code).map((a) => a.unit).sort();
    expect(byItem('O1')).toEqual(['งานยุทธศาสตร์และบุคลากร']);
    expect(byItem('O17')).toEqual(['กองบริหารทรัพยากร', 'งานวินัยและนิติการ']);
    expect(byItem('O8')).toHaveLength(7); // every unit of the organization
    const [director] = await env.db.select().from(officers).where(and(eq(officers.orgId, actor.orgId), eq(officers.name, 'ผู้อำนวยการ กองบริหารทรัพยากร')));
    expect(director).toMatchObject({ position: 'ผู้อำนวยการ กองบริหารทรัพยากร', lineUserId: null });
    const roles = await env.db.select({ role: assignmentPeople.role }).from(assignmentPeople).where(eq(assignmentPeople.officerId, director!.id));
    expect(new Set(roles.map((x) => x.role))).toEqual(new Set(['supervisor']));
    // The same sheet again changes nothing.
    expect((await env.imports.importSheet(actor, { fileName: 'ita2568.xlsx', bytes: await xlsx(sheet004()), year: 2568 })).unchanged).toBe(true);
  });
});
