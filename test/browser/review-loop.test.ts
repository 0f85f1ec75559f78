import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREPARER, seedAgency, SUPERVISOR } from './agency.ts';
import { asUser, clickFor, haveChromium, launchBrowser, openPhone, pageErrors, shot, startLiffServer, type LiffServer, poll } from './support.ts';

// The whole loop in a real Chromium at phone size, against the real server and database, with
// the real @line/liff-mock: a preparer opens an item by deep link, ticks components, adds an
// evidence link and submits; the supervisor returns it with a comment; the preparer fixes and
// resubmits; the supervisor checks it (final: the item has no certifier).
describe.skipIf(!haveChromium)('LIFF page: prepare, return, fix, approve', () => {
  let server: LiffServer;
  let browser: Browser;
  let o12: number;

  beforeAll(async () => {
    server = await startLiffServer();
    ({ o12 } = await seedAgency(server));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const status = (page: Page) => page.locator('.detail__head .badge').first();

  it('a preparer ticks components, adds evidence and submits, confirming the unticked one', async () => {
    const page = await openPhone(browser);
    await page.goto(asUser(server.base, '/', PREPARER.line));
    await poll(() => page.locator('.card').count()).toBeGreaterThan(1);
    await poll(() => page.locator('.card--overdue').count()).toBe(1);
    await shot(page, 'my-items');

    await page.goto(asUser(server.base, `/items/${o12}`, PREPARER.line));
    await page.locator('.detail__head h1').waitFor();
    expect(await page.locator('.detail__head .code').textContent()).toBe('O12');
    expect(await page.locator('.checklist input[type=checkbox]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.subpoints li').count()).toBeGreaterThan(0);

    expect(await clickFor(page, '[data-component="0"]', 'PUT', '/components')).toBe(200);
    await poll(() => page.locator('[data-component="0"]').isChecked()).toBe(true);
    expect(await clickFor(page, '[data-component="1"]', 'PUT', '/components')).toBe(200);
    await poll(() => page.locator('[data-component="1"]').isChecked()).toBe(true);
    await shot(page, 'item-checklist', '.checklist');

    await page.fill('#evidence-url', 'https://www.example.go.th/ita/o12-procurement-2568');
    await page.fill('#evidence-label', 'หน้า ITA › O12 ด้านล่างสุด');
    expect(await clickFor(page, 'form.add-evidence button[type=submit]', 'POST', '/evidence')).toBe(201);
    await poll(() => page.locator('.evidence__url').count()).toBe(1);
    expect(await page.inputValue('#evidence-url')).toBe('');

    expect(await clickFor(page, '[data-action="submit"]', 'POST', '/transitions')).toBe(409);
    const confirm = page.locator('.confirm[role=alertdialog]');
    await confirm.waitFor();
    expect(await confirm.locator('li').count()).toBe(1); // the one left unticked, by its text
    await shot(page, 'submit-incomplete', '.section--actions');
    expect(await clickFor(page, '.confirm .btn--warn', 'POST', '/transitions')).toBe(200);
    await poll(() => status(page).getAttribute('class')).toContain('badge--submitted');
    expect(pageErrors(page)).toEqual([]);
  });

  it('the supervisor sees it grouped by unit and returns it with a comment', async () => {
    const page = await openPhone(browser, { dark: true });
    await page.goto(asUser(server.base, '/review', SUPERVISOR.line));
    const card = page.locator(`.card[data-item-id="${o12}"]`);
    await card.waitFor();
    expect(await page.locator('.group').count()).toBe(2);
    expect(await card.locator('.badge--me').count()).toBe(1);
    await shot(page, 'review-dark');

    await card.locator('[data-action="return"]').click();
    await card.locator('textarea').fill('ลิงก์ยังไม่แสดงข้อมูลไตรมาส 2 กรุณาเพิ่มแล้วส่งใหม่');
    expect(await clickFor(page, `.card[data-item-id="${o12}"] .field .btn--warn`, 'POST', '/transitions')).toBe(200);
    await page.locator('.notice--ok').waitFor();
    await poll(() => card.locator('.badge--returned').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('the preparer reads the comment, fixes the item and resubmits without a confirmation', async () => {
    const page = await openPhone(browser);
    await page.goto(asUser(server.base, `/items/${o12}`, PREPARER.line));
    await page.locator('.return-box').waitFor();
    expect(await page.locator('.return-box__comment').textContent()).toContain('ไตรมาส 2');
    await shot(page, 'item-returned');

    const boxes = page.locator('.checklist input[type=checkbox]');
    const n = await boxes.count();
    for (let i = 0; i < n; i++) {
      if (!(await boxes.nth(i).isChecked())) {
        expect(await clickFor(page, `[data-component="${i}"]`, 'PUT', '/components')).toBe(200);
        await poll(() => boxes.nth(i).isChecked()).toBe(true);
      }
    }
    expect(await clickFor(page, '[data-action="submit"]', 'POST', '/transitions')).toBe(200);
    await poll(() => status(page).getAttribute('class')).toContain('badge--submitted');
    expect(await page.locator('.confirm[role=alertdialog]').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('the supervisor checks it from the item itself, which is final without a certifier', async () => {
    const page = await openPhone(browser);
    await page.goto(asUser(server.base, `/items/${o12}`, SUPERVISOR.line));
    await page.locator('[data-action="check"]').waitFor();
    expect(await page.locator('[data-action="approve"]').count()).toBe(0); // certifying is a certifier's step
    expect(await page.locator('.checklist input:disabled').count()).toBeGreaterThan(0); // reviewers read, not tick
    expect(await clickFor(page, '[data-action="check"]', 'POST', '/transitions')).toBe(200);
    await poll(() => status(page).getAttribute('class')).toContain('badge--approved');
    expect(await page.locator('.history li').count()).toBeGreaterThanOrEqual(4);
    await poll(() => page.evaluate(() => scrollY)).toBe(0); // a done transition scrolls up to the new status
    await shot(page, 'item-approved');

    const res = await fetch(`${server.base}/api/liff/v1/items/${o12}`, { headers: { authorization: `Bearer dev:${PREPARER.line}` } });
    const item = (await res.json()) as { status: string; evidence: unknown[]; components: { ticked: boolean }[] };
    expect(item.status).toBe('approved');
    expect(item.evidence).toHaveLength(1);
    expect(item.components.every((c) => c.ticked)).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });
});
