import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceLinks, outbox } from '../../src/db/schema.ts';
import type { Actor } from '../../src/modules/auth/actor.ts';
import { createLinksRepository } from '../../src/modules/links/links.repository.ts';
import { plainText } from '../../src/modules/reminders/flex.ts';
import { createSummaryExtras } from '../../src/modules/reports/summary-extras.ts';
import { startFakeWebsite, type FakeWebsite } from '../fakes/website.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';

let t: TestContext;
let site: FakeWebsite;
let orgId: number;
let assignmentId: number;
let admin: Actor;
const adminLine = `U${'d'.repeat(32)}`;

beforeAll(async () => {
  site = await startFakeWebsite();
  t = await createTestContext({
    now: '2025-01-15T01:00:00Z',
    env: { PUBLIC_BASE_URL: 'https://ita.example.go.th', LINK_CHECK_ALLOW_HOSTS: '127.0.0.1', LINK_CHECK_HOST_INTERVAL_MS: '0', LINK_CHECK_TIMEOUT_MS: '2000' },
  });
  const s = await seedOrg(t.container, {
    slug: 'sumlinks',
    units: ['กองคลัง'],
    officers: [{ name: 'นางผู้ดูแล ระบบ', lineUserId: adminLine, isAdmin: true }, { name: 'นายจัดทำ ข้อมูล' }],
    assignments: [{ item: 2, unit: 'กองคลัง', due: '2025-03-31', status: 'submitted', people: [['นายจัดทำ ข้อมูล', 'preparer']] }],
  });
  orgId = s.org.id;
  assignmentId = s.assignmentIds[0]!;
  admin = { kind: 'officer', orgId, officerId: s.officerIds.get('นางผู้ดูแล ระบบ')!, isAdmin: true };
  await t.container.database.db.insert(evidenceLinks).values([
    { orgId, assignmentId, url: `${site.url}/ok`, addedBy: 'cli' },
    { orgId, assignmentId, url: `${site.url}/missing`, addedBy: 'cli' },
  ]);
  await t.container.links.check({ kind: 'admin', orgId, ref: 'cli' });
});
afterAll(async () => {
  await t.container.links.close();
  await t.close();
  await site.close();
});

describe('link health in the chat and the daily summary', () => {
  it('shows a warning under a link that does not work in the chat item detail', async () => {
    const text = plainText(await t.container.lineBot.views.singleDetail(admin, assignmentId));
    expect(text).toContain(`${site.url}/missing\n⚠ ตรวจล่าสุด: เปิดไม่ได้ (404)`);
    expect(text).not.toContain(`${site.url}/ok\n⚠`);
  });

  it('tells admins how many links are broken and adds the chart picture at an https address only LINE needs to know', async () => {
    await t.container.reminders.planSummaries(new Date('2025-01-15T01:30:00Z'));
    const [row] = await t.container.database.db.select().from(outbox).where(and(eq(outbox.kind, 'summary'), eq(outbox.recipient, adminLine)));
    const messages = row!.messages as Array<{ type: string; originalContentUrl?: string; previewImageUrl?: string }>;
    expect(plainText(messages as never)).toContain('ลิงก์หลักฐานใช้งานไม่ได้ 1 ลิงก์');
    const image = messages[1]!;
    expect(image.type).toBe('image');
    expect(image.originalContentUrl).toMatch(/^https:\/\/ita\.example\.go\.th\/public\/charts\/[A-Za-z0-9_-]{32}\.png$/);
    expect(image.previewImageUrl).toBe(image.originalContentUrl);
    const path = new URL(image.originalContentUrl!).pathname;
    const png = await t.app.inject({ method: 'GET', url: path });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect((await t.app.inject({ method: 'GET', url: '/public/charts/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.png' })).statusCode).toBe(404);
    // Two weeks later the address no longer answers.
    t.clock.set('2025-02-05T03:00:00Z');
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
  });

  it('leaves the picture out without an https PUBLIC_BASE_URL (LINE fetches images over https only)', async () => {
    const db = t.container.database.db;
    for (const publicBaseUrl of [undefined, 'http://ita.example.go.th']) {
      const extras = createSummaryExtras({ config: { publicBaseUrl }, clock: t.clock, links: createLinksRepository(db) });
      expect((await extras(db, [orgId], '2025-01-20')).get(orgId)).toEqual({ brokenLinks: 1, chartUrl: null });
    }
  });
});
