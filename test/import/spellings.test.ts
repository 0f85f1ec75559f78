import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentPeople, assignments, catalogItems, officers } from '../../src/db/schema.ts';
import { fieldOf, matchColumns, meaningOf } from '../../src/modules/import/import.headers.ts';
import { parseRole, parseStatus, readDue } from '../../src/modules/import/import.values.ts';
import { isAppError, type ImportRowError } from '../../src/shared/errors.ts';
import { csvBytes, setupImport } from '../helpers/import-support.ts';

/** Issue 8 items 1, 3 and 6: headers, role words and values as agencies write them. */
let env: Awaited<ReturnType<typeof setupImport>>;
beforeAll(async () => { env = await setupImport(); });
afterAll(async () => { await env.database.close(); });

describe('headers as agencies write them', () => {
  it.each([
    ['ข้อ', 'item'], ['ข้อที่', 'item'], ['ลำดับข้อ', 'item'], ['1. ข้อที่', 'item'], ['<b>ข้อ</b>', 'item'],
    ['หน่วยรับผิดชอบดำเนินการ', 'unit'], ['ส่วนราชการที่รับผิดชอบ', 'unit'], ['ส่วนราชการที่เกี่ยวข้อง', 'unit'], ['หน่วยงานที่รับผิดชอบ', 'unit'],
    ['กลุ่มงานที่รับผิดชอบ (หลัก)', 'unit'], ['2) หน่วยงาน', 'unit'],
    ['ชื่อ–สกุล', 'officer'], ['ชื่อ — สกุล', 'officer'], ['ชื่อ-ชื่อสกุล', 'officer'], ['ชื่อ-สกุล/ตำแหน่ง', 'officer'],
    ['หลัก/ร่วม', 'responsibility'], ['สถานะ', 'status'], ['รายงานผลการตรวจสอบข้อมูล ตามแผนการดำเนินงาน', 'status'],
    ['กำหนดส่ง (วว/ดด/ปปปป)', 'due'],
  ])('"%s" is the %s column', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it.each([
    ['ผู้รายงานข้อมูล', 'preparer'], ['ผู้จัดทำข้อมูล', 'preparer'], ['ผู้รับผิดชอบกำกับติดตาม/จัดทำข้อมูล', 'preparer'],
    ['ผู้กำกับติดตาม', 'supervisor'], ['ผู้รับรองข้อมูลครบถ้วนถูกต้องตามประเด็นข้อคำถาม', 'certifier'],
  ])('"%s" is a column of %ss (wide form)', (header, role) => {
    expect(meaningOf(header)).toEqual({ roleColumn: role });
  });

  it('decides a "ชื่อ" column by its content: item codes make it the item column, names the officer column', () => {
    expect(matchColumns(['ชื่อ', 'หน่วยงาน'], [['O1', 'ก'], ['○13', 'ข'], ['029', 'ค']]).fields.get('item')).toBe(0);
    expect(matchColumns(['ข้อ', 'ชื่อ', 'หน่วยงาน'], [['O1', 'นายหนึ่ง ทดสอบ', 'ก']]).fields.get('officer')).toBe(1);
  });
});

describe('role words and values', () => {
  it.each([
    ['จัดทำข้อมูล', 'preparer'], ['ผู้รายงานข้อมูล', 'preparer'], ['กำกับติดตาม', 'supervisor'], ['ผู้รับผิดชอบกำกับติดตาม', 'supervisor'],
    ['รับรองข้อมูล', 'certifier'], ['ผู้รับรองข้อมูลครบถ้วนถูกต้อง (เฉพาะสำนักงานจังหวัด)', 'certifier'],
  ])('"%s" is a %s', (word, role) => {
    expect(parseRole(word)).toBe(role);
  });

  it('reads dates after leading words, in Thai digits and with two-digit years, and refuses a year alone', () => {
    expect(readDue('ณ วันที่ 31 มี.ค. 68')).toEqual({ ok: true, iso: '2025-03-31' });
    expect(readDue('ภายในวันที่ ๓๐/๐๔/๒๕๖๘')).toEqual({ ok: true, iso: '2025-04-30' });
    expect(readDue('วันที่ 15 พฤษภาคม 2568')).toEqual({ ok: true, iso: '2025-05-15' });
    expect(readDue('ประจำปีงบประมาณ พ.ศ. 2567')).toEqual({ ok: false, yearOnly: true });
    expect(readDue('พรุ่งนี้')).toEqual({ ok: false, yearOnly: false });
  });

  it('reads statuses: in progress, done, none because…', () => {
    expect(parseStatus('อยู่ระหว่างการดำเนินการ')).toEqual({ kind: 'in_progress', reason: null });
    expect(parseStatus('ดำเนินการแล้ว')).toEqual({ kind: 'done', reason: null });
    expect(parseStatus('ไม่มี เนื่องจากไม่ได้รับงบลงทุน')).toEqual({ kind: 'not_applicable', reason: 'ไม่มี เนื่องจากไม่ได้รับงบลงทุน' });
    expect(parseStatus('ไม่มี')).toEqual({ kind: 'not_applicable', reason: null });
    expect(parseStatus('รอ')).toBeNull();
  });
});

describe('a long sheet written every way at once', () => {
  it('imports codes with a trailing period, role words, dated deadlines and statuses', async () => {
    const actor = await env.createOrg();
    const bytes = csvBytes([
      ['ลำดับข้อ', 'หน่วยงานที่รับผิดชอบ', 'ชื่อ–สกุล', 'บทบาท', 'กำหนดส่ง (วว/ดด/ปป)', 'สถานะ'],
      ['O1.', 'กลุ่มงานอำนวยการ', 'นางสาวสมใจ ทดลอง', 'จัดทำข้อมูล', 'ณ วันที่ 31 มี.ค. 68', 'อยู่ระหว่างดำเนินการ'],
      ['ข้อ 2', 'กลุ่มงานอำนวยการ', 'นายสมบัติ ทดลอง', 'ผู้รับผิดชอบกำกับติดตาม', '๓๐/๐๔/๒๕๖๘', 'ดำเนินการแล้ว'],
      ['๐๓', 'กลุ่มงานอำนวยการ', 'นางมาลี ทดลอง', 'ผู้รับรองข้อมูลครบถ้วนถูกต้อง', '', 'ไม่มี เนื่องจากไม่มีการให้บริการ'],
    ]);
    const s = await env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2568 });
    expect(s).toMatchObject({ assignmentsCreated: 3, officersCreated: 3 });
    const rows = await env.db
      .select({ code: catalogItems.code, due: assignments.dueOn, status: assignments.status, note: assignments.statusNote, role: assignmentPeople.role, name: officers.name })
      .from(assignments).innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
      .innerJoin(assignmentPeople, eq(assignmentPeople.assignmentId, assignments.id)).innerJoin(officers, eq(officers.id, assignmentPeople.officerId))
      .where(eq(assignments.orgId, actor.orgId)).orderBy(catalogItems.number);
    expect(rows).toEqual([
      { code: 'O1', due: '2025-03-31', status: 'in_progress', note: null, role: 'preparer', name: 'นางสาวสมใจ ทดลอง' },
      { code: 'O2', due: '2025-04-30', status: 'approved', note: null, role: 'supervisor', name: 'นายสมบัติ ทดลอง' },
      { code: 'O3', due: null, status: 'not_applicable', note: 'ไม่มี เนื่องจากไม่มีการให้บริการ', role: 'certifier', name: 'นางมาลี ทดลอง' },
    ]);
  });

  it('refuses a deadline that is only a year, saying a day is needed', async () => {
    const actor = await env.createOrg();
    const bytes = csvBytes([['ข้อ', 'หน่วยงาน', 'กำหนดส่ง'], ['O1', 'ก.หนึ่ง', 'ประจำปีงบประมาณ พ.ศ. 2567']]);
    const e = await env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2568 }).catch((x: unknown) => x);
    expect(isAppError(e) && (e.params.rowErrors as ImportRowError[])[0]).toMatchObject({ row: 2, column: 'กำหนดส่ง', reason: expect.stringContaining('ต้องระบุวันกำหนดส่งด้วย') });
  });
});
