import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError, type ImportRowError } from '../../src/shared/errors.ts';
import { countsFor, setupImport } from '../helpers/import-support.ts';

/**
 * Issue 10.8: UTF-16 CSVs (Excel's "Unicode Text", with or without BOM, comma or tab) failed with
 * a parser message full of \u0000, and a UTF-8 file with one stray byte was decoded entirely as
 * windows-874 and then "had no ข้อ column".
 */
let env: Awaited<ReturnType<typeof setupImport>>;
beforeAll(async () => { env = await setupImport(); });
afterAll(async () => { await env.database.close(); });

const SHEET = [['ข้อ', 'หน่วยงาน', 'ชื่อ-สกุล', 'บทบาท'], ['O1', 'กลุ่มงานยุทธศาสตร์', 'นางสาวสมศรี ทดสอบ', 'ผู้จัดทำ'], ['O2', 'กลุ่มงานอำนวยการ', 'นายสมชาย ตัวอย่าง', 'ผู้กำกับติดตาม']];
const text = (sep: string) => `${SHEET.map((r) => r.join(sep)).join('\r\n')}\r\n`;

function utf16(s: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? '\ufeff' : '') + s;
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[i * 2 + (order === 'le' ? 0 : 1)] = c & 0xff;
    out[i * 2 + (order === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

const failure = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e.params.rowErrors as ImportRowError[];
};

describe('CSV encodings', () => {
  it.each([
    ['UTF-16LE with BOM, tab-separated (Excel "Unicode Text")', utf16(text('\t'), 'le', true)],
    ['UTF-16LE without BOM, comma-separated', utf16(text(','), 'le', false)],
    ['UTF-16BE with BOM', utf16(text('\t'), 'be', true)],
    ['UTF-16BE without BOM', utf16(text(','), 'be', false)],
  ])('imports %s', async (_label, bytes) => {
    const actor = await env.createOrg();
    const s = await env.imports.importSheet(actor, { fileName: 'unicode.txt', bytes, year: 2568 });
    expect(s).toMatchObject({ rows: 2, unitsCreated: 2, officersCreated: 2, assignmentsCreated: 2 });
  });

  it('refuses a UTF-8 file with one stray byte, in Thai, naming the line and the byte, and writes nothing', async () => {
    const actor = await env.createOrg();
    const good = new TextEncoder().encode(text(','));
    const at = new TextEncoder().encode(`${SHEET[0]!.join(',')}\r\nO1,กลุ่ม`).length; // inside line 2
    const bytes = new Uint8Array([...good.subarray(0, at), 0xff, ...good.subarray(at)]);
    const errs = await failure(env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2568 }));
    expect(errs).toHaveLength(1);
    expect(errs[0]!.row).toBe(2);
    expect(errs[0]!.reason).toContain('ไม่ใช่ข้อความ UTF-8');
    expect(errs[0]!.reason).toContain('บรรทัด 2');
    expect(errs[0]!.reason).toContain(`ไบต์ที่ ${at + 1}`);
    expect(errs[0]!.reason).toContain('0xFF');
    expect(errs[0]!.reason).not.toContain('คอลัมน์');
    expect(await countsFor(env.db, actor.orgId)).toMatchObject({ units: 0, assignments: 0, cycles: 0 });
  });

  it('refuses a binary file saved as .csv the same way', async () => {
    const actor = await env.createOrg();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00]);
    const errs = await failure(env.imports.importSheet(actor, { fileName: 'photo.csv', bytes: png, year: 2568 }));
    expect(errs[0]!.reason).toContain('ไม่ใช่ข้อความ UTF-8');
  });

  it('still reads Thai Windows (windows-874) files, which are not UTF-8', async () => {
    const actor = await env.createOrg();
    const cp874 = new Uint8Array([...text(',')].map((c) => (c.charCodeAt(0) >= 0x0e01 ? c.charCodeAt(0) - 0x0d60 : c.charCodeAt(0))));
    const s = await env.imports.importSheet(actor, { fileName: 'thai-excel.csv', bytes: cp874, year: 2568 });
    expect(s).toMatchObject({ rows: 2, unitsCreated: 2 });
  });
});
