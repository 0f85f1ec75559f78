import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.ts';
import type { Actor } from '../../src/modules/auth/actor.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';

let t: TestContext;
let s: Awaited<ReturnType<typeof seedOrg>>;
let token: { id: number; token: string };
let other: { id: number; token: string };

const PREP = 'นางสาวเตรียม ข้อมูล';
const SUP = 'นายกำกับ ติดตาม';
const CERT = 'นางรับรอง ถูกต้อง';
const ADMIN_PREP = 'นายแอดมิน ทำเอง';
const both = [[PREP, 'preparer'], [SUP, 'supervisor'], [CERT, 'certifier']] as Array<[string, 'preparer' | 'supervisor' | 'certifier']>;

beforeAll(async () => {
  t = await createTestContext();
  s = await seedOrg(t.container, {
    slug: 'review',
    units: ['กองแผน'],
    officers: [{ name: PREP }, { name: SUP }, { name: CERT }, { name: ADMIN_PREP, isAdmin: true }],
    assignments: [
      { item: 1, unit: 'กองแผน', people: both },
      { item: 2, unit: 'กองแผน', people: [[PREP, 'preparer'], [SUP, 'supervisor']] },
      { item: 3, unit: 'กองแผน', people: [[PREP, 'preparer'], [CERT, 'certifier']] },
      { item: 4, unit: 'กองแผน', people: both },
      { item: 5, unit: 'กองแผน', people: [[ADMIN_PREP, 'preparer'], [SUP, 'supervisor'], [CERT, 'certifier']] },
      { item: 6, unit: 'กองแผน', people: both },
      { item: 7, unit: 'กองแผน', people: both },
    ],
  });
  token = await t.container.auth.createToken(s.org.id);
  other = await t.container.auth.createToken(s.org.id, 'second admin');
});
afterAll(() => t.close());

const who = (name: string, isAdmin = false): Actor => ({ kind: 'officer', orgId: s.org.id, officerId: s.officerIds.get(name)!, isAdmin });
const A = () => t.container.assignments;
async function submitted(i: number, by: Actor = who(PREP)) {
  const id = s.assignmentIds[i]!;
  await A().addEvidence(by, id, { url: `https://review.go.th/ita/${id}` });
  await A().transition(by, id, 'submit', { confirmIncomplete: true });
  return id;
}
const api = (tok: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${tok}` }, ...(payload ? { payload } : {}) });

describe('two-step review', () => {
  it('submitted → checked by the supervisor → certified by the certifier, each audited with who did it', async () => {
    const id = await submitted(0);
    expect((await A().detail(who(CERT), id)).actions).not.toContain('approve'); // the certifier waits for the check
    expect((await A().detail(who(SUP), id)).actions.sort()).toEqual(['check', 'return']);
    const checked = await A().transition(who(SUP), id, 'check');
    expect(checked.status).toBe('checked');
    const det = await A().detail(who(CERT), id);
    expect(det.actions.sort()).toEqual(['approve', 'return']);
    expect(det.statusBy).toEqual({ ref: `officer:${s.officerIds.get(SUP)}`, name: SUP });
    expect((await A().transition(who(CERT), id, 'approve')).status).toBe('approved');
    const trail = await t.container.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'assignment'), eq(auditLog.entityId, String(id)))).orderBy(asc(auditLog.id));
    expect(trail.slice(-2).map((r) => [r.action, r.actor, (r.after as { status: string }).status])).toEqual([
      ['assignment.check', `officer:${s.officerIds.get(SUP)}`, 'checked'],
      ['assignment.approve', `officer:${s.officerIds.get(CERT)}`, 'approved'],
    ]);
  });

  it('an assignment with no certifier is final at the supervisor’s check', async () => {
    const id = await submitted(1);
    expect((await A().transition(who(SUP), id, 'check')).status).toBe('approved');
  });

  it('an assignment with no supervisor is certified directly', async () => {
    const id = await submitted(2);
    expect((await A().detail(who(CERT), id)).actions.sort()).toEqual(['approve', 'return']);
    expect((await A().transition(who(CERT), id, 'approve')).status).toBe('approved');
  });

  it('either reviewer may return with a comment, the certifier after the check too', async () => {
    const id = await submitted(3);
    await A().transition(who(SUP), id, 'check');
    await expect(A().transition(who(CERT), id, 'return', { note: ' ' })).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    const back = await A().transition(who(CERT), id, 'return', { note: 'ขาดองค์ประกอบที่ 2' });
    expect(back).toMatchObject({ status: 'returned', statusNote: 'ขาดองค์ประกอบที่ 2' });
  });

  it('an admin who prepared the item can neither check nor certify it; another admin can (issue 10.1)', async () => {
    const id = await submitted(4, who(ADMIN_PREP, true));
    const adminPrep = who(ADMIN_PREP, true);
    expect((await A().detail(adminPrep, id)).actions).not.toContain('check');
    await expect(A().transition(adminPrep, id, 'check')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(A().transition(adminPrep, id, 'approve')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const res = await api(token.token, 'POST', `/api/v1/assignments/${id}/transitions`, { action: 'check' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('checked');
    // The token that checked does not also certify: two steps are two people.
    const again = await api(token.token, 'POST', `/api/v1/assignments/${id}/transitions`, { action: 'approve' });
    expect(again.statusCode).toBe(403);
    expect((await A().transition(who(CERT), id, 'approve')).status).toBe('approved');
  });

  it('whoever submitted does not approve it, whatever kind of actor: an admin token submitting for the preparer', async () => {
    const id = s.assignmentIds[5]!;
    await api(token.token, 'POST', `/api/v1/assignments/${id}/evidence`, { url: 'https://review.go.th/ita/o6' });
    expect((await api(token.token, 'POST', `/api/v1/assignments/${id}/transitions`, { action: 'submit', confirmIncomplete: true })).statusCode).toBe(200);
    const self = await api(token.token, 'POST', `/api/v1/assignments/${id}/transitions`, { action: 'check' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('FORBIDDEN');
    expect((await api(token.token, 'GET', `/api/v1/assignments/${id}`)).json().actions).not.toContain('check');
    expect((await api(other.token, 'POST', `/api/v1/assignments/${id}/transitions`, { action: 'check' })).json().status).toBe('checked');
  });

  it('the organization may choose one-step review (admins only, audited): the first decision is final', async () => {
    expect((await api(token.token, 'GET', '/api/v1/organization')).json()).toMatchObject({ slug: 'review', reviewSteps: 2 });
    await expect(t.container.orgs.setReviewSteps(who(SUP), 1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const bad = await api(token.token, 'PATCH', '/api/v1/organization', { reviewSteps: 3 });
    expect(bad.statusCode).toBe(400);
    const set = await api(token.token, 'PATCH', '/api/v1/organization', { reviewSteps: 1 });
    expect(set.json()).toMatchObject({ reviewSteps: 1 });
    const audit = await t.container.database.db.select().from(auditLog).where(eq(auditLog.action, 'organization.review_steps'));
    expect(audit).toEqual([expect.objectContaining({ actor: `token:${token.id}`, before: { reviewSteps: 2 }, after: { reviewSteps: 1 } })]);

    const id = await submitted(6);
    expect((await A().detail(who(CERT), id)).actions.sort()).toEqual(['approve', 'return']);
    expect((await A().transition(who(SUP), id, 'check')).status).toBe('approved');
    await t.container.orgs.setReviewSteps({ kind: 'admin', orgId: s.org.id, ref: 'test' }, 2);
  });
});
