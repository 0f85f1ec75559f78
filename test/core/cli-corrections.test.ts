import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'ita-cli-fix-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The real CLI as a child process, on its own embedded database. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [join(root, 'src/cli.ts'), ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LINE_CHANNEL_SECRET: '', LINE_CHANNEL_ACCESS_TOKEN: '', LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  await cli('org', 'add', 'fixcli', '--name', 'สำนักงานทดสอบ');
  await cli('import', 'docs/templates/assignments-template.csv', '--org', 'fixcli', '--year', '2568');
}, 180_000);

describe('the admin corrects from the CLI, in Thai', () => {
  it('lists officers with their LINE status, moves a due date, puts a person on an item and hands work over', async () => {
    const list = await cli('officers', '--org', 'fixcli', '--unlinked');
    expect(list.stdout).toContain('นายสมชาย ตัวอย่าง');
    expect(list.stdout).toContain('ยังไม่ผูก LINE');
    const due = await cli('due', '30/04/2568', '--org', 'fixcli', '--item', 'O1');
    expect(due.stdout).toContain('เปลี่ยนกำหนดส่งเป็น 30 เมษายน 2568 แล้ว 1 จาก 1 รายการ');
    expect((await cli('due', '31/02/2568', '--org', 'fixcli', '--item', 'O1')).code).toBe(1);
    const assign = await cli('assign', 'นางวิไล ใจดี', '--org', 'fixcli', '--item', 'O13', '--role', 'ผู้รับรอง');
    expect(assign.stdout).toContain('นางวิไล ใจดี เป็นผู้รับรอง O13');
    const transfer = await cli('transfer', 'นายสมชาย ตัวอย่าง', 'นายประเสริฐ มั่นคง', '--org', 'fixcli');
    expect(transfer.stdout).toMatch(/โอนงาน \d+ รายการจาก นายสมชาย ตัวอย่าง ให้ นายประเสริฐ มั่นคง แล้ว/);
    expect((await cli('review-steps', '--org', 'fixcli', '--steps', '1')).stdout).toContain('ตรวจขั้นเดียว');
  }, 180_000);

  it('reads the audit log, lists and revokes tokens, shows holidays and the policy in force, lists an item’s links', async () => {
    const audit = await cli('audit', '--org', 'fixcli', '--item', 'O1');
    expect(audit.stdout).toMatch(/assignment\.due_date/);
    expect(audit.stdout).toMatch(/รวม \d+ รายการ/);
    expect((await cli('audit', '--org', 'fixcli', '--since', 'พรุ่งนี้')).code).toBe(1);
    await cli('token', 'create', '--org', 'fixcli', '--label', 'รายงาน');
    expect((await cli('token', 'list', '--org', 'fixcli')).stdout).toMatch(/^1\tรายงาน\tสร้าง .*\tใช้งานได้$/m);
    expect((await cli('token', 'revoke', '1', '--org', 'fixcli')).stdout).toContain('เพิกถอนโทเค็น 1 (รายงาน) ของ fixcli แล้ว');
    expect((await cli('holiday', '13/04/2568', 'สงกรานต์', '--org', 'fixcli')).stdout).toContain('เพิ่มวันหยุด 13 เมษายน 2568 (สงกรานต์)');
    expect((await cli('holidays', '--org', 'fixcli')).stdout).toContain('13 เมษายน 2568\tสงกรานต์');
    expect((await cli('holiday-remove', '13/04/2568', '--org', 'fixcli')).stdout).toContain('ลบวันหยุด 13 เมษายน 2568 (สงกรานต์)');
    const policy = await cli('policy', '--org', 'fixcli');
    expect(policy.stdout).toContain('นโยบายการเตือนที่ใช้อยู่ของ fixcli');
    expect(policy.stdout).toMatch(/ช่วงเวลาส่ง: \d\d:\d\d–\d\d:\d\d น\./);
    expect(policy.stdout).not.toContain('{');
    expect((await cli('evidence', '--org', 'fixcli', '--item', 'O1')).stdout).toContain('ยังไม่มีลิงก์หลักฐาน');
  }, 360_000);
});

describe('the corrections speak English with --lang en, Thai without it', () => {
  const THAI = /[\u0E00-\u0E7F]/;
  it('officers, due, holidays and policy print English lines with --lang en and the same Thai lines without it', async () => {
    const due = await cli('due', '31/05/2568', '--org', 'fixcli', '--item', 'O2', '--lang', 'en');
    expect(due.stdout.trim()).toMatch(/^due date set to 2025-05-31: [1-9]\d* of [1-9]\d* item\(s\) changed$/);
    expect((await cli('due', '30/06/2568', '--org', 'fixcli', '--item', 'O2')).stdout).toMatch(/^เปลี่ยนกำหนดส่งเป็น 30 มิถุนายน 2568 แล้ว [1-9]\d* จาก [1-9]\d* รายการ$/m);

    const officers = (await cli('officers', '--org', 'fixcli', '--lang', 'en')).stdout.trim().split('\n');
    expect(officers.at(-1)).toMatch(/^\d+ officer\(s\) in all, 0 linked to LINE$/);
    expect(officers.find((l) => l.startsWith('นายสมชาย ตัวอย่าง'))).toMatch(/ · LINE not linked$/);
    expect((await cli('officers', '--org', 'fixcli')).stdout).toMatch(/รวม \d+ คน, ผูกบัญชี LINE แล้ว 0 คน/);

    await cli('holiday', '05/05/2568', '--org', 'fixcli');
    const holidays = (await cli('holidays', '--org', 'fixcli', '--lang', 'en')).stdout.trim().split('\n');
    expect(holidays).toContain('2025-05-05\t-');
    expect(holidays.at(-1)).toMatch(/^\d+ day\(s\) in all$/);
    expect((await cli('holidays', '--org', 'fixcli')).stdout).toContain('5 พฤษภาคม 2568\t-');

    const policy = await cli('policy', '--org', 'fixcli', '--lang', 'en');
    expect(policy.stdout).toContain('reminder policy in force for fixcli');
    expect(policy.stdout).toMatch(/send window: \d\d:\d\d–\d\d:\d\d \(Asia\/Bangkok\)/);
    expect(policy.stdout).not.toMatch(THAI);
    expect(holidays.join('\n')).not.toMatch(THAI);
    expect(due.stdout + due.stderr).not.toMatch(THAI);
  }, 360_000);
});
