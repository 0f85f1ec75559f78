import { and, eq } from 'drizzle-orm';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, auditLog, catalogItems, officers, units } from '../../src/db/schema.ts';
import { isAppError } from '../../src/shared/errors.ts';
import { countsFor, setupImport } from '../helpers/import-support.ts';

/**
 * Seed 002's table (a province, 2567) with invented people: numbered headers over several lines,
 * heading rows, a unit cell naming an office's group plus "/ทุกส่วนราชการ", several people per
 * cell (names over two lines, positions under them), a status column, an item answered
 * "ไม่มี เนื่องจาก…" in the unit column — and the near-duplicates such sheets have (สนจ.พท. /
 * สนง.พท., a name with ฑ in one row and ฆ in another), asked about, then confirmed with aliases.
 */
let env: Awaited<ReturnType<typeof setupImport>>;
beforeAll(async () => { env = await setupImport(); });
afterAll(async () => { await env.database.close(); });

const HEAD = [
  'ข้อที่', 'ข้อมูล', 'องค์ประกอบของข้อมูล',
  '1. ชื่อส่วนราชการสังกัดส่วนภูมิภาค/หน่วยงาน/\nกลุ่มงานที่\nรับผิดชอบหลัก/ร่วม',
  '2. รายชื่อ/ตำแหน่งผู้รับผิดชอบกำกับติดตาม/จัดทำข้อมูล/\n(เฉพาะสำนักงานจังหวัด)',
  '3. ชื่อ-ชื่อสกุล/ตำแหน่ง\nผู้รับรองข้อมูลครบถ้วนถูกต้องตามประเด็นข้อคำถามองค์ประกอบข้อมูล\n(เฉพาะสำนักงานจังหวัด)',
  '4. รายงานผลการตรวจสอบข้อมูล\nตามแผนการดำเนินงาน\nการประเมิน ITA \nประจำปีงบประมาณ พ.ศ. 2567\n(อยู่ระหว่างการดำเนินการ/\nดำเนินการแล้ว)',
];
const CERT = 'นางสาวอรวรรณ ศรีสุข\nผอ.กลุ่มงานบริหารทรัพยากรบุคคล\nนางสาวกมลา \nเรืองศรี \nผอ.กลุ่มงานยุทธศาสตร์ฯ';
const r = (code: string, unit: string, preparers: string, certifiers: string, status: string) => [code, 'ข้อมูล…', '- แสดง…', unit, preparers, certifiers, status];
const sheet002 = (): SheetData => [
  ['การมอบหมายภารกิจ'],
  ['แบบการนำเข้าและปรับปรุงข้อมูลของจังหวัดตัวอย่าง ประจำปีงบประมาณ พ.ศ. 2567'],
  HEAD,
  ['ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล'],
  ['ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน'],
  ['ข้อมูลพื้นฐาน '],
  r('O1', 'สนจ.พท. (ก.ยุทธศาสตร์)\n/ทุกส่วนราชการ', 'นายสมพงษ์ \nใจกล้า \nนักวิชาการคอมพิวเตอร์ชำนาญการ', CERT, 'ดำเนินการแล้ว'),
  ['ตัวชี้วัดย่อยที่ 9.2 การบริหารงานและการใช้จ่ายงบประมาณ'],
  r('O7', 'สนจ.พท. (ก.ยุทธศาสตร์)', 'น.ส.ปัทมา \nณ นคร \nนวค.นโยบายและแผนชำนาญการ\nน.ส.มาฆวี จันทร์ดี', CERT, 'อยู่ระหว่างดำเนินการ'),
  r('O14', 'ไม่มี เนื่องจากส่วนราชการ\nที่ได้รับการจัดสรรงบจังหวัด ไม่ได้รับการจัดสรรงบลงทุน', 'น.ส.วิภา จันทร์เพ็ญ \nพนง.ทรัพยากรบุคคล', 'นางสาวอรวรรณ ศรีสุข\nผอ.กลุ่มงานบริหารทรัพยากรบุคคล', 'อยู่ระหว่างดำเนินการ'),
  r('O17', 'สนง.เกษตรฯ\nสนง.อุตสาหกรรมฯ\nสนง.โยธาธิการและ\nผังเมืองฯ\nสนง.จังหวัดตัวอย่าง \n(กลุ่มงานอำนวยการ)', 'น.ส.พิมพ์ใจ \nหนูแก้ว\nนักวิชาการพัสดุปฏิบัติการ',
    'นางสาวอรวรรณ ศรีสุข\nผอ.กลุ่มงานบริหารทรัพยากรบุคคล\nนายกิตติ ศักดิ์ดี \nนิติกรชำนาญการ \nรก. ผอ.กลุ่มงานอำนวยการ', 'อยู่ระหว่างดำเนินการ'),
  ['ตัวชี้วัดย่อยที่ 9.4 การบริหารและพัฒนาทรัพยากรบุคคล'],
  r('O18', 'สนง.พท. (กลุ่มงานบริหารทรัพยากรบุคคล)  ', 'น.ส.มาฑวี \nจันทร์ดี \nนวค.นโยบายและแผนชำนาญการ\nน.ส.วิภา จันทร์เพ็ญ พนง.ทรัพยากรบุคคล', 'นางสาวอรวรรณ ศรีสุข\nผอ.กลุ่มงานบริหารทรัพยากรบุคคล', 'อยู่ระหว่างดำเนินการ'),
  r('O19', 'สนง.พท. (กลุ่มงานบริหารทรัพยากรบุคคล)', 'น.ส.วิภา จันทร์เพ็ญ\nพนง.ทรัพยากรบุคคล\nน.ส.มาฆวี จันทร์ดี นวค.นโยบายและแผนชำนาญการ', 'นางสาวอรวรรณ ศรีสุข\nผอ.กลุ่มงานบริหารทรัพยากรบุคคล', 'ดำเนินการแล้ว'),
];
const xlsx = async (data: SheetData) => new Uint8Array(await writeXlsxFile(data).toBuffer());
const workbook = async (sheets: Array<{ data: SheetData; sheet: string }>) => new Uint8Array(await writeXlsxFile(sheets as never).toBuffer());

describe('a multi-person sheet shaped like seed 002', () => {
  it('lists the near-duplicates in the dry run, refuses the import until they are settled, then imports with the aliases', async () => {
    const actor = await env.createOrg('จังหวัดตัวอย่าง');
    const bytes = await xlsx(sheet002());
    const dry = await env.imports.importSheet(actor, { fileName: 'ita2567.xlsx', bytes, year: 2567, dryRun: true });
    const report = dry.report!;
    expect(report.errors).toEqual([]);
    expect(report.columns.map((c) => c.meaning)).toEqual(['item', null, null, 'unit', 'role:preparer', 'role:certifier', 'status']);
    expect(report.skipped.map((s) => s.row)).toEqual([4, 5, 6, 8, 12]);
    expect(report.nearDuplicates.map((d) => `${d.kind}: ${d.suggestion.alias} → ${d.suggestion.to}`).sort()).toEqual([
      'officer: น.ส.มาฑวี จันทร์ดี → น.ส.มาฆวี จันทร์ดี',
      'unit: สนง.พท. → สนจ.พท.',
    ]);
    expect(report.notes.notApplicable).toEqual([{ row: 10, item: 'O14', reason: 'ไม่มี เนื่องจากส่วนราชการ ที่ได้รับการจัดสรรงบจังหวัด ไม่ได้รับการจัดสรรงบลงทุน' }]);
    expect(report.unitsToCreate.find((u) => u.name === 'ก.ยุทธศาสตร์')).toMatchObject({ parent: 'สนจ.พท.' });

    const refused = await env.imports.importSheet(actor, { fileName: 'ita2567.xlsx', bytes, year: 2567 }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe('NEAR_DUPLICATES');
    expect(await countsFor(env.db, actor.orgId)).toMatchObject({ units: 0, officers: 0, assignments: 0, cycles: 0 });

    await env.aliases.add(actor, 'unit', 'สนง.พท.', 'สนจ.พท.');
    await env.aliases.add(actor, 'officer', 'น.ส.มาฑวี จันทร์ดี', 'น.ส.มาฆวี จันทร์ดี');
    const s = await env.imports.importSheet(actor, { fileName: 'ita2567.xlsx', bytes, year: 2567 });
    expect(s.unchanged).toBe(false);

    const rows = await env.db
      .select({ code: catalogItems.code, unit: units.name, status: assignments.status, note: assignments.statusNote, resp: assignments.responsibility })
      .from(assignments).innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId)).innerJoin(units, eq(units.id, assignments.unitId))
      .where(eq(assignments.orgId, actor.orgId));
    const of = (code: string) => rows.filter((x) => x.code === code);
    // O1: the strategy group leads, every other unit joins in; the sheet says it is done.
    expect(of('O1').find((x) => x.unit === 'ก.ยุทธศาสตร์')).toMatchObject({ resp: 'main', status: 'approved' });
    expect(of('O1').filter((x) => x.resp === 'co').length).toBe(of('O1').length - 1);
    expect(of('O7')).toEqual([{ code: 'O7', unit: 'ก.ยุทธศาสตร์', status: 'in_progress', note: null, resp: 'main' }]);
    // O14 has no unit, only its explanation: not applicable, with the reason, in its preparer's unit.
    expect(of('O14')).toEqual([{ code: 'O14', unit: 'กลุ่มงานบริหารทรัพยากรบุคคล', status: 'not_applicable', note: 'ไม่มี เนื่องจากส่วนราชการ ที่ได้รับการจัดสรรงบจังหวัด ไม่ได้รับการจัดสรรงบลงทุน', resp: 'main' }]);
    expect(of('O17').map((x) => x.unit).sort()).toEqual(['กลุ่มงานอำนวยการ', 'สนง.อุตสาหกรรมฯ', 'สนง.เกษตรฯ', 'สนง.โยธาธิการและผังเมืองฯ']);
    const names = (await env.db.select({ name: officers.name }).from(officers).where(eq(officers.orgId, actor.orgId))).map((o) => o.name).sort();
    expect(names).toEqual(['น.ส.ปัทมา ณ นคร', 'น.ส.พิมพ์ใจ หนูแก้ว', 'น.ส.มาฆวี จันทร์ดี', 'น.ส.วิภา จันทร์เพ็ญ', 'นางสาวกมลา เรืองศรี', 'นางสาวอรวรรณ ศรีสุข', 'นายกิตติ ศักดิ์ดี', 'นายสมพงษ์ ใจกล้า']);
    const [kitti] = await env.db.select().from(officers).where(and(eq(officers.orgId, actor.orgId), eq(officers.name, 'นายกิตติ ศักดิ์ดี')));
    expect(kitti!.position).toBe('นิติกรชำนาญการ รก. ผอ.กลุ่มงานอำนวยการ');
    expect((await env.db.select().from(units).where(and(eq(units.orgId, actor.orgId), eq(units.name, 'สนง.พท.'))))).toEqual([]);
    const aliasAudit = await env.db.select().from(auditLog).where(and(eq(auditLog.orgId, actor.orgId), eq(auditLog.action, 'alias.create')));
    expect(aliasAudit).toHaveLength(2);

    expect((await env.imports.importSheet(actor, { fileName: 'ita2567.xlsx', bytes, year: 2567 })).unchanged).toBe(true);
  });

  it('takes the same confirmations from an "aliases" sheet in the workbook, and --keep-separate creates both names', async () => {
    const actor = await env.createOrg('จังหวัดตัวอย่างสอง');
    const aliasSheet: SheetData = [
      ['ประเภท', 'ชื่อที่พบ', 'ชื่อที่ใช้'],
      ['หน่วยงาน', 'สนง.พท.', 'สนจ.พท.'],
      ['เจ้าหน้าที่', 'น.ส.มาฑวี จันทร์ดี', 'น.ส.มาฆวี จันทร์ดี'],
    ];
    const s = await env.imports.importSheet(actor, { fileName: 'ita2567.xlsx', bytes: await workbook([{ data: sheet002(), sheet: 'ita' }, { data: aliasSheet, sheet: 'aliases' }]), year: 2567 });
    expect(s.officersCreated).toBe(8);
    expect((await env.aliases.stored(actor.orgId)).map((a) => `${a.kind}:${a.alias}`).sort()).toEqual(['officer:น.ส.มาฑวี จันทร์ดี', 'unit:สนง.พท.']);

    const other = await env.createOrg('จังหวัดตัวอย่างสาม');
    const kept = await env.imports.importSheet(other, { fileName: 'ita2567.xlsx', bytes: await xlsx(sheet002()), year: 2567, keepSeparate: true });
    expect(kept.officersCreated).toBe(9);
  });
});
