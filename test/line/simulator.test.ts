import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';
import { isLoopback } from '../../src/shared/loopback.ts';
import { startBot } from './helpers.ts';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext(); // no LINE credentials: offline mode
  await seedOrg(t.container, {
    slug: 'sim',
    units: ['กลุ่มงานยุทธศาสตร์'],
    officers: [{ name: 'นางสาวทดลอง ใช้งาน' }, { name: 'นายหัวหน้า กำกับ' }],
    assignments: [{ item: 5, unit: 'กลุ่มงานยุทธศาสตร์', due: '2025-01-31', people: [['นางสาวทดลอง ใช้งาน', 'preparer'], ['นายหัวหน้า กำกับ', 'supervisor']] }],
  });
});
afterAll(() => t.close());

const api = (url: string, payload?: object) =>
  t.app.inject({ method: payload ? 'POST' : 'GET', url: `/dev/simulator/api/${url}`, ...(payload ? { payload } : {}) });

describe('offline mode and the simulator', () => {
  it('has no /webhook (no secret to check) but serves the simulator page', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/webhook', payload: { events: [] } })).statusCode).toBe(404);
    const page = await t.app.inject({ method: 'GET', url: '/dev/simulator' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('acts as an officer without a LINE id, types a command and sees the recorded, printed answer', async () => {
    const { orgs } = (await api('directory')).json();
    const org = orgs.find((o: any) => o.slug === 'sim');
    const officer = org.officers.find((o: any) => o.name === 'นางสาวทดลอง ใช้งาน');
    expect(officer.lineUserId).toBeNull();
    const { lineUserId } = (await api('act-as', { orgId: org.id, officerId: officer.id })).json();
    expect(lineUserId).toMatch(/^Usim[0-9a-f]{32}$/);
    const res = (await api('send', { userId: lineUserId, event: { type: 'text', text: 'งานของฉัน' } })).json();
    expect(res.messages).toHaveLength(1);
    expect(res.messages[0]).toMatchObject({ via: 'reply', offline: true, to: lineUserId });
    expect(res.messages[0].messages[0].altText).toBe('งานของฉัน 1 รายการ');
    expect(t.printed.some((l) => l.includes('[LINE offline] reply') && l.includes('งานของฉัน 1 รายการ'))).toBe(true);
    // Pressing a button: the postback goes through the same processing.
    const start = JSON.stringify(res.messages[0].messages[0]).match(/a=start&id=\d+&v=1/)![0];
    const pressed = (await api('send', { userId: lineUserId, event: { type: 'postback', data: start } })).json();
    expect(pressed.messages[0].messages[0].text).toBe('เริ่มดำเนินการ O5 แล้ว');
  });

  it('simulates a registered group asking for the pending list, and links use /liff pages on this server', async () => {
    const { orgs } = (await api('directory')).json();
    const org = orgs.find((o: any) => o.slug === 'sim');
    const { groupId } = (await api('groups', { orgId: org.id, name: 'คณะทำงาน' })).json();
    const { lineUserId } = (await api('new-user', {})).json();
    const res = (await api('send', { userId: lineUserId, groupId, event: { type: 'text', text: 'O5' } })).json();
    expect(JSON.stringify(res.messages)).toContain('http://127.0.0.1:3000/liff/items/');
  });

  it('answers only this machine: a request from another address is refused with a Thai explanation', async () => {
    for (const [method, url] of [['GET', '/dev/simulator'], ['GET', '/dev/simulator/api/directory'], ['POST', '/dev/simulator/api/link-code']] as const) {
      const res = await t.app.inject({ method, url, remoteAddress: '192.168.1.20', payload: method === 'POST' ? { orgSlug: 'sim' } : undefined });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('SIMULATOR_LOCAL_ONLY');
      expect(res.json().error.message).toContain('เฉพาะจากเครื่องที่รันเซิร์ฟเวอร์');
    }
    // A forwarded-for header does not make a remote request local.
    const spoofed = await t.app.inject({ method: 'GET', url: '/dev/simulator/api/directory', remoteAddress: '10.0.0.5', headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(spoofed.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/dev/simulator/api/directory', remoteAddress: '::1' })).statusCode).toBe(200);
    // Other routes are not affected.
    expect((await t.app.inject({ method: 'GET', url: '/healthz', remoteAddress: '192.168.1.20' })).statusCode).toBe(200);
  });

  it('treats only loopback addresses as local', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a), a).toBe(true);
    for (const a of ['0.0.0.0', '10.0.0.1', '192.168.1.20', '::ffff:10.0.0.1', '::', 'fe80::1', '1127.0.0.1', '', undefined]) expect(isLoopback(a), String(a)).toBe(false);
  });

  it('issues link and group codes that expire in an hour, audited as the simulator', async () => {
    for (const payload of [{ orgSlug: 'sim', officerName: 'นายหัวหน้า กำกับ' }, { orgSlug: 'sim' }]) {
      const res = await api('link-code', payload);
      expect(res.statusCode).toBe(200);
      expect(Date.parse(res.json().expiresAt) - t.clock.now().getTime()).toBe(3_600_000);
    }
  });

  it('rejects a malformed simulator request with a Thai validation error', async () => {
    const res = await api('send', { userId: 'nope', event: { type: 'text', text: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('is not there when LINE credentials are set, and offline mode cannot be forced on with them', async () => {
    const bot = await startBot();
    try {
      expect((await bot.app.inject({ method: 'GET', url: '/dev/simulator' })).statusCode).toBe(404);
      expect((await bot.app.inject({ method: 'GET', url: '/dev/simulator/api/directory' })).statusCode).toBe(404);
    } finally {
      await bot.close();
    }
    expect(() => loadConfig({ LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't', PUBLIC_BASE_URL: 'https://ita.example.go.th', OFFLINE_MODE: 'true' })).toThrow(/offline mode/);
    // A second app and database inside one test: room for a loaded machine (it took 31 s once, beside other suites).
  }, 120_000);
});
