import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError, type AppError, type ImportRowError } from '../../shared/errors.ts';
import { officers } from '../../db/schema.ts';
import { countsFor, csvBytes, setupImport, TH_HEADERS } from '../../../test/helpers/import-support.ts';

let env: Awaited<ReturnType<typeof setupImport>>;
beforeAll(async () => { env = await setupImport(); });
afterAll(async () => { await env.database.close(); });

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}
const rowErrors = (e: AppError) => e.params.rowErrors as ImportRowError[];
const EMPTY = { units: 0, officers: 0, assignments: 0, people: 0, audit: 0, cycles: 0 };

describe('a sheet with errors', () => {
  it('reports every bad row with its row number, column and a Thai reason, and writes nothing', async () => {
    const actor = await env.createOrg();
    const bytes = csvBytes([
      TH_HEADERS,
      ['O1', 'ก.หนึ่ง', '', 'นายหนึ่ง ทดสอบ', '', 'ผู้จัดทำ', '31/03/2568', ''], // fine
      ['O2', 'ก.หนึ่ง', '', 'นายสอง ทดสอบ', '', 'ผู้ตรวจ', '31/03/2568', ''], // bad role
      ['O3', 'ก.หนึ่ง', '', 'นายสาม ทดสอบ', '', 'ผู้จัดทำ', '31/13/2568', ''], // bad date
      ['O4', 'ก.หนึ่ง', '', 'นายสี่ ทดสอบ', '', 'ผู้จัดทำ', '', 'line-me'], // bad LINE id
      ['', '', 'บางส่วน', '', '', '', '', ''], // continues O4 in ก.หนึ่ง (merged cells): bad responsibility
      ['O1', 'ก.หนึ่ง', '', 'นายหนึ่ง ทดสอบ', '', 'ผู้กำกับติดตาม', '30/04/2568', ''], // due conflicts with row 2
      ['O5', 'ก.หนึ่ง', '', '', 'ผอ.', 'ผู้จัดทำ', '', ''], // role and position without a name
    ]);
    const e = await failure(env.imports.importSheet(actor, { fileName: 'bad.csv', bytes, year: 2568 }));
    expect(e.code).toBe('IMPORT_FAILED');
    expect(e.status).toBe(422);
    const errs = rowErrors(e);
    expect(errs.map(({ row, column }) => `${row}:${column}`)).toEqual([
      '3:บทบาท', '4:กำหนดส่ง', '5:line_user_id', '6:หลัก/ร่วม', '7:กำหนดส่ง', '8:ชื่อ-สกุล',
    ]);
    expect(errs[0]!.reason).toContain('ผู้ตรวจ');
    expect(errs[1]!.reason).toContain('31/13/2568');
    expect(errs[4]!.reason).toContain("31 มีนาคม 2568");
    expect(errs[4]!.reason).toContain("30 เมษายน 2568");
    expect(await countsFor(env.db, actor.orgId)).toEqual(EMPTY);
  });

  it('names the valid range when an item is outside the year\'s catalog (O29 in 2568)', async () => {
    const actor = await env.createOrg();
    const bytes = csvBytes([TH_HEADERS, ['O29', 'ก.หนึ่ง', '', 'นายหนึ่ง ทดสอบ', '', 'ผู้จัดทำ', '', ''], ['ข้อ x', 'ก.หนึ่ง', '', '', '', '', '', '']]);
    const errs = rowErrors(await failure(env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2568 })));
    expect(errs[0]).toMatchObject({ row: 2, column: 'ข้อ' });
    expect(errs[0]!.reason).toContain('O1–O28');
    expect(errs[1]).toMatchObject({ row: 3, column: 'ข้อ' });
    expect(await countsFor(env.db, actor.orgId)).toEqual(EMPTY);
  });

  it('reports missing required columns on the header row', async () => {
    const actor = await env.createOrg();
    const bytes = csvBytes([['ชื่อ-สกุล', 'บทบาท'], ['นายหนึ่ง ทดสอบ', 'ผู้จัดทำ']]);
    const errs = rowErrors(await failure(env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2568 })));
    expect(errs.map((x) => x.row)).toEqual([1, 1]);
    expect(errs.map((x) => x.column)).toEqual(['ข้อ (item)', 'หน่วยงาน (unit)']);
  });

  it('rejects a LINE user id that already belongs to another officer of the organization', async () => {
    const actor = await env.createOrg();
    const id = `U${'a'.repeat(32)}`;
    await env.db.insert(officers).values({ orgId: actor.orgId, name: 'นายเดิม มีไลน์', nameKey: 'เดิมมีไลน์', lineUserId: id });
    const bytes = csvBytes([TH_HEADERS, ['O1', 'ก.หนึ่ง', '', 'นายใหม่ ทดสอบ', '', 'ผู้จัดทำ', '', id]]);
    const errs = rowErrors(await failure(env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2568 })));
    expect(errs).toEqual([{ row: 2, column: 'line_user_id', reason: expect.stringContaining('LINE') }]);
    expect((await countsFor(env.db, actor.orgId)).units).toBe(0);
  });

  it("rejects a LINE user id linked to an officer of another organization, and writes nothing", async () => {
    const other = await env.createOrg('หน่วยงานอื่น');
    const id = `U${'b'.repeat(32)}`;
    await env.db.insert(officers).values({ orgId: other.orgId, name: 'นายคนนอก หน่วยอื่น', nameKey: 'คนนอกหน่วยอื่น', lineUserId: id });
    const actor = await env.createOrg();
    const bytes = csvBytes([TH_HEADERS, ['O1', 'ก.หนึ่ง', '', 'นายใหม่ ทดสอบ', '', 'ผู้จัดทำ', '', id]]);
    const errs = rowErrors(await failure(env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2568 })));
    expect(errs).toEqual([{ row: 2, column: 'line_user_id', reason: expect.stringContaining('หน่วยงานอื่น') }]);
    expect((await countsFor(env.db, actor.orgId)).officers).toBe(0);
  });

  it('refuses a file that is neither CSV nor XLSX', async () => {
    const actor = await env.createOrg();
    const e = await failure(env.imports.importSheet(actor, { fileName: 'sheet.xls', bytes: new Uint8Array([1, 2]), year: 2568 }));
    expect(e.code).toBe('UNSUPPORTED_FILE');
  });

  it('refuses a year without a built-in catalog', async () => {
    const actor = await env.createOrg();
    const bytes = csvBytes([TH_HEADERS, ['O1', 'ก.หนึ่ง', '', '', '', '', '', '']]);
    const e = await failure(env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2590 }));
    expect(e.code).toBe('CATALOG_MISSING');
    expect(await countsFor(env.db, actor.orgId)).toEqual(EMPTY);
  });

  it('does not let an officer who is not an admin import', async () => {
    const actor = await env.createOrg();
    const officer = { kind: 'officer' as const, orgId: actor.orgId, officerId: 1, isAdmin: false };
    const bytes = csvBytes([TH_HEADERS, ['O1', 'ก.หนึ่ง', '', '', '', '', '', '']]);
    expect((await failure(env.imports.importSheet(officer, { fileName: 'a.csv', bytes, year: 2568 }))).code).toBe('FORBIDDEN');
  });
});
