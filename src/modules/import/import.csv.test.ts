import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentPeople, assignments, catalogItems, cycles, officers, units } from '../../db/schema.ts';
import { countsFor, csvBytes, EN_HEADERS, setupImport, TH_HEADERS } from '../../../test/helpers/import-support.ts';

let env: Awaited<ReturnType<typeof setupImport>>;
beforeAll(async () => { env = await setupImport(); });
afterAll(async () => { await env.database.close(); });

async function assignmentsOf(orgId: number) {
  return env.db
    .select({ code: catalogItems.code, unit: units.name, due: assignments.dueOn, resp: assignments.responsibility, id: assignments.id })
    .from(assignments)
    .innerJoin(catalogItems, eq(catalogItems.id, assignments.itemId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(eq(assignments.orgId, orgId));
}

describe('importing a CSV assignment sheet', () => {
  it('imports a sheet with Thai headers: units, officers with positions, assignments and roles', async () => {
    const actor = await env.createOrg();
    const bytes = csvBytes([
      TH_HEADERS,
      ['O1', 'กลุ่มงานยุทธศาสตร์', 'หลัก', 'นายสมชาย ตัวอย่าง', 'นักวิเคราะห์นโยบายและแผน', 'ผู้จัดทำ', '31/03/2568', ''],
      ['O1', 'กลุ่มงานยุทธศาสตร์', 'หลัก', 'นางสาวสมศรี ทดสอบ', 'ผอ.กลุ่มงานยุทธศาสตร์', 'ผู้กำกับติดตาม', '31/03/2568', ''],
      ['O1', 'กลุ่มงานอำนวยการ', 'ร่วม', 'นางวิไล ใจดี', 'หัวหน้าสำนักงาน', 'ผู้รับรอง', '', 'U0123456789abcdef0123456789abcdef'],
      ['O12', 'กลุ่มงานอำนวยการ', '', 'นางวิไล ใจดี', '', 'ผู้รับรอง', '2025-04-30', ''],
    ]);
    const summary = await env.imports.importSheet(actor, { fileName: 'มอบหมาย.csv', bytes, year: 2568 });
    expect(summary).toMatchObject({
      year: 2568, cycleCreated: true, rows: 4, unitsCreated: 2, officersCreated: 3, officersUpdated: 0,
      assignmentsCreated: 3, assignmentsUpdated: 0, peopleAdded: 4, unchanged: false,
    });
    const list = await assignmentsOf(actor.orgId);
    expect(list).toHaveLength(3);
    expect(list.map(({ code, unit, due, resp }) => ({ code, unit, due, resp }))).toEqual(expect.arrayContaining([
      { code: 'O1', unit: 'กลุ่มงานยุทธศาสตร์', due: '2025-03-31', resp: 'main' },
      { code: 'O1', unit: 'กลุ่มงานอำนวยการ', due: null, resp: 'co' },
      { code: 'O12', unit: 'กลุ่มงานอำนวยการ', due: '2025-04-30', resp: 'main' },
    ]));
    const [wilai] = await env.db.select().from(officers).where(and(eq(officers.orgId, actor.orgId), eq(officers.name, 'นางวิไล ใจดี')));
    expect(wilai).toMatchObject({ position: 'หัวหน้าสำนักงาน', lineUserId: 'U0123456789abcdef0123456789abcdef' });
    const [unit] = await env.db.select().from(units).where(eq(units.id, wilai!.unitId!));
    expect(unit!.name).toBe('กลุ่มงานอำนวยการ');
    const roles = await env.db.select({ role: assignmentPeople.role }).from(assignmentPeople).where(eq(assignmentPeople.officerId, wilai!.id));
    expect(roles.map((r) => r.role)).toEqual(['certifier', 'certifier']);
  });

  it('reads English headers in any case and spacing, and defaults an empty role to preparer', async () => {
    const actor = await env.createOrg();
    const headers = EN_HEADERS.map((h) => (h === 'line_user_id' ? 'LINE User ID' : ` ${h.toUpperCase()} `));
    const bytes = csvBytes([headers, ['o5', 'Finance Division', 'co', 'Ms. Jane Example', 'Analyst', '', '2025-03-31', '']]);
    const s = await env.imports.importSheet(actor, { fileName: 'sheet.CSV', bytes, year: 2568 });
    expect(s).toMatchObject({ unitsCreated: 1, officersCreated: 1, assignmentsCreated: 1, peopleAdded: 1 });
    const [p] = await env.db.select({ role: assignmentPeople.role }).from(assignmentPeople).where(eq(assignmentPeople.orgId, actor.orgId));
    expect(p!.role).toBe('preparer');
    expect((await assignmentsOf(actor.orgId))[0]).toMatchObject({ code: 'O5', resp: 'co' });
  });

  it('reads Buddhist-era dates: 31/03/2568, 31 มี.ค. 2568, Thai digits and a two-digit year', async () => {
    const actor = await env.createOrg();
    const bytes = csvBytes([
      TH_HEADERS,
      ['O1', 'ก.หนึ่ง', '', 'นายหนึ่ง ทดสอบ', '', 'ผู้จัดทำ', '31/03/2568', ''],
      ['O2', 'ก.หนึ่ง', '', 'นายหนึ่ง ทดสอบ', '', 'ผู้จัดทำ', '31 มี.ค. 2568', ''],
      ['O3', 'ก.หนึ่ง', '', 'นายหนึ่ง ทดสอบ', '', 'ผู้จัดทำ', '๓๐ เมษายน ๒๕๖๘', ''],
      ['O4', 'ก.หนึ่ง', '', 'นายหนึ่ง ทดสอบ', '', 'ผู้จัดทำ', '๑๕/๐๕/๖๘', ''],
      ['O5', 'ก.หนึ่ง', '', 'นายหนึ่ง ทดสอบ', '', 'ผู้จัดทำ', '2025-06-01', ''],
    ]);
    await env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2568 });
    const due = Object.fromEntries((await assignmentsOf(actor.orgId)).map((a) => [a.code, a.due]));
    expect(due).toEqual({ O1: '2025-03-31', O2: '2025-03-31', O3: '2025-04-30', O4: '2025-05-15', O5: '2025-06-01' });
  });

  it('assigns a ทุกส่วนราชการ row to every unit, existing and new, and a named unit overrides it', async () => {
    const actor = await env.createOrg();
    await env.db.insert(units).values({ orgId: actor.orgId, name: 'สำนักงานเดิม', nameKey: 'สำนักงานเดิม' });
    const bytes = csvBytes([
      TH_HEADERS,
      ['O1', 'ก.ยุทธศาสตร์', 'หลัก', 'นายสมชาย ตัวอย่าง', '', 'ผู้จัดทำ', '31/03/2568', ''],
      ['O1', 'ทุกส่วนราชการ', 'ร่วม', '', '', '', '30/04/2568', ''],
      ['O1', 'ก.อำนวยการ', '', '', '', '', '', ''],
      ['O2', 'ทุกหน่วยงาน', '', 'นางสาวสมศรี ทดสอบ', '', 'ผู้กำกับติดตาม', '', ''],
    ]);
    const s = await env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2568 });
    expect(s).toMatchObject({ unitsCreated: 2, assignmentsCreated: 6, peopleAdded: 4 });
    const list = await assignmentsOf(actor.orgId);
    const o1 = Object.fromEntries(list.filter((a) => a.code === 'O1').map((a) => [a.unit, [a.resp, a.due]]));
    expect(o1).toEqual({
      'ก.ยุทธศาสตร์': ['main', '2025-03-31'],
      'ก.อำนวยการ': ['co', '2025-04-30'],
      'สำนักงานเดิม': ['co', '2025-04-30'],
    });
    expect(list.filter((a) => a.code === 'O2').map((a) => a.unit).sort()).toEqual(['ก.ยุทธศาสตร์', 'ก.อำนวยการ', 'สำนักงานเดิม']);
    const names = (await env.db.select({ name: units.name }).from(units).where(eq(units.orgId, actor.orgId))).map((u) => u.name);
    expect(names).not.toContain('ทุกส่วนราชการ');
    expect(names).not.toContain('ทุกหน่วยงาน');
  });

  it('matches officers and units that differ only by honorific, spacing or line breaks', async () => {
    const actor = await env.createOrg();
    const bytes = csvBytes([
      TH_HEADERS,
      ['O1', 'กลุ่มงาน ยุทธศาสตร์', '', 'นางสาวสมศรี  ทดสอบ', 'ผอ.กลุ่มงาน', 'ผู้จัดทำ', '', ''],
      ['O2', 'กลุ่มงานยุทธศาสตร์', '', 'น.ส.สมศรี\nทดสอบ', '', 'ผู้จัดทำ', '', ''],
      ['O3', 'กลุ่มงาน\nยุทธศาสตร์ ', '', 'สมศรี ทดสอบ', '', 'ผู้รับรอง', '', ''],
      ['O4', 'กลุ่มงานยุทธศาสตร์', '', 'นายสมชาย\r\nตัวอย่าง', '', 'ผู้จัดทำ', '', ''],
      ['O4', 'กลุ่มงานยุทธศาสตร์', '', 'สมชาย ตัวอย่าง', '', 'ผู้กำกับติดตาม', '', ''],
    ]);
    const s = await env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2568 });
    expect(s).toMatchObject({ unitsCreated: 1, officersCreated: 2, assignmentsCreated: 4, peopleAdded: 5 });
    const people = await env.db.select({ name: officers.name }).from(officers).where(eq(officers.orgId, actor.orgId));
    expect(people.map((p) => p.name).sort()).toEqual(['นางสาวสมศรี ทดสอบ', 'นายสมชาย ตัวอย่าง']);

    // A later sheet spelling both differently still finds them, and updates the position it gives.
    const again = csvBytes([TH_HEADERS, ['O5', 'กลุ่มงานยุทธ ศาสตร์', '', 'น.ส. สมศรี ทดสอบ', 'ผอ.กลุ่มงานยุทธศาสตร์ฯ', 'ผู้จัดทำ', '', '']]);
    const s2 = await env.imports.importSheet(actor, { fileName: 'b.csv', bytes: again, year: 2568 });
    expect(s2).toMatchObject({ unitsCreated: 0, officersCreated: 0, officersUpdated: 1, assignmentsCreated: 1 });
    const [somsri] = await env.db.select().from(officers).where(and(eq(officers.orgId, actor.orgId), eq(officers.name, 'นางสาวสมศรี ทดสอบ')));
    expect(somsri!.position).toBe('ผอ.กลุ่มงานยุทธศาสตร์ฯ');
  });

  it('creates the cycle on the year\'s built-in catalog when the organization has none for that year', async () => {
    const actor = await env.createOrg();
    expect((await countsFor(env.db, actor.orgId)).cycles).toBe(0);
    const bytes = csvBytes([TH_HEADERS, ['O43', 'ก.หนึ่ง', '', '', '', '', '', '']]);
    const s = await env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2566 });
    expect(s.cycleCreated).toBe(true);
    const [cycle] = await env.db.select().from(cycles).where(eq(cycles.orgId, actor.orgId));
    expect(cycle).toMatchObject({ year: 2566, catalogYear: 2566 });
    const again = await env.imports.importSheet(actor, { fileName: 'a.csv', bytes: csvBytes([TH_HEADERS, ['O1', 'ก.หนึ่ง', '', '', '', '', '', '']]), year: 2566 });
    expect(again.cycleCreated).toBe(false);
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const actor = await env.createOrg();
    const bytes = csvBytes([TH_HEADERS, ['O1', 'ก.หนึ่ง', '', 'นายหนึ่ง ทดสอบ', '', 'ผู้จัดทำ', '', '']]);
    const s = await env.imports.importSheet(actor, { fileName: 'a.csv', bytes, year: 2568, dryRun: true });
    expect(s).toMatchObject({ dryRun: true, cycleCreated: true, unitsCreated: 1, officersCreated: 1, assignmentsCreated: 1, unchanged: false });
    expect(await countsFor(env.db, actor.orgId)).toEqual({ units: 0, officers: 0, assignments: 0, people: 0, audit: 0, cycles: 0 });
  });
});
