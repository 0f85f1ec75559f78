import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readSheet } from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ita-reports-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real CLI as a child process, on its own embedded database. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [join(root, 'src/cli.ts'), ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '', LINE_CHANNEL_SECRET: '', LINE_CHANNEL_ACCESS_TOKEN: '', LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('the reports CLI', () => {
  it('exports the ITAS sheet and the status report, format from the file name, in Thai', async () => {
    expect((await cli('demo')).code).toBe(0);
    const csv = join(dir, 'itas.csv');
    const r = await cli('export', 'itas', '--org', 'demo', '--year', '2568', '--out', csv);
    expect(r.stdout).toContain(`ส่งออกแบบกรอก ITASแล้ว: ${csv} (28 ข้อ)`);
    expect(readFileSync(csv, 'utf8').startsWith('\ufeffข้อ,ข้อมูล,มี/ไม่มี')).toBe(true);
    const xlsx = join(dir, 'status.xlsx');
    expect((await cli('export', 'status', '--org', 'demo', '--year', '2568', '--out', xlsx, '--lang', 'en')).stdout).toContain('Exported status report');
    expect(((await readSheet(readFileSync(xlsx))) as unknown[][])[0]![0]).toBe('Item');
    const bad = await cli('export', 'itas', '--org', 'demo', '--year', '2568', '--out', join(dir, 'x.pdf'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('.xlsx หรือ .csv');
  }, 90_000);

  it('rolls a year over: the dry run lists what happens, an unknown pair is refused in Thai', async () => {
    expect((await cli('import', 'docs/templates/assignments-template.csv', '--org', 'demo', '--year', '2567')).code).toBe(0);
    const dry = await cli('rollover', '--org', 'demo', '--from', '2567', '--to', '2568', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('ทดลองยกยอดงาน 2567 → 2568 (ยังไม่บันทึกข้อมูล)');
    expect(dry.stdout).toContain('รวมข้อ: O1+O3 → O1 โครงสร้างและอำนาจหน้าที่');
    expect(dry.stdout).toContain('ตัดออกในปีใหม่ (1)');
    const none = await cli('rollover', '--org', 'demo', '--from', '2568', '--to', '2569');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('ยังไม่มีตารางเทียบข้อจากปี 2568 ไปปี 2569');
  }, 90_000);
});
