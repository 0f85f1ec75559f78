import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREPARER, seedAgency } from './agency.ts';
import { asUser, clickFor, haveChromium, launchBrowser, lineId, openPhone, pageErrors, shot, startLiffServer, type LiffServer, poll } from './support.ts';

// Every way a screen can fail ends in a message with a way on, never a blank page.
describe.skipIf(!haveChromium)('LIFF page: no dead ends', () => {
  let server: LiffServer;
  let browser: Browser;
  let o12: number;
  let o1: number;

  beforeAll(async () => {
    server = await startLiffServer();
    ({ o12, o1 } = await seedAgency(server));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an unlinked LINE account is told to type ผูกบัญชี <รหัส> in the chat', async () => {
    const page = await openPhone(browser);
    await page.goto(asUser(server.base, `/items/${o12}`, lineId('nobody')));
    const panel = page.locator('.panel[data-code="NOT_LINKED"]');
    await panel.waitFor();
    expect(await panel.locator('.command').textContent()).toContain('ผูกบัญชี');
    expect(await panel.locator('button').count()).toBe(1);
    await shot(page, 'not-linked');
  });

  it('an item that does not exist says so and leads back to my items', async () => {
    const page = await openPhone(browser);
    await page.goto(asUser(server.base, '/items/987654', PREPARER.line));
    const panel = page.locator('.panel[data-code="NOT_FOUND"]');
    await panel.waitFor();
    await panel.locator('a.btn').click();
    await page.locator('.card').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/liff/');
    expect(new URL(page.url()).searchParams.get('as')).toBe(PREPARER.line); // still the same user
  });

  it('an officer who is not an admin is refused the overview with a way back', async () => {
    const page = await openPhone(browser);
    await page.goto(asUser(server.base, '/overview', PREPARER.line));
    const panel = page.locator('.panel[data-code="FORBIDDEN"]');
    await panel.waitFor();
    expect(await panel.locator('a.btn').count()).toBe(1);
  });

  it('a change made meanwhile by someone else reloads the item, says why and keeps the typed text', async () => {
    const page = await openPhone(browser);
    await page.goto(asUser(server.base, `/items/${o1}`, PREPARER.line));
    await page.locator('[data-action="mark_not_applicable"]').click();
    await page.locator('textarea').fill('ไม่มี เนื่องจากหน่วยงานไม่มีโครงสร้างย่อย');
    // Meanwhile, from another phone: the item is started (its version moves on).
    const before = (await (await fetch(`${server.base}/api/liff/v1/items/${o1}`, { headers: { authorization: `Bearer dev:${PREPARER.line}` } })).json()) as { version: number };
    const moved = await fetch(`${server.base}/api/liff/v1/items/${o1}/transitions`, {
      method: 'POST',
      headers: { authorization: `Bearer dev:${PREPARER.line}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'start', version: before.version }),
    });
    expect(moved.status).toBe(200);

    expect(await clickFor(page, '.section--actions .field .btn--primary', 'POST', '/transitions')).toBe(409);
    await page.locator('.section--actions .notice--warn [data-code="STALE_VERSION"]').waitFor();
    await poll(() => page.locator('.detail__head .badge').getAttribute('class')).toContain('badge--in_progress');
    expect(await page.locator('textarea').inputValue()).toBe('ไม่มี เนื่องจากหน่วยงานไม่มีโครงสร้างย่อย');
    await shot(page, 'stale-version', '.section--actions');
    // Trying again now goes through, on the new version.
    expect(await clickFor(page, '.section--actions .field .btn--primary', 'POST', '/transitions')).toBe(200);
    await poll(() => page.locator('.detail__head .badge').getAttribute('class')).toContain('badge--not_applicable');
    expect(pageErrors(page)).toEqual([]);
  });

  it('a network failure offers to try again, and trying again works', async () => {
    const page = await openPhone(browser);
    await page.route('**/api/liff/v1/items**', (route) => route.abort('internetdisconnected'));
    await page.goto(asUser(server.base, '/', PREPARER.line));
    const panel = page.locator('.panel[data-code="NETWORK"]');
    await panel.waitFor();
    await shot(page, 'network-failure');
    await page.unroute('**/api/liff/v1/items**');
    await panel.locator('button').click();
    await page.locator('.card').first().waitFor();
  });

  it('a failed change keeps the form and offers to try again', async () => {
    const page = await openPhone(browser);
    await page.goto(asUser(server.base, `/items/${o12}`, PREPARER.line));
    await page.fill('#evidence-url', 'https://www.example.go.th/ita/o12');
    await page.route('**/evidence', (route) => route.abort('internetdisconnected'));
    await page.locator('form.add-evidence button[type=submit]').click();
    const notice = page.locator('.notice--error[data-code="NETWORK"]');
    await notice.waitFor();
    expect(await page.inputValue('#evidence-url')).toBe('https://www.example.go.th/ita/o12');
    await page.unroute('**/evidence');
    expect(await clickFor(page, '.notice--error button', 'POST', '/evidence')).toBe(201);
    await poll(() => page.locator('.evidence__url').count()).toBe(1);
  });

  it('a bad URL is explained next to the field and nothing is added', async () => {
    const page = await openPhone(browser);
    await page.goto(asUser(server.base, `/items/${o12}`, PREPARER.line));
    await page.locator('form.add-evidence').waitFor();
    const count = await page.locator('.evidence__url').count();
    await page.fill('#evidence-url', 'ftp://www.example.go.th/file');
    expect(await clickFor(page, 'form.add-evidence button[type=submit]', 'POST', '/evidence')).toBe(400);
    expect(await page.locator('.field__error[data-code="URL_INVALID"]').textContent()).not.toBe('');
    expect(await page.locator('.evidence__url').count()).toBe(count);
  });

  it('opened offline without a user, the page explains how to open it from the simulator', async () => {
    const page = await openPhone(browser);
    await page.goto(new URL('/liff/items/1', server.base).toString());
    const panel = page.locator('.panel[data-code="OFFLINE"]');
    await panel.waitFor();
    expect(await panel.locator('a[href="/dev/simulator"]').count()).toBe(1);
  });
});
