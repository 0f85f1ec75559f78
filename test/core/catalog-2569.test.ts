import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFile, catalogFrom } from '../helpers/catalog-support.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { csvBytes, TH_HEADERS } from '../helpers/import-support.ts';

/**
 * Issue 8, done when: "a 2569 catalog loaded from a sheet can be assigned, reminded and reported
 * like a built-in one". Today is FY 2570 (December 2026); NACC's 2570 catalog is not out, so the
 * agency runs its 2570 cycle on the 2569 catalog it loaded itself — all through the admin API.
 */
let t: TestContext;
let operator: string;
let admin: string;
beforeAll(async () => {
  t = await createTestContext({ now: '2026-12-01T02:00:00Z' }); // Tuesday 09:00 Bangkok
  const org = await t.container.orgs.create({ slug: 'fy2570', name: 'สำนักงานจังหวัดตัวอย่าง' });
  operator = (await t.container.auth.createToken(org.id, 'catalogs', { catalogs: true })).token;
  admin = (await t.container.auth.createToken(org.id)).token;
});
afterAll(() => t.close());

const LINE = (n: number) => `U${String(n).padStart(32, '0')}`;

describe('a catalog loaded from a sheet works like a built-in one', () => {
  it('is loaded, chosen for FY 2570, assigned, reminded and listed', async () => {
    const c2569 = catalogFrom(2569, 2568, (c) => { c.items[4]!.title = 'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน (ฉบับ 2569)'; });
    const file = await catalogFile(c2569);
    const loaded = await t.app.inject({
      method: 'POST', url: `/api/v1/catalogs/2569/import?filename=${file.fileName}`, payload: Buffer.from(file.bytes),
      headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(loaded.statusCode).toBe(200);
    expect(loaded.json()).toMatchObject({ kind: 'created', items: 28 });

    const pin = await t.app.inject({ method: 'PUT', url: '/api/v1/cycles/2570/catalog', headers: { authorization: `Bearer ${admin}` }, payload: { catalogYear: 2569 } });
    expect(pin.statusCode).toBe(200);
    expect(pin.json()).toMatchObject({ cycle: { year: 2570, catalogYear: 2569, catalogVersion: null }, version: 1 });

    const sheet = csvBytes([
      TH_HEADERS,
      ['O5', 'กลุ่มงานยุทธศาสตร์', 'หลัก', 'นางสาวสมศรี ทดสอบ', 'นักวิเคราะห์นโยบายและแผน', 'ผู้จัดทำ', '08/12/2569', LINE(1)],
      ['O5', 'กลุ่มงานยุทธศาสตร์', 'หลัก', 'นายสมชาย ตัวอย่าง', 'ผอ.กลุ่มงานยุทธศาสตร์', 'ผู้กำกับติดตาม', '08/12/2569', LINE(2)],
      ['O28', 'กลุ่มงานอำนวยการ', 'หลัก', 'นางสาวสมศรี ทดสอบ', '', 'ผู้จัดทำ', '31/03/2570', ''],
    ]);
    const imported = await t.app.inject({
      method: 'POST', url: '/api/v1/imports?year=2570', payload: Buffer.from(sheet), headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ year: 2570, cycleCreated: false, assignmentsCreated: 2 });

    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/assignments?year=2570&item=o5', headers: { authorization: `Bearer ${admin}` } });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((a: { itemCode: string; itemTitle: string }) => `${a.itemCode} ${a.itemTitle}`))
      .toEqual(['O5 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน (ฉบับ 2569)']);

    // Due in 7 days: the preparer gets a reminder naming the item from the loaded catalog.
    const plan = await t.container.reminders.planReminders(t.clock.now(), { dryRun: true });
    expect(plan.planned).toBeGreaterThan(0);
    expect(plan.preview!.find((p) => p.recipient === LINE(1))!.text).toContain('แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน (ฉบับ 2569)');
    // And the supervisor's daily summary counts it.
    const summary = await t.container.reminders.planSummaries(new Date('2026-12-01T01:30:00Z'), { dryRun: true });
    expect(summary.planned).toBeGreaterThan(0);
  });
});
