import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';
import { uid } from '../line/helpers.ts';

let t: TestContext;
const SIMULATED = 'Usim0000000000000000000000000001';
beforeAll(async () => {
  t = await createTestContext();
  await seedOrg(t.container, {
    slug: 'dev',
    units: ['กลุ่มงาน ก'],
    officers: [{ name: 'นางสาวจำลอง ทดสอบ', lineUserId: SIMULATED }, { name: 'นายจริง ทดสอบ', lineUserId: uid(7) }],
    assignments: [{ item: 1, unit: 'กลุ่มงาน ก', people: [['นางสาวจำลอง ทดสอบ', 'preparer']] }],
  });
});
afterAll(async () => t.close());

const me = (bearer: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'GET', url: '/api/liff/v1/me', headers: { authorization: `Bearer ${bearer}` }, remoteAddress });

describe('offline development: the page opened as a simulated user', () => {
  it('accepts dev:<LINE user id> from this machine in place of an ID token', async () => {
    const res = await me(`dev:${SIMULATED}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().officer.name).toBe('นางสาวจำลอง ทดสอบ');
    expect((await me(`dev:${SIMULATED}`, '::1')).statusCode).toBe(200);
  });

  it('refuses development tokens from any other machine', async () => {
    for (const from of ['192.168.1.20', '10.0.0.5', '::ffff:172.17.0.1']) {
      const res = await me(`dev:${SIMULATED}`, from);
      expect([from, res.statusCode, res.json().error.code]).toEqual([from, 401, 'INVALID_ID_TOKEN']);
    }
  });

  it('a development token for a LINE id nobody is linked to is NOT_LINKED, like a real one', async () => {
    expect((await me(`dev:${uid(404)}`)).json().error.code).toBe('NOT_LINKED');
  });

  it('without a LINE Login channel, a real-looking ID token cannot be checked and is refused', async () => {
    const res = await me('eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJVMTIzNDU2Nzg5MCJ9.c2lnbmF0dXJlLW5vdC1pc3N1ZWQtYnktbGluZQ');
    expect(res.statusCode).toBe(401);
  });
});
