import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchBrowser, openPhone, pageErrors, startLiffServer, type LiffServer, poll } from './support.ts';

// Offline, the way a developer or an evaluator tries it: the simulator's item buttons open the
// LIFF page as the officer being simulated.
describe.skipIf(!haveChromium)('LIFF page from the offline simulator', () => {
  let server: LiffServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startLiffServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an item button in "งานของฉัน" opens that item in the page, as that officer', async () => {
    const sim = await openPhone(browser);
    await sim.setViewportSize({ width: 1100, height: 900 });
    await sim.goto(new URL('/dev/simulator', server.base).toString());
    await sim.locator('#demo').click();
    await poll(() => sim.locator('#who option').count()).toBeGreaterThan(1);

    // The first demo officer whose list has an item button.
    const options = await sim.locator('#who option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']));
    let opened = false;
    for (const [value, label] of options.filter(([v]) => v !== '')) {
      const name = label!.replace(/ \(admin\)| · .*$/g, '').trim();
      await sim.selectOption('#who', value!);
      // Switching officers ends by clearing the log and saying who you are now: wait for that.
      await poll(() => sim.locator('#log .note').last().textContent()).toContain(`คุณคือ ${name}`);
      await poll(() => sim.locator('#whoId').textContent()).toMatch(/^U/);
      // Wait for the bot's answer itself (rows not .me), not for the message just typed.
      const answers = sim.locator('#log .row:not(.me)');
      const before = await answers.count();
      await sim.fill('#text', 'งานของฉัน');
      await sim.locator('#form button').click();
      await poll(() => answers.count()).toBeGreaterThan(before);
      const button = sim.locator('#log [data-action*="/liff/items/"]').first();
      if ((await button.count()) === 0) continue;
      const lineId = (await sim.locator('#whoId').textContent())!;
      const [page] = await Promise.all([sim.context().waitForEvent('page'), button.click()]);
      await page.waitForLoadState();
      const url = new URL(page.url());
      expect(url.origin).toBe(new URL(server.base).origin);
      expect(url.pathname).toMatch(/^\/liff\/items\/\d+$/);
      expect(url.searchParams.get('as')).toBe(lineId);
      await page.locator('.detail__head h1').waitFor();
      expect(await page.locator('.topbar__who strong').textContent()).toBe(name);
      expect(pageErrors(page)).toEqual([]);
      opened = true;
      break;
    }
    expect(opened).toBe(true);
  });
});
