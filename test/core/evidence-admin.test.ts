import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evidenceLinks } from '../../src/db/schema.ts';
import type { Actor } from '../../src/modules/auth/actor.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';

/** A wrong evidence link no longer stays forever: the admin API relabels and removes it, audited. */
let t: TestContext;
let s: Awaited<ReturnType<typeof seedOrg>>;
let token: string;
let otherToken: string;
const PREP = 'นางสาวผู้จัดทำ ลิงก์ผิด';
const api = (method: 'PATCH' | 'DELETE', url: string, payload?: object, bearer = token) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestContext();
  s = await seedOrg(t.container, { slug: 'ev', units: ['กองแผน'], officers: [{ name: PREP }], assignments: [{ item: 5, unit: 'กองแผน', people: [[PREP, 'preparer']] }] });
  const other = await seedOrg(t.container, { slug: 'ev2', units: ['กองแผน'], officers: [], assignments: [] });
  token = (await t.container.auth.createToken(s.org.id)).token;
  otherToken = (await t.container.auth.createToken(other.org.id)).token;
});
afterAll(() => t.close());

describe('evidence corrected by an admin', () => {
  it('relabels and removes a link, audited; another organization cannot; after submitting only the admin may', async () => {
    const id = s.assignmentIds[0]!;
    const prep: Actor = { kind: 'officer', orgId: s.org.id, officerId: s.officerIds.get(PREP)!, isAdmin: false };
    const wrong = await t.container.assignments.addEvidence(prep, id, { url: 'https://www.ev.go.th/wrong' });
    const right = await t.container.assignments.addEvidence(prep, id, { url: 'https://www.ev.go.th/ita/o5' });
    expect((await api('PATCH', `/api/v1/assignments/${id}/evidence/${right.id}`, { label: 'หน้า ITA' })).json()).toMatchObject({ id: right.id, label: 'หน้า ITA' });
    expect((await api('DELETE', `/api/v1/assignments/${id}/evidence/${wrong.id}`, undefined, otherToken)).statusCode).toBe(404);
    expect((await api('DELETE', `/api/v1/assignments/${id}/evidence/${wrong.id}`)).statusCode).toBe(204);
    const left = await t.container.database.db.select().from(evidenceLinks).where(eq(evidenceLinks.assignmentId, id));
    expect(left.map((l) => [l.url, l.label])).toEqual([['https://www.ev.go.th/ita/o5', 'หน้า ITA']]);
    const actions = (await t.container.database.db.select().from(auditLog).where(eq(auditLog.entityId, String(id)))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['evidence.relabel', 'evidence.remove']));
    expect((await api('DELETE', `/api/v1/assignments/${id}/evidence/2147483648`)).statusCode).toBe(400);
    await t.container.assignments.transition(prep, id, 'submit', { confirmIncomplete: true });
    // The preparer's content is locked once submitted; the organization admin still corrects it.
    await expect(t.container.assignments.removeEvidence(prep, id, right.id)).rejects.toMatchObject({ code: 'ITEM_LOCKED' });
    expect((await api('PATCH', `/api/v1/assignments/${id}/evidence/${right.id}`, { label: null })).json()).toMatchObject({ label: null });
  });
});
