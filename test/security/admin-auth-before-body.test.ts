import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/context.ts';

/**
 * Issue 10.2: unauthenticated uploads to the admin API must be refused before their body is read
 * (8 concurrent 19 MB unauthenticated uploads used to raise memory from 156 to 327 MB).
 * The client here announces 19 MB but sends only the first kilobyte: a server that reads the body
 * first would wait for the rest forever; the guard answers 401 straight away.
 */
let t: TestContext;
let port: number;
beforeAll(async () => {
  t = await createTestContext();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(() => t.close());

function partialUpload(path: string, headers: Record<string, string>): Promise<{ status: number; raw: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    const give = () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
      if (status && raw.includes('\r\n\r\n')) {
        socket.destroy();
        resolve({ status, raw });
      }
    };
    socket.on('data', (d) => { raw += d.toString('utf8'); give(); });
    socket.on('error', reject);
    socket.on('close', () => give());
    const head = Object.entries({ host: '127.0.0.1', 'content-type': 'text/csv', 'content-length': String(19 * 1024 * 1024), ...headers })
      .map(([k, v]) => `${k}: ${v}`).join('\r\n');
    socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n\r\n`);
    socket.write('ข้อ,หน่วยงาน\n'.padEnd(1024, '\n'));
  });
}

describe('the admin API refuses unauthenticated requests before reading their body', () => {
  it('answers 401 to an upload without a token while most of its body is still unsent, and closes the connection', async () => {
    const r = await partialUpload('/api/v1/imports?year=2568&dryRun=true', {});
    expect(r.status).toBe(401);
    expect(r.raw.toLowerCase()).toContain('connection: close');
    expect(r.raw).toContain('UNAUTHORIZED');
  });

  it('answers 401 to a wrong token the same way, on every admin route', async () => {
    for (const path of ['/api/v1/imports?year=2568', '/api/v1/assignments/1/evidence', '/api/v1/catalogs/2569/import']) {
      const r = await partialUpload(path, { authorization: 'Bearer ita_not-a-real-token' });
      expect(r.status, path).toBe(401);
    }
  });

  it('still serves the public catalog without a token, and the admin API with one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/catalogs' })).statusCode).toBe(200);
    const org = await t.container.orgs.create({ slug: 'guard', name: 'หน่วยงานทดสอบ' });
    const { token } = await t.container.auth.createToken(org.id);
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/imports?year=2568&dryRun=true',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      payload: 'ข้อ,หน่วยงาน\nO1,กลุ่มงานทดสอบ\n',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, assignmentsCreated: 1 });
  });
});
