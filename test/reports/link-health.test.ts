import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, cycles, evidenceLinks, outbox } from '../../src/db/schema.ts';
import { cliActor } from '../../src/modules/auth/actor.ts';
import { linkHealth } from '../../src/modules/links/links.table.ts';
import { startFakeWebsite, type FakeWebsite } from '../fakes/website.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';

let t: TestContext;
let site: FakeWebsite;
let orgId: number;
let token: string;
const preparerLine = `U${'c'.repeat(32)}`;
const ids: Record<string, number> = {};

beforeAll(async () => {
  site = await startFakeWebsite();
  // The fake agency website is on 127.0.0.1: opened by name for this test, as staging would.
  t = await createTestContext({ env: { LINK_CHECK_ALLOW_HOSTS: '127.0.0.1', LINK_CHECK_HOST_INTERVAL_MS: '0', LINK_CHECK_TIMEOUT_MS: '2000' } });
  const s = await seedOrg(t.container, {
    slug: 'links',
    units: ['กองคลัง'],
    officers: [{ name: 'นางสาวลิงก์ ทดสอบ', lineUserId: preparerLine }, { name: 'นายกำกับ ลิงก์' }],
    assignments: [1, 2, 3, 4, 5].map((item) => ({ item, unit: 'กองคลัง', status: item === 1 ? 'approved' : 'submitted', people: [['นางสาวลิงก์ ทดสอบ', 'preparer'], ['นายกำกับ ลิงก์', 'supervisor']] as Array<[string, 'preparer' | 'supervisor']> })),
  });
  orgId = s.org.id;
  token = (await t.container.auth.createToken(orgId)).token;
  const paths = { ok: '/ok', missing: '/missing', error: '/error', moved: '/moved', internal: null };
  let i = 0;
  for (const [name, path] of Object.entries(paths)) {
    const url = path ? `${site.url}${path}` : `http://localhost:${site.port}/secret`;
    const [row] = await t.container.database.db.insert(evidenceLinks).values({ orgId, assignmentId: s.assignmentIds[i++]!, url, addedBy: 'cli' }).returning();
    ids[name] = row!.id;
  }
});
afterAll(async () => {
  await t.container.links.close();
  await t.close();
  await site.close();
});

const health = async () => {
  const rows = await t.container.database.db.select().from(linkHealth).where(eq(linkHealth.orgId, orgId));
  return Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, rows.find((r) => r.evidenceId === id)]));
};
const brokenNotices = () => t.container.database.db.select().from(outbox).where(and(eq(outbox.orgId, orgId), eq(outbox.kind, 'link_broken')));

describe('evidence link health', () => {
  it('records each link’s state, tells the preparer once about a broken link, never changes a status, never fetches an internal address', async () => {
    const statuses = async () => (await t.container.database.db.select({ s: assignments.status }).from(assignments).where(eq(assignments.orgId, orgId))).map((r) => r.s).sort();
    const before = await statuses();
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/links/check?year=2568', headers: { authorization: `Bearer ${token}` } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ year: 2568, checked: 5, urls: 5, byState: { ok: 1, broken: 1, server_error: 1, moved: 1, unsafe: 1 } });
    const h = await health();
    expect(h.ok).toMatchObject({ state: 'ok', httpStatus: 200 });
    expect(h.missing).toMatchObject({ state: 'broken', httpStatus: 404 });
    expect(h.moved).toMatchObject({ state: 'moved', finalUrl: `${site.url}/ok/new-place` });
    expect(h.internal).toMatchObject({ state: 'unsafe' });
    expect(site.arrivals.some((a) => a.path === '/secret')).toBe(false);
    expect(await statuses()).toEqual(before);
    // Broken (404) and refused links are told at once; a first server error is not (it may pass).
    const notices = await brokenNotices();
    expect(notices.map((n) => n.recipient)).toEqual([preparerLine, preparerLine]);
    const texts = notices.map((n) => (n.messages as Array<{ text: string }>)[0]!.text);
    expect(texts.find((x) => x.includes('/missing'))).toMatch(/^ลิงก์หลักฐาน O2 .+ \(กองคลัง\) เปิดไม่ได้ \(404\)\n/);
    expect(h.missing!.notifiedAt).not.toBeNull();
    expect(h.error!.notifiedAt).toBeNull();
  });

  it('tells once per breakage: still broken says nothing, a server error that persists is told the second time', async () => {
    t.clock.advance(86_400_000);
    const s = await t.container.links.check(cliActor(orgId));
    expect(s.notified).toBe(1);
    const notices = await brokenNotices();
    expect(notices).toHaveLength(3);
    expect((notices.at(-1)!.messages as Array<{ text: string }>)[0]!.text).toContain('เว็บไซต์ขัดข้อง (500)');
    const h = await health();
    expect(h.missing!.since.getTime()).toBeLessThan(h.missing!.checkedAt.getTime());
  });

  it('is polite: one request at a time to one host', async () => {
    expect(site.maxInFlight()).toBe(1);
  });

  it('runs on schedule weekly and daily within the OIT window, once a day whichever instance ticks', async () => {
    const monday = new Date('2025-01-20T19:00:00Z'); // 02:00 Tuesday in Bangkok: not the weekly day
    expect(await t.container.links.runScheduled(monday)).toEqual([]);
    const mondayBkk = new Date('2025-01-19T19:00:00Z'); // 02:00 Monday 20 January in Bangkok
    expect((await t.container.links.runScheduled(mondayBkk)).map((r) => r.orgId)).toContain(orgId);
    expect((await t.container.links.runScheduled(mondayBkk)).map((r) => r.orgId)).not.toContain(orgId);
    await t.container.database.db.update(cycles).set({ oitOpensOn: '2025-03-01', oitClosesOn: '2025-04-30' }).where(eq(cycles.orgId, orgId));
    const inWindow = new Date('2025-03-12T19:00:00Z'); // a Thursday inside the window
    expect((await t.container.links.runScheduled(inWindow)).map((r) => r.orgId)).toContain(orgId);
  });
});
