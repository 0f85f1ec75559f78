import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFile, catalogFrom } from '../../../test/helpers/catalog-support.ts';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { auditLog, catalogItems, catalogs } from '../../db/schema.ts';
import { isAppError, type ImportRowError } from '../../shared/errors.ts';
import { cliOperator } from '../auth/actor.ts';

let t: TestContext;
beforeAll(async () => { t = await createTestContext(); });
afterAll(() => t.close());

const rowErrors = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return { code: e.code, rows: (e.params.rowErrors ?? []) as ImportRowError[] };
};

describe('importing a catalog for a year without a built-in one', () => {
  it('loads 2569 from an XLSX sheet: validated, stored, audited, and its items resolve like a built-in catalog', async () => {
    const c2569 = catalogFrom(2569, 2568, (c) => { c.items[0]!.title = 'โครงสร้างและอำนาจหน้าที่ของหน่วยงาน'; });
    const dry = await t.container.catalogImport.importFile(cliOperator, { ...(await catalogFile(c2569)), year: 2569, dryRun: true });
    expect(dry).toMatchObject({ kind: 'created', dryRun: true, items: 28, version: 1 });
    expect(await t.container.database.db.select().from(catalogs).where(eq(catalogs.year, 2569))).toEqual([]);

    const s = await t.container.catalogImport.importFile(cliOperator, { ...(await catalogFile(c2569)), year: 2569 });
    expect(s).toMatchObject({ kind: 'created', version: 1, items: 28, components: c2569.items.reduce((n, i) => n + i.components.length, 0) });
    expect(s.subIndicators.map((x) => `${x.code}:${x.items}`)).toEqual(['9.1:O1–O4', '9.2:O5–O11', '9.3:O12–O13', '9.4:O14–O16', '9.5:O17–O20', '10.1:O21–O24', '10.2:O25–O28']);
    expect((await t.container.catalog.resolve(2569, '๐๑')).title).toBe('โครงสร้างและอำนาจหน้าที่ของหน่วยงาน');
    expect((await t.container.catalog.years()).find((y) => y.year === 2569)).toEqual({ year: 2569, itemCount: 28, currentVersion: 1, origin: 'imported' });
    const audit = await t.container.database.db.select().from(auditLog).where(eq(auditLog.action, 'catalog.create'));
    expect(audit.filter((a) => a.entityId === '2569')).toEqual([expect.objectContaining({ orgId: null, actor: 'cli' })]);

    // The same catalog again, even as CSV or JSON: nothing changes, nothing is audited.
    for (const format of ['xlsx', 'csv', 'json'] as const) {
      expect((await t.container.catalogImport.importFile(cliOperator, { ...(await catalogFile(c2569, format)), year: 2569 })).kind, format).toBe('unchanged');
    }
    expect((await t.container.database.db.select().from(auditLog).where(eq(auditLog.entityId, '2569'))).length).toBe(1);
  });

  it('refuses a catalog with problems, listing every row, and saves nothing', async () => {
    const bad = catalogFrom(2571, 2568, (c) => {
      c.items.splice(4, 1); // O5 missing
      c.items[0]!.components = [];
    });
    const { code, rows } = await rowErrors(t.container.catalogImport.importFile(cliOperator, { ...(await catalogFile(bad, 'csv')), year: 2571 }));
    expect(code).toBe('IMPORT_FAILED');
    expect(rows.map((r) => r.reason)).toEqual(expect.arrayContaining([
      'O1 ต้องมีองค์ประกอบด้านข้อมูลอย่างน้อย 1 รายการ',
      expect.stringContaining('ไม่มี O5'),
    ]));
    expect(await t.container.database.db.select().from(catalogs).where(eq(catalogs.year, 2571))).toEqual([]);
  });

  it('refuses JSON of another year than the one asked for', async () => {
    const { rows } = await rowErrors(t.container.catalogImport.importFile(cliOperator, { ...(await catalogFile(catalogFrom(2572), 'json')), year: 2573 }));
    expect(rows[0]!.reason).toBe('ไฟล์เป็นบัญชีรายการปี 2572 แต่สั่งนำเข้าเป็นปี 2573');
  });

  it('corrects a catalog no assignment uses in place: item ids stay, the version stays 1', async () => {
    const first = catalogFrom(2574);
    await t.container.catalogImport.importFile(cliOperator, { ...(await catalogFile(first)), year: 2574 });
    const before = await t.container.catalog.items(2574);
    const fixed = catalogFrom(2574, 2568, (c) => { c.items[8]!.title = 'คู่มือหรือแนวทางการขอรับบริการ (ฉบับแก้ไข)'; });
    const s = await t.container.catalogImport.importFile(cliOperator, { ...(await catalogFile(fixed)), year: 2574 });
    expect(s).toMatchObject({ kind: 'replaced', version: 1 });
    expect(s.diff!.changed).toEqual([{ number: 9, code: 'O9', fields: ['title'], componentsChanged: false }]);
    const after = await t.container.catalog.items(2574);
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
    expect(after[8]!.title).toBe('คู่มือหรือแนวทางการขอรับบริการ (ฉบับแก้ไข)');
  });
});

describe('who may load a catalog (it is shared by every organization of the deployment)', () => {
  it('refuses an organization admin token made without --catalogs (403, in Thai) and accepts one made with it', async () => {
    const org = await t.container.orgs.create({ slug: 'cat-perm', name: 'หน่วยงานทดสอบ' });
    const plain = (await t.container.auth.createToken(org.id)).token;
    const operator = (await t.container.auth.createToken(org.id, 'catalogs', { catalogs: true })).token;
    const file = await catalogFile(catalogFrom(2575), 'json');
    const post = (token: string) => t.app.inject({
      method: 'POST', url: '/api/v1/catalogs/2575/import?dryRun=true', payload: Buffer.from(file.bytes),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    const refused = await post(plain);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('token create --catalogs');
    const ok = await post(operator);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'created', dryRun: true, items: 28 });
    expect(await t.container.database.db.select().from(catalogItems).where(eq(catalogItems.year, 2575))).toEqual([]);
  });

  it('exports any catalog without a token, as the sheet the import reads', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalogs/2568/export?format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('ita-2568-catalog.csv');
    expect(res.body.split('\r\n')[0]).toBe('\ufeffข้อ (code),ข้อมูล (title),ตัวชี้วัด (indicator),ตัวชี้วัดย่อย (sub_indicator),กลุ่ม (group),องค์ประกอบด้านข้อมูล (component),หมายเหตุ (note),ระดับคะแนน (scoring),ช่วงเวลาของข้อมูล (data_period)');
  });
});

describe('the documented catalog template', () => {
  it('is the 2568 catalog as export writes it: cells as documented, and importing it changes nothing', async () => {
    const bytes = readFileSync(new URL('../../../docs/templates/catalog-template.xlsx', import.meta.url));
    const [sheet] = await readXlsxFile(bytes);
    expect(sheet!.data[0]).toEqual(['ข้อ (code)', 'ข้อมูล (title)', 'ตัวชี้วัด (indicator)', 'ตัวชี้วัดย่อย (sub_indicator)', 'กลุ่ม (group)',
      'องค์ประกอบด้านข้อมูล (component)', 'หมายเหตุ (note)', 'ระดับคะแนน (scoring)', 'ช่วงเวลาของข้อมูล (data_period)']);
    expect(sheet!.data[1]!.slice(0, 6)).toEqual(['O1', 'โครงสร้างและอำนาจหน้าที่', '9', '9.1 ข้อมูลพื้นฐาน', 'ข้อมูลพื้นฐาน', 'แสดงแผนผังโครงสร้างการแบ่งส่วนราชการของหน่วยงาน*']);
    for (const file of ['catalog-template.xlsx', 'catalog-template.csv']) {
      const b = new Uint8Array(readFileSync(new URL(`../../../docs/templates/${file}`, import.meta.url)));
      expect((await t.container.catalogImport.importFile(cliOperator, { fileName: file, bytes: b, year: 2568, dryRun: true })).kind, file).toBe('unchanged');
    }
  });
});
