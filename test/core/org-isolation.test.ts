import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, evidenceLinks } from '../../src/db/schema.ts';
import type { Actor } from '../../src/modules/auth/actor.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';

let t: TestContext;
let a: Awaited<ReturnType<typeof seedOrg>>;
let b: Awaited<ReturnType<typeof seedOrg>>;
let tokenA: string;

beforeAll(async () => {
  t = await createTestContext();
  const spec = (slug: string) => ({
    slug,
    units: ['กองกลาง'],
    officers: [{ name: 'นายเจ้าหน้าที่ หนึ่ง', isAdmin: true }],
    assignments: [{ item: 1, unit: 'กองกลาง', due: '2025-03-31', status: 'submitted', people: [['นายเจ้าหน้าที่ หนึ่ง', 'supervisor'] as [string, 'supervisor']] }],
  });
  a = await seedOrg(t.container, spec('org-a'));
  b = await seedOrg(t.container, spec('org-b'));
  tokenA = (await t.container.auth.createToken(a.org.id)).token;
});
afterAll(() => t.close());

describe('organization isolation', () => {
  const bItem = () => b.assignmentIds[0]!;

  it("an admin token of one organization cannot read another's assignment", async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/assignments/${bItem()}`, headers: { authorization: `Bearer ${tokenA}` } });
    expect(r.statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/assignments?year=2568', headers: { authorization: `Bearer ${tokenA}` } });
    expect(list.json().items.map((i: { id: number }) => i.id)).toEqual([a.assignmentIds[0]]);
  });

  it("an admin token of one organization cannot change another's assignment", async () => {
    const h = { authorization: `Bearer ${tokenA}` };
    const r1 = await t.app.inject({ method: 'POST', url: `/api/v1/assignments/${bItem()}/transitions`, headers: h, payload: { action: 'approve' } });
    const r2 = await t.app.inject({ method: 'POST', url: `/api/v1/assignments/${bItem()}/evidence`, headers: h, payload: { url: 'https://evil.example.com/x' } });
    expect([r1.statusCode, r2.statusCode]).toEqual([404, 404]);
    const [row] = await t.container.database.db.select().from(assignments).where(eq(assignments.id, bItem()));
    expect(row!.status).toBe('submitted');
    expect(await t.container.database.db.select().from(evidenceLinks).where(eq(evidenceLinks.assignmentId, bItem()))).toHaveLength(0);
  });

  it("an admin officer of one organization cannot act on another's assignment", async () => {
    const adminOfA: Actor = { kind: 'officer', orgId: a.org.id, officerId: a.officerIds.get('นายเจ้าหน้าที่ หนึ่ง')!, isAdmin: true };
    await expect(t.container.assignments.detail(adminOfA, bItem())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.container.assignments.transition(adminOfA, bItem(), 'approve')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.container.assignments.pending(adminOfA)).toHaveLength(1);
  });
});
