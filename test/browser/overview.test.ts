import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema.ts';
import { ADMIN, PREPARER, seedAgency } from './agency.ts';
import { asUser, haveChromium, launchBrowser, openPhone, pageErrors, shot, startLiffServer, type LiffServer } from './support.ts';

// The organization admin's overview, with the month's LINE messages held (issue 12).
describe.skipIf(!haveChromium)('LIFF page: organization overview', () => {
  let server: LiffServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startLiffServer({ env: { LINE_MONTHLY_MESSAGE_BUDGET: '300' } });
    const { org } = await seedAgency(server);
    const now = server.clock.now();
    await server.container.delivery.refresh(now);
    await server.container.delivery.hold('monthly_limit', now);
    // The delivery log as the planner and the sender left it this month.
    const rows = [...Array(4).fill('merged'), ...Array(12).fill('dropped'), 'expired', 'expired', 'failed'];
    await server.container.database.db.insert(outbox).values(rows.map((status) => ({
      orgId: org.id, dedupeKey: `test:${randomUUID()}`, kind: 'reminder', recipient: PREPARER.line, localDate: '2025-01-14',
      messages: [], retryKey: randomUUID(), status, nextAttemptAt: now, createdAt: now,
    })));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("tells the admin in Thai that pushes are held until the 1st, why, what to do, and what did not go", async () => {
    const page = await openPhone(browser);
    await page.goto(asUser(server.base, '/overview', ADMIN.line));
    const panel = page.locator('.delivery[data-held="monthly_limit"]');
    await panel.waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('ข้อความ LINE เดือนมกราคม 2568');
    expect(text).toContain('หยุดส่งข้อความถึง 1 กุมภาพันธ์ 2568: LINE แจ้งว่าบัญชีส่งครบโควตาของเดือนนี้แล้ว');
    expect(await panel.locator('.delivery__do code').textContent()).toBe('quota --resume');
    expect(text).toContain('จาก 300 ข้อความ');
    expect(await panel.locator('.badge').allTextContents()).toEqual(['รวมไปกับข้อความอื่น 4', 'ไม่ส่ง (เกินงบ) 12', 'หมดเวลา ไม่ส่งย้อนหลัง 2', 'ส่งไม่สำเร็จ 1']);
    expect(text).not.toMatch(/monthly_limit|merged|dropped|reminder/);
    await shot(page, 'overview-delivery-held', '.delivery');
    expect(pageErrors(page)).toEqual([]);
  });
});
