import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'ita-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The real CLI as a child process, on its own embedded database. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [join(root, 'src/cli.ts'), ...args], {
      cwd: root,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', DATA_DIR: dataDir, DATABASE_URL: '', LINE_CHANNEL_SECRET: '', LINE_CHANNEL_ACCESS_TOKEN: '', LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('the CLI', () => {
  it('creates an organization, imports the template (twice: nothing changes) and issues a token', async () => {
    expect((await cli('org', 'add', 'rayong', '--name', 'สำนักงานจังหวัดระยอง', '--website', 'https://www.rayong.go.th')).stdout).toContain('สร้างหน่วยงาน rayong');
    const first = await cli('import', 'docs/templates/assignments-template.csv', '--org', 'rayong', '--year', '2568');
    expect(first.stdout).toMatch(/นำเข้าแล้ว: assignments-template\.csv ปี 2568 \(สร้างรอบการประเมินใหม่\)/);
    expect((await cli('import', 'docs/templates/assignments-template.xlsx', '--org', 'rayong', '--year', '2568', '--lang', 'en')).stdout).toContain('nothing changed');
    const token = await cli('token', 'create', '--org', 'rayong');
    expect(token.stdout.trim()).toMatch(/^ita_[A-Za-z0-9_-]{40,}$/);
  }, 180_000);

  it('reports errors in Thai with a non-zero exit, and row errors one per line', async () => {
    const missing = await cli('import', 'docs/templates/assignments-template.csv', '--org', 'nope', '--year', '2568');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ไม่พบหน่วยงาน');
    const badYear = await cli('import', 'docs/templates/assignments-template.csv', '--org', 'rayong', '--year', '2599');
    expect(badYear.stderr).toContain('ยังไม่มีบัญชีรายการ');
  }, 180_000);

  it('plans reminders as of a given time without sending in a dry run, then links people with one-time codes', async () => {
    const dry = await cli('remind', '--now', '2025-03-24T09:00:00+07:00', '--dry-run');
    expect(dry.code).toBe(0);
    // Thai by default, dates in พ.ศ.; nobody linked yet says why nothing would be sent.
    expect(dry.stdout).toContain('ทดลองวางแผน (ไม่ส่งจริง) วันที่ 24 มีนาคม 2568');
    expect(dry.stdout).toMatch(/rayong: ยังไม่มีผู้ใดผูกบัญชี LINE: 0 จาก \d+ คน/);
    const en = await cli('remind', '--now', '2025-03-24T09:00:00+07:00', '--dry-run', '--lang', 'en');
    expect(en.stdout).toContain('dry run for 2025-03-24');
    expect(en.stdout).toMatch(/rayong: nobody has linked a LINE account yet: 0 of \d+/);
    expect((await cli('org', 'list')).stdout).toMatch(/^rayong\tสำนักงานจังหวัดระยอง\tผูกบัญชี LINE 0\/\d+ คน$/m);
    const code = await cli('link-code', '--org', 'rayong', '--officer', 'น.ส. สมศรี ทดสอบ');
    expect(code.stdout.trim()).toMatch(/^[A-Z0-9-]{8,10}$/);
    expect((await cli('link-code', '--org', 'rayong', '--officer', 'น.ส. สมศรี ทดสอบ', '--days', '0')).code).toBe(1);
  }, 180_000);

  it('explains a sheet in a dry run, refuses near-duplicates until an alias settles them, and round-trips a catalog', async () => {
    const sheet = join(dataDir, 'rayong-2568.csv');
    writeFileSync(sheet, [
      'ข้อ,หน่วยรับผิดชอบดำเนินการ,ชื่อ–สกุล,บทบาท',
      'O1.,กง.ยุทธศาสตร์ฯ,นางสาวสมศรี ทดสอบ,จัดทำข้อมูล',
      'O2,ก.ย.ยุทธศาสตร์ฯ,นางสาวสมศรี ทดสอบ,จัดทำข้อมูล',
    ].join('\n'));
    const dry = await cli('import', sheet, '--org', 'rayong', '--year', '2568', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('ทดลองนำเข้า (ยังไม่บันทึก)');
    expect(dry.stdout).toContain('ชื่อที่คล้ายกัน 1 คู่');
    expect(dry.stdout).toContain('unit alias "ก.ย.ยุทธศาสตร์ฯ" --to "กง.ยุทธศาสตร์ฯ" --org rayong');

    const refused = await cli('import', sheet, '--org', 'rayong', '--year', '2568');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('พบชื่อที่คล้ายกัน 1 คู่');

    const alias = await cli('unit', 'alias', 'ก.ย.ยุทธศาสตร์ฯ', '--to', 'กง.ยุทธศาสตร์ฯ', '--org', 'rayong');
    expect(alias.stdout).toContain('"ก.ย.ยุทธศาสตร์ฯ" = "กง.ยุทธศาสตร์ฯ"');
    const imported = await cli('import', sheet, '--org', 'rayong', '--year', '2568', '--lang', 'en');
    expect(imported.code).toBe(0);
    expect(imported.stdout).not.toContain('ก.ย.ยุทธศาสตร์ฯ');

    const exported = join(dataDir, 'ita-2569.csv');
    expect((await cli('catalog', 'export', '--year', '2568', '--format', 'csv', '--out', exported)).stdout).toContain('(28 ข้อ)');
    const loaded = await cli('catalog', 'import', exported, '--year', '2569', '--dry-run');
    expect(loaded.stdout).toContain('ทดลองนำเข้า (ยังไม่บันทึก)');
    expect(loaded.stdout).toContain('สร้างบัญชีรายการปี 2569 (ฉบับที่ 1)');
  }, 300_000); // six CLI processes
});
