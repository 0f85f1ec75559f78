import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';
import { uid } from '../line/helpers.ts';

let t: TestContext;
let token: string;
let id: number;
beforeAll(async () => {
  t = await createTestContext();
  const s = await seedOrg(t.container, {
    slug: 'bounds',
    units: ['ก'],
    officers: [{ name: 'นายมี ไลน์', lineUserId: uid(31) }],
    assignments: [{ item: 1, unit: 'ก', people: [['นายมี ไลน์', 'preparer']] }],
  });
  id = s.assignmentIds[0]!;
  token = (await t.container.auth.createToken(s.org.id)).token;
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

describe('numeric ids and parameters are bounded: a 400 or 404, never a database error', () => {
  it('ids past PostgreSQL integer range are refused before any query', async () => {
    for (const url of ['/api/v1/assignments/2147483648', '/api/v1/assignments/99999999999999999999', '/api/v1/assignments?officerId=2147483648', '/api/v1/assignments?offset=1e20', '/api/v1/catalogs/99999999999']) {
      const res = await get(url);
      expect([url, res.statusCode, res.json().error.code]).toEqual([url, 400, 'VALIDATION_FAILED']);
      expect(res.body).not.toMatch(/select|integer|out of range/i);
    }
  });

  it('the largest valid id is simply not found', async () => {
    const res = await get('/api/v1/assignments/2147483647');
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('privacy of the admin API', () => {
  it('an assignment’s people never include their LINE user id, in the list or the detail', async () => {
    const detail = await get(`/api/v1/assignments/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().people[0]).toMatchObject({ name: 'นายมี ไลน์', role: 'preparer' });
    expect(detail.body).not.toContain(uid(31));
    const list = await get('/api/v1/assignments');
    expect(list.json().items[0].people[0].name).toBe('นายมี ไลน์');
    expect(list.body).not.toContain(uid(31));
  });
});
