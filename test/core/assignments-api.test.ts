import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/auth/actor.ts';
import { auditLog, assignments } from '../../src/db/schema.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';

let t: TestContext;
let s: Awaited<ReturnType<typeof seedOrg>>;
let token: string;
const officer = (id: number, isAdmin = false): Actor => ({ kind: 'officer', orgId: s.org.id, officerId: id, isAdmin });

beforeAll(async () => {
  t = await createTestContext();
  s = await seedOrg(t.container, {
    slug: 'rayong',
    units: ['กลุ่มงานยุทธศาสตร์', 'กลุ่มงานอำนวยการ'],
    officers: [{ name: 'นางสาวเตรียม ข้อมูล' }, { name: 'นายกำกับ ติดตาม' }, { name: 'นายรับรอง ถูกต้อง' }, { name: 'นายคนอื่น ในองค์กร' }],
    assignments: [
      { item: 1, unit: 'กลุ่มงานยุทธศาสตร์', due: '2025-03-31', people: [['นางสาวเตรียม ข้อมูล', 'preparer'], ['นายกำกับ ติดตาม', 'supervisor'], ['นายรับรอง ถูกต้อง', 'certifier']] },
      { item: 2, unit: 'กลุ่มงานอำนวยการ', due: '2025-02-28', people: [['นางสาวเตรียม ข้อมูล', 'preparer'], ['นายกำกับ ติดตาม', 'supervisor']] },
    ],
  });
  token = (await t.container.auth.createToken(s.org.id)).token;
});
afterAll(() => t.close());

const id = (name: string) => s.officerIds.get(name)!;

describe('assignment workflow through the use cases', () => {
  it('walks an item from not started to approved, auditing every step', async () => {
    const a = s.assignmentIds[0]!;
    const prep = officer(id('นางสาวเตรียม ข้อมูล'));
    const sup = officer(id('นายกำกับ ติดตาม'));
    await t.container.assignments.transition(prep, a, 'start');
    await expect(t.container.assignments.transition(prep, a, 'submit', { confirmIncomplete: true })).rejects.toMatchObject({ code: 'EVIDENCE_REQUIRED' });
    await t.container.assignments.addEvidence(prep, a, { url: 'https://www.rayong.go.th/ita/o1', label: 'โครงสร้าง' });
    await t.container.assignments.transition(prep, a, 'submit', { confirmIncomplete: true });
    await expect(t.container.assignments.transition(prep, a, 'approve')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.container.assignments.transition(sup, a, 'return')).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    await t.container.assignments.transition(sup, a, 'return', { note: 'ขาดแผนผัง' });
    await t.container.assignments.transition(prep, a, 'submit', { confirmIncomplete: true });
    const cert = officer(id('นายรับรอง ถูกต้อง'));
    await expect(t.container.assignments.transition(cert, a, 'approve')).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' }); // not checked yet
    const checked = await t.container.assignments.transition(sup, a, 'check');
    expect(checked).toMatchObject({ status: 'checked', statusBy: `officer:${id('นายกำกับ ติดตาม')}`, submittedBy: `officer:${id('นางสาวเตรียม ข้อมูล')}` });
    const done = await t.container.assignments.transition(cert, a, 'approve');
    expect(done).toMatchObject({ status: 'approved', statusBy: `officer:${id('นายรับรอง ถูกต้อง')}` });
    const trail = await t.container.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'assignment'), eq(auditLog.entityId, String(a)))).orderBy(asc(auditLog.id));
    expect(trail.map((r) => r.action)).toEqual([
      'assignment.start', 'evidence.add', 'assignment.submit', 'assignment.return', 'assignment.submit', 'assignment.check', 'assignment.approve',
    ]);
    expect(trail[3]).toMatchObject({ actor: `officer:${id('นายกำกับ ติดตาม')}`, before: { status: 'submitted' }, after: { status: 'returned', statusNote: 'ขาดแผนผัง' } });
  });

  it('an officer not on the item cannot change it, and nothing is written', async () => {
    const a = s.assignmentIds[1]!;
    const before = await t.container.database.db.select().from(assignments).where(eq(assignments.id, a));
    await expect(t.container.assignments.transition(officer(id('นายคนอื่น ในองค์กร')), a, 'start')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.container.assignments.addEvidence(officer(id('นายคนอื่น ในองค์กร')), a, { url: 'https://x.go.th/a' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const after = await t.container.database.db.select().from(assignments).where(eq(assignments.id, a));
    expect(after).toEqual(before);
  });

  it('a stale version is refused', async () => {
    const a = s.assignmentIds[1]!;
    const prep = officer(id('นางสาวเตรียม ข้อมูล'));
    const row = await t.container.assignments.transition(prep, a, 'start');
    await expect(t.container.assignments.transition(prep, a, 'mark_not_applicable', { note: 'ไม่มี เนื่องจาก…', version: row.version - 1 })).rejects.toMatchObject({ code: 'STALE_VERSION' });
  });

  it('rejects evidence that is not an http(s) URL', async () => {
    const prep = officer(id('นางสาวเตรียม ข้อมูล'));
    for (const url of ['javascript:alert(1)', 'ftp://x.go.th/a', 'not a url', 'https://user:pw@x.go.th/']) {
      await expect(t.container.assignments.addEvidence(prep, s.assignmentIds[1]!, { url })).rejects.toMatchObject({ code: 'URL_INVALID' });
    }
  });

  it("lists an officer's open items, earliest due first", async () => {
    const rows = await t.container.assignments.openForOfficer(officer(id('นางสาวเตรียม ข้อมูล')), id('นางสาวเตรียม ข้อมูล'));
    expect(rows.map((r) => r.itemCode)).toEqual(['O2']);
  });
});

describe('admin HTTP API', () => {
  const auth = () => ({ authorization: `Bearer ${token}` });

  it('refuses requests without a valid token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/assignments' })).statusCode).toBe(401);
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/assignments', headers: { authorization: 'Bearer ita_nope' } });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHORIZED');
  });

  it('lists assignments of a year with people', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/assignments?year=2568', headers: auth() });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.items).toHaveLength(2);
    expect(body.items[0].people.length).toBeGreaterThan(0);
  });

  it('filters by any spelling of an item code', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/assignments?year=2568&item=${encodeURIComponent('ข้อ ๒')}`, headers: auth() });
    expect(r.json().items.map((i: { itemCode: string }) => i.itemCode)).toEqual(['O2']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/assignments?year=2568&item=O29', headers: auth() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('O1–O28');
  });

  it('changes status with a Thai error for an illegal transition', async () => {
    const a = s.assignmentIds[0]!; // approved by now
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/assignments/${a}/transitions`, headers: auth(), payload: { action: 'approve' } });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(r.json().error.message).toMatch(/ไม่สามารถ/);
  });

  it('rejects a malformed body and unknown actions', async () => {
    const a = s.assignmentIds[0]!;
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/assignments/${a}/transitions`, headers: { ...auth(), 'content-type': 'application/json' }, payload: '{"action":' });
    expect(r.statusCode).toBe(400);
    const r2 = await t.app.inject({ method: 'POST', url: `/api/v1/assignments/${a}/transitions`, headers: auth(), payload: { action: 'delete' } });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('answers in English when asked', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/assignments/999999', headers: { ...auth(), 'accept-language': 'en' } });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message).toMatch(/not found/);
  });

  it('reports database health', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('serves the built-in catalog', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/catalogs/2567' });
    expect(r.json().items).toHaveLength(35);
    const subs = (await t.app.inject({ method: 'GET', url: '/api/v1/catalogs/2568' })).json().subIndicators;
    expect(subs.map((x: { code: string }) => x.code)).toEqual(['9.1', '9.2', '9.3', '9.4', '9.5', '10.1', '10.2']);
  });
});
