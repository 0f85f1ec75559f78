import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchBrowser, openPhone, pageErrors, poll, shot, startLiffServer, type LiffServer } from './support.ts';

// The simulator as a phone shows it: a chat's earlier messages, line breaks, dates in พ.ศ.
describe.skipIf(!haveChromium)('the simulator at 390 px', () => {
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

  it('shows a push that arrived before the person was selected, with its line breaks; a link code expires in พ.ศ.', async () => {
    const sim = await openPhone(browser);
    await sim.goto(new URL('/dev/simulator', server.base).toString());
    await sim.locator('#demo').click();
    await poll(() => sim.locator('#who option').count()).toBeGreaterThan(1);
    const [value, label] = (await sim.locator('#who option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ''])))[1]!;
    const name = label!.replace(/ \(admin\)| · .*$/g, '').trim();

    // A reminder pushed to that officer while nobody looked at their chat.
    const org = (await server.container.orgRepo.bySlug('demo'))!;
    const officer = (await server.container.orgRepo.officers(org.id)).find((o) => String(o.id) === value)!;
    await server.container.line.push(officer.lineUserId!, [{ type: 'text', text: 'แจ้งเตือนบรรทัดแรก\nบรรทัดที่สอง' }], { orgId: org.id });
    await server.container.line.flushLog();

    await sim.selectOption('#who', value!);
    await poll(() => sim.locator('#log .note').last().textContent()).toContain(`คุณคือ ${name}`);
    const pushed = sim.locator('#log .say', { hasText: 'แจ้งเตือนบรรทัดแรก' });
    await poll(() => pushed.count()).toBe(1);
    // Two lines on screen, not one run-on line.
    const box = await pushed.evaluate((el) => ({ text: (el as HTMLElement).innerText, height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) || 20 }));
    expect(box.text).toBe('แจ้งเตือนบรรทัดแรก\nบรรทัดที่สอง');
    expect(box.height).toBeGreaterThan(1.8 * box.line);
    expect(await sim.locator('#log').textContent()).toContain('ข้อความก่อนหน้า');

    // Typing afterwards answers below, and the earlier push is still shown once.
    const answers = sim.locator('#log .row:not(.me)');
    const before = await answers.count();
    await sim.fill('#text', 'งานของฉัน');
    await sim.locator('#form button').click();
    await poll(() => answers.count()).toBeGreaterThan(before);
    expect(await pushed.count()).toBe(1);

    await sim.locator('#linkCode').click();
    await poll(() => sim.locator('#codeOut').textContent()).toMatch(/^ผูกบัญชี [A-Z2-9]{4}-[A-Z2-9]{4} \(ใช้ได้ถึง \d{1,2} [ก-๙.]+ \d{2} \d{2}:\d{2}\)$/);
    expect(await sim.locator('#codeOut').textContent()).not.toMatch(/AM|PM|\d{4}/);
    await shot(sim, 'simulator-390');
    expect(pageErrors(sim)).toEqual([]);
  }, 120_000);
});
