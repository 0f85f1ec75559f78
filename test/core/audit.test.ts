import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/auth/actor.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';

/** Reading the audit log back: admins only, one organization, the whole log or one item's, since a time. */
let t: TestContext;
let s: Awaited<ReturnType<typeof seedOrg>>;
let other: Awaited<ReturnType<typeof seedOrg>>;
let token: string;
const PREP = 'นางสาวผู้จัดทำ ตัวอย่าง';
const api = (url: string, bearer = token) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } });

beforeAll(async () => {
  t = await createTestContext({ now: '2025-01-15T03:00:00Z' });
  const people = { officers: [{ name: PREP }], units: ['กองแผน'] };
  s = await seedOrg(t.container, { slug: 'aud', ...people, assignments: [{ item: 5, unit: 'กองแผน', people: [[PREP, 'preparer']] }, { item: 6, unit: 'กองแผน', people: [[PREP, 'preparer']] }] });
  other = await seedOrg(t.container, { slug: 'aud2', ...people, assignments: [{ item: 5, unit: 'กองแผน', people: [[PREP, 'preparer']] }] });
  token = (await t.container.auth.createToken(s.org.id)).token;
  const prep = (org: typeof s): Actor => ({ kind: 'officer', orgId: org.org.id, officerId: org.officerIds.get(PREP)!, isAdmin: false });
  await t.container.assignments.transition(prep(s), s.assignmentIds[0]!, 'start');
  await t.container.assignments.addEvidence(prep(s), s.assignmentIds[0]!, { url: 'https://www.aud.go.th/ita/o5' });
  await t.container.assignments.transition(prep(s), s.assignmentIds[1]!, 'start');
  await t.container.assignments.transition(prep(other), other.assignmentIds[0]!, 'start');
});
afterAll(() => t.close());

describe('the audit log, read back', () => {
  it('GET /api/v1/audit lists the organization’s changes newest first, with the officer’s name', async () => {
    const res = await api('/api/v1/audit');
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries;
    const mine = entries.filter((e: any) => e.actor.startsWith('officer:'));
    expect(mine.map((e: any) => e.action)).toEqual(['assignment.start', 'evidence.add', 'assignment.start']);
    expect(mine[1]).toMatchObject({ actorName: PREP, entity: 'assignment', entityId: String(s.assignmentIds[0]), after: { url: 'https://www.aud.go.th/ita/o5' } });
    // Nothing of the other organization.
    expect(entries.some((e: any) => e.entityId === String(other.assignmentIds[0]))).toBe(false);
  });

  it('narrows to one item in any spelling, and to a time', async () => {
    const o5 = (await api('/api/v1/audit?item=o05')).json().entries;
    expect(o5.map((e: any) => e.action)).toEqual(['evidence.add', 'assignment.start']);
    expect((await api('/api/v1/audit?item=O5&since=2025-01-16')).json().entries).toEqual([]);
    expect((await api('/api/v1/audit?item=O5&since=2025-01-15&limit=1')).json().entries).toHaveLength(1);
  });

  it('refuses bad parameters in Thai, anyone without a token, and an officer who is not an admin', async () => {
    const bad = await api('/api/v1/audit?item=xyz&limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('รหัสข้อ เช่น O5');
    expect((await api('/api/v1/audit', 'not-a-token')).statusCode).toBe(401);
    const officer: Actor = { kind: 'officer', orgId: s.org.id, officerId: s.officerIds.get(PREP)!, isAdmin: false };
    await expect(t.container.auditReader.read(officer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
