import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/modules/auth/actor.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedReportOrg } from './fixtures.ts';

let t: TestContext;
let token: string;
let orgId: number;

beforeAll(async () => {
  t = await createTestContext();
  const s = await seedReportOrg(t.container);
  orgId = s.org.id;
  token = (await t.container.auth.createToken(orgId)).token;
});
afterAll(() => t.close());

const auth = () => ({ authorization: `Bearer ${token}` });
const xml = (bytes: Buffer, path: string) => strFromU8(unzipSync(new Uint8Array(bytes))[path]!);
const rowOf = (rows: unknown[][], code: string) => rows.find((r) => r[0] === code)!;

describe('the ITAS submission sheet', () => {
  it('has one row per catalog item in catalog order, with approved URLs of every unit, labels, reasons and a status flag', async () => {
    const file = await t.container.reports.exportSheet(cliActor(orgId), 'itas', 2568, 'xlsx');
    expect(file.fileName).toBe('itas-rpt-2568.xlsx');
    const rows = (await readSheet(file.bytes)) as unknown[][];
    expect(rows[0]).toEqual(['ข้อ', 'ข้อมูล', 'มี/ไม่มี', 'URL', 'คำอธิบายเพิ่มเติม', 'สถานะ (ก่อนกรอก ITAS)']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 28 }, (_, i) => `O${i + 1}`));
    // O1: two units, both approved: every URL, one per line, labels named by unit.
    expect(rowOf(rows, 'O1')).toEqual([
      'O1',
      'โครงสร้างและอำนาจหน้าที่',
      'มี',
      'https://www.rpt.go.th/structure\nhttps://www.rpt.go.th/units/finance-chart',
      'กลุ่มงานยุทธศาสตร์: =1+1 แผนผังโครงสร้าง\nกลุ่มงานการเงิน: แผนผังกลุ่มงานการเงิน',
      'พร้อมกรอก',
    ]);
    // O2: one unit approved, one still in progress: only the approved URL, the other unit flagged.
    const o2 = rowOf(rows, 'O2');
    expect(o2[2]).toBe('มี');
    expect(o2[3]).toBe('https://www.rpt.go.th/executives');
    expect(o2[5]).toBe('ยังไม่รับรอง: กลุ่มงานการเงิน (อยู่ระหว่างดำเนินการ)');
    // O14: not applicable: ไม่มี, with the reason as NACC expects it.
    expect(rowOf(rows, 'O14')[2]).toBe('ไม่มี');
    expect(rowOf(rows, 'O14')[4]).toBe('ไม่มี เนื่องจากหน่วยงานไม่มีแผนการจัดซื้อจัดจ้างในปีนี้');
    expect(rowOf(rows, 'O14')[5]).toBe('พร้อมกรอก');
    // O5: submitted, not approved: no URL leaks into ITAS, flagged.
    expect(rowOf(rows, 'O5')[3]).toBeNull();
    expect(rowOf(rows, 'O5')[5]).toBe('ยังไม่รับรอง: กลุ่มงานยุทธศาสตร์ (ส่งตรวจแล้ว (รอตรวจ))');
    // O28: nobody assigned.
    expect(rowOf(rows, 'O28')[5]).toBe('ยังไม่ได้มอบหมาย');
  });

  it('writes formula-looking text as text, freezes the header row and sets readable column widths', async () => {
    const file = await t.container.reports.exportSheet(cliActor(orgId), 'itas', 2568, 'xlsx');
    const sheet = xml(file.bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('<f>');
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    const widths = [...sheet.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(6);
    expect(widths[1]).toBeGreaterThanOrEqual(40);
    expect(widths[3]).toBeGreaterThanOrEqual(50);
  });

  it('as CSV: UTF-8 with a BOM, formula-looking cells escaped, the same rows', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/exports/itas?year=2568&format=csv', headers: auth() });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe('attachment; filename="itas-rpt-2568.csv"');
    expect([...r.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(r.rawPayload, { bom: true }) as string[][];
    expect(rows[0]![0]).toBe('ข้อ');
    expect(rows).toHaveLength(29);
    const o1 = rowOf(rows, 'O1');
    expect(o1[4]).toBe('กลุ่มงานยุทธศาสตร์: =1+1 แผนผังโครงสร้าง\nกลุ่มงานการเงิน: แผนผังกลุ่มงานการเงิน');
    // A cell that itself starts with = + - @ gets a leading apostrophe.
    expect(rowOf(rows, 'O3')[4]).toBe("'=HYPERLINK(\"https://evil.example\",\"click\")");
    expect(rowOf(rows, 'O14')[2]).toBe('ไม่มี');
  });

  it('in English on request, and refuses a year without a cycle, a bad format and a missing token', async () => {
    const en = await t.app.inject({ method: 'GET', url: '/api/v1/exports/itas?year=2568&format=csv', headers: { ...auth(), 'accept-language': 'en' } });
    expect((parse(en.rawPayload, { bom: true }) as string[][])[0]).toEqual(['Item', 'Information', 'Yes/No', 'URL', 'Explanation', 'Status (before ITAS entry)']);
    const noCycle = await t.app.inject({ method: 'GET', url: '/api/v1/exports/itas?year=2567', headers: auth() });
    expect(noCycle.statusCode).toBe(404);
    expect(noCycle.json().error.message).toContain('ไม่พบรอบการประเมิน');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/exports/itas?year=2568&format=pdf', headers: auth() })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/exports/itas?year=2568' })).statusCode).toBe(401);
  });
});

describe('the status report', () => {
  it('lists units main/co, people with positions, Thai status per unit, พ.ศ. due dates, every link and the last return comment', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/exports/status?year=2568', headers: auth() });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('status-rpt-2568.xlsx');
    const rows = (await readSheet(r.rawPayload)) as unknown[][];
    expect(rows[0]).toEqual([
      'ข้อ', 'ข้อมูล', 'หน่วยงานรับผิดชอบหลัก', 'หน่วยงานรับผิดชอบร่วม', 'ผู้จัดทำข้อมูล (ตำแหน่ง)', 'ผู้กำกับติดตาม',
      'ผู้รับรองข้อมูล', 'สถานะ', 'กำหนดส่ง', 'URL', 'ความเห็นล่าสุด (ส่งกลับแก้ไข)',
    ]);
    const o2 = rowOf(rows, 'O2');
    expect(o2[2]).toBe('กลุ่มงานยุทธศาสตร์');
    expect(o2[3]).toBe('กลุ่มงานการเงิน');
    expect(o2[4]).toBe('นางสาวทดสอบ ตัวอย่าง (นักวิเคราะห์นโยบายและแผน)\nนายสมมติ ใจดี (นักวิชาการเงินและบัญชี)');
    expect(o2[5]).toBe('นายกำกับ ติดตาม (ผอ.กลุ่มงานยุทธศาสตร์)');
    expect(o2[6]).toBe('นางรับรอง ข้อมูล (หัวหน้าสำนักงาน)');
    expect(o2[7]).toBe('กลุ่มงานยุทธศาสตร์: รับรองแล้ว (เสร็จสมบูรณ์)\nกลุ่มงานการเงิน: อยู่ระหว่างดำเนินการ');
    expect(o2[8]).toBe('31 มีนาคม 2568');
    expect(o2[10]).toBe('กลุ่มงานยุทธศาสตร์: ลิงก์เปิดไม่ได้ กรุณาแก้ไข');
    expect(rowOf(rows, 'O14')[7]).toBe('ไม่มีข้อมูล (มีเหตุผล)');
    // A formula-looking unit name stays text in the XLSX too.
    expect(rowOf(rows, 'O3')[2]).toBe('-กลุ่มงานพิเศษ');
    expect(xml(r.rawPayload, 'xl/worksheets/sheet1.xml')).not.toContain('<f>');
  });

  it('escapes a formula-looking unit name in CSV', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/exports/status?year=2568&format=csv', headers: auth() });
    const rows = parse(r.rawPayload, { bom: true }) as string[][];
    expect(rowOf(rows, 'O3')[2]).toBe("'-กลุ่มงานพิเศษ");
  });
});
