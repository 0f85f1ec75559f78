import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/db.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ita-reports-cli-'));
// On the postgres project the CLI runs against a fresh real database; otherwise on its own PGlite.
let databaseUrl = '';
let dropDatabase = async () => {};
beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) return;
  const db = await createTestDatabase();
  databaseUrl = db.url!;
  dropDatabase = db.close;
});
afterAll(async () => {
  await dropDatabase();
  rmSync(dir, { recursive: true, force: true });
});

/** The real CLI as a child process. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [join(root, 'src/cli.ts'), ...args], {
      cwd: root,
      env: {
        ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: databaseUrl, LINE_CHANNEL_SECRET: '', LINE_CHANNEL_ACCESS_TOKEN: '',
        LOG_LEVEL: 'silent', LINK_CHECK_TIMEOUT_MS: '1000',
      },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('the reports CLI (Thai by default)', () => {
  it('exports the ITAS sheet and the chart, format from the file name', async () => {
    expect((await cli('demo')).code).toBe(0);
    const csv = join(dir, 'itas.csv');
    expect((await cli('export', 'itas', '--org', 'demo', '--year', '2568', '--out', csv)).stdout).toContain(`ส่งออกแบบกรอก ITASแล้ว: ${csv} (28 ข้อ)`);
    expect(readFileSync(csv, 'utf8').startsWith('\ufeffข้อ,ข้อมูล,มี/ไม่มี')).toBe(true);
    const png = join(dir, 'chart.png');
    expect((await cli('export', 'chart', '--org', 'demo', '--year', '2568', '--out', png, '--lang', 'en')).stdout).toContain('Exported the progress chart');
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    const bad = await cli('export', 'itas', '--org', 'demo', '--year', '2568', '--out', join(dir, 'x.pdf'));
    expect([bad.code, bad.stderr.includes('.xlsx หรือ .csv')]).toEqual([1, true]);
  }, 240_000);

  it('publishes the page, exports it as one file and checks the links', async () => {
    expect((await cli('org', 'publish', '--org', 'demo', '--year', '2568')).stdout).toContain('เผยแพร่หน้า ITA ของ demo ปี 2568 แล้ว: http://127.0.0.1:3000/public/demo/2568');
    const page = join(dir, 'index.html');
    expect((await cli('export', 'page', '--org', 'demo', '--year', '2568', '--out', page)).stdout).toContain('ส่งออกหน้า ITA เป็นไฟล์เดียวแล้ว');
    expect(readFileSync(page, 'utf8')).toContain('การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2568');
    // The demo's links are on an invented website: without network they fail, and are reported.
    expect((await cli('links', 'check', '--org', 'demo')).stdout).toMatch(/^ตรวจลิงก์หลักฐานปี 2568: \d+ ลิงก์/);
  }, 240_000);

  it('rolls a year over: the dry run lists merged, new and dropped items', async () => {
    expect((await cli('import', 'docs/templates/assignments-template.csv', '--org', 'demo', '--year', '2567')).code).toBe(0);
    const dry = await cli('rollover', '--org', 'demo', '--from', '2567', '--to', '2568', '--dry-run');
    expect(dry.stdout).toContain('ทดลองยกยอดงาน 2567 → 2568 (ยังไม่บันทึกข้อมูล)');
    expect(dry.stdout).toContain('รวมข้อ: O1+O3 → O1 โครงสร้างและอำนาจหน้าที่');
    expect(dry.stdout).toContain('ตัดออกในปีใหม่ (1)');
  }, 240_000);

  it('`deliveries` refuses a status it does not know (instead of listing nothing), and speaks English with --lang en', async () => {
    const bad = await cli('deliveries', '--org', 'demo', '--status', 'dropped,dropd');
    expect([bad.code, bad.stderr.includes('ไม่รู้จักสถานะ dropd ใช้ได้: pending, sending, sent, merged, dropped, failed, expired')]).toEqual([1, true]);
    const en = await cli('deliveries', '--org', 'demo', '--status', 'dropped', '--lang', 'en');
    expect([en.code, en.stdout.startsWith('delivery log of')]).toEqual([0, true]);
  }, 120_000);
});
