import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceLinks, linkHealth } from '../../src/db/schema.ts';
import { PREPARER, seedAgency } from './agency.ts';
import { asUser, haveChromium, launchBrowser, openPhone, pageErrors, shot, startLiffServer, type LiffServer } from './support.ts';

// The link checker's last result, as it writes it (test/reports covers the checker itself).
describe.skipIf(!haveChromium)('LIFF page: evidence link health', () => {
  let server: LiffServer;
  let browser: Browser;
  let o12: number;

  beforeAll(async () => {
    server = await startLiffServer();
    const seeded = await seedAgency(server);
    o12 = seeded.o12;
    const db = server.container.database.db;
    const checkedAt = new Date(server.clock.now().getTime() - 3600_000);
    const links = await db.insert(evidenceLinks).values([
      { orgId: seeded.org.id, assignmentId: o12, url: 'https://www.example.go.th/ita/o12-plan.pdf', label: 'แผนปฏิบัติการ', addedBy: 'cli' },
      { orgId: seeded.org.id, assignmentId: o12, url: 'https://www.example.go.th/ita/o12-report', addedBy: 'cli' },
    ]).returning();
    await db.insert(linkHealth).values([
      { evidenceId: links[0]!.id, orgId: seeded.org.id, url: links[0]!.url, state: 'broken', httpStatus: 404, checkedAt, since: checkedAt },
      { evidenceId: links[1]!.id, orgId: seeded.org.id, url: links[1]!.url, state: 'ok', httpStatus: 200, checkedAt, since: checkedAt },
    ]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('warns under the link that did not open, and only under that one', async () => {
    const page = await openPhone(browser);
    await page.goto(asUser(server.base, `/items/${o12}`, PREPARER.line));
    const warned = page.locator('.evidence__row [data-health]');
    await warned.first().waitFor();
    expect(await warned.count()).toBe(1);
    expect(await warned.getAttribute('data-health')).toBe('broken');
    expect(await warned.textContent()).toContain('เปิดไม่ได้ (404)');
    const row = page.locator('.evidence__row', { has: page.locator('[data-health]') });
    expect(await row.locator('.evidence__url').textContent()).toBe('https://www.example.go.th/ita/o12-plan.pdf');
    await shot(page, 'evidence-link-health', '.evidence');
    expect(pageErrors(page)).toEqual([]);
  });
});
