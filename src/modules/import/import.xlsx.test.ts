import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, catalogItems, units } from '../../db/schema.ts';
import { countsFor, setupImport } from '../../../test/helpers/import-support.ts';

let env: Awaited<ReturnType<typeof setupImport>>;
beforeAll(async () => { env = await setupImport(); });
afterAll(async () => { await env.database.close(); });

async function xlsx(data: SheetData): Promise<Uint8Array> {
  return new Uint8Array(await writeXlsxFile(data, { dateFormat: 'dd/mm/yyyy' }).toBuffer());
}

describe('importing an XLSX assignment sheet', () => {
  it('reads a title row above the table, date cells, numeric item codes and multi-line names', async () => {
    const actor = await env.createOrg();
    const bytes = await xlsx([
      ['แบบการนำเข้าข้อมูล ITA 2568', null, null, null, null, null],
      ['ข้อที่', 'หน่วยงาน\n(กอง/กลุ่มงาน)', 'ชื่อ - สกุล', 'ตำแหน่ง', 'บทบาท', 'กำหนดส่ง'],
      ['O1', 'กลุ่มงานยุทธศาสตร์', 'นายสมชาย\nตัวอย่าง', 'นวค.', 'ผู้จัดทำ', new Date(Date.UTC(2025, 2, 31))],
      [12, 'กลุ่มงานยุทธศาสตร์', 'นางสาวสมศรี ทดสอบ', null, 'ผู้รับรอง', '31 มี.ค. 2568'],
      [null, null, null, null, null, null],
      ['๐๓', 'กลุ่มงานอำนวยการ', 'สมชาย ตัวอย่าง', null, 'ผู้กำกับติดตาม', null],
    ]);
    const s = await env.imports.importSheet(actor, { fileName: 'มอบหมาย ITA.xlsx', bytes, year: 2568 });
    expect(s).toMatchObject({ rows: 3, unitsCreated: 2, officersCreated: 2, assignmentsCreated: 3, peopleAdded: 3 });
    const rows = await env.db
      .select({ code: catalogItems.code, unit: units.name, due: assignments.dueOn })
      .from(assignments)
      .innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
      .innerJoin(units, eq(units.id, assignments.unitId))
      .where(eq(assignments.orgId, actor.orgId));
    expect(Object.fromEntries(rows.map((r) => [r.code, [r.unit, r.due]]))).toEqual({
      O1: ['กลุ่มงานยุทธศาสตร์', '2025-03-31'],
      O12: ['กลุ่มงานยุทธศาสตร์', '2025-03-31'],
      O3: ['กลุ่มงานอำนวยการ', null],
    });
  });

  it('reports errors with the spreadsheet\'s own row numbers', async () => {
    const actor = await env.createOrg();
    const bytes = await xlsx([
      ['รายการมอบหมาย', null, null, null],
      ['item', 'unit', 'officer', 'role'],
      ['O1', 'Unit A', 'Ann Example', 'preparer'],
      ['O99', 'Unit A', 'Ann Example', 'boss'],
    ]);
    const e = await env.imports.importSheet(actor, { fileName: 'a.xlsx', bytes, year: 2568 }).catch((x: unknown) => x);
    expect((e as { params: { rowErrors: unknown } }).params.rowErrors).toEqual([
      { row: 4, column: 'item', reason: expect.stringContaining('O1–O28') },
      { row: 4, column: 'role', reason: expect.stringContaining('boss') },
    ]);
    expect((await countsFor(env.db, actor.orgId)).assignments).toBe(0);
  });

  it('imports the documented templates, CSV and XLSX alike', async () => {
    for (const file of ['assignments-template.csv', 'assignments-template.xlsx']) {
      const actor = await env.createOrg();
      const bytes = readFileSync(new URL(`../../../docs/templates/${file}`, import.meta.url));
      const s = await env.imports.importSheet(actor, { fileName: file, bytes, year: 2568 });
      expect(s, file).toMatchObject({ rows: 8, unitsCreated: 3, officersCreated: 5, assignmentsCreated: 5, peopleAdded: 7 });
    }
  });
});
