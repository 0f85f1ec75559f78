import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, auditLog, officers } from '../../db/schema.ts';
import { countsFor, csvBytes, setupImport, TH_HEADERS } from '../../../test/helpers/import-support.ts';

let env: Awaited<ReturnType<typeof setupImport>>;
beforeAll(async () => { env = await setupImport(); });
afterAll(async () => { await env.database.close(); });

/** One LINE account belongs to one organization, so each organization's sheet carries its own id. */
const sheetFor = (orgId: number) => SHEET.map((r) => r.map((c) => (c === LINE_ID ? `U${orgId.toString(16).padStart(32, '0')}` : c)));
const LINE_ID = `U${'b'.repeat(32)}`;
const SHEET = [
  TH_HEADERS,
  ['O1', 'ก.ยุทธศาสตร์', 'หลัก', 'นายสมชาย ตัวอย่าง', 'นวค.ชำนาญการ', 'ผู้จัดทำ', '31/03/2568', ''],
  ['O1', 'ก.ยุทธศาสตร์', 'หลัก', 'นางสาวสมศรี ทดสอบ', 'ผอ.ก.ยุทธศาสตร์', 'ผู้รับรอง', '31/03/2568', LINE_ID],
  ['O2', 'ทุกส่วนราชการ', 'ร่วม', 'นายสมชาย ตัวอย่าง', '', 'ผู้จัดทำ', '', ''],
  ['O3', 'ก.อำนวยการ', '', 'นางวิไล ใจดี', '', 'ผู้กำกับติดตาม', '๓๐ เม.ย. ๖๘', ''],
];

describe('re-importing', () => {
  it('the same sheet changes nothing and writes no audit rows', async () => {
    const actor = await env.createOrg();
    const first = await env.imports.importSheet(actor, { fileName: 'a.csv', bytes: csvBytes(sheetFor(actor.orgId)), year: 2568 });
    expect(first.unchanged).toBe(false);
    const before = await countsFor(env.db, actor.orgId);
    const [v] = await env.db.select({ version: assignments.version }).from(assignments).where(eq(assignments.orgId, actor.orgId)).limit(1);

    const again = await env.imports.importSheet(actor, { fileName: 'a.csv', bytes: csvBytes(sheetFor(actor.orgId)), year: 2568 });
    expect(again).toMatchObject({
      cycleCreated: false, unitsCreated: 0, officersCreated: 0, officersUpdated: 0,
      assignmentsCreated: 0, assignmentsUpdated: 0, peopleAdded: 0, unchanged: true,
    });
    expect(await countsFor(env.db, actor.orgId)).toEqual(before);
    const [v2] = await env.db.select({ version: assignments.version }).from(assignments).where(eq(assignments.orgId, actor.orgId)).limit(1);
    expect(v2!.version).toBe(v!.version);
  });

  it('is additive: rows left out are kept, changed due dates and new people are applied and audited', async () => {
    const actor = await env.createOrg();
    await env.imports.importSheet(actor, { fileName: 'a.csv', bytes: csvBytes(sheetFor(actor.orgId)), year: 2568 });
    const before = await countsFor(env.db, actor.orgId);
    const auditBefore = before.audit;

    const changed = [
      TH_HEADERS,
      ['O1', 'ก.ยุทธศาสตร์', '', 'นายสมชาย ตัวอย่าง', 'นวค.ชำนาญการพิเศษ', 'ผู้จัดทำ', '15/04/2568', ''],
      ['O1', 'ก.ยุทธศาสตร์', '', 'นายใหม่ มาแทน', '', 'ผู้จัดทำ', '', ''],
    ];
    const s = await env.imports.importSheet(actor, { fileName: 'b.csv', bytes: csvBytes(changed), year: 2568 });
    expect(s).toMatchObject({ officersCreated: 1, officersUpdated: 1, assignmentsCreated: 0, assignmentsUpdated: 1, peopleAdded: 1 });
    const after = await countsFor(env.db, actor.orgId);
    expect(after).toMatchObject({ units: before.units, assignments: before.assignments, people: before.people + 1 });

    const actions = (await env.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.orgId, actor.orgId)).orderBy(auditLog.id))
      .slice(auditBefore).map((a) => a.action).sort();
    expect(actions).toEqual(['import.assignment.update', 'import.officer.create', 'import.officer.update']);
    const [update] = await env.db.select().from(auditLog).where(and(eq(auditLog.orgId, actor.orgId), eq(auditLog.action, 'import.assignment.update')));
    expect(update!.before).toMatchObject({ dueOn: '2025-03-31' });
    expect(update!.after).toMatchObject({ dueOn: '2025-04-15', peopleAdded: [{ role: 'preparer' }] });
    const [somchai] = await env.db.select().from(officers).where(and(eq(officers.orgId, actor.orgId), eq(officers.name, 'นายสมชาย ตัวอย่าง')));
    expect(somchai!.position).toBe('นวค.ชำนาญการพิเศษ');
  });

  it('leaves a second organization\'s data untouched', async () => {
    const first = await env.createOrg('หน่วยงาน ก');
    const second = await env.createOrg('หน่วยงาน ข');
    await env.imports.importSheet(second, { fileName: 'a.csv', bytes: csvBytes(sheetFor(second.orgId)), year: 2568 });
    const secondBefore = await countsFor(env.db, second.orgId);
    const secondRows = await env.db.select().from(assignments).where(eq(assignments.orgId, second.orgId));

    // Same names, same LINE id: each organization has its own people and units.
    const s = await env.imports.importSheet(first, { fileName: 'a.csv', bytes: csvBytes(sheetFor(first.orgId)), year: 2568 });
    expect(s).toMatchObject({ cycleCreated: true, unitsCreated: 2, officersCreated: 3 });
    expect(await countsFor(env.db, second.orgId)).toEqual(secondBefore);
    expect(await env.db.select().from(assignments).where(eq(assignments.orgId, second.orgId))).toEqual(secondRows);
    const firstCounts = await countsFor(env.db, first.orgId);
    expect(firstCounts).toMatchObject({ units: secondBefore.units, assignments: secondBefore.assignments, people: secondBefore.people });
  });

  it('into another year creates that year\'s cycle and reuses the organization\'s units and officers', async () => {
    const actor = await env.createOrg();
    await env.imports.importSheet(actor, { fileName: 'a.csv', bytes: csvBytes(sheetFor(actor.orgId)), year: 2568 });
    const before = await countsFor(env.db, actor.orgId);
    const s = await env.imports.importSheet(actor, { fileName: 'a.csv', bytes: csvBytes(sheetFor(actor.orgId)), year: 2567 });
    expect(s).toMatchObject({ cycleCreated: true, unitsCreated: 0, officersCreated: 0, assignmentsCreated: before.assignments });
    expect((await countsFor(env.db, actor.orgId)).cycles).toBe(2);
  });
});
