import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, auditLog, outbox } from '../../src/db/schema.ts';
import type { Actor } from '../../src/modules/auth/actor.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';
import { uid } from '../line/helpers.ts';

let t: TestContext;
let s: Awaited<ReturnType<typeof seedOrg>>;
let token: string;
const PREP = 'นางสาวเดิม ทำงาน';
const NEW = 'นายใหม่ รับช่วง';
const SUP = 'นายกำกับ ดูแล';
const admin = (): Actor => ({ kind: 'admin', orgId: s.org.id, ref: 'test' });
const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
const noticesTo = async (lineUserId: string) =>
  (await t.container.database.db.select().from(outbox).where(and(eq(outbox.kind, 'notice'), like(outbox.dedupeKey, `notice:%:${lineUserId}:%`)))).map((r) => JSON.stringify(r.messages));

beforeAll(async () => {
  t = await createTestContext();
  s = await seedOrg(t.container, {
    slug: 'fix',
    units: ['กองแผน', 'กองคลัง'],
    officers: [{ name: PREP, lineUserId: uid(0x31) }, { name: NEW, lineUserId: uid(0x32) }, { name: SUP, lineUserId: uid(0x33) }, { name: 'นายไม่มี ไลน์' }],
    assignments: [
      { item: 1, unit: 'กองแผน', due: '2025-03-31', people: [[PREP, 'preparer'], [SUP, 'supervisor']] },
      { item: 2, unit: 'กองแผน', due: '2025-03-31', people: [[PREP, 'preparer'], [SUP, 'supervisor']] },
      { item: 3, unit: 'กองคลัง', due: '2025-03-31', people: [[PREP, 'preparer']] },
      { item: 4, unit: 'กองคลัง', due: '2025-03-31', status: 'approved', people: [[PREP, 'preparer']] },
    ],
  });
  token = (await t.container.auth.createToken(s.org.id)).token;
});
afterAll(() => t.close());

describe('correcting without re-importing', () => {
  it('lists officers with their LINE-link status; reachable is false without a LINE id', async () => {
    const r = (await api('GET', '/api/v1/officers')).json().officers;
    expect(r.find((o: any) => o.name === 'นายไม่มี ไลน์')).toMatchObject({ linked: false, reachable: false });
    expect(r.find((o: any) => o.name === PREP)).toMatchObject({ linked: true, reachable: true });
    expect(r[0]).not.toHaveProperty('lineUserId');
    expect((await api('GET', '/api/v1/officers?unlinked=true')).json().officers.map((o: any) => o.name)).toEqual(['นายไม่มี ไลน์']);
  });

  it('adds, renames and deactivates an officer, audited; only admins may', async () => {
    await expect(t.container.officers.add({ kind: 'officer', orgId: s.org.id, officerId: s.officerIds.get(PREP)!, isAdmin: false }, { name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const added = await api('POST', '/api/v1/officers', { name: 'นางสาวเพิ่ม ใหม่', unit: 'กองคลัง' });
    expect(added.statusCode).toBe(201);
    expect((await api('POST', '/api/v1/officers', { name: 'น.ส. เพิ่ม ใหม่' })).statusCode).toBe(400); // same person
    const renamed = await api('PATCH', `/api/v1/officers/${added.json().id}`, { name: 'นางเพิ่ม สมรสแล้ว', active: false });
    expect(renamed.json()).toMatchObject({ name: 'นางเพิ่ม สมรสแล้ว', active: false, reachable: false });
    const actions = (await t.container.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'officer'), eq(auditLog.entityId, String(added.json().id))))).map((a) => a.action);
    expect(actions).toEqual(['officer.add', 'officer.rename', 'officer.deactivate']);
  });

  it('moves one due date and tells the preparer, once', async () => {
    const id = s.assignmentIds[0]!;
    const r = await api('PUT', `/api/v1/assignments/${id}/due`, { due: '2025-04-30' });
    expect(r.json()).toEqual({ changed: 1, total: 1 });
    expect((await api('PUT', `/api/v1/assignments/${id}/due`, { due: '2025-04-30' })).json()).toEqual({ changed: 0, total: 1 });
    expect((await noticesTo(uid(0x31))).filter((n) => n.includes('เปลี่ยนจาก 31 มีนาคม 2568 เป็น 30 เมษายน 2568'))).toHaveLength(1);
    expect((await api('PUT', `/api/v1/assignments/${id}/due`, { due: '30/04/2568' })).statusCode).toBe(400);
  });

  it('moves every due date of a unit, audited per item', async () => {
    const r = await api('POST', '/api/v1/due-dates', { due: '2025-05-15', unitId: s.unitIds.get('กองคลัง') });
    expect(r.json()).toEqual({ changed: 2, total: 2 });
    const rows = await t.container.database.db.select().from(assignments).where(eq(assignments.unitId, s.unitIds.get('กองคลัง')!));
    expect(rows.map((a) => a.dueOn)).toEqual(['2025-05-15', '2025-05-15']);
  });

  it('puts a person on and takes them off an assignment, and each is told', async () => {
    const id = s.assignmentIds[1]!;
    const newId = s.officerIds.get(NEW)!;
    expect((await api('POST', `/api/v1/assignments/${id}/people`, { officerId: newId, role: 'preparer' })).json()).toEqual({ changed: true });
    expect((await api('POST', `/api/v1/assignments/${id}/people`, { officerId: newId, role: 'preparer' })).json()).toEqual({ changed: false });
    expect((await noticesTo(uid(0x32))).some((n) => n.includes('คุณได้รับมอบหมายเป็นผู้จัดทำ O2'))).toBe(true);
    expect((await api('DELETE', `/api/v1/assignments/${id}/people/${newId}/preparer`)).json()).toEqual({ changed: true });
    expect((await noticesTo(uid(0x32))).some((n) => n.includes('คุณไม่ได้เป็นผู้จัดทำ O2'))).toBe(true);
  });

  it('hands an officer’s open work to another when staff rotate; finished items keep who did them', async () => {
    const from = s.officerIds.get(PREP)!;
    const to = s.officerIds.get(NEW)!;
    const r = await api('POST', `/api/v1/officers/${from}/transfer`, { to });
    expect(r.json()).toEqual({ moved: 3 });
    const people = await t.container.assignments.people(admin(), s.assignmentIds);
    expect(people.filter((p) => p.officerId === from).map((p) => p.assignmentId)).toEqual([s.assignmentIds[3]]);
    expect(people.filter((p) => p.officerId === to).length).toBe(3);
  });

  it('removes an assignment, audited with what it was', async () => {
    const id = s.assignmentIds[2]!;
    expect((await api('DELETE', `/api/v1/assignments/${id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/assignments/${id}`)).statusCode).toBe(404);
    const [entry] = await t.container.database.db.select().from(auditLog).where(eq(auditLog.action, 'assignment.remove'));
    expect(entry!.before).toMatchObject({ itemCode: 'O3', unit: 'กองคลัง' });
  });
});
