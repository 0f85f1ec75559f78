import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseSheet } from '../import.parse.ts';
import { templateRows, toXlsx } from '../template.ts';
import { checkXlsxSize } from './xlsx-guard.ts';

/** The template workbook with `mb` megabytes of blanks inside its sheet XML (compresses to KBs). */
async function padded(mb: number): Promise<Uint8Array> {
  const files = unzipSync(new Uint8Array(await toXlsx(templateRows())));
  const name = Object.keys(files).find((k) => /worksheets\/sheet1\.xml$/.test(k))!;
  files[name] = strToU8(new TextDecoder().decode(files[name]).replace('<sheetData>', `<sheetData>${' '.repeat(mb * 1024 * 1024)}`));
  return zipSync(files, { level: 9 });
}

describe('XLSX size guard', () => {
  it('lets an ordinary workbook through', async () => {
    expect(checkXlsxSize(new Uint8Array(await toXlsx(templateRows())))).toEqual({ ok: true });
  });

  it('refuses a small upload that inflates past the limit, with a Thai reason', async () => {
    const bomb = await padded(64);
    expect(bomb.length).toBeLessThan(200_000);
    expect(checkXlsxSize(bomb)).toEqual({ ok: false, reason: 'too_large' });
    await expect(parseSheet('bomb.xlsx', bomb)).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      params: { rowErrors: [expect.objectContaining({ reason: expect.stringContaining('MB') })] },
    });
  });

  it('reports a file that is not a workbook as unreadable, without parser internals', async () => {
    expect(checkXlsxSize(strToU8('ข้อ,หน่วยงาน\n'))).toEqual({ ok: false, reason: 'not_zip' });
    const e = await parseSheet('fake.xlsx', strToU8('not a zip at all')).catch((x: unknown) => x);
    expect(JSON.stringify(e)).toContain('อ่านไฟล์ XLSX ไม่ได้');
  });
});
